/**
 * The variables templates may use, and how a `DraftContext` becomes their values in the draft's
 * language (Intl money and dates, grammar pieces from phrases-*.ts). Unknown facts are null, so the
 * template engine leaves out the line that needed them.
 */
import { isChasingStep } from '../chasing/steps';
import { addDays, compareIsoDates, daysBetween, isValidIsoDate } from '../dates';
import { formatDate, formatMoney, LOCALE_OF_LANGUAGE } from '../format';
import type { IsoDate, Language } from '../model';
import type { ClaimFigures, ClientKind, DraftContext } from './context';
import { fixedIndemnityUnit, legalBasis } from './legal-basis';
import type { Scope, VariableSpec } from './engine';
import { firstNameOf } from './first-name';
import type { Addressee, DueTiming, InvoiceLine, Phrases } from './phrases';
import { ENGLISH_PHRASES } from './phrases-en';
import { FRENCH_PHRASES } from './phrases-fr';

export const PHRASES: Readonly<Record<Language, Phrases>> = { fr: FRENCH_PHRASES, en: ENGLISH_PHRASES };

const text = (name: string, description: string): VariableSpec => ({ name, kind: 'text', description });
const flag = (name: string, description: string): VariableSpec => ({ name, kind: 'flag', description });

/** Every variable a template may use. Values are formatted for the draft's language. */
export const TEMPLATE_VARIABLES: readonly VariableSpec[] = [
  text('today', 'The date of the draft ("19 janvier 2027")'),
  text('place_date', 'Town and date for a letter ("Paris, le 19 janvier 2027")'),
  text('greeting', 'Opening line: "Bonjour Julien," / "Bonjour Madame Martin," / "Bonjour,"'),
  text('formal_salutation', 'Letter salutation: "Madame, Monsieur," / "Madame,"'),
  text('formal_closing', 'Letter closing formula ("Je vous prie d\'agréer, …")'),
  text('client_name', 'Client company, or the contact name for a private client'),
  text('client_company', 'Client company name'),
  text('contact_name', 'Client contact person'),
  text('client_email', 'Client email address'),
  text('client_phone', 'Client phone number'),
  text('client_address', 'Client postal address (several lines)'),
  text('client_siren', 'Client SIREN'),
  flag('is_b2b', 'True when the client is a business (penalties and 40 € indemnity apply)'),
  flag('is_consumer', 'True when the client is a private person'),
  text('invoice_ref', '"la facture n° F-1" / "les factures n° F-1 et F-2" / "votre facture"'),
  text('of_invoice_ref', '"de la facture n° F-1" / "des factures n° F-1 et F-2" (after "au sujet", "le règlement")'),
  text('invoice_label', '"Facture n° F-1" / "Factures n° F-1 et F-2" (for subjects)'),
  text('invoice_numbers', 'All invoice numbers ("F-1 et F-2")'),
  text('invoice_number', 'The invoice number, when there is one invoice'),
  text('invoice_count', 'How many invoices the draft covers'),
  flag('several_invoices', 'True when the draft covers several invoices'),
  text('issue_date', 'Invoice date (one invoice)'),
  text('due_date', 'Due date (one invoice)'),
  text('amount', 'Invoice amount (one invoice)'),
  text('description', 'What the invoice was for (one invoice)'),
  text('total', 'Total of the invoices, per currency ("2 400,00 € et 300,00 $US")'),
  text('due_clause', '", qui arrive à échéance le …" / ", arrivée à échéance le …" (one invoice)'),
  flag('due_upcoming', 'True before the (earliest) due date'),
  flag('due_today', 'True on the due date'),
  flag('due_passed', 'True after the due date'),
  text('days_overdue', 'Days since the earliest due date, when it has passed'),
  text('invoice_details', 'Recap lines: number, date, amount, due date of each invoice, and the total'),
  {
    name: 'invoices',
    kind: 'list',
    description: 'The invoices, one item each',
    fields: [
      text('number', 'Invoice number'),
      text('issue_date', 'Invoice date'),
      text('due_date', 'Due date'),
      text('amount', 'Amount'),
      text('description', 'What it was for'),
      text('days_overdue', 'Days since its due date, when passed'),
    ],
  },
  text('sender_name', 'Your name'),
  text('sender_company', 'Your company'),
  text('sender_role', 'Your role ("Gérante")'),
  text('sender_phone', 'Your phone number'),
  text('sender_email', 'Your email address'),
  text('sender_address', 'Your postal address (several lines)'),
  text('sender_city', 'Your town'),
  text('sender_siren', 'Your SIREN'),
  text('iban', 'Your IBAN'),
  text('bic', 'Your BIC'),
  text('payment_link', 'Your online payment link'),
  text('payment_details', 'How to pay: bank transfer details and payment link, or a sentence pointing to the invoice'),
  text('signature', 'Your name, role, company and phone, one per line'),
  text('payment_terms', 'Payment terms as agreed ("à 30 jours fin de mois")'),
  text('penalty_rate', 'Annual late-payment penalty rate ("12,15 %")'),
  text('fixed_indemnity', 'The fixed recovery indemnity per invoice ("40 €"; in the UK £40, £70 or £100 by debt), business clients only'),
  text('penalty_law', 'The law for late-payment penalties, by your jurisdiction ("l\'article L441-10 du Code de commerce")'),
  text('indemnity_law', 'The law for the fixed indemnity, after penalty_law ("article D441-5 du Code de commerce")'),
  text('penalty_and_indemnity_law', 'Both provisions in one reference ("articles L441-10 et D441-5 du Code de commerce")'),
  text('statutory_rate', 'The legal rate when none is agreed ("au taux de refinancement de la BCE majoré de 10 points")'),
  flag('has_claim', 'True when the claim figures are given'),
  flag('has_interest', 'True when the claim includes penalties or interest'),
  text('claim_principal', 'Amount claimed in principal'),
  text('claim_interest', 'Penalties or interest claimed'),
  text('claim_interest_rate', 'Rate(s) of the penalties or interest'),
  text('claim_interest_period', 'Period of the penalties ("du … au …")'),
  text('claim_fixed_indemnity', 'Fixed indemnities claimed (business clients)'),
  text('claim_paid', 'Partial payments already received'),
  text('claim_total', 'Total claimed (or the invoices total without claim figures)'),
  text('claim_breakdown', 'Lines: principal, penalties with rate and period, indemnity, payments received, total'),
  {
    name: 'interest_periods',
    kind: 'list',
    description: 'Penalty periods, one item per rate',
    fields: [text('from', 'Start'), text('to', 'End'), text('rate', 'Annual rate'), text('amount', 'Amount for the period')],
  },
  text('next_step', 'The next step of the ladder ("une mise en demeure")'),
  text('next_step_action', 'What you will do next ("je vous adresserai une mise en demeure …")'),
  text('next_step_date', 'The date of the next step'),
  text('previous_reminders', '"ma relance du 2 décembre 2026" / "mes relances du … et du …"'),
  text('previous_reminder_dates', 'Dates of the reminders already sent ("2 décembre 2026 et 9 décembre 2026")'),
  text('call_date', 'Date of the call'),
  text('call_reason', 'The reason the client gave on the phone'),
  text('call_agreement', 'What else was agreed on the phone'),
  text('promised_date', 'Payment date the client promised'),
  text('promised_amount', 'Amount the client promised'),
  {
    name: 'plan',
    kind: 'list',
    description: 'Agreed payment plan, one item per instalment',
    fields: [text('date', 'Instalment date'), text('amount', 'Instalment amount')],
  },
  text('next_call_date', 'Date of the next call'),
  text('deadline', 'Formal notice deadline as a phrase ("dans un délai de 8 jours à compter de la réception …")'),
  text('deadline_days', 'Formal notice deadline in days'),
  text('deadline_date', 'Formal notice deadline as a date'),
  text('formal_notice_date', 'When the formal notice was sent'),
  text('creditor_block', 'Your identity block: company, name, address, SIREN, phone'),
  text('debtor_block', 'The client identity block: company, contact, address, SIREN'),
  text('court', 'The court for an injonction de payer, with its article ("le tribunal de commerce compétent")'),
  text('court_name', 'The court for an injonction de payer ("Tribunal de commerce")'),
  flag('offer_payment_plan', 'True when the client has cash trouble (cause cash_trouble, or the ladder advises offering a payment plan): offer to spread the payment'),
  flag('assume_oversight', 'True unless the cause is known to be something else than an oversight (cash trouble, bad faith): the draft may suppose a simple oversight'),
  flag('cause_oversight', 'True when you know the delay is an oversight: say so and give the references again'),
];

/** The ladder's advice code that adds the payment plan paragraph. */
const OFFER_PAYMENT_PLAN = 'offer_payment_plan';

/** What the cause and the ladder's advice change in a draft (see DraftContext.cause and .advice). */
export function causeFlags(ctx: Pick<DraftContext, 'cause' | 'advice'>): { offerPaymentPlan: boolean; assumeOversight: boolean; causeOversight: boolean } {
  const cause = ctx.cause ?? 'unknown';
  const advice = Array.isArray(ctx.advice) ? ctx.advice : [];
  return {
    offerPaymentPlan: cause === 'cash_trouble' || advice.includes(OFFER_PAYMENT_PLAN),
    assumeOversight: cause === 'oversight' || cause === 'unknown',
    causeOversight: cause === 'oversight',
  };
}

/** Facts the tone checker verifies a draft states (see tone.ts), formatted as the draft writes them. */
export interface RequiredFacts {
  clientKind: ClientKind;
  invoiceNumbers: string[];
  /** Each invoice's references as the draft writes them: a formal notice must give all of them. */
  invoiceRefs: Array<{ number: string | null; issueDate: string | null; dueDate: string | null; amount: string | null }>;
  /** The penalty rate given, formatted; null when unknown. */
  penaltyRate: string | null;
  fixedIndemnityUnit: string;
  claimTotals: string[];
  principals: string[];
  interests: string[];
  interestRates: string[];
  fixedIndemnities: string[];
  deadlineDays: number;
  deadlineDate: string | null;
  today: string;
  creditorNames: string[];
  debtorNames: string[];
  nextStepDate: string | null;
  /** First and last day of the penalty periods, when given. */
  interestPeriodBounds: string[];
  /** Names, addresses and subjects: not the template's words, so not searched for banned terms. */
  identities: string[];
}

/** Something the draft would need but the context does not give: shown to the user as a warning. */
export type MissingFactCode =
  | 'invoice_amount'
  | 'invoice_due_date'
  | 'sender_name'
  | 'sender_phone'
  | 'sender_address'
  | 'sender_siren'
  | 'client_identity'
  | 'client_address'
  | 'penalty_rate'
  | 'claim'
  | 'next_step_date'
  | 'formal_notice_sent'
  | 'invalid_payment_link'
  | 'consumer_indemnity_ignored'
  /** The claim follows another law than France's, but the formal notice and escalation steps describe the French procedure (injonction de payer): check with a local adviser. */
  | 'french_court_procedure';

export interface PreparedDraft {
  scope: Scope;
  facts: RequiredFacts;
  missing: MissingFactCode[];
  phrases: Phrases;
  /** The sender's payment link when it is a valid http(s) URL (linked in HTML). */
  paymentLink: string | null;
  signature: string | null;
  commercialCourt: boolean;
}

interface Money {
  amount: number;
  currency: string | null;
}

/** Turns the context into template values and the facts the tone checks need. */
export function prepareDraft(ctx: DraftContext): PreparedDraft {
  const { language, step } = ctx;
  const phrases = PHRASES[language];
  const date = (value: IsoDate | null | undefined): string | null => (value && isValidIsoDate(value) ? formatDate(value, language, 'long') : null);
  const money = (value: Money): string => formattedMoney(value, language);
  const today = isValidIsoDate(ctx.today) ? ctx.today : null;
  if (today === null) throw new RangeError(`today is not a calendar date (YYYY-MM-DD): "${ctx.today}"`);
  const consumer = ctx.client.kind === 'consumer';
  const jurisdiction = ctx.jurisdiction ?? 'FR';
  const law = legalBasis(jurisdiction, language);
  const cause = causeFlags(ctx);
  const missing = new Set<MissingFactCode>();

  // Invoices.
  const invoices = ctx.invoices.map((invoice) => {
    const dueDate = invoice.dueDate && isValidIsoDate(invoice.dueDate) ? invoice.dueDate : null;
    const amount = finite(invoice.amount);
    const currency = currencyCode(invoice.currency);
    return {
      number: line(invoice.number),
      amount: amount === null ? null : { amount, currency },
      issueDate: date(invoice.issueDate),
      dueIso: dueDate,
      dueDate: date(dueDate),
      description: line(invoice.description),
      daysOverdue: dueDate && compareIsoDates(today, dueDate) > 0 ? daysBetween(dueDate, today) : null,
    };
  });
  const indemnityUnit = fixedIndemnityUnit(jurisdiction, invoices.map((invoice) => invoice.amount?.amount ?? null), language, phrases.fixedIndemnityUnit);
  const numbers = [...new Set(invoices.map((invoice) => invoice.number).filter((number): number is string => number !== null))];
  const several = invoices.length > 1;
  const only = several ? undefined : invoices[0];
  const totals = invoices.every((invoice) => invoice.amount !== null) ? sumByCurrency(invoices.map((invoice) => invoice.amount as Money)) : [];
  const total = totals.length > 0 ? phrases.join(totals.map(money)) : null;
  const lines: InvoiceLine[] = invoices.map((invoice) => ({
    number: invoice.number,
    amount: invoice.amount && money(invoice.amount),
    issueDate: invoice.issueDate,
    dueDate: invoice.dueDate,
    description: invoice.description,
  }));
  const details = only
    ? phrases.singleInvoiceDetails(lines[0] as InvoiceLine)
    : [...lines.map((invoiceLine) => phrases.invoiceListLine(invoiceLine)), ...(total ? [phrases.totalLine(total)] : [])];
  if (invoices.some((invoice) => invoice.amount === null)) missing.add('invoice_amount');
  if (invoices.some((invoice) => invoice.dueIso === null)) missing.add('invoice_due_date');
  const dues = invoices.map((invoice) => invoice.dueIso).filter((due): due is IsoDate => due !== null).sort(compareIsoDates);
  const earliestDue = dues[0] ?? null;
  const timing: DueTiming | null = earliestDue === null ? null : dueTiming(compareIsoDates(earliestDue, today));
  const mainCurrency = totals[0]?.currency ?? invoices.find((invoice) => invoice.amount?.currency)?.amount?.currency ?? null;

  // People.
  const client = ctx.client;
  const company = line(client.company);
  const contact = line(client.contactName);
  const civility = client.civility === 'madame' || client.civility === 'monsieur' ? client.civility : null;
  const lastName = line(client.lastName);
  const addressee: Addressee = { firstName: firstNameOf(contact), civility, lastName };
  // The recipient block names the person in full, with the civility when given: "Madame Claire Martin".
  const fullName = contact ?? lastName;
  const personFormal = civility && fullName ? `${language === 'fr' ? (civility === 'madame' ? 'Madame' : 'Monsieur') : civility === 'madame' ? 'Ms' : 'Mr'} ${fullName}` : null;
  const clientAddress = block(client.address);
  const sender = ctx.sender ?? {};
  const senderName = line(sender.name);
  const senderCompany = line(sender.company);
  const senderRole = line(sender.role);
  const senderPhone = line(sender.phone);
  const senderAddress = block(sender.address);
  const senderSiren = siren(sender.siren);
  const iban = formatIban(sender.iban);
  const bic = line(sender.bic)?.toUpperCase() ?? null;
  const rawLink = line(sender.paymentLink);
  const paymentLink = rawLink && /^https?:\/\/[^\s<>"']+$/i.test(rawLink) ? rawLink : null;
  if (rawLink && !paymentLink) missing.add('invalid_payment_link');
  const signature = phrases.signature(senderName, senderRole, senderCompany, senderPhone);
  const commercial = !consumer && client.commercial !== false;

  // Claim.
  const claims = (ctx.claims ?? []).filter(validClaim).map((claim) => ({ ...claim, currency: currencyCode(claim.currency) ?? claim.currency }));
  const penaltyPercent = finite(ctx.penaltyRatePercent) ?? lastRate(claims);
  const penaltyRate = penaltyPercent === null ? null : phrases.percent(penaltyPercent);
  const claimMoney = (pick: (claim: ClaimFigures) => number | null | undefined, keep: (value: number) => boolean = (value) => value > 0): string[] =>
    claims.flatMap((claim) => {
      const value = finite(pick(claim));
      return value !== null && keep(value) ? [money({ amount: value, currency: claim.currency })] : [];
    });
  const principals = claimMoney((claim) => claim.principal, () => true);
  const interests = claimMoney((claim) => claim.interest);
  const fixedIndemnities = consumer ? [] : claimMoney((claim) => claim.fixedIndemnity);
  if (consumer && claims.some((claim) => (finite(claim.fixedIndemnity) ?? 0) > 0)) missing.add('consumer_indemnity_ignored');
  const paid = claimMoney((claim) => claim.paid);
  const claimTotals = claims.length > 0 ? claimMoney((claim) => claim.total, () => true) : totals.map(money);
  const periods = claims.flatMap((claim) =>
    (claim.interestPeriods ?? [])
      .filter((period) => isValidIsoDate(period.from) && isValidIsoDate(period.to) && finite(period.ratePercent) !== null)
      .map((period) => ({ ...period, currency: claim.currency })),
  );
  const rates = [...new Set(periods.map((period) => phrases.percent(period.ratePercent)))];
  const interestRates = rates.length > 0 ? rates : interests.length > 0 && penaltyRate ? [penaltyRate] : [];
  const periodFroms = periods.map((period) => period.from).sort(compareIsoDates);
  const periodTos = periods.map((period) => period.to).sort(compareIsoDates);
  const interestPeriod = periodFroms[0] && periodTos.length > 0 ? phrases.period(date(periodFroms[0]) ?? '', date(periodTos[periodTos.length - 1]) ?? '') : null;
  const breakdown = claims.length > 0 ? claims.flatMap((claim) => claimBreakdown(claim)) : totals.length > 0 ? totals.flatMap((sum) => phrases.breakdown({ principal: money(sum), interest: null, interestDetail: null, fixedIndemnity: null, fixedIndemnityUnit: indemnityUnit, paid: null, total: money(sum), consumer })) : [];

  function claimBreakdown(claim: ClaimFigures): string[] {
    const own = periods.filter((period) => period.currency === claim.currency);
    const interest = finite(claim.interest);
    const detail =
      own.length > 0
        ? own.map((period) => phrases.ratePeriod(phrases.percent(period.ratePercent), date(period.from) ?? '', date(period.to) ?? '')).join(' ; ')
        : penaltyRate
          ? language === 'fr'
            ? `taux annuel de ${penaltyRate}`
            : `annual rate of ${penaltyRate}`
          : null;
    const fee = finite(claim.fixedIndemnity);
    const alreadyPaid = finite(claim.paid);
    return phrases.breakdown({
      principal: money({ amount: claim.principal, currency: claim.currency }),
      interest: interest !== null && interest > 0 ? money({ amount: interest, currency: claim.currency }) : null,
      interestDetail: detail,
      fixedIndemnity: fee !== null && fee > 0 ? money({ amount: fee, currency: claim.currency }) : null,
      fixedIndemnityUnit: indemnityUnit,
      paid: alreadyPaid !== null && alreadyPaid > 0 ? money({ amount: alreadyPaid, currency: claim.currency }) : null,
      total: money({ amount: claim.total, currency: claim.currency }),
      consumer,
    });
  }

  // Step facts.
  const nextStep = ctx.nextStep && isChasingStep(ctx.nextStep.step) ? ctx.nextStep : null;
  const nextStepDate = date(nextStep?.date);
  const previous = (ctx.previousReminders ?? []).filter(isValidIsoDate).sort(compareIsoDates).map((day) => date(day) ?? '');
  const call = ctx.call ?? {};
  const plan = (call.plan ?? []).filter((instalment) => isValidIsoDate(instalment.dueDate) && finite(instalment.amount) !== null);
  const promisedAmount = finite(call.promisedAmount);
  const notice = ctx.formalNotice ?? {};
  const deadlineDays = finite(notice.deadlineDays) !== null && (notice.deadlineDays ?? 0) > 0 ? Math.round(notice.deadlineDays ?? 8) : 8;
  const explicitDeadline = notice.deadlineDate && isValidIsoDate(notice.deadlineDate) ? notice.deadlineDate : null;
  const sentOn = notice.sentOn && isValidIsoDate(notice.sentOn) ? notice.sentOn : null;
  const deadlineIso = explicitDeadline ?? (sentOn ? addDays(sentOn, deadlineDays) : null);

  // What the step would need and the context lacks.
  const identityKnown = company !== null || contact !== null;
  if (!identityKnown && (step === 'formal_notice' || step === 'escalation')) missing.add('client_identity');
  if (step === 'formal_notice' || step === 'escalation') {
    if (!senderName && !senderCompany) missing.add('sender_name');
    if (!senderAddress) missing.add('sender_address');
    if (!senderSiren) missing.add('sender_siren');
    if (!clientAddress) missing.add('client_address');
    if (claims.length === 0) missing.add('claim');
  }
  if ((step === 'call' || step === 'call_follow_up') && !senderPhone) missing.add('sender_phone');
  if (step === 'call' && !senderName) missing.add('sender_name');
  if ((step === 'second_reminder' || step === 'further_reminder') && !consumer && penaltyRate === null) missing.add('penalty_rate');
  if (step === 'further_reminder' && nextStepDate === null) missing.add('next_step_date');
  if (step === 'escalation' && sentOn === null) missing.add('formal_notice_sent');
  if ((step === 'formal_notice' || step === 'escalation') && jurisdiction !== 'FR') missing.add('french_court_procedure');

  const scope: Scope = {
    today: date(today),
    place_date: phrases.placeDate(line(sender.city), date(today) ?? ''),
    greeting: phrases.greeting(addressee),
    formal_salutation: phrases.formalSalutation(addressee),
    formal_closing: phrases.formalClosing(addressee),
    client_name: company ?? contact,
    client_company: company,
    contact_name: contact,
    client_email: line(client.email),
    client_phone: line(client.phone),
    client_address: clientAddress,
    client_siren: siren(client.siren),
    is_b2b: !consumer,
    is_consumer: consumer,
    invoice_ref: phrases.invoiceRef(numbers),
    of_invoice_ref: phrases.ofInvoiceRef(numbers),
    invoice_label: phrases.invoiceLabel(numbers),
    invoice_numbers: numbers.length > 0 ? phrases.join(numbers) : null,
    invoice_number: only?.number ?? null,
    invoice_count: String(invoices.length),
    several_invoices: several,
    issue_date: only?.issueDate ?? null,
    due_date: only?.dueDate ?? null,
    amount: only?.amount ? money(only.amount) : null,
    description: only?.description ?? null,
    total,
    due_clause: only?.dueDate && timing ? phrases.dueClause(timing, only.dueDate) : null,
    due_upcoming: timing === 'upcoming',
    due_today: timing === 'today',
    due_passed: timing === 'passed',
    days_overdue: earliestDue && timing === 'passed' ? String(daysBetween(earliestDue, today)) : null,
    invoice_details: details.length > 0 ? details.join('\n') : null,
    invoices: invoices.map((invoice, index) => ({
      number: invoice.number,
      issue_date: invoice.issueDate,
      due_date: invoice.dueDate,
      amount: lines[index]?.amount ?? null,
      description: invoice.description,
      days_overdue: invoice.daysOverdue === null ? null : String(invoice.daysOverdue),
    })),
    sender_name: senderName,
    sender_company: senderCompany,
    sender_role: senderRole,
    sender_phone: senderPhone,
    sender_email: line(sender.email),
    sender_address: senderAddress,
    sender_city: line(sender.city),
    sender_siren: senderSiren,
    iban,
    bic,
    payment_link: paymentLink,
    payment_details: phrases.paymentDetails({ iban, bic, holder: iban ? (senderCompany ?? senderName) : null, reference: iban && numbers.length > 0 ? numbers.join(', ') : null, link: paymentLink }),
    signature,
    payment_terms: line(ctx.paymentTerms),
    penalty_rate: consumer ? null : penaltyRate,
    fixed_indemnity: consumer ? null : indemnityUnit,
    penalty_law: law.penaltyLaw,
    indemnity_law: law.indemnityLaw,
    penalty_and_indemnity_law: law.penaltyAndIndemnityLaw,
    statutory_rate: law.statutoryRate,
    has_claim: claims.length > 0,
    has_interest: interests.length > 0,
    claim_principal: principals.length > 0 ? phrases.join(principals) : total,
    claim_interest: interests.length > 0 ? phrases.join(interests) : null,
    claim_interest_rate: interestRates.length > 0 ? phrases.join(interestRates) : null,
    claim_interest_period: interestPeriod,
    claim_fixed_indemnity: fixedIndemnities.length > 0 ? phrases.join(fixedIndemnities) : null,
    claim_paid: paid.length > 0 ? phrases.join(paid) : null,
    claim_total: claimTotals.length > 0 ? phrases.join(claimTotals) : null,
    claim_breakdown: breakdown.length > 0 ? breakdown.join('\n') : null,
    interest_periods: periods.map((period) => ({
      from: date(period.from),
      to: date(period.to),
      rate: phrases.percent(period.ratePercent),
      amount: finite(period.amount) === null ? null : money({ amount: period.amount as number, currency: period.currency }),
    })),
    next_step: nextStep ? phrases.nextStep(nextStep.step) : null,
    next_step_action: nextStep ? phrases.nextStepAction(nextStep.step) : null,
    next_step_date: nextStepDate,
    previous_reminders: previous.length > 0 ? phrases.previousReminders(previous) : null,
    previous_reminder_dates: previous.length > 0 ? phrases.join(previous) : null,
    call_date: date(call.date),
    call_reason: freeText(call.reason),
    call_agreement: freeText(call.agreement),
    promised_date: date(call.promisedDate),
    promised_amount: promisedAmount === null ? null : money({ amount: promisedAmount, currency: mainCurrency }),
    plan: plan.map((instalment) => ({ date: date(instalment.dueDate), amount: money({ amount: instalment.amount, currency: mainCurrency }) })),
    next_call_date: date(call.nextCallDate),
    deadline: phrases.deadline(deadlineDays, date(explicitDeadline)),
    deadline_days: String(deadlineDays),
    deadline_date: date(deadlineIso),
    formal_notice_date: date(sentOn),
    creditor_block: phrases.identityBlock({ company: senderCompany, person: senderName, personFormal: null, address: senderAddress, siren: senderSiren, phone: senderPhone, email: line(sender.email), attention: false }),
    debtor_block: phrases.identityBlock({ company, person: contact, personFormal, address: clientAddress, siren: siren(client.siren), phone: null, email: null, attention: true }),
    court: phrases.court(commercial),
    court_name: phrases.courtName(commercial),
    offer_payment_plan: cause.offerPaymentPlan,
    assume_oversight: cause.assumeOversight,
    cause_oversight: cause.causeOversight,
  };

  const facts: RequiredFacts = {
    clientKind: consumer ? 'consumer' : 'business',
    invoiceNumbers: numbers,
    invoiceRefs: lines.map(({ number, issueDate, dueDate, amount }) => ({ number, issueDate, dueDate, amount })),
    penaltyRate,
    fixedIndemnityUnit: indemnityUnit,
    claimTotals,
    principals: principals.length > 0 ? principals : totals.map(money),
    interests,
    interestRates: consumer ? [] : interestRates,
    fixedIndemnities,
    deadlineDays,
    deadlineDate: date(explicitDeadline),
    today: date(today) ?? '',
    creditorNames: [senderCompany, senderName].filter((name): name is string => name !== null),
    debtorNames: [company, contact].filter((name): name is string => name !== null),
    nextStepDate,
    interestPeriodBounds: periodFroms[0] && periodTos.length > 0 ? [date(periodFroms[0]) ?? '', date(periodTos[periodTos.length - 1]) ?? ''] : [],
    identities: [company, contact, lastName, clientAddress, line(client.email), senderName, senderCompany, senderRole, senderAddress, line(sender.city), line(sender.email), line(ctx.threadSubject), ...invoices.map((invoice) => invoice.description)].filter(
      (value): value is string => value !== null,
    ),
  };

  return { scope, facts, missing: [...missing], phrases, paymentLink, signature, commercialCourt: commercial };
}

function dueTiming(dueComparedToToday: number): DueTiming {
  if (dueComparedToToday === 0) return 'today';
  return dueComparedToToday > 0 ? 'upcoming' : 'passed';
}

function finite(value: number | null | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function validClaim(claim: ClaimFigures): boolean {
  return typeof claim.currency === 'string' && claim.currency.trim() !== '' && finite(claim.principal) !== null && finite(claim.total) !== null;
}

function lastRate(claims: readonly ClaimFigures[]): number | null {
  const periods = claims.flatMap((claim) => claim.interestPeriods ?? []).filter((period) => isValidIsoDate(period.to) && finite(period.ratePercent) !== null);
  const last = [...periods].sort((a, b) => compareIsoDates(a.to, b.to)).pop();
  return last ? last.ratePercent : null;
}

/** One line of text: trimmed, inner whitespace collapsed; null when empty. */
function line(value: string | null | undefined): string | null {
  if (typeof value !== 'string') return null;
  const cleaned = value.replace(/\s+/g, ' ').trim();
  return cleaned === '' ? null : cleaned;
}

/** Several lines (an address): each trimmed, empty ones dropped. */
function block(value: string | null | undefined): string | null {
  if (typeof value !== 'string') return null;
  const lines = value
    .split(/\r?\n|\r/)
    .map((part) => part.replace(/\s+/g, ' ').trim())
    .filter((part) => part !== '');
  return lines.length > 0 ? lines.join('\n') : null;
}

/** Free text typed by the user, to be followed by a full stop: trailing punctuation removed. */
function freeText(value: string | null | undefined): string | null {
  const cleaned = line(value)?.replace(/[\s.;,:!]+$/u, '') ?? null;
  return cleaned === '' ? null : cleaned;
}

function currencyCode(value: string | null | undefined): string | null {
  const code = line(value)?.toUpperCase() ?? null;
  return code;
}

/** "123 456 789" for a 9-digit SIREN, as given otherwise. */
function siren(value: string | null | undefined): string | null {
  const raw = line(value);
  if (raw === null) return null;
  const digits = raw.replace(/\s/g, '');
  return /^\d{9}$/.test(digits) ? `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}` : raw;
}

/** IBAN in groups of four, upper case. */
function formatIban(value: string | null | undefined): string | null {
  const raw = line(value);
  if (raw === null) return null;
  const compact = raw.replace(/\s/g, '').toUpperCase();
  return /^[A-Z]{2}\d{2}[A-Z0-9]{8,30}$/.test(compact) ? (compact.match(/.{1,4}/g) ?? [compact]).join(' ') : raw;
}

function formattedMoney({ amount, currency }: Money, language: Language): string {
  if (currency === null) {
    return new Intl.NumberFormat(LOCALE_OF_LANGUAGE[language], { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(amount);
  }
  return formatMoney(amount, currency, language);
}

/** Sums in cents, per currency, in the order currencies first appear. */
function sumByCurrency(amounts: readonly Money[]): Money[] {
  const cents = new Map<string | null, number>();
  for (const { amount, currency } of amounts) cents.set(currency, (cents.get(currency) ?? 0) + Math.round(amount * 100));
  return [...cents].map(([currency, sum]) => ({ currency, amount: sum / 100 }));
}
