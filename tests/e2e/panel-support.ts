/** Shared steps of the panel end-to-end specs. */
import type { Page } from '@playwright/test';
import { expect, type Relance } from './harness';
import { FIXTURE_THREADS, type FixtureThreadName } from '../fixtures/gmail/threads/index';

/** Opens a fixture thread, its panel at a side panel's width, and tracks the invoice. */
export async function trackedPanel(relance: Relance, name: FixtureThreadName): Promise<{ gmail: Page; panel: Page }> {
  const gmail = await relance.openThread(name);
  const panel = await relance.openPanel(await relance.tabShowing(FIXTURE_THREADS[name].legacyThreadId));
  // A side panel is narrow: look at it as the user does.
  await panel.setViewportSize({ width: 400, height: 900 });
  await panel.getByTestId('track-button').click();
  await expect(panel.getByTestId('status-block')).toBeVisible();
  return { gmail, panel };
}

/** Ticks the five checks practice asks for before the first reminder. */
export async function confirmFirstReminderChecklist(panel: Page): Promise<void> {
  const checklist = panel.getByTestId('first-reminder-checklist');
  await expect(checklist).toBeVisible();
  for (const box of await checklist.locator('input[type=checkbox]').all()) await box.check();
}
