/**
 * The invoice's fields: what Relance read (with the words it read them from) and, before tracking,
 * a form to correct any of them. The corrected values are what gets tracked.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { formatDate, formatMoney } from '../core/format';
import { changedFields, type FactField, type FieldEvidence } from '../core/thread-invoice';
import { daysPastDue } from '../core/ladder';
import type { InvoiceFacts, IsoDate, Language } from '../core/model';
import { parseUserAmount } from '../core/user-amount';
import { dueStatus } from './due-status';
import { EvidenceQuote } from './EvidenceQuote';
import type { Translate } from './i18n';

interface DisplayProps {
  facts: InvoiceFacts;
  evidence: Partial<Record<FactField, FieldEvidence>>;
  corrected: ReadonlySet<FactField>;
  today: IsoDate;
  t: Translate;
  language: Language;
}

export function InvoiceFields({ facts, evidence, corrected, today, t, language }: DisplayProps) {
  const clientLabel = facts.client.name ? `${facts.client.name} <${facts.client.email}>` : facts.client.email;
  const days = daysPastDue(facts.dueDate, today);
  const row = (field: FactField, label: string, testId: string, value: string, attrs: Record<string, string> = {}) => (
    <>
      <dt>{label}</dt>
      <dd>
        <span data-testid={testId} {...attrs}>{value}</span>
        {corrected.has(field) ? (
          <span class="corrected" data-testid={`${testId}-corrected`}> {t('correctedByYou')}</span>
        ) : (
          evidence[field] && <EvidenceQuote evidence={evidence[field]} t={t} testId={`${testId}-evidence`} />
        )}
      </dd>
    </>
  );
  return (
    <dl class="fields">
      {row('client', t('fieldClient'), 'field-client', clientLabel)}
      {row('invoiceNumber', t('fieldInvoice'), 'field-invoice-number', facts.invoiceNumber)}
      {row('amount', t('fieldAmount'), 'field-amount', facts.amount !== null && facts.currency ? formatMoney(facts.amount, facts.currency, language) : t('unknown'))}
      {row('issueDate', t('fieldIssueDate'), 'field-issue-date', facts.issueDate ? formatDate(facts.issueDate, language, 'long') : t('unknown'))}
      {row('dueDate', t('fieldDueDate'), 'field-due-date', facts.dueDate ? formatDate(facts.dueDate, language, 'long') : t('unknown'), { 'data-iso': facts.dueDate ?? '' })}
      <dt>{t('fieldStatus')}</dt>
      <dd data-testid="field-due-status" data-days-past-due={String(days ?? '')}>
        {dueStatus(days, t)}
      </dd>
    </dl>
  );
}

const EMAIL = /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/;
const CURRENCY = /^[A-Z]{3}$/;

interface FormValues {
  clientName: string;
  clientEmail: string;
  invoiceNumber: string;
  amount: string;
  currency: string;
  issueDate: string;
  dueDate: string;
}

function formValues(facts: InvoiceFacts): FormValues {
  return {
    clientName: facts.client.name ?? '',
    clientEmail: facts.client.email,
    invoiceNumber: facts.invoiceNumber,
    amount: facts.amount === null ? '' : String(facts.amount),
    currency: facts.currency ?? 'EUR',
    issueDate: facts.issueDate ?? '',
    dueDate: facts.dueDate ?? '',
  };
}

/** Validates the form; returns the corrected facts and which fields changed, or the errors. */
export function applyCorrections(
  facts: InvoiceFacts,
  values: FormValues,
  t: Translate,
): { ok: true; facts: InvoiceFacts; changed: Set<FactField> } | { ok: false; errors: Partial<Record<keyof FormValues, string>> } {
  const errors: Partial<Record<keyof FormValues, string>> = {};
  const email = values.clientEmail.trim().toLowerCase();
  if (!EMAIL.test(email)) errors.clientEmail = t('invalidEmail');
  const number = values.invoiceNumber.trim();
  if (!number) errors.invoiceNumber = t('required');
  const amount = values.amount.trim() === '' ? null : parseUserAmount(values.amount);
  if (values.amount.trim() !== '' && amount === null) errors.amount = t('invalidAmount');
  const currency = values.currency.trim().toUpperCase();
  if (amount !== null && !CURRENCY.test(currency)) errors.currency = t('invalidCurrency');
  if (Object.keys(errors).length) return { ok: false, errors };

  const next: InvoiceFacts = {
    ...facts,
    client: { email, name: values.clientName.trim() || null },
    invoiceNumber: number,
    amount,
    currency: amount === null ? null : currency,
    issueDate: values.issueDate || null,
    dueDate: values.dueDate || null,
  };
  return { ok: true, facts: next, changed: changedFields(facts, next) };
}

interface FormProps {
  facts: InvoiceFacts;
  t: Translate;
  onSave(facts: InvoiceFacts, changed: Set<FactField>): void;
  onCancel(): void;
}

export function CorrectionForm({ facts, t, onSave, onCancel }: FormProps) {
  const [values, setValues] = useState<FormValues>(() => formValues(facts));
  const [errors, setErrors] = useState<Partial<Record<keyof FormValues, string>>>({});
  const form = useRef<HTMLFormElement>(null);
  // Keyboard users land in the form when it opens.
  useEffect(() => form.current?.querySelector<HTMLInputElement>('input')?.focus(), []);
  const input = (name: keyof FormValues, label: string, type: 'text' | 'email' | 'date' = 'text') => {
    const common = {
      name,
      'data-testid': `edit-${name}`,
      value: values[name],
      'aria-invalid': errors[name] ? ('true' as const) : undefined,
      onInput: (event: Event) => setValues({ ...values, [name]: (event.currentTarget as HTMLInputElement).value }),
    };
    // Preact types <input> by its `type`, so each kind is written out.
    const field = type === 'date' ? <input type="date" {...common} /> : type === 'email' ? <input type="email" {...common} /> : <input type="text" {...common} />;
    return (
      <label class="field-input">
        <span>{label}</span>
        {field}
        {errors[name] && <small class="error" role="alert">{errors[name]}</small>}
      </label>
    );
  };
  return (
    <form
      ref={form}
      class="corrections"
      data-testid="correction-form"
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
      onSubmit={(event) => {
        event.preventDefault();
        const result = applyCorrections(facts, values, t);
        if (result.ok) onSave(result.facts, result.changed);
        else setErrors(result.errors);
      }}
    >
      {input('clientName', t('fieldClientName'))}
      {input('clientEmail', t('fieldClientEmail'), 'email')}
      {input('invoiceNumber', t('fieldInvoice'))}
      <div class="amount-row">
        {input('amount', t('fieldAmount'))}
        {input('currency', t('fieldCurrency'))}
      </div>
      {input('issueDate', t('fieldIssueDate'), 'date')}
      {input('dueDate', t('fieldDueDate'), 'date')}
      <div class="actions">
        <button type="submit" class="primary" data-testid="save-corrections">{t('saveCorrections')}</button>
        <button type="button" class="secondary" onClick={onCancel}>{t('cancel')}</button>
      </div>
    </form>
  );
}
