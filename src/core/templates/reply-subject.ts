/**
 * The subject of a reminder: a reply in the invoice's thread, so the client sees it under the
 * invoice. Mail clients already add "Re:" / "RE :" / "TR:" / "Fwd:" prefixes; one is enough.
 */
const EXISTING_PREFIX = /^\s*(re|tr|fw|fwd|aw|sv|rv)\s*:/i;

/** "Re: <subject>", or the subject unchanged when it already carries a reply/forward prefix. */
export function replySubject(subject: string): string {
  const trimmed = subject.trim();
  return EXISTING_PREFIX.test(trimmed) ? trimmed : `Re: ${trimmed}`;
}
