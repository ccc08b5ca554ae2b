/**
 * End-to-end harness: the real built extension (dist/) in Debian's Chromium, Gmail fixture pages
 * served over HTTPS at https://mail.google.com (mapped to 127.0.0.1), real IndexedDB.
 */
import { test as base, chromium, expect, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CHROMIUM_PATH, DIST, chromiumArgs } from './chromium-args';
import { startGmailFixtureServer } from '../fixtures/gmail/server';
import { FIXTURE_THREADS } from '../fixtures/gmail/threads/index';

export { expect };

/** The fixed day the fixture mailbox and the extension's clock agree on. */
export const ANCHOR = '2026-11-20';

export type FixtureThreadName = keyof typeof FIXTURE_THREADS;

export interface StoredInvoice {
  id: string;
  invoiceNumber: string;
  clientEmail: string;
  amount: number | null;
  currency: string | null;
  dueDate: string | null;
  threadId: string;
}

export interface StoredEvent {
  id: number;
  invoiceId: string;
  kind: string;
  day: string;
  step?: string;
}

export class Relance {
  private constructor(
    readonly context: BrowserContext,
    readonly extensionId: string,
    readonly profileDir: string,
    private readonly port: number,
    private readonly locale: string,
  ) {}

  static async launch(profileDir: string, port: number, locale = 'fr-FR'): Promise<Relance> {
    const context = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      ignoreHTTPSErrors: true,
      locale,
      viewport: { width: 1280, height: 860 },
      args: chromiumArgs(port, DIST, locale),
    });
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    return new Relance(context, new URL(worker.url()).host, profileDir, port, locale);
  }

  /** Closes the browser and opens it again on the same profile (a user's restart). */
  async restart(): Promise<Relance> {
    await this.context.close();
    return Relance.launch(this.profileDir, this.port, this.locale);
  }

  async close(): Promise<void> {
    await this.context.close().catch(() => undefined);
  }

  /** The running service worker (MV3 may have restarted it since launch). */
  async worker(): Promise<Worker> {
    return this.context.serviceWorkers()[0] ?? (await this.context.waitForEvent('serviceworker'));
  }

  async setToday(isoDate: string): Promise<void> {
    const worker = await this.worker();
    await worker.evaluate((day) => chrome.storage.session.set({ 'clock:today': day }), isoDate);
  }

  async openThread(name: FixtureThreadName): Promise<Page> {
    const thread = FIXTURE_THREADS[name];
    const page = await this.context.newPage();
    await page.goto(`https://mail.google.com${thread.path}`);
    await expect(page.locator(`h2.hP[data-legacy-thread-id="${thread.legacyThreadId}"]`)).toBeVisible();
    return page;
  }

  /** The tab id the worker knows the Gmail thread by (the panel is opened for that tab). */
  async tabShowing(threadId: string): Promise<number> {
    let found: number | null = null;
    await expect
      .poll(async () => {
        const worker = await this.worker();
        found = await worker.evaluate(async (id) => {
          const all = (await chrome.storage.session.get(null)) as Record<string, { state: string; snapshot?: { threadId: string } }>;
          const entry = Object.entries(all).find(([key, value]) => key.startsWith('tab-thread:') && value.snapshot?.threadId === id);
          return entry ? Number(entry[0].slice('tab-thread:'.length)) : null;
        }, threadId);
        return found;
      }, { message: `the content script should report thread ${threadId}` })
      .not.toBeNull();
    return found!;
  }

  async tabState(tabId: number): Promise<{ state: string } | undefined> {
    const worker = await this.worker();
    return worker.evaluate(async (id) => (await chrome.storage.session.get(`tab-thread:${id}`))[`tab-thread:${id}`] as { state: string } | undefined, tabId);
  }

  /** The side panel page, opened as a normal tab for that Gmail tab (sidePanel.open needs a user gesture). */
  async openPanel(tabId: number, lang?: 'fr' | 'en'): Promise<Page> {
    const page = await this.context.newPage();
    const query = new URLSearchParams({ tab: String(tabId), ...(lang ? { lang } : {}) });
    await page.goto(`chrome-extension://${this.extensionId}/src/panel/index.html?${query}`);
    await expect(page.locator('main[data-ready="true"]')).toBeVisible();
    return page;
  }

  /** Reads the extension's IndexedDB directly (raw API, not our code) from the service worker. */
  async storedInvoices(): Promise<StoredInvoice[]> {
    return (await this.readStore('invoices')) as StoredInvoice[];
  }

  async storedEvents(): Promise<StoredEvent[]> {
    return (await this.readStore('events')) as StoredEvent[];
  }

  private async readStore(store: string): Promise<unknown[]> {
    const worker = await this.worker();
    return worker.evaluate(
      (name) =>
        new Promise<unknown[]>((resolve, reject) => {
          const open = indexedDB.open('relance');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            if (!db.objectStoreNames.contains(name)) {
              db.close();
              resolve([]);
              return;
            }
            const request = db.transaction(name, 'readonly').objectStore(name).getAll();
            request.onsuccess = () => {
              db.close();
              resolve(request.result as unknown[]);
            };
            request.onerror = () => reject(request.error);
          };
        }),
      store,
    );
  }

  async badgeText(): Promise<string> {
    const worker = await this.worker();
    return worker.evaluate(() => chrome.action.getBadgeText({}));
  }
}

export const test = base.extend<{ relance: Relance }, { gmail: { port: number } }>({
  gmail: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const server = await startGmailFixtureServer({ port: 0, anchorDate: ANCHOR });
      await use({ port: server.port });
      await server.close();
    },
    { scope: 'worker' },
  ],
  relance: async ({ gmail }, use) => {
    const profile = mkdtempSync(path.join(tmpdir(), 'relance-profile-'));
    const relance = await Relance.launch(profile, gmail.port);
    await relance.setToday(ANCHOR);
    await use(relance);
    await relance.close();
  },
});

/** Whitespace-insensitive text (Intl uses narrow no-break spaces in French amounts). */
export function squash(text: string | null): string {
  return (text ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();
}
