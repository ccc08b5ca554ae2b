/**
 * Where the content script puts Relance's small chip button: the visible thread's subject row
 * (the parent of the visible h2.hP, Gmail's `.ha`, dom-facts "Thread subject"). The content script
 * appends its own element there (after the subject and Gmail's label chips) and re-checks on
 * navigation, since Gmail re-renders and keeps hidden copies of old thread views.
 */
import { findVisibleSubject } from './dom';
import { THREAD_SUBJECT } from './selectors';
import { fail, ok, type GmailResult } from './result';

/** The element to append the Relance chip to, or null when no thread is visibly open. */
export function findChipAnchor(doc: Document): Element | null {
  const result = locateChipAnchor(doc);
  return result.ok ? result.value : null;
}

/** Same as findChipAnchor, with the reason when it fails (feature 'chip'). */
export function locateChipAnchor(doc: Document): GmailResult<Element> {
  try {
    const subject = findVisibleSubject(doc);
    if (!subject) return fail('thread_not_found', 'chip', `no visible ${THREAD_SUBJECT}`);
    const row = subject.parentElement;
    return row ? ok(row) : fail('thread_not_found', 'chip', 'visible subject has no parent');
  } catch (error) {
    return fail('thread_not_found', 'chip', `unexpected: ${error instanceof Error ? error.message : String(error)}`);
  }
}
