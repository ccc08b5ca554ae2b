import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportBackup } from './backup';
import type { LedgerEvent } from './events';
import { appendToChain, verifyChain, type ChainedEvent } from './hash-chain';
import { CLIENT, SETTINGS, invoice } from './ledger.test-support';
import type { Client, LedgerInvoice } from './model';
import { partyOf, planScanMerge, scanNumberKey, type ScanMergeExisting, type ScanMergePlan } from './scan-merge';
import { checkClient, checkEvent, checkInvoice } from './validate';

/** Written by the real CLI: `node bin/relance.js scan tests/cli/fixtures/mbox/takeout.mbox --me claire@atelier-martin.fr --ledger …`. */
const TAKEOUT = readFileSync(new URL('./scan-merge.fixture-takeout.json', import.meta.url), 'utf8');
/** `… scan tests/cli/fixtures/mbox/crlf.mbox --me claire@atelier-martin.fr --ledger …` (a promise to pay, English terms). */
const CRLF = readFileSync(new URL('./scan-merge.fixture-crlf.json', import.meta.url), 'utf8');

const OPTIONS = { today: '2026-11-23', now: '2026-11-23T08:30:00.000Z', ownAddresses: ['claire@atelier-martin.fr'] } as const;
const EMPTY: ScanMergeExisting = { invoices: [], clients: [], events: [] };

function plan(text: string, existing: ScanMergeExisting = EMPTY, options: Partial<Parameters<typeof planScanMerge>[2]> = {}): ScanMergePlan {
  const result = planScanMerge(text, existing, { ...OPTIONS, ...options });
  if (!result.ok) throw new Error(result.errors.map((error) => error.message).join('\n'));
  return result.plan;
}

/** What the store does with a plan: add clients and invoices, chain their events, apply the updates (confirmed ones only when asked). */
function apply(existing: ScanMergeExisting, merge: ScanMergePlan, confirm: boolean): ScanMergeExisting {
  const clients = [...existing.clients, ...merge.newClients];
  const invoices = new Map<string, LedgerInvoice>(existing.invoices.map((i) => [i.id, i]));
  const events = [...(existing.events ?? [])];
  const append = (event: LedgerEvent) => {
    const last = [...events].reverse().find((e) => e.invoiceId === event.invoiceId) as ChainedEvent | undefined;
    events.push(appendToChain(last ?? null, event));
  };
  for (const planned of merge.newInvoices) {
    invoices.set(planned.invoice.id, planned.invoice);
    planned.events.forEach(append);
  }
  for (const update of merge.updates) {
    if (update.kind === 'add_proofs') invoices.set(update.invoiceId, update.invoice);
    else if (confirm) append(update.event);
  }
  return { clients, invoices: [...invoices.values()], events };
}

const pick = <T>(items: readonly T[], index: number): T => {
  const item = items[index];
  if (item === undefined) throw new RangeError(`no item ${index}`);
  return item;
};

describe('planScanMerge: the CLI’s takeout scan into an empty ledger', () => {
  const merge = plan(TAKEOUT);

  it('two new clients and two new invoices, nothing skipped', () => {
    expect(merge.source).toEqual({ generatedAt: '2026-11-22T11:23:50.854Z', me: ['claire@atelier-martin.fr'], invoiceCount: 2 });
    expect(merge.newClients.map((client) => [client.id, client.name, client.language])).toEqual([
      ['email:lucas@bernard-conseil.fr', 'lucas@bernard-conseil.fr', 'fr'],
      ['email:factures@etoile.example', 'factures@etoile.example', 'fr'],
    ]);
    expect(merge.duplicates).toEqual([]);
    expect(merge.problems).toEqual([]);
    for (const client of merge.newClients) expect(checkClient(client)).toEqual({ ok: true, value: client });
  });

  it('the invoices carry the file’s facts, every message as a proof, and the scan’s hint', () => {
    const [first, second] = merge.newInvoices;
    expect(first!.invoice).toStrictEqual({
      id: 'scan:bernard-conseil.fr:F-2026-040',
      host: null,
      account: null,
      threadId: null,
      messageId: 'f2026040@atelier-martin.fr',
      invoiceNumber: 'F-2026-040',
      clientEmail: 'lucas@bernard-conseil.fr',
      clientName: null,
      amount: 2400,
      currency: 'EUR',
      issueDate: '2026-03-02',
      dueDate: '2026-04-01',
      terms: 'payable à 30 jours',
      language: 'fr',
      subject: '',
      trackedAt: '2026-11-23T08:30:00.000Z',
      clientId: 'email:lucas@bernard-conseil.fr',
      source: 'imported',
      proofs: [
        { host: 'file', account: null, threadId: null, messageId: 'f2026040@atelier-martin.fr', file: 'tests/cli/fixtures/mbox/takeout.mbox#0', kind: 'invoice_sent', date: '2026-03-02T10:15:00+01:00', amount: 2400 },
        { host: 'file', account: null, threadId: null, messageId: 'relance-f2026040@atelier-martin.fr', file: 'tests/cli/fixtures/mbox/takeout.mbox#1', kind: 'reminder', date: '2026-04-09T10:00:00+02:00', amount: 2400 },
        { host: 'file', account: null, threadId: null, messageId: 'paid-f2026040@bernard-conseil.fr', file: 'tests/cli/fixtures/mbox/takeout.mbox#3', kind: 'payment_notice', date: '2026-04-13T18:30:00+02:00', amount: 2400 },
      ],
      importHint: { format: 'relance-ledger-scan', version: 1, generatedAt: '2026-11-22T11:23:50.854Z', statusHint: 'paid' },
    });
    expect(first!.events).toEqual([
      {
        kind: 'detected',
        invoiceId: 'scan:bernard-conseil.fr:F-2026-040',
        at: '2026-11-23T08:30:00.000Z',
        day: '2026-11-23',
        messageId: 'f2026040@atelier-martin.fr',
        facts: expect.objectContaining({ invoiceNumber: 'F-2026-040', amount: 2400, dueDate: '2026-04-01', clientEmail: 'lucas@bernard-conseil.fr' }),
      },
    ]);
    expect(second!.invoice).toMatchObject({ id: 'scan:etoile.example:F-2026-041', messageId: null, amount: 960, proofs: [{ host: 'file', messageId: null, file: 'tests/cli/fixtures/mbox/takeout.mbox#4' }] });
    for (const planned of merge.newInvoices) {
      expect(checkInvoice(planned.invoice)).toEqual({ ok: true, value: planned.invoice });
      for (const event of planned.events) expect(checkEvent(event).ok).toBe(true);
    }
  });

  it('the payment the scan saw is only proposed, for the user to confirm', () => {
    expect(merge.updates).toEqual([
      {
        kind: 'event',
        scanIndex: 0,
        invoiceId: 'scan:bernard-conseil.fr:F-2026-040',
        invoiceNumber: 'F-2026-040',
        newInvoice: true,
        event: { kind: 'payment', invoiceId: 'scan:bernard-conseil.fr:F-2026-040', at: '2026-11-23T08:30:00.000Z', day: '2026-04-13', paidOn: '2026-04-13', amount: 2400 },
        reason: 'Un avis de paiement a été vu dans tests/cli/fixtures/mbox/takeout.mbox#3',
        assumed: [],
        proof: expect.objectContaining({ messageId: 'paid-f2026040@bernard-conseil.fr', kind: 'payment_notice' }),
        requiresConfirmation: true,
      },
    ]);
    const update = pick(merge.updates, 0);
    expect(update.kind === 'event' && checkEvent(update.event).ok).toBe(true);
  });
});

describe('planScanMerge: idempotence', () => {
  it('merging the same file twice adds nothing the second time (proposals confirmed)', () => {
    const once = apply(EMPTY, plan(TAKEOUT), true);
    expect(verifyChain(once.events ?? [])).toMatchObject({ ok: true });
    const again = plan(TAKEOUT, once);
    expect(again.newClients).toEqual([]);
    expect(again.newInvoices).toEqual([]);
    expect(again.updates).toEqual([]);
    expect(again.duplicates.map((d) => [d.scanIndex, d.existingInvoiceId])).toEqual([
      [0, 'scan:bernard-conseil.fr:F-2026-040'],
      [1, 'scan:etoile.example:F-2026-041'],
    ]);
    // And a third time, after applying the second plan: the ledger is the same.
    expect(apply(once, again, true)).toEqual(once);
  });

  it('a proposal declined comes back (it is still not recorded), nothing else does', () => {
    const once = apply(EMPTY, plan(TAKEOUT), false);
    const again = plan(TAKEOUT, once);
    expect(again.newInvoices).toEqual([]);
    expect(again.updates.map((u) => [u.kind, u.kind === 'event' ? u.event.kind : null, u.newInvoice])).toEqual([['event', 'payment', false]]);
    // Without the logbook, nothing is proposed for invoices already in the ledger.
    expect(plan(TAKEOUT, { invoices: once.invoices, clients: once.clients }).updates).toEqual([]);
  });

  it('an invoice imported before keeps being recognised after its number was corrected', () => {
    const once = apply(EMPTY, plan(TAKEOUT), true);
    const corrected = { ...once, invoices: once.invoices.map((i) => (i.invoiceNumber === 'F-2026-041' ? { ...i, invoiceNumber: 'F-2026-041-bis' } : i)) };
    expect(plan(TAKEOUT, corrected).newInvoices).toEqual([]);
  });

  it('the same invoice twice in one file is planned once', () => {
    const data = JSON.parse(TAKEOUT) as { invoices: Array<Record<string, unknown>> };
    data.invoices.push({ ...data.invoices[1]!, invoice_number: ' f-2026-041', messages: [] });
    const merge = plan(JSON.stringify(data));
    expect(merge.newInvoices).toHaveLength(2);
    expect(merge.duplicates).toEqual([{ scanIndex: 2, invoiceNumber: ' f-2026-041', counterparty: 'factures@etoile.example', existingInvoiceId: 'scan:etoile.example:F-2026-041', reason: 'another entry of this file is the same invoice (F-2026-041)' }]);
  });
});

describe('planScanMerge: against a ledger that has some of it', () => {
  const existingInvoice = invoice({ invoiceNumber: 'F-2026-040', clientEmail: 'lucas@bernard-conseil.fr', amount: 2400 });

  it('same number and client already tracked from Gmail: skipped, its new messages proposed as proofs, the payment proposed', () => {
    const merge = plan(TAKEOUT, { invoices: [existingInvoice], clients: [CLIENT], events: [] });
    expect(merge.duplicates).toEqual([
      { scanIndex: 0, invoiceNumber: 'F-2026-040', counterparty: 'lucas@bernard-conseil.fr', existingInvoiceId: existingInvoice.id, reason: 'invoice F-2026-040 of this client is already in the ledger' },
    ]);
    expect(merge.newInvoices.map((p) => p.invoice.invoiceNumber)).toEqual(['F-2026-041']);
    const [proofs, payment] = merge.updates;
    expect(proofs).toMatchObject({ kind: 'add_proofs', invoiceId: existingInvoice.id, requiresConfirmation: false });
    if (proofs?.kind !== 'add_proofs') throw new Error('expected proofs');
    expect(proofs.proofs).toHaveLength(3);
    expect(proofs.invoice.proofs).toEqual([...existingInvoice.proofs, ...proofs.proofs]);
    expect(payment).toMatchObject({ kind: 'event', invoiceId: existingInvoice.id, newInvoice: false, event: { kind: 'payment', paidOn: '2026-04-13' } });
  });

  it('already paid in the logbook: no payment proposed', () => {
    const paid: LedgerEvent = { kind: 'payment', invoiceId: existingInvoice.id, at: '2026-04-14T09:00:00.000Z', day: '2026-04-14', paidOn: '2026-04-13' };
    const merge = plan(TAKEOUT, { invoices: [existingInvoice], clients: [CLIENT], events: [paid] });
    expect(merge.updates.filter((u) => u.kind === 'event')).toEqual([]);
  });

  it('the number is compared without case and spaces, the client by company domain', () => {
    const other = invoice({ invoiceNumber: 'f-2026-040 ', clientEmail: 'boss@bernard-conseil.fr', clientId: 'c-boss' });
    const boss: Client = { ...CLIENT, id: 'c-boss', emails: ['boss@bernard-conseil.fr'] };
    const merge = plan(TAKEOUT, { invoices: [other], clients: [boss], events: [] });
    expect(merge.duplicates.map((d) => d.existingInvoiceId)).toEqual([other.id]);
  });

  it('a new invoice of a known company goes to its client, no new client', () => {
    const boss: Client = { ...CLIENT, id: 'c-boss', emails: ['boss@bernard-conseil.fr'] };
    const merge = plan(TAKEOUT, { invoices: [], clients: [boss], events: [] });
    expect(merge.newInvoices.map((p) => [p.invoice.invoiceNumber, p.invoice.clientId, p.newClient])).toEqual([
      ['F-2026-040', 'c-boss', false],
      ['F-2026-041', 'email:factures@etoile.example', true],
    ]);
    expect(merge.newClients.map((c) => c.id)).toEqual(['email:factures@etoile.example']);
  });

  it('on a shared mail provider, another address is another client', () => {
    expect(partyOf('jean@gmail.com')).toBe('jean@gmail.com');
    expect(partyOf('Boss@Acme.fr')).toBe('acme.fr');
    const data = JSON.parse(TAKEOUT) as { invoices: Array<Record<string, unknown>> };
    data.invoices[1]!.counterparty = 'marie@gmail.com';
    const existing: ScanMergeExisting = { invoices: [invoice({ id: 'x', invoiceNumber: 'F-2026-041', clientEmail: 'jean@gmail.com', clientId: 'c-jean' })], clients: [{ ...CLIENT, id: 'c-jean', emails: ['jean@gmail.com'] }], events: [] };
    const merge = plan(JSON.stringify(data), existing);
    expect(merge.duplicates).toEqual([]);
    expect(merge.newInvoices.map((p) => p.invoice.clientId)).toEqual(['email:lucas@bernard-conseil.fr', 'email:marie@gmail.com']);
  });
});

describe('planScanMerge: what the scan saw happen', () => {
  it('a promise (no date in the file): a note to confirm (in the user’s language), asking for the promised date; English terms give an English client', () => {
    const merge = plan(CRLF);
    expect(merge.newClients.map((c) => [c.id, c.language])).toEqual([['email:jeanne@petit.example', 'en']]);
    expect(merge.updates).toEqual([
      expect.objectContaining({
        kind: 'event',
        event: expect.objectContaining({ kind: 'note', day: '2026-06-09', text: 'Promesse de paiement reçue par e-mail le 2026-06-09 (tests/cli/fixtures/mbox/crlf.mbox#1) : enregistrez la date promise.' }),
        assumed: ['promisedDate'],
      }),
    ]);
    // Not proposed again once recorded.
    expect(plan(CRLF, apply(EMPTY, merge, true)).updates).toEqual([]);
  });

  it('a partial payment notice, an undated one (its date assumed), a dispute', () => {
    const data = JSON.parse(TAKEOUT) as { invoices: Array<{ messages: Array<Record<string, unknown>>; status_hint: string }> };
    const [paid, open] = data.invoices;
    paid!.messages[2]!.amount = 1000;
    paid!.messages.push({ file: 'x.mbox#9', message_id: null, kind: 'payment_notice', date: null, amount: null });
    open!.messages.push({ file: 'x.mbox#10', message_id: 'd@etoile.example', kind: 'dispute', date: '2026-07-01T10:00:00+02:00', amount: null });
    open!.status_hint = 'disputed';
    const merge = plan(JSON.stringify(data), EMPTY, { language: 'en' });
    expect(merge.updates.map((u) => (u.kind === 'event' ? [u.event.kind, u.event.day, u.assumed] : [u.kind]))).toEqual([
      ['partial_payment', '2026-04-13', []],
      ['payment', '2026-11-23', ['paidOn']],
      ['dispute_opened', '2026-07-01', []],
    ]);
    const dispute = merge.updates[2];
    expect(dispute?.kind === 'event' && dispute.event).toMatchObject({ reason: 'Dispute received by email (x.mbox#10)' });
    // A dispute recorded, then resolved, is not proposed again.
    const applied = apply(EMPTY, merge, true);
    const invoiceId = 'scan:etoile.example:F-2026-041';
    const resolved = { ...applied, events: [...(applied.events ?? []), appendToChain([...(applied.events ?? [])].reverse().find((e) => e.invoiceId === invoiceId) as ChainedEvent, { kind: 'dispute_resolved', invoiceId, at: '2026-11-24T09:00:00Z', day: '2026-11-24', resolution: 'credit note' })] };
    expect(plan(JSON.stringify(data), resolved, { language: 'en' }).updates).toEqual([]);
  });
});

describe('planScanMerge: invoices it cannot import', () => {
  it('no counterparty, the user’s own address, an amount without currency, a date that is not one', () => {
    const data = JSON.parse(TAKEOUT) as { invoices: Array<Record<string, unknown>> };
    const base = data.invoices[1]!;
    data.invoices.push({ ...base, invoice_number: 'A-1', counterparty: null });
    data.invoices.push({ ...base, invoice_number: 'A-2', counterparty: 'Claire@Atelier-Martin.fr' });
    data.invoices.push({ ...base, invoice_number: 'A-3', currency: null });
    data.invoices.push({ ...base, invoice_number: 'A-4', due_date: '2026-02-30' });
    const merge = plan(JSON.stringify(data));
    expect(merge.problems.map((p) => [p.path, p.code, p.severity])).toEqual([
      ['invoices[2].counterparty', 'no_counterparty', 'skipped'],
      ['invoices[3].counterparty', 'own_address', 'skipped'],
      ['invoices[4].amount', 'amount_without_currency', 'warning'],
      ['invoices[5].due_date', 'invalid_record', 'skipped'],
    ]);
    expect(merge.problems[3]!.message).toBe('invoices[5] (A-4): due_date must be a calendar date YYYY-MM-DD, got "2026-02-30"');
    expect(merge.newInvoices.map((p) => [p.invoice.invoiceNumber, p.invoice.amount])).toEqual([
      ['F-2026-040', 2400],
      ['F-2026-041', 960],
      ['A-3', null],
    ]);
  });
});

describe('planScanMerge: validation first', () => {
  const errors = (text: string) => {
    const result = planScanMerge(text, EMPTY, OPTIONS);
    return result.ok ? [] : result.errors;
  };

  it('a backup is sent to the restore', () => {
    const backup = exportBackup({ settings: SETTINGS, templates: {}, clients: [], invoices: [], events: [] }, '2026-11-22T10:00:00.000Z').json;
    expect(errors(backup)).toEqual([
      { path: '', code: 'backup_file', message: 'This is not a Relance scan file: it is a Relance backup (format "relance-backup"). A backup is not merged: restore it with "Restore a backup", which replaces the whole ledger with it.' },
    ]);
  });

  it('foreign, damaged, newer files', () => {
    expect(errors('')[0]!.message).toBe('The file is empty: it is not a Relance scan file.');
    expect(errors('{"invoices": []}')[0]!.message).toMatch(/no "format": "relance-ledger-scan" field/);
    expect(errors('{"format": "csv"}')[0]!.message).toBe('This is not a Relance scan file: its format is "csv", not "relance-ledger-scan".');
    const cut = errors(TAKEOUT.slice(0, 500))[0]!;
    expect(cut).toMatchObject({ code: 'json_syntax', position: { line: expect.any(Number) } });
    expect(cut.message).toMatch(/cut short/);
    expect(errors(TAKEOUT.replace('"version": 1', '"version": 2'))[0]).toMatchObject({ path: 'version', code: 'newer_version' });
  });

  it('every field as documented; every error listed, nothing planned', () => {
    const data = JSON.parse(TAKEOUT) as { invoices: Array<Record<string, unknown> & { messages: Array<Record<string, unknown>> }> };
    delete data.invoices[0]!.status_hint;
    data.invoices[0]!.messages[1]!.kind = 'vendor_bill';
    data.invoices[1]!.amount = '960';
    data.invoices[1]!.colour = 'red';
    expect(errors(JSON.stringify(data)).map((error) => [error.path, error.code])).toEqual([
      ['invoices[0].messages[1].kind', 'unknown_value'],
      ['invoices[0].status_hint', 'missing'],
      ['invoices[1].colour', 'unknown_field'],
      ['invoices[1].amount', 'not_an_amount'],
    ]);
  });

  it('scanNumberKey is the CLI’s', () => {
    expect(scanNumberKey(' f 2026\u00a0040 ')).toBe('F2026040');
  });
});
