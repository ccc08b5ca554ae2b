import { describe, expect, it } from 'vitest';
import { DEFAULT_CHASING_SETTINGS, resolveSettings } from '../chasing';
import type { LedgerEvent } from './events';
import { chainEvents, verifyChain } from './hash-chain';
import { CLIENT, events, invoice } from './ledger.test-support';
import { DEFAULT_LEDGER_SETTINGS, ledgerInvoiceFromV1 } from './model';
import {
  checkClient,
  checkEvent,
  checkInvoice,
  checkSettings,
  checkUserTemplates,
  isValidBic,
  isValidIban,
  isValidSiret,
  isValidVatNumber,
  LedgerValidationError,
  orThrow,
  type Checked,
  type LedgerProblem,
} from './validate';

/** The problems as `field code` lines. */
function problems<T>(checked: Checked<T>): string[] {
  if (checked.ok) return [];
  return checked.problems.map((problem: LedgerProblem) => `${problem.field} ${problem.code}`);
}

function value<T>(checked: Checked<T>): T {
  if (!checked.ok) throw new Error(checked.problems.map((p) => `${p.field}: ${p.message}`).join('; '));
  return checked.value;
}

describe('identifiers', () => {
  it('SIRET: 14 digits with a Luhn key; La Poste: digit sum a multiple of 5', () => {
    expect(isValidSiret('73282932000074')).toBe(true);
    expect(isValidSiret('73282932000075')).toBe(false);
    expect(isValidSiret('7328293200007')).toBe(false);
    expect(isValidSiret('35600000000001')).toBe(true);
    // Luhn-valid, but not La Poste's rule.
    expect(isValidSiret('35600000000048')).toBe(false);
  });

  it('IBAN mod 97, BIC shape, VAT number with the French key', () => {
    expect(isValidIban('FR1420041010050500013M02606')).toBe(true);
    expect(isValidIban('GB82WEST12345698765432')).toBe(true);
    expect(isValidIban('FR1420041010050500013M02607')).toBe(false);
    expect(isValidBic('BNPAFRPP')).toBe(true);
    expect(isValidBic('BNPAFRPPXXX')).toBe(true);
    expect(isValidBic('BNPAFRP')).toBe(false);
    // SIREN 732829320: key (12 + 3 × (732829320 mod 97)) mod 97 = 44.
    expect(isValidVatNumber('FR44732829320')).toBe(true);
    expect(isValidVatNumber('FR45732829320')).toBe(false);
    expect(isValidVatNumber('FR4473282932')).toBe(false);
    expect(isValidVatNumber('DE123456789')).toBe(true);
    expect(isValidVatNumber('D1')).toBe(false);
  });
});

describe('checkClient', () => {
  it('a valid client, normalised: emails lower-cased and deduplicated, country upper-cased', () => {
    const checked = value(checkClient({ ...CLIENT, emails: [' Lucas@Bernard-Conseil.FR ', 'lucas@bernard-conseil.fr', 'compta@bernard-conseil.fr'], country: 'fr', notes: undefined }));
    expect(checked).toEqual({ ...CLIENT, emails: ['lucas@bernard-conseil.fr', 'compta@bernard-conseil.fr'], country: 'FR', notes: '' });
  });

  it('every problem, each naming its field', () => {
    const checked = checkClient({ ...CLIENT, name: '  ', emails: ['ok@x.fr', 'not-an-email'], language: 'de', flags: ['vip'], createdAt: '2026-02-02', country: 'FRA', b2b: 'yes', extra: 1 });
    expect(problems(checked)).toEqual(['emails.1 not_an_email', 'flags.0 unknown_value', 'country bad_format', 'name empty', 'language unknown_value', 'b2b wrong_type', 'createdAt not_an_instant', 'extra unknown_field']);
  });

  it('not an object', () => {
    expect(problems(checkClient(null))).toEqual([' wrong_type']);
    expect(problems(checkClient([]))).toEqual([' wrong_type']);
  });

  it('the ladder override: known fields, values the ladder accepts', () => {
    expect(value(checkClient({ ...CLIENT, chasing: { delays: { firstReminder: 10 }, callFirst: true } })).chasing).toEqual({ delays: { firstReminder: 10 }, callFirst: true });
    expect(problems(checkClient({ ...CLIENT, chasing: { delays: { firstReminder: -1, later: 3 }, minimumGap: 'x', colour: 'red' } }))).toEqual([
      'chasing.delays.later unknown_field',
      'chasing.delays.firstReminder out_of_range',
      'chasing.minimumGap wrong_type',
      'chasing.colour unknown_field',
    ]);
  });

  it('a delay out of order only against the user’s own settings', () => {
    // The user moved the second reminder to due + 40; the client's first reminder at 30 is fine then.
    const user = resolveSettings(DEFAULT_CHASING_SETTINGS, { delays: { secondReminder: 40, formalNotice: 60 } });
    const client = { ...CLIENT, chasing: { delays: { firstReminder: 30 } } };
    expect(problems(checkClient(client, { userChasing: user }))).toEqual([]);
    expect(problems(checkClient({ ...CLIENT, chasing: { delays: { firstReminder: 50 } } }, { userChasing: user }))).toEqual(['chasing.delays.secondReminder out_of_order']);
  });
});

describe('checkInvoice', () => {
  it('a valid invoice comes back as it was', () => {
    expect(value(checkInvoice(invoice()))).toEqual(invoice());
  });

  it('a v1 record mapped with ledgerInvoiceFromV1 is valid', () => {
    const { clientId: _c, source: _s, proofs: _p, ...v1 } = invoice();
    const mapped = ledgerInvoiceFromV1({ ...v1, host: 'gmail', threadId: '18c2f0a1b2c3d4e5' });
    expect(value(checkInvoice(mapped))).toEqual(mapped);
    expect(mapped).toMatchObject({ clientId: 'email:lucas@bernard-conseil.fr', source: 'detected', proofs: [{ host: 'gmail', threadId: '18c2f0a1b2c3d4e5' }] });
  });

  it('normalises: currency upper-cased, amounts to the cent (float noise only), emails lower-cased', () => {
    const checked = value(checkInvoice({ ...invoice(), currency: ' eur ', amount: 0.1 + 0.2, clientEmail: 'Lucas@Bernard-Conseil.fr', account: 'Claire@Atelier-Martin.fr' }));
    expect(checked).toMatchObject({ currency: 'EUR', amount: 0.3, clientEmail: 'lucas@bernard-conseil.fr', account: 'claire@atelier-martin.fr' });
  });

  it('amounts: finite, ≥ 0, at most 2 decimals', () => {
    for (const amount of [-1, 12.345, Number.NaN, Infinity, '1200']) {
      expect(problems(checkInvoice({ ...invoice(), amount })), String(amount)).toEqual(['amount not_an_amount']);
    }
  });

  it('dates, currency, the split of the amount', () => {
    expect(problems(checkInvoice({ ...invoice(), dueDate: '2026-02-30', issueDate: '04/03/2026', currency: 'EURO' }))).toEqual(['currency not_a_currency', 'issueDate not_a_date', 'dueDate not_a_date']);
    expect(problems(checkInvoice({ ...invoice(), currency: null }))).toEqual(['currency missing']);
    expect(problems(checkInvoice({ ...invoice(), amountExclTax: 1000, taxAmount: 150 }))).toEqual(['amount inconsistent']);
    expect(problems(checkInvoice({ ...invoice(), amountExclTax: 1000, taxAmount: 200 }))).toEqual([]);
  });

  it('an invoice typed in: no thread, no client address, structured terms', () => {
    const entered = {
      ...invoice(),
      host: null,
      account: null,
      threadId: null,
      messageId: null,
      clientEmail: '',
      source: 'entered',
      proofs: [],
      paymentTerms: { kind: 'end_of_month', days: 45, method: 'B' },
      serviceDate: '2026-01-31',
      cause: 'cash_trouble',
    };
    expect(value(checkInvoice(entered))).toEqual(entered);
    expect(problems(checkInvoice({ ...entered, paymentTerms: { kind: 'net', days: 30 } }))).toEqual(['paymentTerms.from missing']);
    expect(problems(checkInvoice({ ...entered, paymentTerms: { kind: 'weekly' } }))).toEqual(['paymentTerms.kind unknown_value']);
  });

  it('proofs from a file (the CLI’s scan) and the import hint', () => {
    const imported = {
      ...invoice(),
      host: null,
      threadId: null,
      messageId: null,
      source: 'imported',
      proofs: [
        { host: 'file', account: null, threadId: null, messageId: 'f2026040@atelier-martin.fr', file: 'takeout.mbox#0', kind: 'invoice_sent', date: '2026-03-02T09:15:00.000Z', amount: 2400 },
        { host: 'file', account: null, threadId: null, messageId: null, file: 'takeout.mbox#3', kind: 'payment_notice', date: null, amount: null },
      ],
      importHint: { format: 'relance-ledger-scan', version: 1, generatedAt: '2026-11-22T10:00:00.000Z', statusHint: 'paid' },
    };
    expect(value(checkInvoice(imported))).toEqual(imported);
    expect(problems(checkInvoice({ ...imported, proofs: [{ host: 'file', account: null, threadId: null, messageId: 'x' }, { host: 'gmail', account: null, threadId: null, messageId: null }] }))).toEqual([
      'proofs.0.file missing',
      'proofs.1.threadId missing',
    ]);
    expect(problems(checkInvoice({ ...imported, importHint: { format: 'other', version: 2, generatedAt: 'x', statusHint: 'open' } }))).toEqual([
      'importHint.format unknown_value',
      'importHint.version out_of_range',
      'importHint.generatedAt not_an_instant',
    ]);
  });
});

describe('checkSettings', () => {
  it('the defaults are valid', () => {
    expect(value(checkSettings(DEFAULT_LEDGER_SETTINGS))).toEqual(DEFAULT_LEDGER_SETTINGS);
  });

  it('a full set, normalised: IBAN and SIRET without spaces, BIC and VAT upper-cased', () => {
    const settings = {
      company: { name: 'Atelier Martin', legalForm: 'EI', siret: '732 829 320 00074', vatNumber: 'fr 44 732829320', address: '12 rue des Lilas\n75011 Paris', email: 'Claire@Atelier-Martin.fr', phone: '+33 6 12 34 56 78' },
      iban: 'fr14 2004 1010 0505 0001 3M02 606',
      bic: 'bnpafrpp',
      paymentLink: 'https://pay.example.com/atelier-martin',
      signature: 'Claire Martin\nAtelier Martin',
      language: 'fr',
      ownEmails: ['Claire@Atelier-Martin.fr'],
      chasing: { delays: { firstReminder: 5 }, country: 'FR' },
      penalty: { jurisdiction: 'FR', agreedRatePercent: null, rateBasis: '3x_legal_rate', endOfMonthMethod: 'A', rateOverrides: [{ table: 'ECB_MRO', period: '2026-h2', ratePercent: 2.15 }] },
    };
    expect(value(checkSettings(settings))).toEqual({
      ...settings,
      company: { ...settings.company, siret: '73282932000074', vatNumber: 'FR44732829320', email: 'claire@atelier-martin.fr' },
      iban: 'FR1420041010050500013M02606',
      bic: 'BNPAFRPP',
      ownEmails: ['claire@atelier-martin.fr'],
      penalty: { ...settings.penalty, rateOverrides: [{ table: 'ECB_MRO', period: '2026-H2', ratePercent: 2.15 }] },
    });
  });

  it('every problem named', () => {
    const checked = checkSettings({
      ...DEFAULT_LEDGER_SETTINGS,
      company: { ...DEFAULT_LEDGER_SETTINGS.company, siret: '73282932000075', vatNumber: 'FR45732829320' },
      iban: 'FR1420041010050500013M02607',
      bic: 'BNP',
      paymentLink: 'http://pay.example.com',
      language: 'es',
      chasing: { delays: { secondReminder: 5 } },
      penalty: { jurisdiction: 'UK', agreedRatePercent: 12, rateBasis: '3x_legal_rate', endOfMonthMethod: 'C', rateOverrides: [{ table: 'FED', period: '2026', ratePercent: 'x' }] },
    });
    expect(problems(checked)).toEqual([
      'iban bad_checksum',
      'bic bad_format',
      'paymentLink bad_format',
      'company.siret bad_checksum',
      'company.vatNumber bad_checksum',
      'language unknown_value',
      'chasing.delays.secondReminder out_of_order',
      'penalty.rateBasis inconsistent',
      'penalty.rateBasis inconsistent',
      'penalty.rateOverrides.0.table unknown_value',
      'penalty.rateOverrides.0.period bad_format',
      'penalty.rateOverrides.0.ratePercent wrong_type',
      'penalty.endOfMonthMethod unknown_value',
    ]);
  });

  it('orThrow: the value, or an error listing every problem', () => {
    expect(orThrow('settings', checkSettings(DEFAULT_LEDGER_SETTINGS))).toEqual(DEFAULT_LEDGER_SETTINGS);
    expect(() => orThrow('settings', checkSettings({ ...DEFAULT_LEDGER_SETTINGS, language: 'es' }))).toThrow(LedgerValidationError);
    expect(() => orThrow('settings', checkSettings({ ...DEFAULT_LEDGER_SETTINGS, language: 'es' }))).toThrow('Invalid settings: language: must be one of fr, en, got "es"');
  });
});

describe('checkUserTemplates', () => {
  it('keys step.language.part, text values kept as typed', () => {
    // Tone variants are keys of their own (templates/user-templates.ts).
    const templates = { 'second_reminder.fr.body': 'Bonjour {{client.name}},\n\n  …\n', 'call.en.voicemail': 'Hello', 'second_reminder.fr.friendly.body': 'Bonjour' };
    expect(value(checkUserTemplates(templates))).toEqual(templates);
    expect(value(checkUserTemplates({}))).toEqual({});
  });

  it('unknown keys, non-text values, too long', () => {
    expect(problems(checkUserTemplates({ 'second_reminder.de.body': 'x', 'thanks.fr.body': 'x', 'first_reminder.fr.voicemail': 'x', 'first_reminder.fr.subject': 3, 'first_reminder.fr.body': 'x'.repeat(20_001) }))).toEqual([
      'second_reminder.de.body unknown_field',
      'thanks.fr.body unknown_field',
      'first_reminder.fr.voicemail unknown_field',
      'first_reminder.fr.subject wrong_type',
      'first_reminder.fr.body out_of_range',
    ]);
  });
});

describe('checkEvent', () => {
  const ev = events('inv-1');
  const VALID: LedgerEvent[] = [
    ev('2026-02-02', { kind: 'detected', messageId: '#msg-f:1', facts: { amount: 1200, currency: 'EUR', dueDate: null } }),
    ev('2026-02-02', { kind: 'tracked', facts: { invoiceNumber: 'F-1' } }),
    ev('2026-03-11', { kind: 'reminder_drafted', step: 'first_reminder' }),
    ev('2026-03-11', { kind: 'reminder_sent', step: 'first_reminder', messageId: null }),
    ev('2026-03-16', { kind: 'call', calledAt: '2026-03-16T10:00', who: 'M. Bernard', phone: '+33 1 23', outcome: 'answered', said: 'will pay', promisedDate: '2026-03-25', promisedAmount: 600, nextCallDate: '2026-03-26' }),
    ev('2026-03-17', { kind: 'visit', who: 'M. Bernard', said: 'met at the office' }),
    ev('2026-03-18', { kind: 'letter', step: 'second_reminder', registered: true, trackingNumber: '1A2', acknowledgedOn: '2026-03-20' }),
    ev('2026-03-18', { kind: 'letter', registered: false }),
    ev('2026-03-19', { kind: 'promise', promisedDate: '2026-03-25', amount: 100 }),
    ev('2026-03-19', { kind: 'promise', promisedDate: '2026-03-25' }),
    ev('2026-03-20', { kind: 'partial_payment', amount: 100.5, paidOn: '2026-03-20' }),
    ev('2026-03-21', { kind: 'payment', paidOn: '2026-03-21', amount: 0 }),
    ev('2026-03-21', { kind: 'dispute_opened', reason: 'wrong quantity' }),
    ev('2026-03-22', { kind: 'dispute_resolved', resolution: 'credit note' }),
    ev('2026-03-23', { kind: 'payment_plan', deposit: { dueDate: '2026-03-23', amount: 100 }, instalments: [{ dueDate: '2026-04-23', amount: 200 }] }),
    ev('2026-03-24', { kind: 'debt_acknowledged', note: 'signed letter' }),
    ev('2026-04-03', { kind: 'formal_notice', sentOn: '2026-04-03', deadline: '2026-04-11' }),
    ev('2026-04-14', { kind: 'escalation', route: 'business_mediator', filedOn: '2026-04-14' }),
    ev('2026-05-01', { kind: 'write_off', reason: 'liquidation' }),
    ev('2026-05-02', { kind: 'note', text: 'called the liquidator' }),
    ev('2026-05-03', { kind: 'correction', field: 'dueDate', from: '2026-03-04', to: '2026-03-05' }),
  ];

  it('every kind, valid, comes back unchanged', () => {
    for (const event of VALID) expect(value(checkEvent(event)), event.kind).toEqual(event);
  });

  it('a chained event passes and still verifies: values are not trimmed or rounded', () => {
    const chained = chainEvents([ev('2026-03-20', { kind: 'note', text: '  spaced  ', note: ' x ' }), ev('2026-03-21', { kind: 'partial_payment', amount: 0.1 + 0.2, paidOn: '2026-03-21' })]);
    const back = chained.map((event) => value(checkEvent(JSON.parse(JSON.stringify(event)))));
    expect(back).toEqual(chained);
    expect(verifyChain(back)).toMatchObject({ ok: true });
  });

  it('a call needs its next call date, not before the call', () => {
    const { nextCallDate: _n, ...call } = VALID[4] as Extract<LedgerEvent, { kind: 'call' }>;
    const checked = checkEvent(call);
    expect(problems(checked)).toEqual(['nextCallDate missing']);
    if (!checked.ok) expect(checked.problems[0]!.message).toContain('never hang up without agreeing the next call date');
    expect(problems(checkEvent({ ...call, nextCallDate: '2026-03-15' }))).toEqual(['nextCallDate out_of_order']);
    expect(problems(checkEvent({ ...call, nextCallDate: '2026-03-30', calledAt: '2026-03-16 10:00', outcome: 'busy' }))).toEqual(['calledAt not_a_date', 'outcome unknown_value']);
  });

  it('amounts: payments and instalments > 0, no third decimal', () => {
    expect(problems(checkEvent({ ...VALID[10]!, amount: 0 }))).toEqual(['amount not_an_amount']);
    expect(problems(checkEvent({ ...VALID[10]!, amount: 10.005 }))).toEqual(['amount not_an_amount']);
    expect(problems(checkEvent({ ...VALID[14]!, instalments: [{ dueDate: '2026-04-23', amount: -5 }] }))).toEqual(['instalments.0.amount not_an_amount']);
    expect(problems(checkEvent({ ...VALID[14]!, deposit: undefined, instalments: [] }))).toEqual(['instalments empty']);
  });

  it('base fields, hashes, kinds, unknown fields', () => {
    expect(problems(checkEvent({ ...VALID[2]!, invoiceId: '', at: '2026-03-11 09:00', day: '2026-13-01', seq: -1, hash: 'ABC', step: 'thanks', colour: 'red' }))).toEqual([
      'invoiceId empty',
      'at not_an_instant',
      'day not_a_date',
      'seq out_of_range',
      'hash bad_format',
      'step unknown_value',
      'colour unknown_field',
    ]);
    expect(problems(checkEvent({ ...VALID[2]!, kind: 'sms' }))).toEqual(['kind unknown_value', 'step unknown_field']);
  });

  it('formal notice deadline, correction field', () => {
    expect(problems(checkEvent({ ...VALID[16]!, deadline: '2026-04-01' }))).toEqual(['deadline out_of_order']);
    expect(problems(checkEvent({ ...VALID[20]!, field: 'status', to: { a: 1 } }))).toEqual(['field unknown_value', 'to wrong_type']);
    expect(problems(checkEvent({ ...VALID[0]!, facts: { amount: [1], status: 'paid' } }))).toEqual(['facts.amount wrong_type', 'facts.status unknown_field']);
  });
});
