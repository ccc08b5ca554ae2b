/**
 * Issue 5 wiring: the backup made by the service worker restores the ledger on another profile (a
 * new computer), invoice and logbook identical; a damaged backup is refused and changes nothing.
 * The settings page comes with the UI issue: the messages are sent from an extension page, as the
 * page will send them.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { ANCHOR, expect, Relance, test } from './harness';
import { FIXTURE_THREADS } from '../fixtures/gmail/threads/index';
import { exportBackupV2, parseBackup } from '../../src/core/ledger';

interface Reply {
  ok: boolean;
  error?: string;
  code?: string;
  problems?: Array<{ path: string; code: string; message: string }>;
  value?: Record<string, unknown>;
}

/** Sends a runtime message from an extension page (only extension pages may ask for these). */
function send(page: Page, message: Record<string, unknown>): Promise<Reply> {
  return page.evaluate((m) => chrome.runtime.sendMessage(m) as Promise<Reply>, message);
}

/** An extension page of this profile that is not tied to a Gmail tab. */
async function extensionPage(relance: Relance): Promise<Page> {
  const page = await relance.context.newPage();
  await page.goto(`chrome-extension://${relance.extensionId}/src/panel/index.html`);
  await expect(page.locator('main')).toBeVisible();
  return page;
}

test('a backup restores the invoice and its logbook on a fresh profile; a damaged one changes nothing', async ({ relance, gmail }) => {
  // Track an invoice and draft its reminder: two chained events in the logbook.
  await relance.openThread('frDueToday');
  const panel = await relance.openPanel(await relance.tabShowing(FIXTURE_THREADS.frDueToday.legacyThreadId));
  await panel.getByTestId('track-button').click();
  await expect(panel.getByTestId('tracked-status')).toBeVisible();
  await panel.getByTestId('draft-button').click();
  await expect(panel.getByTestId('notice')).toContainText('Brouillon prêt');
  await expect.poll(async () => (await relance.storedEvents()).map((event) => event.kind)).toEqual(['tracked', 'reminder_drafted']);
  const original = { invoices: await relance.storedInvoices(), events: await relance.storedEvents() };

  const exported = await send(panel, { type: 'backup/export' });
  expect(exported).toMatchObject({ ok: true, value: { fileName: `relance-backup-${ANCHOR}.json`, counts: { invoices: 1, events: 2 }, problems: [] } });
  const json = exported.value!.json as string;
  expect(JSON.parse(json)).toMatchObject({ format: 'relance-backup', version: 1, app_version: '0.1.0' });

  // Another profile: an empty ledger until the backup is restored.
  const fresh = await Relance.launch(mkdtempSync(path.join(tmpdir(), 'relance-profile-')), gmail.port);
  try {
    await fresh.setToday(ANCHOR);
    expect(await fresh.storedInvoices()).toEqual([]);
    const page = await extensionPage(fresh);

    // A damaged file (an event edited, then a file cut short) is refused with its problems; nothing is written.
    const edited = json.replace('"kind":"reminder_drafted"', '"kind":"reminder_drafted","note":"added later"');
    expect(edited).not.toBe(json);
    const refused = await send(page, { type: 'backup/import', text: edited });
    expect(refused).toMatchObject({ ok: false, code: 'invalid_file', problems: [{ path: 'events[1]', code: 'chain_break' }] });
    expect(await send(page, { type: 'backup/import', text: json.slice(0, json.length / 2) })).toMatchObject({ ok: false, code: 'invalid_file', problems: [{ code: 'json_syntax' }] });
    expect(await fresh.storedInvoices()).toEqual([]);
    expect(await fresh.storedEvents()).toEqual([]);

    const restored = await send(page, { type: 'backup/import', text: json });
    expect(restored).toMatchObject({ ok: true, value: { replaced: true, counts: { invoices: 1, events: 2 }, warnings: [] } });
    // The records as IndexedDB holds them (index keys and the chain's hashes included) are the original's.
    expect(await fresh.storedInvoices()).toEqual(original.invoices);
    expect(await fresh.storedEvents()).toEqual(original.events);
    await expect.poll(() => fresh.badgeText()).toBe(await relance.badgeText());

    // The panel of the restored profile shows the invoice as tracked, with its logbook.
    await fresh.openThread('frDueToday');
    const restoredPanel = await fresh.openPanel(await fresh.tabShowing(FIXTURE_THREADS.frDueToday.legacyThreadId));
    await expect(restoredPanel.getByTestId('tracked-status')).toBeVisible();
    await expect(restoredPanel.locator('[data-testid=logbook] li')).toHaveCount(2);

    // Once data is there, a damaged file still changes nothing.
    expect(await send(page, { type: 'backup/import', text: edited })).toMatchObject({ ok: false, code: 'invalid_file' });
    expect(await fresh.storedInvoices()).toEqual(original.invoices);
    expect(await fresh.storedEvents()).toEqual(original.events);
  } finally {
    await fresh.close();
  }
});

/**
 * The restore path for a backup of any size, through the real service worker: the file (format
 * version 2, JSON Lines) sent in small chunks from an extension page (cut anywhere, inside lines and
 * characters' neighbours), checked and staged by the worker, swapped in by the commit only.
 */
test('a version 2 backup restores in chunks through the worker; refused or aborted, it changes nothing', async ({ relance, gmail }) => {
  await relance.openThread('frDueToday');
  const panel = await relance.openPanel(await relance.tabShowing(FIXTURE_THREADS.frDueToday.legacyThreadId));
  await panel.getByTestId('track-button').click();
  await expect(panel.getByTestId('tracked-status')).toBeVisible();
  await panel.getByTestId('draft-button').click();
  await expect.poll(async () => (await relance.storedEvents()).map((event) => event.kind)).toEqual(['tracked', 'reminder_drafted']);
  const original = { invoices: await relance.storedInvoices(), events: await relance.storedEvents() };
  const exported = await send(panel, { type: 'backup/export' });
  const read = parseBackup(exported.value!.json as string);
  if (!read.ok) throw new Error(read.errors[0]!.message);
  const v2 = exportBackupV2(read.backup, read.backup.exported_at, { appVersion: '0.1.0' }).text;
  expect(v2.split('\n')[0]).toContain('"version":2');

  /** Begin, every chunk in order (the last one flagged), then commit or abort; the replies. */
  const restoreInChunks = (page: Page, text: string, size: number, finish: 'commit' | 'abort' | 'none') =>
    page.evaluate(
      async ({ text, size, finish }) => {
        const ask = (m: Record<string, unknown>) => chrome.runtime.sendMessage(m) as Promise<Reply>;
        const begun = await ask({ type: 'backup/import-begin' });
        const restoreId = begun.value!.restoreId as string;
        const count = Math.floor(text.length / size) + 1;
        let last: Reply = begun;
        for (let index = 0; index < count && last.ok; index += 1) last = await ask({ type: 'backup/import-chunk', restoreId, index, text: text.slice(index * size, (index + 1) * size), last: index === count - 1 });
        const end = finish === 'none' || !last.ok ? null : await ask({ type: `backup/import-${finish}`, restoreId });
        return { last, end };
      },
      { text, size, finish },
    );

  const fresh = await Relance.launch(mkdtempSync(path.join(tmpdir(), 'relance-profile-')), gmail.port);
  try {
    await fresh.setToday(ANCHOR);
    const page = await extensionPage(fresh);

    // An event altered: the chunk holding it is refused with the chain error, naming its line.
    const lines = v2.split('\n');
    const k = lines.findIndex((line) => line.includes('"kind":"reminder_drafted"'));
    lines[k] = lines[k]!.replace('"kind":"reminder_drafted"', '"kind":"reminder_drafted","note":"added later"');
    const tampered = await restoreInChunks(page, lines.join('\n'), 7, 'commit');
    expect(tampered.last).toMatchObject({ ok: false, code: 'invalid_file', problems: [{ code: 'chain_break', message: expect.stringContaining(`line ${k + 1}: Altered history`) }] });
    // Cut short: refused at the last chunk. Aborted after checking: nothing either.
    expect((await restoreInChunks(page, v2.slice(0, v2.length - 40), 50, 'commit')).last).toMatchObject({ ok: false, code: 'invalid_file' });
    expect((await restoreInChunks(page, v2, 64, 'abort')).end).toMatchObject({ ok: true });
    expect(await fresh.storedInvoices()).toEqual([]);
    expect(await fresh.storedEvents()).toEqual([]);

    const restored = await restoreInChunks(page, v2, 13, 'commit');
    expect(restored.last).toMatchObject({ ok: true, value: { checked: { version: 2, counts: { invoices: 1, events: 2 }, warnings: [] } } });
    expect(restored.end).toMatchObject({ ok: true, value: { replaced: true, counts: { invoices: 1, events: 2 } } });
    expect(await fresh.storedInvoices()).toEqual(original.invoices);
    expect(await fresh.storedEvents()).toEqual(original.events);
    await expect.poll(() => fresh.badgeText()).toBe(await relance.badgeText());
  } finally {
    await fresh.close();
  }
});
