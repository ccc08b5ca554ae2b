/** What every language's reminder wording is given and must provide. */
import type { ReminderStep } from '../model';

/** The invoice facts, already formatted for the draft's language; null when unknown. */
export interface DraftFacts {
  invoiceNumber: string | null;
  amount: string | null;
  issueDate: string | null;
  dueDate: string | null;
  /** Where today stands against the due date, so sentences use the right tense. */
  dueTiming: 'upcoming' | 'today' | 'passed' | null;
}

export interface ReminderWording {
  greeting(firstName: string | null): string;
  /** The paragraphs between the greeting and the sign-off. */
  paragraphs: Readonly<Record<ReminderStep, (facts: DraftFacts) => string[]>>;
  signOff: string;
  /** The subject when the thread has none to reply to. */
  newSubject(invoiceNumber: string | null): string;
}

/**
 * A plain-text recap block, one "- label value" line per known fact. Left out when it would only
 * repeat the invoice number the first sentence already gives.
 */
export function recapBlock(facts: DraftFacts, lines: ReadonlyArray<readonly [label: string, value: string | null]>): string[] {
  if (facts.amount === null && facts.dueDate === null && facts.issueDate === null) return [];
  const known = lines.filter((line): line is readonly [string, string] => line[1] !== null);
  return [known.map(([label, value]) => `- ${label}${value}`).join('\n')];
}
