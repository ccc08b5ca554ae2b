/**
 * The Office adapter against office-addin-mock mailboxes (the enums are supplied: office-addin-mock
 * has none). Each Office call answers through its callback, succeeding or failing as Office does.
 */
import { OfficeMockObject } from 'office-addin-mock';
import { describe, expect, it } from 'vitest';
import { invoiceFromThread } from '../../core/invoice-from-thread';
import type { ReminderDraft } from '../../core/model';
import type { OfficeApi, OfficeAsyncResult } from './office-api';
import { OfficeCallError } from './office-call';
import { DUE_BAR_KEY, OutlookMailbox } from './outlook-mailbox';

const ENUMS = {
  AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
  CoercionType: { Text: 'text', Html: 'html' },
  EventType: { ItemChanged: 'olkItemSelectedChanged' },
  MailboxEnums: { ItemType: { Message: 'message', Appointment: 'appointment' }, ItemNotificationMessageType: { InformationalMessage: 'informationalMessage' } },
};

const ok = <T>(value: T): OfficeAsyncResult<T> => ({ status: 'succeeded', value });
const failed = (name: string, message: string, code = 9000): OfficeAsyncResult<never> => ({ status: 'failed', value: undefined as never, error: { name, message, code } });

const CAMILLE = { displayName: 'Camille Durand', emailAddress: 'Camille@Atelier-Durand.fr' };
const SOPHIE = { displayName: 'Sophie Lambert', emailAddress: 'sophie.lambert@lambert-conseil.fr' };

const REPLY_BODY = [
  'Bien reçu, merci Camille, je transmets à la compta.',
  '',
  'Sophie',
  '',
  'De : Camille Durand <camille@atelier-durand.fr>',
  'Envoyé : mardi 13 octobre 2026 10:15',
  'À : Sophie Lambert <sophie.lambert@lambert-conseil.fr>',
  'Objet : Facture F-2026-032 – Identité visuelle Lambert Conseil',
  '',
  'Bonjour Sophie,',
  '',
  'Veuillez trouver ci-joint la facture n° F-2026-032 relative à la création de l’identité visuelle de Lambert Conseil.',
  '',
  'Total TTC : 1 850,00 €',
  '',
  'Conditions de règlement : paiement à 30 jours, soit au plus tard le 10 novembre 2026.',
  '',
  'Bien cordialement,',
  'Camille',
].join('\n');

interface Recorded {
  replies: unknown[];
  replyAlls: unknown[];
  newMessages: unknown[];
  bars: Array<{ op: 'replace' | 'remove'; key: string; details?: unknown }>;
  inserted: Array<{ data: string; options: unknown }>;
  handlers: Array<{ type: string; handler: () => void }>;
  opened: string[];
}

function mockOffice(options: { item?: 'read' | 'compose' | 'none'; body?: OfficeAsyncResult<string>; barResult?: OfficeAsyncResult<void>; supports16?: boolean; from?: typeof SOPHIE; openRefused?: string } = {}) {
  const recorded: Recorded = { replies: [], replyAlls: [], newMessages: [], bars: [], inserted: [], handlers: [], opened: [] };
  const notificationMessages = {
    replaceAsync(key: string, details: unknown, callback: (r: OfficeAsyncResult<void>) => void) {
      recorded.bars.push({ op: 'replace', key, details });
      callback(options.barResult ?? ok(undefined));
    },
    removeAsync(key: string, callback: (r: OfficeAsyncResult<void>) => void) {
      recorded.bars.push({ op: 'remove', key });
      callback(options.barResult ?? ok(undefined));
    },
  };
  const readItem = {
    itemType: 'message',
    itemId: 'AAMkAGI2TG93AAA=',
    conversationId: 'AAQkAGI2conv+/=',
    subject: 'RE: Facture F-2026-032 – Identité visuelle Lambert Conseil',
    from: options.from ?? SOPHIE,
    to: [CAMILLE],
    cc: [],
    dateTimeCreated: new Date(2026, 9, 15, 9, 12),
    attachments: [
      { name: 'F-2026-032.pdf', attachmentType: 'file', isInline: false },
      { name: 'logo.png', attachmentType: 'file', isInline: true },
    ],
    body: {
      getAsync(coercion: string, callback: (r: OfficeAsyncResult<string>) => void) {
        expect(coercion).toBe('text');
        callback(options.body ?? ok(REPLY_BODY));
      },
    },
    notificationMessages,
    displayReplyForm(form: unknown) {
      recorded.replies.push(form);
    },
    displayReplyAllForm(form: unknown) {
      recorded.replyAlls.push(form);
    },
  };
  const composeItem = {
    itemType: 'message',
    conversationId: 'AAQkAGI2conv+/=',
    subject: { getAsync: () => undefined },
    body: {
      getAsync: () => undefined,
      setSelectedDataAsync(data: string, opts: unknown, callback: (r: OfficeAsyncResult<void>) => void) {
        recorded.inserted.push({ data, options: opts });
        callback(ok(undefined));
      },
    },
    notificationMessages,
  };
  const mode = options.item ?? 'read';
  const data = {
    ...ENUMS,
    context: {
      displayLanguage: 'fr-FR',
      requirements: { isSetSupported: (name: string, version?: string) => name === 'Mailbox' && ((options.supports16 ?? true) || Number(version) <= 1.5) },
      mailbox: {
        item: mode === 'compose' ? composeItem : readItem,
        userProfile: { emailAddress: 'camille@atelier-durand.fr', displayName: 'Camille Durand' },
        displayNewMessageForm(parameters: unknown) {
          recorded.newMessages.push(parameters);
        },
        displayMessageForm(itemId: string) {
          if (options.openRefused) throw new Error(options.openRefused);
          recorded.opened.push(itemId);
        },
        addHandlerAsync(type: string, handler: () => void, callback: (r: OfficeAsyncResult<void>) => void) {
          recorded.handlers.push({ type, handler });
          callback(ok(undefined));
        },
      },
    },
  };
  // 'outlook': values are readable without load(), as in Outlook (office-addin-mock's OfficeApp.Outlook).
  const office = new OfficeMockObject(data as never, 'outlook' as never) as unknown as OfficeApi;
  // office-addin-mock cannot hold a null object: the empty selection is set after.
  if (mode === 'none') office.context.mailbox.item = null;
  return { office, mailbox: new OutlookMailbox(office), recorded };
}

const DRAFT: ReminderDraft = {
  step: 'first_reminder',
  language: 'fr',
  to: ['sophie.lambert@lambert-conseil.fr'],
  subject: 'Facture F-2026-032 : petit rappel',
  bodyText: 'Bonjour Sophie,\n\nSauf erreur de ma part, la facture F-2026-032 <1 850,00 €> reste à régler.\nMerci d’avance,\n\nCamille',
};

describe('OutlookMailbox reading the selected message', () => {
  it('reads subject, sender, recipients, date, body, attachment names and conversation id into an outlook thread', async () => {
    const { mailbox } = mockOffice();
    const thread = await mailbox.readThread();
    expect(thread).toMatchObject({ host: 'outlook', account: 'camille@atelier-durand.fr', threadId: 'AAQkAGI2conv+/=', subject: 'RE: Facture F-2026-032 – Identité visuelle Lambert Conseil', uiLanguage: 'fr' });
    const own = thread.messages.at(-1)!;
    expect(own).toEqual({
      id: 'AAMkAGI2TG93AAA=',
      from: { name: 'Sophie Lambert', email: 'sophie.lambert@lambert-conseil.fr' },
      to: [{ name: 'Camille Durand', email: 'camille@atelier-durand.fr' }],
      cc: [],
      date: '2026-10-15T09:12',
      bodyText: 'Bien reçu, merci Camille, je transmets à la compta.\n\nSophie',
      attachments: ['F-2026-032.pdf'],
      collapsed: false,
    });
  });

  it('turns the quoted history into the earlier message, so the engine finds the invoice Camille sent', async () => {
    const { mailbox } = mockOffice();
    const thread = await mailbox.readThread();
    expect(thread.messages).toHaveLength(2);
    expect(thread.messages[0]).toMatchObject({ from: { email: 'camille@atelier-durand.fr' }, to: [{ email: 'sophie.lambert@lambert-conseil.fr' }] });
    expect(thread.messages[0]!.bodyText).toMatch(/^Bonjour Sophie,/);
    const reading = invoiceFromThread(thread);
    expect(reading.kind).toBe('invoice');
    if (reading.kind !== 'invoice') return;
    expect(reading.facts).toMatchObject({ invoiceNumber: 'F-2026-032', amount: 1850, currency: 'EUR', issueDate: '2026-10-13', dueDate: '2026-11-10', client: { email: 'sophie.lambert@lambert-conseil.fr' }, language: 'fr' });
  });

  it('a failed body.getAsync becomes an error naming the operation and Office’s error', async () => {
    const { mailbox } = mockOffice({ body: failed('GenericResponseError', 'The item was closed.') });
    const error = await mailbox.readThread().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OfficeCallError);
    expect((error as Error).message).toBe('Outlook refused reading the message body: The item was closed. (GenericResponseError)');
  });

  it('says when there is no message to read (pinned pane, empty selection, or compose)', async () => {
    await expect(mockOffice({ item: 'none' }).mailbox.readThread()).rejects.toThrow(/no message is open for reading/);
    await expect(mockOffice({ item: 'compose' }).mailbox.readThread()).rejects.toThrow(/no message is open for reading/);
    expect(mockOffice({ item: 'compose' }).mailbox.itemMode()).toBe('compose');
    expect(mockOffice({ item: 'none' }).mailbox.itemMode()).toBe('none');
  });
});

describe('OutlookMailbox writing drafts (never sending)', () => {
  it('replies to the client’s message with the draft as escaped HTML', () => {
    const { mailbox, recorded } = mockOffice();
    expect(mailbox.openDraft(DRAFT)).toBe('reply');
    expect(recorded.replies).toEqual([
      { htmlBody: '<p>Bonjour Sophie,</p><p>Sauf erreur de ma part, la facture F-2026-032 &lt;1 850,00 €&gt; reste à régler.<br>Merci d’avance,</p><p>Camille</p>' },
    ]);
    expect(recorded.replyAlls).toEqual([]);
    expect(recorded.newMessages).toEqual([]);
  });

  it('replies to all on the user’s own message, so the client stays addressed', () => {
    const { mailbox, recorded } = mockOffice({ from: CAMILLE });
    (mailbox as unknown as { office: OfficeApi }).office.context.mailbox.item = {
      ...(mailbox as unknown as { office: OfficeApi }).office.context.mailbox.item,
      to: [SOPHIE],
    } as never;
    expect(mailbox.openDraft(DRAFT)).toBe('reply');
    expect(recorded.replyAlls).toHaveLength(1);
    expect(recorded.replies).toEqual([]);
  });

  it('opens a new message to the client when the selected message is not theirs', () => {
    const { mailbox, recorded } = mockOffice({ from: { displayName: 'Bank', emailAddress: 'news@bank.example' } });
    expect(mailbox.openDraft(DRAFT)).toBe('new_compose');
    expect(recorded.newMessages).toEqual([{ toRecipients: ['sophie.lambert@lambert-conseil.fr'], subject: 'Facture F-2026-032 : petit rappel', htmlBody: expect.stringContaining('<p>Bonjour Sophie,</p>') }]);
  });

  it('without Mailbox 1.6 a new message cannot be opened: a clear error, nothing half-done', () => {
    const { mailbox, recorded } = mockOffice({ item: 'none', supports16: false });
    expect(() => mailbox.openDraft(DRAFT)).toThrow(/Mailbox 1\.6 needed/);
    expect(recorded.newMessages).toEqual([]);
  });

  it('inserts the reminder at the cursor in compose, as HTML', async () => {
    const { mailbox, recorded } = mockOffice({ item: 'compose' });
    await mailbox.insertAtCursor(DRAFT);
    expect(recorded.inserted).toEqual([{ data: expect.stringMatching(/^<p>Bonjour Sophie,<\/p>/), options: { coercionType: 'html' } }]);
    await expect(mockOffice({ item: 'read' }).mailbox.insertAtCursor(DRAFT)).rejects.toThrow(/no message is being written/);
  });
});

describe('OutlookMailbox opening a message', () => {
  it('reads the item id whole (an EWS id opens the message later); an id too long to be one is not kept cut', async () => {
    expect((await mockOffice().mailbox.readThread()).messages.at(-1)!.id).toBe('AAMkAGI2TG93AAA=');
    const { office, mailbox } = mockOffice();
    (office.context.mailbox.item as { itemId: string }).itemId = `AAMk${'A'.repeat(400)}`;
    expect((await mailbox.readThread()).messages.at(-1)!.id).toBeNull();
  });

  it('opens the message by its EWS id with displayMessageForm, as given (no conversion)', () => {
    const { mailbox, recorded } = mockOffice();
    mailbox.openMessage('AAMkAGI2TG93AAA=');
    expect(recorded.opened).toEqual(['AAMkAGI2TG93AAA=']);
  });

  it('Outlook’s refusal, a missing API or no id become errors that say what failed', () => {
    expect(() => mockOffice({ openRefused: 'Sys.ArgumentException: itemId' }).mailbox.openMessage('AAMk')).toThrow('Outlook refused opening the message: Sys.ArgumentException: itemId (exception)');
    const { office, mailbox, recorded } = mockOffice();
    expect(() => mailbox.openMessage('  ')).toThrow(/no Outlook message to open/);
    office.context.mailbox.displayMessageForm = undefined;
    expect(() => mailbox.openMessage('AAMk')).toThrow(/cannot open a message from an add-in/);
    expect(recorded.opened).toEqual([]);
  });
});

describe('OutlookMailbox information bar and selection', () => {
  it('shows one informational bar under Relance’s key, replaced rather than stacked, cut to 150 characters', async () => {
    const { mailbox, recorded } = mockOffice();
    await mailbox.setDueBar('Relance : facture F-2026-032 à relancer aujourd’hui.');
    await mailbox.setDueBar(`Relance : ${'très '.repeat(40)}long`);
    expect(recorded.bars).toHaveLength(2);
    expect(recorded.bars[0]).toEqual({ op: 'replace', key: DUE_BAR_KEY, details: { type: 'informationalMessage', message: 'Relance : facture F-2026-032 à relancer aujourd’hui.', icon: 'Icon.16', persistent: false } });
    const long = (recorded.bars[1]!.details as { message: string }).message;
    expect(long.length).toBeLessThanOrEqual(150);
    expect(long.endsWith('…')).toBe(true);
  });

  it('removes the bar, and a bar already gone is not an error', async () => {
    const { mailbox, recorded } = mockOffice({ barResult: failed('KeyNotFound', 'The key was not found.') });
    await expect(mailbox.setDueBar(null)).resolves.toBeUndefined();
    expect(recorded.bars).toEqual([{ op: 'remove', key: DUE_BAR_KEY }]);
    await expect(mailbox.setDueBar('x')).rejects.toThrow('Outlook refused showing the information bar: The key was not found. (KeyNotFound)');
  });

  it('follows the selected item through ItemChanged', async () => {
    const { mailbox, recorded } = mockOffice();
    let calls = 0;
    await mailbox.onItemChanged(() => (calls += 1));
    expect(recorded.handlers.map((h) => h.type)).toEqual(['olkItemSelectedChanged']);
    recorded.handlers[0]!.handler();
    expect(calls).toBe(1);
  });
});
