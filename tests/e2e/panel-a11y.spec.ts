/**
 * Issue 6 quality bar: axe-core finds no serious or critical violation on any panel view, in light
 * and dark mode, French and English; every view is reachable and usable from the keyboard.
 * (@axe-core/playwright needs Node 22: axe.min.js is evaluated in the page instead, which also
 * passes the extension page's CSP since Playwright evaluates through the DevTools protocol.)
 */
import type { Page } from '@playwright/test';
import { seriousViolations } from './axe';
import { expect, test } from './harness';
import { FIXTURE_THREADS, type FixtureThreadName } from '../fixtures/gmail/threads/index';

const SHOTS = '.cache/panel-shots';


async function expectAccessible(panel: Page, view: string): Promise<void> {
  expect(await seriousViolations(panel), view).toEqual([]);
}

async function open(relance: Parameters<Parameters<typeof test>[2]>[0]['relance'], name: FixtureThreadName, lang?: 'en'): Promise<Page> {
  await relance.openThread(name);
  const panel = await relance.openPanel(await relance.tabShowing(FIXTURE_THREADS[name].legacyThreadId), lang);
  await panel.setViewportSize({ width: 400, height: 900 });
  return panel;
}

for (const scheme of ['light', 'dark'] as const) {
  test(`every panel view passes axe-core (${scheme})`, async ({ relance }) => {
    const panel = await open(relance, 'frReplyPlanRequest');
    await panel.emulateMedia({ colorScheme: scheme });
    await expect(panel.getByTestId('track-button')).toBeVisible();
    await expectAccessible(panel, 'untracked invoice');
    await panel.getByTestId('correct-button').click();
    await expectAccessible(panel, 'correction form');
    await panel.getByRole('button', { name: 'Annuler' }).click();
    await panel.getByTestId('track-button').click();
    await expect(panel.getByTestId('reply-proposal')).toBeVisible();
    await expectAccessible(panel, 'tracked: status, proposal, checklist, actions, logbook');
    if (scheme === 'dark') await panel.screenshot({ path: `${SHOTS}/13-dark-main-fr.png`, fullPage: true });

    const views: Array<[string, string]> = [
      ['open-call', 'call-form'],
      ['open-record', 'record-form'],
      ['open-plan', 'plan-builder'],
      ['choose-draft', 'draft-chooser'],
      ['open-formal-notice', 'formal-notice-view'],
      ['open-escalation', 'escalation-view'],
      ['open-correct', 'correction-form'],
      ['open-untrack', 'untrack-confirm'],
    ];
    for (const [button, view] of views) {
      await panel.getByTestId(button).click();
      await expect(panel.getByTestId(view)).toBeVisible();
      // Let previews load before checking (they replace a loading line).
      await expect(panel.locator('.view .muted', { hasText: /Préparation de l’aperçu/ })).toHaveCount(0);
      await expectAccessible(panel, view);
      if (scheme === 'dark' && view === 'call-form') await panel.screenshot({ path: `${SHOTS}/14-dark-call-fr.png`, fullPage: true });
      if (view === 'untrack-confirm') await panel.getByTestId(view).getByRole('button', { name: 'Annuler' }).click();
      else await panel.keyboard.press('Escape'); // the focus is in the view: Escape closes it
      await expect(panel.getByTestId(view)).toHaveCount(0);
      // The focus goes back to the button that opened the view.
      await expect(panel.getByTestId(button)).toBeFocused();
    }
  });
}

test('the English panel and the no-invoice message pass axe-core too', async ({ relance }) => {
  const panel = await open(relance, 'enInvoice', 'en');
  await panel.getByTestId('track-button').click();
  await expect(panel.getByTestId('status-block')).toBeVisible();
  await expectAccessible(panel, 'English tracked invoice');
  await panel.screenshot({ path: `${SHOTS}/15-tracked-en.png`, fullPage: true });
  const none = await open(relance, 'frNoInvoice');
  await expect(none.getByTestId('panel-message')).toBeVisible();
  await expectAccessible(none, 'no invoice');
});

test('keyboard only: track, open the call form, fill it and save it without a mouse, with a visible focus', async ({ relance }) => {
  const panel = await open(relance, 'frOverdue');
  const focusTo = async (testId: string) => {
    for (let i = 0; i < 60; i += 1) {
      if (await panel.getByTestId(testId).evaluate((el) => el === document.activeElement)) return;
      await panel.keyboard.press('Tab');
    }
    throw new Error(`Tab never reached ${testId}`);
  };
  await focusTo('track-button');
  // The focus is visible: an outline drawn by :focus-visible.
  const outline = await panel.getByTestId('track-button').evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).toBe('solid');
  await panel.keyboard.press('Enter');
  await expect(panel.getByTestId('status-block')).toBeVisible();
  await focusTo('open-call');
  await panel.keyboard.press('Enter');
  // The form's heading takes the focus; the fields follow in order.
  await expect(panel.locator('.view-title')).toBeFocused();
  await focusTo('input-said');
  await panel.keyboard.type('Validation en cours');
  await focusTo('save-call');
  await panel.keyboard.press('Enter');
  await expect(panel.locator('[data-testid=logbook] li[data-kind=call]')).toContainText('Validation en cours');
});
