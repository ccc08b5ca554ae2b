/**
 * Default English (UK) templates, same ladder and register as the French ones, written as an
 * English speaker would write them rather than translated word for word. The legal frame is French
 * law (the creditor's), so French terms of art appear in brackets where they matter.
 */
import type { LanguageTemplates, ToneVariants } from './defaults';

const CLOSING = `Kind regards,
{{signature}}`;

/** Cash trouble (cause `cash_trouble` or advice `offer_payment_plan`): practice is a first payment now, the rest at 15 and 30 days. */
const PLAN_SENTENCE = `If it would help, I am happy to spread the payment: a first payment now, then the balance in two instalments, in 15 and 30 days. Let me know what would suit you, and I will confirm the schedule in writing.`;
const PLAN_OFFER = `{{#if offer_payment_plan}}
${PLAN_SENTENCE}
{{/if}}`;

/** Cause `oversight`: say so, and give the references and bank details again (advice `resend_invoice_copy`). */
const OVERSIGHT = `{{#if cause_oversight}} It may simply have been overlooked, so I have set out the invoice {{#if several_invoices}}references{{else}}reference{{/if}} and payment details again below.{{/if}}`;

const CALL_SUBJECT = 'Call about {{invoice_ref}}{{#if client_name}} – {{client_name}}{{/if}}';
const CALL_HEADER = `Call script{{#if client_name}} – {{client_name}}{{/if}}
Contact: {{contact_name}}
Phone: {{client_phone}}
{{invoice_label}}{{#if total}} – {{total}}{{/if}}{{#if due_date}}, due on {{due_date}}{{/if}}`;
const CALL_INTRODUCTION = `"Hello{{#if sender_name}}, this is {{sender_name}}{{#if sender_company}} from {{sender_company}}{{/if}}{{/if}}. I'm calling about {{invoice_ref}}{{#if total}}, for {{total}}{{/if}}{{due_clause?}}`;
const VOICEMAIL = `{{#if sender_name}}Hello, this is {{sender_name}}{{#if sender_role}}, {{sender_role}}{{/if}}{{#if sender_company}} at {{sender_company}}{{/if}}.{{else}}Hello.{{/if}} I'm calling about {{invoice_ref}}{{#if issue_date}}, dated {{issue_date}}{{/if}}{{#if total}}, for {{total}}{{/if}}{{due_clause?}}.{{#if sender_phone}} You can call me back on {{sender_phone}}.{{/if}} Thank you.`;

export const ENGLISH_TEMPLATES: LanguageTemplates = {
  pre_reminder: {
    subject: '{{invoice_label}}{{#if due_date}} – due on {{due_date}}{{/if}}',
    body: `{{greeting}}

I hope you are well. This is a quick note about {{invoice_ref}}{{due_clause?}}.

{{invoice_details}}

${PLAN_OFFER}

{{payment_details}}

If payment is already scheduled, please disregard this message. Please do not hesitate to get in touch if you have any questions.

${CLOSING}`,
  },

  first_reminder: {
    subject: '{{invoice_label}}: a friendly reminder',
    body: `{{greeting}}

I hope you are well. According to my records, I have not yet received payment for {{invoice_ref}}{{due_clause?}}.{{#if assume_oversight}} It has most likely just been overlooked.{{/if}}

{{invoice_details}}

Could you let me know when payment will be made?

${PLAN_OFFER}

{{payment_details}}

If payment has already been made, please disregard this message. Please do not hesitate to get in touch if you have any questions.

${CLOSING}`,
  },

  call: {
    subject: CALL_SUBJECT,
    body: `${CALL_HEADER}

Before the call: have the invoice, the signed quote or purchase order, your terms of sale, the history of your exchanges and a calendar at hand.

1. Introduce yourself and say why you are calling: ${CALL_INTRODUCTION}."
2. Simply ask why: "I haven't received the payment yet. Could you tell me where it stands?" If the answer is vague, ask for specifics: the amount, the date and how it will be paid.
3. Find out about the client's situation: invoice waiting for approval, cash-flow difficulties, disagreement about the work. Listen and note the facts. If the invoice is disputed, note exactly why: a dispute must be dealt with before any further reminder.
4. Agree a solution: the date and amount of the payment, and how it will be made. If the client is in difficulty, offer a payment plan (a deposit now, a second payment in 15 days, the balance in 30 days) and always get a deposit, however small.
5. Before hanging up, agree the date of the next call.
6. After the call, write down the date, the time, who you spoke to and what was said, then confirm in writing what was agreed.

Stay courteous and factual from start to finish.`,
    voicemail: VOICEMAIL,
  },

  call_follow_up: {
    subject: '{{invoice_label}} – following our phone call',
    body: `{{greeting}}

Thank you for our phone call{{#if call_date}} on {{call_date}}{{/if}} about {{invoice_ref}}{{#if total}} ({{total}}){{/if}}. As agreed, I am confirming in writing what we discussed.

You told me the reason was as follows: {{call_reason}}.

Payment{{#if promised_amount}} of {{promised_amount}}{{/if}} will be made on {{promised_date}}, as agreed. I have duly noted this commitment.
{{#if plan}}
We agreed the following payment plan:
{{#each plan}}
- {{date}}: {{amount}}
{{/each}}
{{else}}
{{#if promised_date}}
{{else}}

${PLAN_OFFER}
{{/if}}
{{/if}}

We also agreed the following: {{call_agreement}}.

I will call you again on {{next_call_date}} to see how things stand.

{{invoice_details}}

{{payment_details}}

Thank you in advance. Please do not hesitate to get in touch if you have any questions.

${CLOSING}`,
  },

  second_reminder: {
    subject: 'Second reminder – {{invoice_label}}',
    body: `{{greeting}}

I am writing again about {{invoice_ref}}{{due_clause?}}, for which I have not yet received payment{{#if previous_reminders}}, despite {{previous_reminders}}{{/if}}.${OVERSIGHT}

{{invoice_details}}

{{#if is_b2b}}
May I remind you that, under our terms of sale and {{penalty_law}}, any sum not paid by its due date automatically incurs late-payment penalties at {{#if penalty_rate}}an annual rate of {{penalty_rate}}{{else}}the rate set in our terms of sale or, failing that, {{statutory_rate}}{{/if}}, together with a fixed indemnity of {{fixed_indemnity}} per invoice for recovery costs ({{indemnity_law}}).
{{else}}
May I remind you that our terms of sale provide for payment by the due date shown on the invoice{{#if payment_terms}} ({{payment_terms}}){{/if}}.
{{/if}}

I would be grateful if you could settle {{#if total}}the sum of {{total}}{{else}}{{#if several_invoices}}these invoices{{else}}this invoice{{/if}}{{/if}} as soon as possible{{#if next_step_date}}, and no later than {{next_step_date}}{{/if}}.

{{#if offer_payment_plan}}
${PLAN_SENTENCE}
{{else}}
If you are having any difficulty, please contact me: we can agree a solution together, such as payment in instalments.
{{/if}}

{{payment_details}}

If payment has been made in the meantime, please disregard this message.

Regards,
{{signature}}`,
  },

  further_reminder: {
    subject: 'Further reminder – {{invoice_label}}',
    body: `{{greeting}}

I am writing to you once again about {{invoice_ref}}{{due_clause?}}, for which I have still not received payment{{#if previous_reminders}}, despite {{previous_reminders}}{{/if}}.${OVERSIGHT}

{{invoice_details}}

{{#if is_b2b}}
As a reminder, late-payment penalties{{#if penalty_rate}} at an annual rate of {{penalty_rate}}{{/if}} have been running since the day after the due date, and a fixed indemnity of {{fixed_indemnity}} for recovery costs is due for each invoice ({{penalty_and_indemnity_law}}).
{{/if}}

Please make the payment{{#if total}} of {{total}}{{/if}}{{#if next_step_date}} by {{next_step_date}}{{/if}}.

{{#if next_step_date}}
If I have not received payment by that date, {{next_step_action}}.
{{/if}}

{{#if offer_payment_plan}}
${PLAN_SENTENCE}
{{else}}
If you are having any difficulty, I remain available to agree a payment plan.
{{/if}}

{{payment_details}}

Regards,
{{signature}}`,
  },

  formal_notice: {
    subject: 'Formal notice to pay (mise en demeure) – {{invoice_label}}',
    body: `{{formal_salutation}}

{{#if invoice_details}}
According to my records, {{#if several_invoices}}the invoices below remain{{else}}the invoice below remains{{/if}} unpaid to date{{#if previous_reminders}}, despite {{previous_reminders}}{{/if}}:

{{invoice_details}}
{{else}}
According to my records, {{invoice_ref}} {{#if several_invoices}}remain{{else}}remains{{/if}} unpaid to date{{#if previous_reminders}}, despite {{previous_reminders}}{{/if}}.
{{/if}}

{{#if claim_total}}
By this letter, which constitutes formal notice (mise en demeure), I require you to pay me the sum of {{claim_total}} {{deadline}}. This sum is made up as follows:

{{claim_breakdown}}
{{else}}
By this letter, which constitutes formal notice (mise en demeure), I require you to pay me the sums due under {{invoice_ref}} {{deadline}}.
{{/if}}

{{#if is_b2b}}
Late-payment penalties are due by operation of law from the day after the due date, without any reminder being necessary, and the fixed indemnity of {{fixed_indemnity}} for recovery costs is due for each invoice paid after its due date ({{penalty_and_indemnity_law}}).
{{else}}
Under Article 1344-1 of the French Civil Code, this formal notice causes interest at the statutory rate to run on the sums due.
{{/if}}

{{payment_details}}

If payment is not received within this period, I will apply to {{court}} for an order for payment (injonction de payer) to recover the sums due, without further notice.

I nevertheless remain available to agree an amicable settlement, including a payment plan, if you contact me before this period expires.

{{formal_closing}}`,
  },

  escalation: {
    subject: 'Claim summary{{#if client_name}} – {{client_name}}{{/if}} – application for an order for payment (injonction de payer)',
    body: `Claim summary – application for an order for payment (requête en injonction de payer)

{{#if creditor_block}}
Creditor:
{{creditor_block}}
{{/if}}

{{#if debtor_block}}
Debtor:
{{debtor_block}}
{{/if}}

{{#if invoice_details}}
{{#if several_invoices}}Unpaid invoices:{{else}}Unpaid invoice:{{/if}}
{{invoice_details}}
{{else}}
{{#if several_invoices}}Unpaid invoices{{else}}Unpaid invoice{{/if}}: {{invoice_numbers}}
{{/if}}

Sum claimed: {{claim_total}}
{{claim_breakdown}}

Formal notice (mise en demeure) sent on {{formal_notice_date}}{{#if deadline_date}}, payment deadline expired on {{deadline_date}}{{/if}}.
Amicable reminders: {{previous_reminder_dates}}.

Court: {{court_name}} for the place where the debtor lives or has its registered office.

Prepared on {{today}}{{#if sender_name}} by {{sender_name}}{{/if}}.`,
  },
};

/**
 * The wording of the other tones (defaults.ts `TONES_OF_STEP`), as in defaults-fr.ts: friendly for
 * a long-standing client or a key account, legal mentions kept as information; firm for a client
 * in bad faith, the friendly-step rules still holding for the first reminder.
 */
export const ENGLISH_TONE_VARIANTS: ToneVariants = {
  first_reminder: {
    firm: {
      subject: '{{invoice_label}}: payment date',
      body: `{{greeting}}

To date, I have not received payment for {{invoice_ref}}{{due_clause?}}.

{{invoice_details}}

Please confirm in writing, in reply to this email, the date on which payment{{#if total}} of {{total}}{{/if}} will be made.

${PLAN_OFFER}

{{payment_details}}

If payment has been made in the meantime, please let me know its date so that I can match it in my accounts.

Regards,
{{signature}}`,
    },
  },

  call: {
    firm: {
      subject: CALL_SUBJECT,
      body: `${CALL_HEADER}

Before the call: have the invoice, the signed quote or purchase order, your terms of sale, the dates of your reminders and a calendar at hand. Be ready to write down the answers word for word.

1. Introduce yourself and say why you are calling: ${CALL_INTRODUCTION}. I have still not received payment."
2. Ask for a precise date: "On what date will payment be made, and how?" Do not settle for a vague answer ("it's in hand", "next week"): ask for the date, the amount and the name of the person dealing with it.
3. If a reason is given, write it down as it is given. If the invoice is disputed, ask for the exact grounds in writing: a dispute must be dealt with before any other reminder.
4. Get a commitment: the date and amount of the payment. If full payment is not possible, ask for a first payment now and a short payment plan.
5. Say that you will confirm in writing, the same day, what was agreed, and agree the date of the next call.
6. After the call, write down the date, the time, who you spoke to and their exact answers, then send the written confirmation: these notes keep a record of what you did.

Stay calm, courteous and factual, even if the conversation gets tense: no reproaches, no raised voices.`,
      voicemail: VOICEMAIL,
    },
  },

  call_follow_up: {
    friendly: {
      subject: '{{invoice_label}} – thank you for our call',
      body: `{{greeting}}

Thank you for our phone call{{#if call_date}} on {{call_date}}{{/if}} about {{invoice_ref}}{{#if total}} ({{total}}){{/if}}. As agreed, here is a short summary of what we said, so that we both have the same information.

You explained the reason as follows: {{call_reason}}.

Payment{{#if promised_amount}} of {{promised_amount}}{{/if}} is planned for {{promised_date}}, as we agreed.
{{#if plan}}
Here is the payment plan we agreed:
{{#each plan}}
- {{date}}: {{amount}}
{{/each}}
{{else}}
{{#if promised_date}}
{{else}}

${PLAN_OFFER}
{{/if}}
{{/if}}

We also agreed the following: {{call_agreement}}.

I will call you again on {{next_call_date}} so that we can catch up.

{{invoice_details}}

{{payment_details}}

Thank you again for your time. Please do not hesitate to get in touch if you have any questions.

${CLOSING}`,
    },
  },

  second_reminder: {
    friendly: {
      subject: '{{invoice_label}}: checking in on payment',
      body: `{{greeting}}

I hope you are well. I am following up on {{invoice_ref}}{{due_clause?}}: according to my records, I have not yet received payment.${OVERSIGHT}

{{invoice_details}}

{{#if is_b2b}}
For your information, under our terms of sale and {{penalty_law}}, sums paid after the due date carry late-payment penalties at {{#if penalty_rate}}an annual rate of {{penalty_rate}}{{else}}the rate set in our terms of sale or, failing that, {{statutory_rate}}{{/if}}, together with a fixed indemnity of {{fixed_indemnity}} per invoice for recovery costs ({{indemnity_law}}). I mention this purely for transparency: above all, I would like us to settle this simply, between ourselves.
{{else}}
For your information, payment was due on the date shown on the invoice{{#if payment_terms}} ({{payment_terms}}){{/if}}.
{{/if}}

Could you let me know when payment{{#if total}} of {{total}}{{/if}} can be made{{#if next_step_date}}, ideally by {{next_step_date}}{{/if}}?

{{#if offer_payment_plan}}
${PLAN_SENTENCE}
{{else}}
If something is holding things up on your side (internal approval, a question about the invoice or the work), just let me know: we will find a solution together, such as payment in instalments.
{{/if}}

{{payment_details}}

If payment is already on its way, please disregard this message. Thank you in advance, and thank you again for your continued trust.

${CLOSING}`,
    },
  },

  further_reminder: {
    friendly: {
      subject: "{{invoice_label}} – let's find a solution together",
      body: `{{greeting}}

I am getting back to you about {{invoice_ref}}{{due_clause?}}, for which I have not yet received payment{{#if previous_reminders}} (I wrote to you about it in {{previous_reminders}}){{/if}}.${OVERSIGHT}

{{invoice_details}}

{{#if is_b2b}}
As a reminder, our terms of sale provide for late-payment penalties{{#if penalty_rate}} at an annual rate of {{penalty_rate}}{{/if}} from the day after the due date, together with a fixed indemnity of {{fixed_indemnity}} per invoice for recovery costs ({{penalty_and_indemnity_law}}).
{{/if}}

Could you tell me what is holding things up, and when payment{{#if total}} of {{total}}{{/if}} can be made?

{{#if next_step_date}}
So that things are clear between us: if I have neither payment nor news from you by {{next_step_date}}, the next step will be {{next_step}}. I would much rather we found an arrangement before then.
{{/if}}

{{#if offer_payment_plan}}
${PLAN_SENTENCE}
{{else}}
If paying in one go is difficult at the moment, just tell me: we can certainly agree a payment plan.
{{/if}}

{{payment_details}}

Thank you in advance for getting back to me.

${CLOSING}`,
    },
  },
};
