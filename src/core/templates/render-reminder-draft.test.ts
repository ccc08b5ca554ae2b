import { describe, expect, it } from 'vitest';
import type { Language, ReminderStep } from '../model';
import { renderReminderDraft, toneViolations, type ReminderDraftInput } from './index';

type Invoice = ReminderDraftInput['invoice'];

const FRENCH_INVOICE: Invoice = {
  invoiceNumber: 'F-2026-041',
  amount: 2400,
  currency: 'EUR',
  issueDate: '2026-10-24',
  dueDate: '2026-11-23',
  clientEmail: 'julien.moreau@atelier-moreau.fr',
  clientName: 'Julien Moreau',
  language: 'fr',
  subject: 'Facture F-2026-041 – refonte du site',
};
const ENGLISH_INVOICE: Invoice = {
  invoiceNumber: 'INV-1042',
  amount: 3200,
  currency: 'GBP',
  issueDate: '2026-11-04',
  dueDate: '2026-12-04',
  clientEmail: 'priya@northwind.co.uk',
  clientName: 'Priya Shah',
  language: 'en',
  subject: 'Invoice INV-1042',
};

/** Intl writes fr-FR amounts with no-break spaces; compare on plain ones. */
const plain = (text: string): string => text.replace(/[\u00a0\u202f]/g, ' ');

describe('renderReminderDraft: French', () => {
  it('writes an informative pre-reminder', () => {
    const draft = renderReminderDraft({ invoice: FRENCH_INVOICE, step: 'pre_reminder', today: '2026-11-19', senderName: 'Marie Dupont' });
    expect(draft.step).toBe('pre_reminder');
    expect(draft.language).toBe('fr');
    expect(draft.to).toEqual(['julien.moreau@atelier-moreau.fr']);
    expect(draft.subject).toBe('Re: Facture F-2026-041 – refonte du site');
    const body = plain(draft.bodyText);
    expect(body.startsWith('Bonjour Julien,\n\n')).toBe(true);
    expect(body).toContain('la facture n° F-2026-041, qui arrive à échéance le 23 novembre 2026.');
    expect(body).toContain('- Montant : 2 400,00 €');
    expect(body).toContain('- Facture : n° F-2026-041 du 24 octobre 2026');
    expect(body).toContain('virement bancaire');
    expect(body).toContain("N'hésitez pas");
    expect(body.endsWith('Bien cordialement,\nMarie Dupont')).toBe(true);
  });

  it('writes a friendly first reminder that assumes an oversight', () => {
    const body = plain(renderReminderDraft({ invoice: FRENCH_INVOICE, step: 'first_reminder', today: '2026-11-30' }).bodyText);
    expect(body).toContain("je n'ai pas encore reçu le règlement de la facture n° F-2026-041, arrivée à échéance le 23 novembre 2026.");
    expect(body).toContain('simple oubli');
    expect(body).toContain('Pourriez-vous');
    expect(body.endsWith('Bien cordialement,')).toBe(true);
  });

  it('says "aujourd\'hui" on the due date', () => {
    const body = renderReminderDraft({ invoice: FRENCH_INVOICE, step: 'first_reminder', today: '2026-11-23' }).bodyText;
    expect(body).toContain("qui arrive à échéance aujourd'hui");
  });

  it('greets neutrally when the first name is unknown', () => {
    const body = renderReminderDraft({ invoice: { ...FRENCH_INVOICE, clientName: 'Atelier Moreau' }, step: 'pre_reminder', today: '2026-11-19' }).bodyText;
    expect(body.startsWith('Bonjour,\n\n')).toBe(true);
  });
});

describe('renderReminderDraft: English', () => {
  it('writes an informative pre-reminder', () => {
    const draft = renderReminderDraft({ invoice: ENGLISH_INVOICE, step: 'pre_reminder', today: '2026-12-01', senderName: 'Sam Carter' });
    expect(draft.subject).toBe('Re: Invoice INV-1042');
    expect(draft.bodyText).toContain('Hello Priya,');
    expect(draft.bodyText).toContain('invoice INV-1042, which falls due on 4 December 2026.');
    expect(draft.bodyText).toContain('- Amount: £3,200.00');
    expect(draft.bodyText).toContain('- Invoice: INV-1042, dated 4 November 2026');
    expect(draft.bodyText).toContain('bank transfer');
    expect(draft.bodyText.endsWith('Kind regards,\nSam Carter')).toBe(true);
  });

  it('writes a friendly first reminder', () => {
    const body = renderReminderDraft({ invoice: { ...ENGLISH_INVOICE, clientName: null }, step: 'first_reminder', today: '2026-12-11' }).bodyText;
    expect(body.startsWith('Hello,\n\n')).toBe(true);
    expect(body).toContain('I have not yet received payment for invoice INV-1042, which fell due on 4 December 2026.');
    expect(body).toContain('overlooked');
  });
});

describe('renderReminderDraft: subjects', () => {
  it('does not double a reply or forward prefix', () => {
    const render = (subject: string): string => renderReminderDraft({ invoice: { ...FRENCH_INVOICE, subject }, step: 'pre_reminder', today: '2026-11-19' }).subject;
    expect(render('RE : Facture F-2026-041')).toBe('RE : Facture F-2026-041');
    expect(render('TR: Facture F-2026-041')).toBe('TR: Facture F-2026-041');
    expect(render('Re: Facture F-2026-041')).toBe('Re: Facture F-2026-041');
  });

  it('names the invoice and its due date when the thread has no subject', () => {
    expect(renderReminderDraft({ invoice: { ...FRENCH_INVOICE, subject: ' ' }, step: 'pre_reminder', today: '2026-11-19' }).subject).toBe('Facture n° F-2026-041 – échéance du 23 novembre 2026');
    expect(renderReminderDraft({ invoice: { ...ENGLISH_INVOICE, subject: '' }, step: 'pre_reminder', today: '2026-11-19' }).subject).toBe('Invoice INV-1042 – due on 4 December 2026');
    expect(renderReminderDraft({ invoice: { ...FRENCH_INVOICE, subject: '' }, step: 'first_reminder', today: '2026-11-30' }).subject).toBe('Facture n° F-2026-041 : petit rappel');
  });
});

describe('renderReminderDraft: missing facts', () => {
  const bare = (invoice: Invoice): Invoice => ({ ...invoice, amount: null, currency: null, dueDate: null, issueDate: null, clientName: null });

  it('still writes whole sentences without amount or dates (French)', () => {
    const body = renderReminderDraft({ invoice: bare(FRENCH_INVOICE), step: 'first_reminder', today: '2026-11-30' }).bodyText;
    expect(body).toContain("je n'ai pas encore reçu le règlement de la facture n° F-2026-041. Il s'agit");
    expect(body).not.toContain('Montant');
    expect(body).not.toContain('Échéance');
    expect(body).not.toContain('- Facture'); // a recap that would only repeat the number is left out
  });

  it('still writes whole sentences without amount or dates (English)', () => {
    const body = renderReminderDraft({ invoice: bare(ENGLISH_INVOICE), step: 'pre_reminder', today: '2026-11-30' }).bodyText;
    expect(body).toContain('This is a quick note about invoice INV-1042.');
    expect(body).not.toContain('Amount');
    expect(body).not.toContain('Due date');
  });

  it('shows the due date but no amount when only the amount is missing', () => {
    const body = renderReminderDraft({ invoice: { ...FRENCH_INVOICE, amount: null, currency: null }, step: 'pre_reminder', today: '2026-11-19' }).bodyText;
    expect(body).toContain('- Échéance : 23 novembre 2026');
    expect(body).not.toContain('Montant');
  });

  it('ignores a stored date that is not a calendar date rather than printing it', () => {
    const body = renderReminderDraft({ invoice: { ...FRENCH_INVOICE, dueDate: '2026-02-30' }, step: 'first_reminder', today: '2026-11-30' }).bodyText;
    expect(body).not.toContain('2026-02-30');
    expect(body).not.toContain('Échéance');
  });

  it('falls back to "votre facture" when the number is empty', () => {
    const body = renderReminderDraft({ invoice: { ...FRENCH_INVOICE, invoiceNumber: '' }, step: 'pre_reminder', today: '2026-11-19' }).bodyText;
    expect(body).toContain('au sujet de votre facture, qui arrive à échéance le 23 novembre 2026.');
    expect(body).not.toContain('n° ');
  });
});

describe('every draft keeps the tone rules and never prints a missing value', () => {
  const steps: ReminderStep[] = ['pre_reminder', 'first_reminder'];
  const invoices: Record<Language, Invoice> = { fr: FRENCH_INVOICE, en: ENGLISH_INVOICE };
  const variants: Array<[string, (invoice: Invoice) => Invoice]> = [
    ['all facts', (invoice) => invoice],
    ['no client name', (invoice) => ({ ...invoice, clientName: null })],
    ['no amount', (invoice) => ({ ...invoice, amount: null, currency: null })],
    ['amount without currency', (invoice) => ({ ...invoice, currency: null })],
    ['no due date', (invoice) => ({ ...invoice, dueDate: null })],
    ['no dates', (invoice) => ({ ...invoice, dueDate: null, issueDate: null })],
    ['nothing but the number', (invoice) => ({ ...invoice, amount: null, currency: null, dueDate: null, issueDate: null, clientName: null, subject: '' })],
    ['first of the month', (invoice) => ({ ...invoice, dueDate: '2026-12-01' })],
  ];
  const todays = ['2026-11-01', '2026-11-23', '2026-12-04', '2027-01-15'];

  for (const language of ['fr', 'en'] as const) {
    for (const step of steps) {
      for (const [variant, vary] of variants) {
        it(`${language} ${step}, ${variant}`, () => {
          for (const today of todays) {
            for (const senderName of [undefined, null, '', 'Marie Dupont']) {
              const draft = renderReminderDraft({ invoice: vary(invoices[language]), step, today, senderName });
              const text = `${draft.subject}\n${draft.bodyText}`;
              expect(toneViolations(text, step, language)).toEqual([]);
              expect(text).not.toMatch(/null|undefined|NaN|Invalid Date|\[object/);
              expect(text).not.toMatch(/ ,|,,|\.\.| \.|\n{3,}/); // no hole left by a missing fact
              expect(draft.to).toEqual([invoices[language].clientEmail]);
              expect(draft.language).toBe(language);
              expect(draft.step).toBe(step);
            }
          }
        });
      }
    }
  }
});
