/** Shared steps of the dashboard specs: track fixture invoices through the panel, open the dashboard, run axe. */
import type { Page } from '@playwright/test';
import { expect, type Relance } from './harness';
import { FIXTURE_THREADS, type FixtureThreadName } from '../fixtures/gmail/threads/index';

export const SHOTS = '.cache/dashboard-shots';

/** Opens the thread in Gmail, tracks its invoice from the panel; returns the Gmail page (the panel is closed). */
export async function track(relance: Relance, name: FixtureThreadName): Promise<Page> {
  const gmail = await relance.openThread(name);
  const panel = await relance.openPanel(await relance.tabShowing(FIXTURE_THREADS[name].legacyThreadId));
  await panel.getByTestId('track-button').click();
  await expect(panel.getByTestId('tracked-status')).toBeVisible();
  await panel.close();
  return gmail;
}

export async function openDashboard(relance: Relance, query: Record<string, string> = {}): Promise<Page> {
  const page = await relance.context.newPage();
  await page.goto(`chrome-extension://${relance.extensionId}/src/dashboard/index.html?${new URLSearchParams(query)}`);
  await expect(page.locator('main.dash[data-ready="true"]')).toBeVisible();
  return page;
}


/** The badge's background colour as #RRGGBB. */
export async function badgeColour(relance: Relance): Promise<string> {
  const worker = await relance.worker();
  const [r, g, b] = await worker.evaluate(() => chrome.action.getBadgeBackgroundColor({}));
  return `#${[r, g, b].map((n) => n!.toString(16).padStart(2, '0')).join('')}`.toUpperCase();
}

export { seriousViolations } from './axe';
