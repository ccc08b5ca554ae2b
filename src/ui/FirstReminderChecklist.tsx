/**
 * Before the first reminder, the checks practice asks for (chasing-practice.md "Before chasing"):
 * reminding a client who paid, or who complained, looks disorganised and hands them an excuse.
 */
import type { Translate } from './i18n';

export const CHECKLIST_ITEMS = ['checkSent', 'checkTerms', 'checkNoPayment', 'checkNoComplaint', 'checkFile'] as const;
export type ChecklistKey = (typeof CHECKLIST_ITEMS)[number];

interface Props {
  checked: ReadonlySet<ChecklistKey>;
  /** The engine read the client's newest reply as a payment or a complaint: say so beside the item. */
  warnings: Partial<Record<ChecklistKey, string>>;
  t: Translate;
  onToggle(key: ChecklistKey): void;
}

export function FirstReminderChecklist({ checked, warnings, t, onToggle }: Props) {
  return (
    <fieldset class="checklist" data-testid="first-reminder-checklist">
      <legend>{t('checklistTitle')}</legend>
      {CHECKLIST_ITEMS.map((key) => (
        <div key={key} class="check-item">
          <label>
            <input type="checkbox" data-testid={`check-${key}`} checked={checked.has(key)} onChange={() => onToggle(key)} />
            {t(key)}
          </label>
          {warnings[key] && <small class="warning" role="note">{warnings[key]}</small>}
        </div>
      ))}
    </fieldset>
  );
}
