/**
 * The Office adapter: the only code in Relance that calls Office.js. It reads the selected message
 * into the ThreadSnapshot the core reads (host 'outlook'), opens reminder drafts in Outlook's own
 * forms (never sends), inserts a reminder at the cursor in compose, shows or clears the item's
 * information bar, and follows the selected item. Every asynchronous call goes through officeCall,
 * so a Failed result becomes an error that says what failed.
 */
import type { Language, MailAddress, MailMessage, ReminderDraft, ThreadSnapshot } from '../../core/model';
import { LIMITS } from '../../protocol/messages';
import type { OfficeApi, OfficeComposeItem, OfficeEmailAddress, OfficeReadItem } from './office-api';
import { officeCall, officeSync, OfficeCallError } from './office-call';
import { splitQuotedMessages } from './quoted-messages';
import { draftToHtml } from './draft-html';

/** The key of Relance's information bar on an item (one bar, replaced, never stacked). */
export const DUE_BAR_KEY = 'relance-due';
/** The manifest's 16 px icon resource, shown in the bar. */
export const DUE_BAR_ICON = 'Icon.16';
/** Office truncates longer bar messages (150 characters); we cut first, on a word. */
export const DUE_BAR_MAX = 150;

/** EWS item ids are about 150 characters; longer is not an id Relance keeps. */
const ITEM_ID_MAX = 300;

export type ItemMode = 'read' | 'compose' | 'none';

export type DraftMode = 'reply' | 'new_compose';

function address(value: OfficeEmailAddress | null | undefined): MailAddress | null {
  const email = value?.emailAddress?.trim().toLowerCase();
  if (!email || !email.includes('@')) return null;
  const name = value?.displayName?.trim();
  return { name: name && name.toLowerCase() !== email ? name : null, email };
}

function addresses(values: OfficeEmailAddress[] | null | undefined): MailAddress[] {
  return (values ?? []).map(address).filter((a): a is MailAddress => a !== null).slice(0, LIMITS.addresses);
}

/** `YYYY-MM-DDTHH:mm` in the mailbox's (the browser's) local time, as Gmail shows dates. */
export function localDateTime(date: Date | null | undefined): string | null {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) return null;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

export function languageOf(locale: string | undefined): Language | null {
  const primary = locale?.toLowerCase().split(/[-_]/)[0];
  return primary === 'fr' ? 'fr' : primary === 'en' ? 'en' : null;
}

const cut = (text: string, max: number) => (text.length > max ? text.slice(0, max) : text);

export class OutlookMailbox {
  constructor(private readonly office: OfficeApi) {}

  private get mailbox() {
    return this.office.context.mailbox;
  }

  /** Whether the selected item is a message being read, one being written, or nothing (pane pinned on an empty selection). */
  itemMode(): ItemMode {
    const item = this.mailbox.item;
    if (!item || item.itemType !== this.office.MailboxEnums.ItemType.Message) return 'none';
    // In read mode the subject is a string; in compose it is an object with getAsync/setAsync.
    return typeof item.subject === 'string' ? 'read' : 'compose';
  }

  private readItem(): OfficeReadItem {
    if (this.itemMode() !== 'read') throw new OfficeCallError('reading the selected message', 'no_item', 'no message is open for reading');
    return this.mailbox.item as OfficeReadItem;
  }

  private composeItem(): OfficeComposeItem {
    if (this.itemMode() !== 'compose') throw new OfficeCallError('inserting the reminder', 'no_compose', 'no message is being written');
    return this.mailbox.item as OfficeComposeItem;
  }

  /** The mailbox owner's address (the creditor). */
  account(): string | null {
    return address({ emailAddress: this.mailbox.userProfile?.emailAddress ?? null })?.email ?? null;
  }

  uiLanguage(): Language | null {
    return languageOf(this.office.context.displayLanguage);
  }

  /** The conversation of the item read or written, or null (a new message not saved yet has none). */
  conversationId(): string | null {
    const item = this.mailbox.item;
    return item?.conversationId ? String(item.conversationId) : null;
  }

  /**
   * The selected message and the messages it quotes, as one thread (oldest first). The thread id is
   * Outlook's conversation id, so every message of the conversation maps to the same invoices.
   */
  async readThread(): Promise<ThreadSnapshot> {
    const item = this.readItem();
    const body = await officeCall<string>(this.office, 'reading the message body', (done) => item.body.getAsync(this.office.CoercionType.Text, done));
    const threadId = item.conversationId || item.itemId;
    if (!threadId) throw new OfficeCallError('reading the selected message', 'no_id', 'the message has no conversation id yet');
    const split = splitQuotedMessages(body ?? '', LIMITS.messages - 1);
    const quoted: MailMessage[] = split.quoted.map((q) => ({ id: null, from: q.from, to: q.to, cc: q.cc, date: q.date, bodyText: cut(q.bodyText, LIMITS.bodyChars), attachments: [], collapsed: false }));
    const own: MailMessage = {
      // The EWS id opens the message later (openMessage): a cut one would open nothing, so none rather than a cut one.
      id: item.itemId && String(item.itemId).length <= ITEM_ID_MAX ? String(item.itemId) : null,
      from: address(item.from ?? item.sender),
      to: addresses(item.to),
      cc: addresses(item.cc),
      date: localDateTime(item.dateTimeCreated),
      bodyText: cut(split.newest, LIMITS.bodyChars),
      attachments: (item.attachments ?? []).filter((a) => !a.isInline).map((a) => cut(a.name, 300)).slice(0, LIMITS.attachments),
      collapsed: false,
    };
    return {
      host: 'outlook',
      account: this.account(),
      threadId: String(threadId),
      subject: cut(item.subject ?? '', LIMITS.shortText),
      uiLanguage: this.uiLanguage(),
      messages: [...quoted, own],
    };
  }

  /**
   * Opens the reminder in Outlook's own form, filled, for the user to edit and send. A reply when the
   * client is on the selected message (Reply when they sent it, Reply all when they were only among
   * its recipients, so they stay addressed), else a new message to them (Mailbox 1.6).
   * Outlook sets a reply's subject itself ("RE: …"); the draft's subject goes into a new message.
   */
  openDraft(draft: ReminderDraft): DraftMode {
    const htmlBody = draftToHtml(draft.bodyText);
    const item = this.itemMode() === 'read' ? (this.mailbox.item as OfficeReadItem) : null;
    const clients = new Set(draft.to.map((email) => email.toLowerCase()));
    if (item) {
      const from = address(item.from ?? item.sender)?.email;
      if (from && clients.has(from)) {
        officeSync('opening the reply form', () => item.displayReplyForm({ htmlBody }));
        return 'reply';
      }
      if ([...addresses(item.to), ...addresses(item.cc)].some((a) => clients.has(a.email))) {
        officeSync('opening the reply-all form', () => item.displayReplyAllForm({ htmlBody }));
        return 'reply';
      }
    }
    const display = this.mailbox.displayNewMessageForm;
    if (!display || !this.office.context.requirements.isSetSupported('Mailbox', '1.6')) {
      throw new OfficeCallError('opening a new message', 'unsupported', 'this Outlook cannot open a new message from an add-in (Mailbox 1.6 needed); open the invoice conversation and try again');
    }
    officeSync('opening a new message', () => display.call(this.mailbox, { toRecipients: draft.to, subject: draft.subject, htmlBody }));
    return 'new_compose';
  }

  /** Inserts the reminder at the cursor of the message being written (replacing any selection). */
  async insertAtCursor(draft: ReminderDraft): Promise<void> {
    const item = this.composeItem();
    const setSelected = item.body.setSelectedDataAsync;
    if (!setSelected) throw new OfficeCallError('inserting the reminder', 'unsupported', 'this Outlook cannot insert text from an add-in');
    await officeCall<void>(this.office, 'inserting the reminder', (done) =>
      setSelected.call(item.body, draftToHtml(draft.bodyText), { coercionType: this.office.CoercionType.Html }, done),
    );
  }

  /** Shows (or replaces) Relance's information bar on the selected item; null removes it. */
  async setDueBar(message: string | null): Promise<void> {
    const item = this.mailbox.item;
    if (!item) return;
    if (message === null) {
      await officeCall<void>(this.office, 'removing the information bar', (done) => item.notificationMessages.removeAsync(DUE_BAR_KEY, done)).catch((error: unknown) => {
        // Removing a bar that is not there is not a failure.
        if (!(error instanceof OfficeCallError && /key/i.test(`${error.officeCode} ${error.message}`))) throw error;
      });
      return;
    }
    const text = message.length > DUE_BAR_MAX ? `${message.slice(0, message.lastIndexOf(' ', DUE_BAR_MAX - 1))}…` : message;
    await officeCall<void>(this.office, 'showing the information bar', (done) =>
      item.notificationMessages.replaceAsync(
        DUE_BAR_KEY,
        { type: this.office.MailboxEnums.ItemNotificationMessageType.InformationalMessage, message: text, icon: DUE_BAR_ICON, persistent: false },
        done,
      ),
    );
  }

  /**
   * Opens an existing message (the one an invoice was read from) in Outlook's reading form, by the
   * EWS id `item.itemId` gave when it was read (no conversion: displayMessageForm takes EWS ids).
   * Outlook says nothing when the id names no message any more (moved to another mailbox, deleted):
   * only a refusal or a missing API can be reported.
   */
  openMessage(itemId: string): void {
    const display = this.mailbox.displayMessageForm;
    if (!display) throw new OfficeCallError('opening the message', 'unsupported', 'this Outlook cannot open a message from an add-in');
    if (!itemId.trim()) throw new OfficeCallError('opening the message', 'no_id', 'the invoice has no Outlook message to open');
    officeSync('opening the message', () => display.call(this.mailbox, itemId));
  }

  /** Calls back when the user selects another item (the pinned task pane stays open). */
  async onItemChanged(handler: () => void): Promise<void> {
    await officeCall<void>(this.office, 'following the selected message', (done) => this.mailbox.addHandlerAsync(this.office.EventType.ItemChanged, () => handler(), done));
  }
}
