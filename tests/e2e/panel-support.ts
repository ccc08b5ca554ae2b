/** Shared steps of the panel end-to-end specs. */
import type { Page } from '@playwright/test';
import { expect } from './harness';

/** Ticks the five checks practice asks for before the first reminder. */
export async function confirmFirstReminderChecklist(panel: Page): Promise<void> {
  const checklist = panel.getByTestId('first-reminder-checklist');
  await expect(checklist).toBeVisible();
  for (const box of await checklist.locator('input[type=checkbox]').all()) await box.check();
}
