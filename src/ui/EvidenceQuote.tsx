/**
 * The words in the mail a value was read from, with the value highlighted: "…d'un montant de
 * [2 400,00 € TTC] à régler…". Built from text nodes only: mail content is never HTML here.
 */
import type { FieldEvidence } from '../core/thread-invoice';
import type { Translate } from './i18n';

const CONTEXT_CHARS = 36;

export function EvidenceQuote({ evidence, t, testId }: { evidence: FieldEvidence; t: Translate; testId: string }) {
  const { context, start, end } = evidence;
  // Widen to about CONTEXT_CHARS on each side, then shrink to whole words.
  let from = Math.max(0, start - CONTEXT_CHARS);
  let to = Math.min(context.length, end + CONTEXT_CHARS);
  if (from > 0) {
    const space = context.slice(from, start).search(/\s/);
    if (space >= 0) from += space + 1;
  }
  if (to < context.length) {
    const tail = context.slice(end, to);
    const space = Math.max(tail.lastIndexOf(' '), tail.lastIndexOf('\n'));
    if (space >= 0) to = end + space;
  }
  const flat = (text: string) => text.replace(/\s+/g, ' ');
  const where = evidence.source === 'subject' ? t('evidenceSubject') : evidence.source === 'attachment' ? t('evidenceAttachment') : t('evidenceBody');
  return (
    <q class="evidence" data-testid={testId} title={where}>
      {from > 0 ? '…' : ''}
      {flat(context.slice(from, start))}
      <mark>{flat(context.slice(start, end))}</mark>
      {flat(context.slice(end, to))}
      {to < context.length ? '…' : ''}
    </q>
  );
}
