/** The invoice's logbook, newest first, with local date and time. */
import type { Language, LogEvent } from '../core/model';
import type { Translate } from './i18n';

export function Logbook({ events, t, language }: { events: LogEvent[]; t: Translate; language: Language }) {
  const when = new Intl.DateTimeFormat(language === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <section class="logbook">
      <h2>{t('logbook')}</h2>
      <ol data-testid="logbook">
        {events.map((event) => (
          <li key={event.id ?? event.at} data-kind={event.kind}>
            <time dateTime={event.at}>{when.format(new Date(event.at))}</time>{' '}
            {event.kind === 'tracked' ? t('event_tracked') : t('event_reminder_drafted', { step: event.step ? t(`step_${event.step}`) : '' })}
          </li>
        ))}
      </ol>
    </section>
  );
}
