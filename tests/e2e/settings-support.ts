/** Shared steps of the settings end-to-end specs. */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, type Relance } from './harness';

export const SETTINGS_SHOTS = '.cache/settings-shots';
const AXE = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');

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

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

/** axe-core's serious and critical violations on the page (evaluated in the page, as panel-a11y does). */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document): Promise<{ violations: Violation[] }> } }).axe;
    return (await axe.run(document)).violations;
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
