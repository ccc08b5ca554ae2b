// @vitest-environment happy-dom
/**
 * Contract: insertReplyDraft against the fixture mailbox (markup from render.ts + the page behaviour
 * from behaviour.ts, the same code Chromium runs). Checks the reply lands in Gmail's inline compose
 * with the right chips, "Re:" subject, text above the signature — and that Send is never clicked.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ReminderDraft } from '../../src/core/model';
import { insertReplyDraft } from '../../src/adapters/gmail/compose';
import { installFixtureBehaviour } from '../fixtures/gmail/behaviour';
import { renderMailboxHtml, renderThreadPageHtml } from '../fixtures/gmail/render';
import { FIXTURE_THREADS, type FixtureThreadName } from '../fixtures/gmail/threads/index';
import { ANCHOR, loadDocument, visibleThreadView } from './gmail-dom';

let uninstall: (() => void) | null = null;
afterEach(() => {
  uninstall?.();
  uninstall = null;
});

function openThread(name: FixtureThreadName, staleThreads: FixtureThreadName[] = []): void {
  loadDocument(renderThreadPageHtml(name, ANCHOR, { script: false, staleThreads }));
  uninstall = installFixtureBehaviour(document, { routeOnInstall: false });
}

function draftFor(name: FixtureThreadName, bodyText: string, to?: string[]): ReminderDraft {
  const entry = FIXTURE_THREADS[name];
  const language = entry.mailbox === 1 ? 'fr' : 'en';
  return { step: 'first_reminder', language, to: to ?? [entry.expected!.clientEmail], subject: `Re: ${entry.subject}`, bodyText };
}

/** The inline compose inside the visible thread's last message. */
function inlineCompose() {
  const view = visibleThreadView();
  const items = view.querySelectorAll('[role=list] > [role=listitem]');
  const ip = items[items.length - 1]!.querySelector('.ip')!;
  const body = ip.querySelector<HTMLElement>('[g_editable=true]');
  return {
    ip,
    body,
    chips: Array.from(ip.querySelectorAll('[name=to] [role=option]')).map((c) => c.getAttribute('data-hovercard-id')),
    subject: ip.querySelector<HTMLInputElement>('input[name=subjectbox]')?.value,
  };
}

/** Lines of the body before the signature, as the user sees them ('' for an empty line). */
function linesBeforeSignature(body: HTMLElement): string[] {
  const lines: string[] = [];
  for (const child of Array.from(body.childNodes)) {
    if (child instanceof HTMLElement && child.querySelector('.gmail_signature, .gmail_signature_prefix')) break;
    if (child instanceof HTMLElement && child.matches('.gmail_signature, .gmail_signature_prefix')) break;
    lines.push(child.textContent ?? '');
  }
  return lines;
}

const sendClicks = (): string | undefined => document.documentElement.dataset.fixtureSendClicks;

const FR_TEXT = 'Bonjour Sophie,\n\nSauf erreur de ma part, la facture F-2026-032 reste impayée.\n\nBien cordialement,\nCamille';

describe('insertReplyDraft: inline reply', () => {
  it.each([
    ['frOverdue', 'sophie.lambert@lambert-conseil.fr'], // last message from the client → Gmail pre-fills her
    ['enInvoice', 'accounts@brightleaf.co.uk'],
    ['frDueSoon', 'compta@boulangerie-morel.fr'], // last message is the account's own → its recipients
    ['frDueToday', 'factures@atelier-nomade.fr'], // own message with a cc: Reply (not Reply all) keeps To only
  ] as const)('%s: clicks Reply, keeps Gmail chips, "Re:" subject, text above the signature', async (name, client) => {
    openThread(name);
    expect(inlineCompose().body).toBeNull();
    const draft = draftFor(name, FR_TEXT);
    const result = await insertReplyDraft(document, draft, { timeoutMs: 2000 });
    expect(result).toEqual({ ok: true, value: { mode: 'reply' } });

    const compose = inlineCompose();
    expect(compose.ip.classList.contains('adB')).toBe(true);
    expect(compose.chips).toEqual([client]);
    expect(compose.subject).toBe(`Re: ${FIXTURE_THREADS[name].subject}`);
    const body = compose.body!;
    expect(linesBeforeSignature(body)).toEqual([...FR_TEXT.split('\n'), '']);
    expect(body.textContent!.startsWith('Bonjour Sophie,')).toBe(true);
    const signature = body.querySelector('.gmail_signature[data-smartmail=gmail_signature]')!;
    expect(signature.textContent).toContain(name.startsWith('fr') ? 'Camille Durand' : 'Alex Carter');
    expect(body.querySelector('.gmail_signature_prefix')!.textContent).toBe('-- ');
    expect(document.activeElement).toBe(body);
    expect(sendClicks()).toBeUndefined();
  });

  it('inserts hostile text as text, never as HTML', async () => {
    openThread('frOverdue');
    const evil = '<img src=x onerror="window.__relancePwned=1">\n<b>gras</b> & <script>alert(1)</script>';
    expect(await insertReplyDraft(document, draftFor('frOverdue', evil))).toMatchObject({ ok: true });
    const body = inlineCompose().body!;
    expect(body.querySelector('img, b, script')).toBeNull();
    expect(linesBeforeSignature(body)).toEqual(['<img src=x onerror="window.__relancePwned=1">', '<b>gras</b> & <script>alert(1)</script>', '']);
    expect((window as unknown as { __relancePwned?: number }).__relancePwned).toBeUndefined();
  });

  it('reads the visible thread, not a hidden stale one', async () => {
    openThread('enInvoice', ['enNoInvoice']);
    expect(await insertReplyDraft(document, draftFor('enInvoice', 'Hi Priya'))).toEqual({ ok: true, value: { mode: 'reply' } });
    expect(document.querySelectorAll('.ip.adB')).toHaveLength(1);
    expect(inlineCompose().chips).toEqual(['accounts@brightleaf.co.uk']);
  });

  it('makes the chips equal draft.to: opens the recipients summary, types new addresses, removes others', async () => {
    openThread('frOverdue');
    const draft = draftFor('frOverdue', 'Bonjour,', ['Compta@Lambert-Conseil.fr', 'sophie.lambert@lambert-conseil.fr']);
    expect(await insertReplyDraft(document, draft)).toEqual({ ok: true, value: { mode: 'reply' } });
    expect(inlineCompose().chips).toEqual(['sophie.lambert@lambert-conseil.fr', 'compta@lambert-conseil.fr']);

    uninstall?.();
    openThread('frOverdue');
    expect(await insertReplyDraft(document, draftFor('frOverdue', 'Bonjour,', ['compta@lambert-conseil.fr']))).toEqual({ ok: true, value: { mode: 'reply' } });
    expect(inlineCompose().chips).toEqual(['compta@lambert-conseil.fr']);
    expect(sendClicks()).toBeUndefined();
  });

  it('reuses an inline reply that is already open instead of opening another', async () => {
    openThread('enInvoice');
    (visibleThreadView().querySelector('.ams.bkH') as HTMLElement).click();
    await new Promise((r) => setTimeout(r, 80));
    expect(inlineCompose().body).not.toBeNull();
    expect(await insertReplyDraft(document, draftFor('enInvoice', 'Hello again'))).toEqual({ ok: true, value: { mode: 'reply' } });
    expect(document.querySelectorAll('.ip .M9')).toHaveLength(1);
    expect(linesBeforeSignature(inlineCompose().body!)).toEqual(['Hello again', '']);
  });

  it('drafting again replaces our untouched previous draft instead of adding a second copy', async () => {
    openThread('frOverdue');
    expect(await insertReplyDraft(document, draftFor('frOverdue', 'Bonjour Sophie,\n\nPremier brouillon'))).toMatchObject({ ok: true });
    expect(await insertReplyDraft(document, draftFor('frOverdue', 'Bonjour Sophie,\n\nSecond brouillon'))).toMatchObject({ ok: true });
    expect(document.querySelectorAll('.ip .M9')).toHaveLength(1);
    expect(linesBeforeSignature(inlineCompose().body!)).toEqual(['Bonjour Sophie,', '', 'Second brouillon', '']);
  });

  it('keeps a previous draft the user has edited, and adds the new one after it, above the signature', async () => {
    openThread('frOverdue');
    expect(await insertReplyDraft(document, draftFor('frOverdue', 'Bonjour Sophie,\nPremier brouillon'))).toMatchObject({ ok: true });
    const body = inlineCompose().body!;
    const edited = Array.from(body.children).find((el) => el.textContent === 'Premier brouillon')!;
    edited.textContent = 'Premier brouillon, avec ma phrase à moi';
    expect(await insertReplyDraft(document, draftFor('frOverdue', 'Second brouillon'))).toMatchObject({ ok: true });
    expect(linesBeforeSignature(inlineCompose().body!)).toEqual(['Bonjour Sophie,', 'Premier brouillon, avec ma phrase à moi', '', 'Second brouillon', '']);
  });

  it('falls back to the last message Reply button when the footer is missing', async () => {
    openThread('enInvoice');
    visibleThreadView().querySelector('.amn')!.remove();
    expect(await insertReplyDraft(document, draftFor('enInvoice', 'Hi'))).toEqual({ ok: true, value: { mode: 'reply' } });
    expect(inlineCompose().chips).toEqual(['accounts@brightleaf.co.uk']);
  });
});

describe('insertReplyDraft: new compose fallback', () => {
  async function expectNewCompose(): Promise<void> {
    const draft: ReminderDraft = { step: 'pre_reminder', language: 'en', to: ['accounts@brightleaf.co.uk'], subject: 'Invoice INV-1042 due soon', bodyText: 'Hi Priya,\n\nA gentle reminder.' };
    expect(await insertReplyDraft(document, draft, { timeoutMs: 2000 })).toEqual({ ok: true, value: { mode: 'new_compose' } });
    const dialog = document.querySelector('.dw [role=dialog]')!;
    expect(Array.from(dialog.querySelectorAll('[name=to] [role=option]')).map((c) => c.getAttribute('data-hovercard-id'))).toEqual(['accounts@brightleaf.co.uk']);
    expect(dialog.querySelector<HTMLInputElement>('input[name=subjectbox]')!.value).toBe('Invoice INV-1042 due soon');
    const body = dialog.querySelector<HTMLElement>('[g_editable=true]')!;
    expect(body.className).toContain('aiL'); // new-compose body class (dom-facts)
    expect(linesBeforeSignature(body)).toEqual(['Hi Priya,', '', 'A gentle reminder.', '']);
    expect(body.querySelector('.gmail_signature')).not.toBeNull();
    expect(sendClicks()).toBeUndefined();
  }

  it('opens a new message when the thread has no reply control', async () => {
    openThread('enInvoice');
    for (const el of Array.from(visibleThreadView().querySelectorAll('.amn, .aaq'))) el.remove();
    await expectNewCompose();
  });

  it('opens a new message when no thread is open', async () => {
    loadDocument(renderMailboxHtml(0, ANCHOR, { script: false }));
    window.location.hash = '#inbox';
    uninstall = installFixtureBehaviour(document);
    await expectNewCompose();
  });
});

describe('insertReplyDraft failures (typed, never throws)', () => {
  it('compose_not_found when neither reply nor compose button exists', async () => {
    openThread('enInvoice');
    for (const el of Array.from(document.querySelectorAll('.amn, .aaq, [gh=cm]'))) el.remove();
    expect(await insertReplyDraft(document, draftFor('enInvoice', 'x'))).toMatchObject({ ok: false, error: { code: 'compose_not_found', feature: 'draft' } });
  });

  it('timeout when Gmail does not render the compose', async () => {
    loadDocument(renderThreadPageHtml('enInvoice', ANCHOR, { script: false })); // no behaviour: Reply does nothing
    const started = Date.now();
    expect(await insertReplyDraft(document, draftFor('enInvoice', 'x'), { timeoutMs: 120 })).toMatchObject({ ok: false, error: { code: 'timeout', feature: 'draft' } });
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('compose_field_missing when the To input is gone, with the text still inserted', async () => {
    openThread('frOverdue');
    const tpl = document.getElementById(`fixture-reply-${FIXTURE_THREADS.frOverdue.legacyThreadId}`) as HTMLTemplateElement;
    tpl.content.querySelector('input[peoplekit-id]')!.remove();
    const result = await insertReplyDraft(document, draftFor('frOverdue', 'Bonjour', ['someone@else.fr']), { timeoutMs: 500 });
    expect(result).toMatchObject({ ok: false, error: { code: 'compose_field_missing', feature: 'draft' } });
    expect(linesBeforeSignature(inlineCompose().body!)).toEqual(['Bonjour', '']);
  });
});

describe('fixture Send recording (so "send clicks stay 0" can fail)', () => {
  it('counts Send button clicks and Ctrl-Enter in the body, and never sends', async () => {
    openThread('enInvoice');
    await insertReplyDraft(document, draftFor('enInvoice', 'Hi'));
    expect(sendClicks()).toBeUndefined();
    const { ip, body } = inlineCompose();
    (ip.querySelector('.T-I.aoO[role=button]') as HTMLElement).click();
    expect(sendClicks()).toBe('1');
    body!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true }));
    expect(sendClicks()).toBe('2');
    expect(inlineCompose().body).not.toBeNull(); // still there: nothing was sent
  });
});
