/**
 * Issue 5 wiring: the backup made by the service worker restores the ledger on another profile (a
 * new computer), invoice and logbook identical; a damaged backup is refused and changes nothing.
 * The messages are sent from an extension page, as the settings page sends them: the file (format
 * version 2, JSON Lines) streamed in pieces, restored in chunks (settings-page.spec.ts clicks
 * through the same path).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { ANCHOR, expect, Relance, test } from './harness';
import { FIXTURE_THREADS } from '../fixtures/gmail/threads/index';

interface Reply {
  ok: boolean;
  error?: string;
  code?: string;
  problems?: Array<{ path: string; code: string; message: string }>;
  value?: Record<string, unknown>;
}

interface Exported {
  fileName: string;
  counts: Record<string, number>;
  /** The file's text, its pieces joined in file order (src/ui/backup-download.ts). */
  text: string;
}

/** The backup as the settings page downloads it: begin, every piece, the header first and the end line last. */
function exportInPieces(page: Page): Promise<Exported> {
  return page.evaluate(async () => {
    const ask = (m: Record<string, unknown>) => chrome.runtime.sendMessage(m) as Promise<Reply>;
    const begun = await ask({ type: 'backup/export-begin' });
    if (!begun.ok) throw new Error(begun.error);
    const { exportId, fileName, lines } = begun.value as { exportId: string; fileName: string; lines: string };
    let clients = '';
    let records = '';
    for (let index = 0; ; index += 1) {
      const reply = await ask({ type: 'backup/export-chunk', exportId, index });
      if (!reply.ok) throw new Error(reply.error);
      const piece = reply.value as { clients: string; records: string; done?: { header: string; end: string; counts: Record<string, number> } };
      clients += piece.clients;
      records += piece.records;
      if (piece.done) return { fileName, counts: piece.done.counts, text: piece.done.header + lines + clients + records + piece.done.end };
    }
  });
}

/** Begin, every chunk in order (the last one flagged), then commit or abort; the replies. */
function restoreInChunks(page: Page, text: string, size: number, finish: 'commit' | 'abort' | 'none') {
  return page.evaluate(
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

  const exported = await exportInPieces(panel);
  expect(exported).toMatchObject({ fileName: `relance-backup-${ANCHOR}.jsonl`, counts: { invoices: 1, events: 2 } });
  const { text } = exported;
  expect(JSON.parse(text.split('\n')[0]!)).toMatchObject({ format: 'relance-backup', version: 2, app_version: '0.1.0' });

  // Another profile: an empty ledger until the backup is restored.
  const fresh = await Relance.launch(mkdtempSync(path.join(tmpdir(), 'relance-profile-')), gmail.port);
  try {
    await fresh.setToday(ANCHOR);
    expect(await fresh.storedInvoices()).toEqual([]);
    const page = await extensionPage(fresh);

    // A damaged file (an event edited, then a file cut short) is refused with its problems; nothing is written.
    const edited = text.replace('"kind":"reminder_drafted"', '"kind":"reminder_drafted","note":"added later"');
    expect(edited).not.toBe(text);
    const refused = await restoreInChunks(page, edited, 4096, 'commit');
    expect(refused.last).toMatchObject({ ok: false, code: 'invalid_file', problems: [{ code: 'chain_break' }] });
    expect((await restoreInChunks(page, text.slice(0, text.length / 2), 4096, 'commit')).last).toMatchObject({ ok: false, code: 'invalid_file' });
    expect(await fresh.storedInvoices()).toEqual([]);
    expect(await fresh.storedEvents()).toEqual([]);

    const restored = await restoreInChunks(page, text, 4096, 'commit');
    expect(restored.end).toMatchObject({ ok: true, value: { replaced: true, counts: { invoices: 1, events: 2 }, warnings: [] } });
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
    expect((await restoreInChunks(page, edited, 4096, 'commit')).last).toMatchObject({ ok: false, code: 'invalid_file' });
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
  const v2 = (await exportInPieces(panel)).text;
  expect(v2.split('\n')[0]).toContain('"version":2');

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
