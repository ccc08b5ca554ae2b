/**
 * The logbook timeline, newest first: this invoice's entries, then the client's other invoices'.
 * Sentences come from the ledger's words (describeEvent, FR/EN); recorded text is shown as text.
 */
import { describeEvent } from '../core/ledger/dossier-words';
import type { LedgerEvent } from '../core/ledger/events';
import type { Language } from '../core/model';
import type { ClientTimelineEntry } from '../protocol/messages';
import type { MessageKey, Translate } from './i18n';

function newestFirst<T>(items: readonly T[], event: (item: T) => LedgerEvent): T[] {
  return [...items].sort((a, b) => {
    const x = event(a);
    const y = event(b);
    return x.at < y.at ? 1 : x.at > y.at ? -1 : (y.seq ?? 0) - (x.seq ?? 0);
  });
}

function sentence(event: LedgerEvent, currency: string | null, t: Translate, language: Language): string {
  // The skeleton's two entries keep the panel's own words (shorter than the dossier's).
  if (event.kind === 'tracked') return t('event_tracked');
  if (event.kind === 'reminder_drafted') return t('event_reminder_drafted', { step: t(`step_${event.step}` as MessageKey) });
  const text = describeEvent(event, language, currency);
  return event.note ? `${text}. ${event.note}` : text;
}

export function Timeline({ logbook, clientTimeline, currency, t, language }: { logbook: readonly LedgerEvent[]; clientTimeline: readonly ClientTimelineEntry[]; currency: string | null; t: Translate; language: Language }) {
  const when = new Intl.DateTimeFormat(language === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
  const client = newestFirst(clientTimeline, (entry) => entry.event);
  return (
    <section class="logbook" aria-label={t('logbook')}>
      <h2 class="section-title">{t('logbook')}</h2>
      <ol data-testid="logbook">
        {newestFirst(logbook, (event) => event).map((event) => (
          <li key={event.hash ?? event.id ?? event.at} data-kind={event.kind}>
            <time dateTime={event.at}>{when.format(new Date(event.at))}</time> {sentence(event, currency, t, language)}
          </li>
        ))}
      </ol>
      {client.length > 0 && (
        <>
          <h3 class="section-subtitle">{t('clientTimeline')}</h3>
          <ol data-testid="client-timeline">
            {client.map(({ event, invoiceNumber, currency: other }) => (
              <li key={event.hash ?? `${event.invoiceId}:${event.seq ?? event.at}`} data-kind={event.kind}>
                <time dateTime={event.at}>{when.format(new Date(event.at))}</time> <strong>{invoiceNumber}</strong> — {sentence(event, other, t, language)}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
