/**
 * Which written dates are the invoice date and the due date: a date counts when the label closest
 * before it, in the same sentence, names it ("Échéance : 23/11/2026", "Invoice date: 4 Nov 2026").
 * Dates with no such label (delivery, meeting, project dates) are ignored.
 */
import { findWrittenDates, type WrittenDate } from './written-dates';

type DateRole = 'issue' | 'due';

const LABELS: ReadonlyArray<readonly [DateRole, RegExp]> = [
  [
    'issue',
    /date de (?:la )?factur(?:e|ation)|date d'émission|émise? le|datée? du|facture (?:n° ?\S+ )?du|invoice date|date of (?:the )?invoice|invoice dated|dated|issued on|issue date/gi,
  ],
  [
    'due',
    /échéance|date limite|au plus tard|avant le|payable le|(?:à régler|à payer|règlement|paiement)(?: attendu)? (?:le|pour le)|payment due|due date|due by|due on|\bdue\b|pay(?:able)? by|payment by|no later than|before the|before/gi,
  ],
];

// How far back a label may be, and where a sentence (hence a label's reach) ends.
const CONTEXT_CHARS = 60;
const SENTENCE_END = /[.!?](?:\s|$)|\n\s*\n/g;

export interface LabelledDates {
  issue: WrittenDate | null;
  due: WrittenDate | null;
}

/** The first date labelled as the invoice date and the first labelled as the due date. */
export function findLabelledDates(text: string): LabelledDates {
  const result: LabelledDates = { issue: null, due: null };
  let previousEnd = 0;
  for (const date of findWrittenDates(text)) {
    const role = roleOf(text.slice(Math.max(previousEnd, date.index - CONTEXT_CHARS), date.index));
    if (role && result[role] === null) result[role] = date;
    previousEnd = date.end;
  }
  return result;
}

function roleOf(before: string): DateRole | null {
  const sentence = before.slice(lastSentenceEnd(before));
  let best: { role: DateRole; end: number } | null = null;
  for (const [role, pattern] of LABELS) {
    for (const match of sentence.matchAll(pattern)) {
      const end = match.index + match[0].length;
      if (best === null || end > best.end) best = { role, end };
    }
  }
  return best?.role ?? null;
}

function lastSentenceEnd(text: string): number {
  let end = 0;
  for (const match of text.matchAll(SENTENCE_END)) end = match.index + match[0].length;
  return end;
}
