/** Shared steps of the settings end-to-end specs. */
import type { Page } from '@playwright/test';
import { expect, type Relance } from './harness';

export const SETTINGS_SHOTS = '.cache/settings-shots';

export async function openSettings(relance: Relance, query = ''): Promise<Page> {
  const page = await relance.context.newPage();
  await page.goto(`chrome-extension://${relance.extensionId}/src/settings/index.html${query}`);
  await expect(page.locator('main[data-ready="true"]')).toBeVisible();
  return page;
}

/** The settings record as stored (raw IndexedDB read in the worker, not our code). */
export async function storedSettings(relance: Relance): Promise<Record<string, unknown> | null> {
  const worker = await relance.worker();
  return worker.evaluate(
    () =>
      new Promise<Record<string, unknown> | null>((resolve, reject) => {
        const open = indexedDB.open('relance');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const request = db.transaction('meta', 'readonly').objectStore('meta').get('settings');
          request.onsuccess = () => {
            db.close();
            resolve((request.result as { value?: Record<string, unknown> } | undefined)?.value ?? null);
          };
          request.onerror = () => reject(request.error);
        };
      }),
  );
}

export { seriousViolations } from './axe';
