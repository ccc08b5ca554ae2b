/**
 * `relance draft` through runDraft, with in-memory streams: JSON in (--json or stdin), one JSON
 * object out, {"error": …} and exit 1 on bad input.
 */
import { PassThrough, Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { parseDraftInput, runDraft } from '../../src/cli/draft';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  json: Record<string, unknown>;
}

function sink(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  return { stream, text: () => chunks.join('') };
}

async function draft(argv: string[], stdinText?: string): Promise<Run> {
  const stdout = sink();
  const stderr = sink();
  const stdin = stdinText === undefined ? Object.assign(new PassThrough(), { isTTY: true }) : Readable.from([Buffer.from(stdinText)]);
  const code = await runDraft(argv, { stdin, stdout: stdout.stream, stderr: stderr.stream });
  const out = stdout.text();
  return {
    code,
    stdout: out,
    stderr: stderr.text(),
    get json() {
      return JSON.parse(out) as Record<string, unknown>;
    },
  };
}

const INVOICE = { number: 'F-2026-041', amount: 2400, currency: 'EUR', issue_date: '2026-10-24', due_date: '2026-11-23' };
const CLIENT = { kind: 'business', company: 'Atelier Moreau SARL', contact_name: 'Julien Moreau', email: 'julien.moreau@atelier-moreau.fr', address: '8 avenue Foch\n69006 Lyon' };
const SENDER = { name: 'Marie Dupont', company: 'Studio Dupont', role: 'Gérante', phone: '06 12 34 56 78', address: '12 rue des Lilas\n75011 Paris', city: 'Paris', siren: '123456789', iban: 'FR7630006000011234567890189' };

const plain = (text: unknown): string => String(text).replace(/[\u00a0\u202f]/g, ' ');

describe('relance draft', () => {
  it('prints the rendered subject and body of a first reminder (--json)', async () => {
    const run = await draft(['--json', JSON.stringify({ step: 'first_reminder', language: 'fr', today: '2026-11-30', invoice: INVOICE, client: CLIENT, sender: SENDER })]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const out = run.json;
    expect(Object.keys(out)).toEqual(['step', 'language', 'tone', 'to', 'subject', 'reply_subject', 'body_text', 'body_html', 'tone_violations', 'missing_facts', 'edited']);
    expect(out).toMatchObject({ step: 'first_reminder', language: 'fr', tone: 'friendly', to: ['julien.moreau@atelier-moreau.fr'], subject: 'Facture n° F-2026-041 : petit rappel', reply_subject: null, tone_violations: [], edited: [] });
    expect(plain(out.body_text)).toContain("Sauf erreur de ma part, je n'ai pas encore reçu le règlement de la facture n° F-2026-041, arrivée à échéance le 23 novembre 2026.");
    expect(out.body_html).toContain('<p>Bonjour Julien,</p>');
  });

  it('reads the JSON on stdin', async () => {
    const run = await draft([], JSON.stringify({ step: 'pre_reminder', language: 'en', today: '2026-11-20', invoice: INVOICE, thread_subject: 'Invoice F-2026-041' }));
    expect(run.code).toBe(0);
    expect(run.json).toMatchObject({ subject: 'Invoice F-2026-041 – due on 23 November 2026', reply_subject: 'Re: Invoice F-2026-041', to: [] });
    expect(run.json.body_text).toContain('This is a quick note about invoice F-2026-041, which falls due on 23 November 2026.');
  });

  it('covers several invoices of the same client', async () => {
    const invoices = [INVOICE, { number: 'F-2026-047', amount: 600, currency: 'EUR', due_date: '2026-12-02' }];
    const run = await draft(['--json', JSON.stringify({ step: 'second_reminder', today: '2027-01-10', invoices, client: CLIENT, penalty_rate: 12.15 })]);
    expect(run.code).toBe(0);
    expect(plain(run.json.body_text)).toContain('au sujet des factures n° F-2026-041 et F-2026-047');
    expect(plain(run.json.body_text)).toContain('- Total : 3 000,00 €');
    expect(plain(run.json.body_text)).toContain('au taux annuel de 12,15 %');
    expect(run.json.tone_violations).toEqual([]);
  });

  it('gives the printable letter of a formal notice', async () => {
    const claim = { currency: 'EUR', principal: 2400, interest: 45.12, interest_periods: [{ from: '2026-11-24', to: '2027-01-19', rate: 12.15 }], fixed_indemnity: 40, total: 2485.12 };
    const run = await draft(['--json', JSON.stringify({ step: 'formal_notice', language: 'fr', today: '2027-01-19', invoice: INVOICE, client: CLIENT, sender: SENDER, claim, formal_notice: { deadline_days: 15 } })]);
    expect(run.code).toBe(0);
    expect(run.json.subject).toBe('Mise en demeure de payer – Facture n° F-2026-041');
    expect(plain(run.json.body_text)).toContain('dans un délai de 15 jours à compter de la réception de la présente lettre');
    expect(String(run.json.letter_html)).toMatch(/^<!DOCTYPE html>/);
    expect(run.json.tone_violations).toEqual([]);
    expect(run.json.missing_facts).toEqual([]);
  });

  it('gives the checklist of an escalation, and the voicemail of a call', async () => {
    const escalation = await draft(['--json', JSON.stringify({ step: 'escalation', language: 'en', today: '2027-02-01', invoice: INVOICE, client: { kind: 'consumer', contact_name: 'Claire Martin' }, formal_notice: { sent_on: '2027-01-05', deadline_date: '2027-01-20' } })]);
    expect(escalation.code).toBe(0);
    const checklist = escalation.json.checklist as Array<{ id: string; status: string }>;
    expect(checklist[0]).toMatchObject({ id: 'formal_notice', status: 'done' });
    expect(checklist.map((item) => item.id)).not.toContain('mediator');
    expect(escalation.json.checklist_text).toContain('[x] Formal notice');
    const call = await draft(['--json', JSON.stringify({ step: 'call', language: 'fr', today: '2026-11-26', invoice: INVOICE, client: CLIENT, sender: SENDER })]);
    expect(plain(call.json.voicemail_text)).toContain('Vous pouvez me rappeler au 06 12 34 56 78.');
  });

  it('prints text with --text', async () => {
    const run = await draft(['--text', '--json', JSON.stringify({ step: 'first_reminder', language: 'en', today: '2026-11-30', invoice: INVOICE })]);
    expect(run.code).toBe(0);
    expect(run.stdout.startsWith('Subject: Invoice F-2026-041: a friendly reminder\n\nHello,\n\n')).toBe(true);
  });

  it('renders an edited template, and reports its tone violations', async () => {
    const templates = { body: '{{greeting}}\n\nVotre facture {{invoice_number}} est en retard.\n\n{{signature}}' };
    const run = await draft(['--json', JSON.stringify({ step: 'first_reminder', today: '2026-11-30', invoice: INVOICE, client: CLIENT, templates })]);
    expect(run.code).toBe(0);
    expect(run.json.edited).toEqual(['body']);
    expect(run.json.tone_violations).toEqual([
      { code: 'banned_term', term: 'retard', category: 'lateness' },
      { code: 'banned_term', term: 'en retard', category: 'lateness' },
    ]);
  });

  it('refuses an edited template that breaks a variable, with the error', async () => {
    const run = await draft(['--json', JSON.stringify({ step: 'first_reminder', today: '2026-11-30', invoice: INVOICE, templates: { body: 'Bonjour {{prenom}},' } })]);
    expect(run.code).toBe(1);
    expect(run.json.error).toBe('the edited template has errors');
    expect(run.json.template_errors).toEqual([
      expect.objectContaining({ part: 'body', code: 'unknown_variable', variable: 'prenom', line: 1, column: 9, tag: '{{prenom}}' }),
    ]);
    expect(run.stderr).toBe('relance draft: the edited template has errors\n');
  });

  it.each([
    ['not JSON', '{step:', /^the input is not valid JSON/],
    ['no step', JSON.stringify({ invoice: INVOICE }), /^step: expected one of pre_reminder, first_reminder/],
    ['unknown step', JSON.stringify({ step: 'lawsuit', invoice: INVOICE }), /^step: expected one of/],
    ['unknown language', JSON.stringify({ step: 'call', language: 'de', invoice: INVOICE }), /^language: expected "fr" or "en", got "de"/],
    ['no invoice', JSON.stringify({ step: 'call' }), /^invoice: required/],
    ['empty invoices', JSON.stringify({ step: 'call', invoices: [] }), /^invoice: required/],
    ['both invoice and invoices', JSON.stringify({ step: 'call', invoice: INVOICE, invoices: [INVOICE] }), /either "invoice" or "invoices"/],
    ['a bad date', JSON.stringify({ step: 'call', invoice: { ...INVOICE, due_date: '2026-02-30' } }), /^invoice\.due_date: not a calendar date \(YYYY-MM-DD\): "2026-02-30"/],
    ['an amount as text', JSON.stringify({ step: 'call', invoices: [INVOICE, { ...INVOICE, amount: '600' }] }), /^invoices\[1\]\.amount: expected a number, got "600"/],
    ['a typo in a field', JSON.stringify({ step: 'call', invoice: INVOICE, clent: CLIENT }), /^input: unknown field "clent" \(known: step, language/],
    ['a bad client kind', JSON.stringify({ step: 'call', invoice: INVOICE, client: { kind: 'b2b' } }), /^client\.kind: expected "business" or "consumer"/],
    ['a claim without total', JSON.stringify({ step: 'formal_notice', invoice: INVOICE, claim: { currency: 'EUR', principal: 10 } }), /^claim\.total: required/],
    ['a voicemail template for a letter', JSON.stringify({ step: 'formal_notice', invoice: INVOICE, templates: { voicemail: 'x' } }), /^templates: unknown field "voicemail" \(known: subject, body\)/],
    ['an unknown tone', JSON.stringify({ step: 'second_reminder', invoice: INVOICE, tone: 'soft' }), /^tone: expected one of friendly, firm, formal, got "soft"/],
    ['a tone that is not a string', JSON.stringify({ step: 'second_reminder', invoice: INVOICE, tone: 1 }), /^tone: expected one of friendly, firm, formal, got 1/],
    ['an unknown cause', JSON.stringify({ step: 'second_reminder', invoice: INVOICE, cause: 'laziness' }), /^cause: expected one of oversight, cash_trouble, dispute, bad_faith, unknown, got "laziness"/],
    ['an unknown advice code', JSON.stringify({ step: 'second_reminder', invoice: INVOICE, advice: ['offer_payment_plan', 'be_nice'] }), /^advice\[1\]: expected an advice code of the ladder \(due_date_missing, /],
    ['advice that is not a list', JSON.stringify({ step: 'second_reminder', invoice: INVOICE, advice: 'offer_payment_plan' }), /^advice: expected a list/],
  ])('fails clearly on %s', async (_case, input, message) => {
    const run = await draft(['--json', input]);
    expect(run.code).toBe(1);
    expect(Object.keys(run.json)).toEqual(['error']);
    expect(run.json.error).toMatch(message);
    expect(run.stderr).toMatch(/^relance draft: /);
  });

  it('computes the claim with the law calculators when given a jurisdiction (formal notice: interest to the sending day)', async () => {
    const input = {
      step: 'formal_notice',
      language: 'fr',
      today: '2025-08-14',
      invoices: [
        { number: 'F-2025-031', amount: 1000, currency: 'EUR', issue_date: '2025-05-01', due_date: '2025-05-31' },
        { number: 'F-2025-040', amount: 500, currency: 'EUR', issue_date: '2025-05-31', due_date: '2025-06-30' },
      ],
      client: { kind: 'business', company: 'Atelier Moreau SARL' },
      formal_notice: { sent_on: '2025-08-14', deadline_days: 8 },
      jurisdiction: 'FR',
    };
    const run = await draft(['--json', JSON.stringify(input)]);
    expect(run.code).toBe(0);
    // 25.79 (F-2025-031: 30 d at 13.15 % + 45 d at 12.15 %) + 7.49 (F-2025-040: 45 d at 12.15 %), 40 EUR each.
    expect(run.json.claims).toEqual([{ currency: 'EUR', principal: 1500, paid: null, interest: 33.28, interestPeriods: null, fixedIndemnity: 80, total: 1613.28 }]);
    expect(run.json.claim_error).toBeNull();
    const body = String(run.json.body_text).replace(/\u202f|\u00a0/g, ' ');
    expect(body).toContain('1 613,28 €');
    expect(body).toContain('33,28 €');
    expect(run.json.tone_violations).toEqual([]);
  });

  it('renders without figures and says which rate to enter when the period has no known rate; an entered rate is used', async () => {
    const base = { step: 'second_reminder', today: '2026-11-22', invoice: { number: 'F-2026-090', amount: 1000, currency: 'EUR', due_date: '2026-10-01' }, jurisdiction: 'FR' };
    const unknown = await draft(['--json', JSON.stringify(base)]);
    expect(unknown.code).toBe(0);
    expect(unknown.json.claims).toBeNull();
    expect(unknown.json.claim_error).toBe('invoice F-2026-090: rate unknown for 2026-H2 (ECB main refinancing rate on 1 July 2026): enter it in the settings');
    expect(unknown.stderr).toContain('rate unknown for 2026-H2');
    const entered = await draft(['--json', JSON.stringify({ ...base, rate_overrides: [{ table: 'ECB_MRO', period: '2026-H2', rate_percent: 2.15 }] })]);
    // 1,000 × 12.15 % × 52 / 365 = 17.31
    expect(entered.json.claims).toMatchObject([{ interest: 17.31, fixedIndemnity: 40, total: 1057.31 }]);
    expect(String(entered.json.body_text)).toContain('12,15');
  });

  it('refuses a jurisdiction together with claim figures, and an unknown jurisdiction', async () => {
    const base = { step: 'second_reminder', invoice: { number: 'F1', amount: 10, currency: 'EUR', due_date: '2025-01-01' } };
    expect((await draft(['--json', JSON.stringify({ ...base, jurisdiction: 'XX' })])).json.error).toMatch(/^jurisdiction: expected FR, EU, DE or UK/);
    expect((await draft(['--json', JSON.stringify({ ...base, jurisdiction: 'FR', claim: { currency: 'EUR', principal: 10, total: 10 } })])).json.error).toMatch(/not both/);
  });

  it('fails on bad usage and on no input at all', async () => {
    const option = await draft(['--jsn', '{}']);
    expect(option.code).toBe(1);
    expect(option.stderr).toContain('Usage: relance draft');
    const nothing = await draft([]);
    expect(nothing.code).toBe(1);
    expect(nothing.json.error).toBe('no input: give --json JSON or pipe the JSON on stdin');
    const empty = await draft([], '  ');
    expect(empty.code).toBe(1);
    const help = await draft(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: relance draft');
  });

  it('writes in the tone asked for and says which tone it used', async () => {
    const input = { step: 'second_reminder', language: 'fr', today: '2027-01-10', invoice: INVOICE, client: CLIENT, penalty_rate: 12.15, next_step: { step: 'further_reminder', date: '2027-01-17' } };
    const firm = await draft(['--json', JSON.stringify(input)]);
    expect(firm.json).toMatchObject({ tone: 'firm', subject: 'Deuxième relance – Facture n° F-2026-041', tone_violations: [] });
    const friendly = await draft(['--json', JSON.stringify({ ...input, tone: 'friendly' })]);
    expect(friendly.code).toBe(0);
    expect(friendly.json).toMatchObject({ tone: 'friendly', subject: 'Facture n° F-2026-041 : où en est le règlement ?', tone_violations: [] });
    expect(friendly.json).not.toHaveProperty('requested_tone');
    expect(plain(friendly.json.body_text)).toContain('au taux annuel de 12,15 %');
    expect(plain(friendly.json.body_text)).toContain('40 € par facture');
    // A formal notice stays formal: the output says the friendly tone was not available.
    const notice = await draft(['--json', JSON.stringify({ ...input, step: 'formal_notice', tone: 'friendly' })]);
    expect(notice.json).toMatchObject({ tone: 'formal', requested_tone: 'friendly' });
    expect(Object.keys(notice.json).slice(0, 5)).toEqual(['step', 'language', 'tone', 'requested_tone', 'to']);
    const text = await draft(['--text', '--json', JSON.stringify({ ...input, tone: 'friendly' })]);
    expect(text.stdout).toContain('\n\nTon : amical\n');
    const fallback = await draft(['--text', '--json', JSON.stringify({ ...input, step: 'formal_notice', language: 'en', tone: 'friendly' })]);
    expect(fallback.stdout).toContain('\n\nTone: formal (friendly does not exist for this step)\n');
  });

  it('adapts to the cause: bad faith gets a firm first reminder, cash trouble a payment plan, a dispute no draft', async () => {
    const input = { step: 'first_reminder', language: 'fr', today: '2026-11-30', invoice: INVOICE, client: CLIENT, sender: SENDER };
    const badFaith = await draft(['--json', JSON.stringify({ ...input, cause: 'bad_faith' })]);
    expect(badFaith.json).toMatchObject({ tone: 'firm', subject: 'Facture n° F-2026-041 : date de règlement', tone_violations: [] });
    expect(String(badFaith.json.body_text)).not.toMatch(/simple oubli|retard/);
    const cash = await draft(['--json', JSON.stringify({ ...input, cause: 'cash_trouble' })]);
    expect(cash.json.tone).toBe('friendly');
    expect(String(cash.json.body_text)).toContain('un premier versement dès maintenant, puis le solde en deux fois, à 15 jours et à 30 jours');
    const advised = await draft(['--json', JSON.stringify({ ...input, advice: ['offer_payment_plan', 'ask_deposit_on_future_work'] })]);
    // The advice offers the plan; the deposit on future work is advice for the user, not for the client.
    expect(String(advised.json.body_text)).toContain('un premier versement dès maintenant');
    expect(String(advised.json.body_text)).not.toMatch(/acompte|prestations? futures?/);
    const plainRun = await draft(['--json', JSON.stringify(input)]);
    expect(String(plainRun.json.body_text)).not.toContain('premier versement');
    for (const disputed of [{ cause: 'dispute' }, { advice: ['resolve_dispute_first'] }]) {
      const run = await draft(['--json', JSON.stringify({ ...input, ...disputed })]);
      expect(run.code).toBe(1);
      expect(run.json).toEqual({ error: 'the invoice is disputed: no reminder is drafted while a dispute is open; settle it first', reason: 'disputed', advice: 'resolve_dispute_first' });
      expect(run.stderr).toBe('relance draft: the invoice is disputed: no reminder is drafted while a dispute is open; settle it first\n');
    }
  });

  it('applies edited templates to the wording of the tone used', async () => {
    const templates = { subject: 'Deuxième relance – {{invoice_label}}' };
    const input = { step: 'second_reminder', today: '2027-01-10', invoice: INVOICE, client: CLIENT, penalty_rate: 12.15, templates };
    const friendly = await draft(['--json', JSON.stringify({ ...input, tone: 'friendly' })]);
    expect(friendly.json).toMatchObject({ tone: 'friendly', subject: 'Deuxième relance – Facture n° F-2026-041', edited: ['subject'] });
    expect(friendly.json.tone_violations).toEqual([{ code: 'banned_term', term: 'deuxième relance', category: 'insistence' }]);
    expect(plain(friendly.json.body_text)).toContain("À titre d'information");
    const broken = await draft(['--json', JSON.stringify({ ...input, tone: 'friendly', templates: { body: '{{nope}}' } })]);
    expect(broken.code).toBe(1);
    expect(broken.json.template_errors).toEqual([expect.objectContaining({ part: 'body', tone: 'friendly', code: 'unknown_variable' })]);
  });

  it('documents tone, cause and advice in --help', async () => {
    const help = (await draft(['--help'])).stdout;
    expect(help).toContain('tone            friendly | firm | formal');
    expect(help).toContain('firm: call_follow_up, second_reminder, further_reminder');
    expect(help).toContain('                    second_reminder friendly\n');
    expect(help).toContain('                    first_reminder firm\n');
    expect(help).toContain('cause           oversight | cash_trouble | dispute | bad_faith | unknown');
    expect(help).toContain('dispute: no draft (exit 1)');
    expect(help).toContain('advice          [code, ...]');
  });

  it('defaults: French, a business client, today', () => {
    const { context } = parseDraftInput({ step: 'pre_reminder', invoice: { invoice_number: 'F-1' } }, '2026-11-20');
    expect(context).toMatchObject({ language: 'fr', today: '2026-11-20', client: { kind: 'business' }, invoices: [{ number: 'F-1', amount: null, currency: null }] });
    expect(parseDraftInput({ step: 'pre_reminder', invoice: { number: 'F-1' }, client: { b2b: false } }, '2026-11-20').context.client.kind).toBe('consumer');
    expect(context).toMatchObject({ tone: null, cause: null, advice: null });
    const toned = parseDraftInput({ step: 'call', invoice: { number: 'F-1' }, tone: 'firm', cause: 'bad_faith', advice: ['keep_written_evidence'], templates: { voicemail: 'Bonjour' } }, '2026-11-20');
    expect(toned.context).toMatchObject({ tone: 'firm', cause: 'bad_faith', advice: ['keep_written_evidence'] });
    expect(toned.overrides).toEqual({ 'call.fr.firm.voicemail': 'Bonjour' });
    expect(parseDraftInput({ step: 'call', invoice: { number: 'F-1' }, cause: 'bad_faith', templates: { body: 'x' } }, '2026-11-20').overrides).toEqual({ 'call.fr.firm.body': 'x' });
    expect(parseDraftInput({ step: 'formal_notice', invoice: { number: 'F-1' }, tone: 'friendly', templates: { body: 'x' } }, '2026-11-20').overrides).toEqual({ 'formal_notice.fr.body': 'x' });
  });
});
