/**
 * Default English (UK) templates, same ladder and register as the French ones, written as an
 * English speaker would write them rather than translated word for word. The legal frame is French
 * law (the creditor's), so French terms of art appear in brackets where they matter.
 */
import type { LanguageTemplates } from './defaults';

const CLOSING = `Kind regards,
{{signature}}`;

export const ENGLISH_TEMPLATES: LanguageTemplates = {
  pre_reminder: {
    subject: '{{invoice_label}}{{#if due_date}} – due on {{due_date}}{{/if}}',
    body: `{{greeting}}

I hope you are well. This is a quick note about {{invoice_ref}}{{due_clause?}}.

{{invoice_details}}

{{payment_details}}

If payment is already scheduled, please disregard this message. Please do not hesitate to get in touch if you have any questions.

${CLOSING}`,
  },

  first_reminder: {
    subject: '{{invoice_label}}: a friendly reminder',
    body: `{{greeting}}

I hope you are well. According to my records, I have not yet received payment for {{invoice_ref}}{{due_clause?}}. It has most likely just been overlooked.

{{invoice_details}}

Could you let me know when payment will be made?

{{payment_details}}

If payment has already been made, please disregard this message. Please do not hesitate to get in touch if you have any questions.

${CLOSING}`,
  },

  call: {
    subject: 'Call about {{invoice_ref}}{{#if client_name}} – {{client_name}}{{/if}}',
    body: `Call script{{#if client_name}} – {{client_name}}{{/if}}
Contact: {{contact_name}}
Phone: {{client_phone}}
{{invoice_label}}{{#if total}} – {{total}}{{/if}}{{#if due_date}}, due on {{due_date}}{{/if}}

Before the call: have the invoice, the signed quote or purchase order, your terms of sale, the history of your exchanges and a calendar at hand.

1. Introduce yourself and say why you are calling: "Hello{{#if sender_name}}, this is {{sender_name}}{{#if sender_company}} from {{sender_company}}{{/if}}{{/if}}. I'm calling about {{invoice_ref}}{{#if total}}, for {{total}}{{/if}}{{due_clause?}}."
2. Simply ask why: "I haven't received the payment yet. Could you tell me where it stands?" If the answer is vague, ask for specifics: the amount, the date and how it will be paid.
3. Find out about the client's situation: invoice waiting for approval, cash-flow difficulties, disagreement about the work. Listen and note the facts. If the invoice is disputed, note exactly why: a dispute must be dealt with before any further reminder.
4. Agree a solution: the date and amount of the payment, and how it will be made. If the client is in difficulty, offer a payment plan (a deposit now, a second payment in 15 days, the balance in 30 days) and always get a deposit, however small.
5. Before hanging up, agree the date of the next call.
6. After the call, write down the date, the time, who you spoke to and what was said, then confirm in writing what was agreed.

Stay courteous and factual from start to finish.`,
    voicemail: `{{#if sender_name}}Hello, this is {{sender_name}}{{#if sender_role}}, {{sender_role}}{{/if}}{{#if sender_company}} at {{sender_company}}{{/if}}.{{else}}Hello.{{/if}} I'm calling about {{invoice_ref}}{{#if issue_date}}, dated {{issue_date}}{{/if}}{{#if total}}, for {{total}}{{/if}}{{due_clause?}}.{{#if sender_phone}} You can call me back on {{sender_phone}}.{{/if}} Thank you.`,
  },

  call_follow_up: {
    subject: '{{invoice_label}} – following our phone call',
    body: `{{greeting}}

Thank you for our phone call{{#if call_date}} on {{call_date}}{{/if}} about {{invoice_ref}}{{#if total}} ({{total}}){{/if}}. As agreed, I am confirming in writing what we discussed.

You told me the reason was as follows: {{call_reason}}.

Payment{{#if promised_amount}} of {{promised_amount}}{{/if}} will be made on {{promised_date}}, as agreed.
{{#if plan}}
We agreed the following payment plan:
{{#each plan}}
- {{date}}: {{amount}}
{{/each}}
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

I am writing again about {{invoice_ref}}{{due_clause?}}, for which I have not yet received payment{{#if previous_reminders}}, despite {{previous_reminders}}{{/if}}.

{{invoice_details}}

{{#if is_b2b}}
May I remind you that, under our terms of sale and Article L441-10 of the French Commercial Code (Code de commerce), any sum not paid by its due date automatically incurs late-payment penalties at {{#if penalty_rate}}an annual rate of {{penalty_rate}}{{else}}the rate set in our terms of sale or, failing that, the ECB refinancing rate plus 10 percentage points{{/if}}, together with a fixed indemnity of {{fixed_indemnity}} per invoice for recovery costs (Article D441-5 of the same Code).
{{else}}
May I remind you that our terms of sale provide for payment by the due date shown on the invoice{{#if payment_terms}} ({{payment_terms}}){{/if}}.
{{/if}}

I would be grateful if you could settle {{#if total}}the sum of {{total}}{{else}}{{#if several_invoices}}these invoices{{else}}this invoice{{/if}}{{/if}} as soon as possible{{#if next_step_date}}, and no later than {{next_step_date}}{{/if}}.

If you are having any difficulty, please contact me: we can agree a solution together, such as payment in instalments.

{{payment_details}}

If payment has been made in the meantime, please disregard this message.

Regards,
{{signature}}`,
  },

  further_reminder: {
    subject: 'Further reminder – {{invoice_label}}',
    body: `{{greeting}}

I am writing to you once again about {{invoice_ref}}{{due_clause?}}, for which I have still not received payment{{#if previous_reminders}}, despite {{previous_reminders}}{{/if}}.

{{invoice_details}}

{{#if is_b2b}}
As a reminder, late-payment penalties{{#if penalty_rate}} at an annual rate of {{penalty_rate}}{{/if}} have been running since the day after the due date, and a fixed indemnity of {{fixed_indemnity}} for recovery costs is due for each invoice (Articles L441-10 and D441-5 of the French Commercial Code).
{{/if}}

Please make the payment{{#if total}} of {{total}}{{/if}}{{#if next_step_date}} by {{next_step_date}}{{/if}}.

{{#if next_step_date}}
If I have not received payment by that date, {{next_step_action}}.
{{/if}}

If you are having any difficulty, I remain available to agree a payment plan.

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
Late-payment penalties are due by operation of law from the day after the due date, without any reminder being necessary, and the fixed indemnity of {{fixed_indemnity}} for recovery costs is due for each invoice paid after its due date (Articles L441-10 and D441-5 of the French Commercial Code).
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
