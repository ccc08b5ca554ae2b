/** Per client of the open invoices shown: open count, mean delay of paid invoices, paid late, oldest open delay. */
import type { ClientLateness as Row } from '../../protocol/dashboard-messages';
import type { Translate } from '../i18n';

export function ClientLateness({ clients, t }: { clients: Row[]; t: Translate }) {
  const days = (n: number | null) => (n === null ? t('dashNone') : t('dashDays', { n }));
  return (
    <section class="dash-card" aria-labelledby="dash-clients-title" data-testid="dash-clients">
      <h2 id="dash-clients-title">{t('dashClients')}</h2>
      {clients.length === 0 ? (
        <p class="dash-muted">{t('dashNoReceivables')}</p>
      ) : (
        <div class="dash-table-wrap" tabIndex={0} role="region" aria-labelledby="dash-clients-title">
          <table class="dash-table">
            <thead>
              <tr>
                <th scope="col">{t('colClient')}</th>
                <th scope="col" class="num">{t('colOpenCount')}</th>
                <th scope="col" class="num">{t('colOldestOpen')}</th>
                <th scope="col" class="num">{t('colAvgLate')}</th>
                <th scope="col" class="num">{t('colPaidLate')}</th>
              </tr>
            </thead>
            <tbody>
              {clients.map((client) => (
                <tr key={client.clientId} data-testid="dash-client-row">
                  <th scope="row">{client.name}</th>
                  <td class="num">{client.openCount}</td>
                  <td class="num">{days(client.oldestOpenDaysPastDue)}</td>
                  <td class="num">{days(client.averageDaysLate)}</td>
                  <td class="num">{`${client.paidLateCount} / ${client.paidCount}`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
