/**
 * The draft the panel previews and inserts for a tracked invoice: the ladder's step (or the one the
 * user chose) in the ladder's tone (or the chosen one), written from everything the ledger knows:
 * the user's identity and bank details, the client, the claim with interest to today, the latest
 * call and payment plan (for the written confirmation). Nothing is sent.
 */
import { claimFigures } from '../core/claim-figures';
import type { ChasingStep } from '../core/chasing/steps';
import type { Client, InvoiceState, LedgerEvent, LedgerInvoice, LedgerSettings, UserTemplates } from '../core/ledger';
import type { ReminderDraft } from '../core/model';
import { renderDraft, type CallNotes, type ClaimFigures, type DraftContext, type RenderedDraft } from '../core/templates';
import type { DraftChoice, DraftPreview, InvoiceStatusView } from '../protocol/messages';

export interface DraftSources {
  invoice: LedgerInvoice;
  logbook: readonly LedgerEvent[];
  state: InvoiceState;
  view: InvoiceStatusView;
  settings: LedgerSettings;
  client: Client | null;
  templates: UserTemplates;
}

function latest<K extends LedgerEvent['kind']>(logbook: readonly LedgerEvent[], kind: K): Extract<LedgerEvent, { kind: K }> | null {
  for (let index = logbook.length - 1; index >= 0; index -= 1) {
    const event = logbook[index]!;
    if (event.kind === kind) return event as Extract<LedgerEvent, { kind: K }>;
  }
  return null;
}

/** What the written confirmation repeats: the latest call, and the latest payment plan. */
function callNotes(logbook: readonly LedgerEvent[]): CallNotes | null {
  const call = latest(logbook, 'call');
  const plan = latest(logbook, 'payment_plan');
  if (!call && !plan) return null;
  const instalments = plan ? [...(plan.deposit ? [plan.deposit] : []), ...plan.instalments] : null;
  return {
    date: call ? call.calledAt.slice(0, 10) : (plan?.day ?? null),
    reason: call?.said ?? null,
    promisedDate: call?.promisedDate ?? null,
    promisedAmount: call?.promisedAmount ?? null,
    nextCallDate: call?.nextCallDate ?? null,
    plan: instalments,
  };
}

function claims(sources: DraftSources, step: ChasingStep): ClaimFigures[] | null {
  const { invoice, state, settings, client } = sources;
  if (invoice.amount === null || invoice.currency === null || invoice.dueDate === null) return null;
  if (step !== 'second_reminder' && step !== 'further_reminder' && step !== 'formal_notice' && step !== 'escalation') return null;
  const outcome = claimFigures(
    [
      {
        number: invoice.invoiceNumber,
        amount: invoice.amount,
        currency: invoice.currency,
        issueDate: invoice.issueDate,
        dueDate: invoice.dueDate,
        partialPayments: sources.logbook.flatMap((event) => (event.kind === 'partial_payment' ? [{ date: event.paidOn, amount: event.amount }] : [])),
      },
    ],
    {
      jurisdiction: client?.jurisdiction ?? settings.penalty.jurisdiction,
      b2b: client?.b2b ?? true,
      asOf: state.today,
      rateOverrides: settings.penalty.rateOverrides,
      agreedRatePercent: settings.penalty.agreedRatePercent,
      formalNoticeDate: state.formalNotice?.sentOn ?? null,
    },
  );
  // An unknown rate: the draft states the legal rule in words, without figures (never a guess).
  return outcome.ok ? outcome.claims : null;
}

export type PanelDraftOutcome = { ok: true; draft: RenderedDraft } | { ok: false; error: string };

export function renderPanelDraft(sources: DraftSources, choice: DraftChoice): PanelDraftOutcome {
  const { invoice, view, settings, client } = sources;
  const step = choice.step ?? view.draftStep;
  const tone = choice.tone ?? (step === view.draftStep ? view.draftTone : null);
  const company = settings.company;
  const ctx: DraftContext = {
    step,
    language: invoice.language,
    today: view.today,
    invoices: [{ number: invoice.invoiceNumber, amount: view.outstanding ?? invoice.amount, currency: invoice.currency, issueDate: invoice.issueDate, dueDate: invoice.dueDate }],
    client: {
      kind: client?.b2b === false ? 'consumer' : 'business',
      contactName: invoice.clientName,
      email: invoice.clientEmail,
      phone: client?.phone ?? null,
      company: client && client.name !== invoice.clientEmail ? client.name : null,
    },
    sender: {
      name: company.name || null,
      company: company.name || null,
      phone: company.phone,
      email: company.email,
      address: company.address,
      siren: company.siret ? company.siret.slice(0, 9) : null,
      iban: settings.iban,
      bic: settings.bic,
      paymentLink: settings.paymentLink,
    },
    claims: claims(sources, step),
    // The law the draft cites follows the claim's jurisdiction (the client's, else the user's setting).
    jurisdiction: client?.jurisdiction ?? settings.penalty.jurisdiction,
    threadSubject: invoice.subject,
    call: step === 'call_follow_up' ? callNotes(sources.logbook) : null,
    formalNotice: step === 'escalation' && view.formalNotice ? { sentOn: view.formalNotice.sentOn } : null,
    disputed: view.dispute !== null,
    ...(tone ? { tone } : {}),
    ...(invoice.cause ? { cause: invoice.cause } : {}),
    advice: view.plan.advice,
  };
  const result = renderDraft(ctx, { overrides: sources.templates });
  if (!result.ok && result.reason === 'disputed') return { ok: false, error: 'disputed invoice: no reminder is drafted while a dispute is open' };
  if (!result.ok) return { ok: false, error: `edited template error: ${result.errors.map((error) => error.message).join('; ')}` };
  return { ok: true, draft: result.draft };
}

export function previewOf(draft: RenderedDraft): DraftPreview {
  return {
    step: draft.step,
    tone: draft.tone,
    language: draft.language,
    to: draft.to,
    subject: draft.replySubject ?? draft.subject,
    bodyText: draft.bodyText,
    ...(draft.voicemailText ? { voicemailText: draft.voicemailText } : {}),
    ...(draft.letterHtml ? { letterHtml: draft.letterHtml } : {}),
    ...(draft.checklist ? { checklist: draft.checklist.map(({ id, status, label, detail }) => ({ id, status, label, ...(detail ? { detail } : {}) })) } : {}),
    toneViolations: draft.toneViolations.map((violation) => violation.code),
    missingFacts: draft.missingFacts,
  };
}

export function composeDraftOf(draft: RenderedDraft): ReminderDraft {
  return { step: draft.step, language: draft.language, to: draft.to, subject: draft.replySubject ?? draft.subject, bodyText: draft.bodyText };
}
