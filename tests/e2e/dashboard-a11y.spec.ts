/**
 * Issue 6 quality bar on the dashboard: axe-core finds no serious or critical violation in French
 * and English, light and dark; it is usable from the keyboard with a visible focus; mail content
 * (a client's name) is shown as text, never as HTML.
 */
import { expect, test } from './harness';
import { FIXTURE_THREADS } from '../fixtures/gmail/threads/index';
import { openDashboard, seriousViolations, SHOTS, track } from './dashboard-support';

for (const lang of ['fr', 'en'] as const) {
  for (const scheme of ['light', 'dark'] as const) {
    test(`the dashboard passes axe-core (${lang}, ${scheme})`, async ({ relance }) => {
      await track(relance, 'frOverdue');
      await track(relance, 'enInvoice');
      const page = await openDashboard(relance, { lang });
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize({ width: 1100, height: 1300 });
      await expect(page.getByTestId('dash-row')).toHaveCount(2);
      expect(await seriousViolations(page), 'dashboard').toEqual([]);
      await page.getByTestId('filter-status').selectOption('overdue');
      expect(await seriousViolations(page), 'filtered').toEqual([]);
      await page.screenshot({ path: `${SHOTS}/10-dashboard-${lang}-${scheme}.png`, fullPage: true });
    });
  }
}

test('the dashboard is usable from the keyboard with a visible focus', async ({ relance }) => {
  await track(relance, 'frOverdue');
  const gmailPages = () => relance.context.pages().filter((p) => p.url().startsWith('https://mail.google.com/'));
  for (const gmail of gmailPages()) await gmail.close();
  const page = await openDashboard(relance, { lang: 'fr' });
  // First stop: the account filter, then today's "open thread" button.
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('filter-account')).toBeFocused();
  await page.keyboard.press('Tab');
  const open = page.getByTestId('dash-today-open').first();
  await expect(open).toBeFocused();
  const outline = await open.evaluate((el) => getComputedStyle(el).outlineStyle + ' ' + getComputedStyle(el).outlineWidth);
  expect(outline).toBe('solid 3px');
  const [opened] = await Promise.all([relance.context.waitForEvent('page'), page.keyboard.press('Enter')]);
  await opened.waitForURL(`https://mail.google.com/mail/u/1/#inbox/${FIXTURE_THREADS.frOverdue.legacyThreadId}`);
});
