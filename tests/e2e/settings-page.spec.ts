/**
 * Issue 6, the settings page: identity and bank details saved (a bad IBAN refused by name, nothing
 * saved), the language setting switching the panel, a rate override turning "enter the rate" into
 * interest, the template editor (tone warning, reset), backup then restore (dry run, then confirm),
 * the persistent-storage status. Screenshots go to .cache/settings-shots/.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from './harness';
import { FIXTURE_THREADS } from '../fixtures/gmail/threads/index';
import { openDashboard } from './dashboard-support';
import { SETTINGS_SHOTS, openSettings, seriousViolations, storedSettings } from './settings-support';

const VALID_IBAN = 'FR76 3000 6000 0112 3456 7890 189';

test('identity and IBAN are saved; a bad IBAN is refused with a clear message and nothing is saved', async ({ relance }) => {
  const page = await openSettings(relance);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Réglages de Relance');
  const identity = page.getByTestId('section-identity');
  await identity.getByLabel('Nom commercial').fill('Studio Lambert');
  await page.getByTestId('input-company-siret').fill('732 829 320 00074');
  await page.getByTestId('save-identity').click();
  await expect(page.getByTestId('status-identity')).toHaveText('Enregistré.');
  expect(await storedSettings(relance)).toMatchObject({ company: { name: 'Studio Lambert', siret: '73282932000074' } });

  // A SIRET with a wrong key: refused under the field.
  await page.getByTestId('input-company-siret').fill('73282932000075');
  await page.getByTestId('save-identity').click();
  await expect(page.getByTestId('error-company-siret')).toHaveText('SIRET invalide : la clé de contrôle ne correspond pas.');
  await expect(page.getByTestId('input-company-siret')).toHaveAttribute('aria-invalid', 'true');

  // One digit wrong in the IBAN: refused, and the BIC typed with it is not saved either.
  await page.getByTestId('input-iban').fill('FR76 3000 6000 0112 3456 7890 188');
  await page.getByTestId('input-bic').fill('AGRIFRPP');
  await page.getByTestId('save-bank').click();
  await expect(page.getByTestId('error-iban')).toHaveText('IBAN invalide : la clé de contrôle ne correspond pas. Vérifiez chaque chiffre.');
  await expect(page.getByTestId('status-bank')).toContainText('Rien n’a été enregistré');
  await page.screenshot({ path: `${SETTINGS_SHOTS}/02-bad-iban-fr.png`, fullPage: false, clip: { x: 0, y: 0, width: 1280, height: 860 } });
  const afterRefusal = await storedSettings(relance);
  expect(afterRefusal).toMatchObject({ iban: null, bic: null, company: { name: 'Studio Lambert' } });

  await page.getByTestId('input-iban').fill(VALID_IBAN);
  await page.getByTestId('save-bank').click();
  await expect(page.getByTestId('status-bank')).toHaveText('Enregistré.');
  expect(await storedSettings(relance)).toMatchObject({ iban: 'FR7630006000011234567890189', bic: 'AGRIFRPP' });

  // A reload shows what was saved.
  await page.reload();
  await expect(page.getByTestId('input-iban')).toHaveValue(VALID_IBAN);
  await expect(page.getByTestId('input-company-name')).toHaveValue('Studio Lambert');
});

test('the language setting switches the panel (and the settings page) to English', async ({ relance }) => {
  await relance.openThread('frOverdue');
  const tabId = await relance.tabShowing(FIXTURE_THREADS.frOverdue.legacyThreadId);
  const before = await relance.openPanel(tabId);
  await expect(before.getByTestId('track-button')).toHaveText('Suivre cette facture');
  await before.close();

  const page = await openSettings(relance);
  await page.getByTestId('choice-interfaceLanguage-en').check();
  await page.getByTestId('save-language').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Relance settings');
  await expect(page.getByTestId('status-language')).toHaveText('Saved.');

  const after = await relance.openPanel(tabId);
  await expect(after.getByTestId('track-button')).toHaveText('Track this invoice');
  await expect(after.locator('main')).toHaveAttribute('lang', 'en');
  // The dashboard follows it too (the browser here is French).
  const dashboard = await openDashboard(relance);
  await expect(dashboard.locator('main.dash')).toHaveAttribute('lang', 'en');
});

test('a rate entered for an unknown period makes the panel show interest instead of "enter the rate"', async ({ relance }) => {
  await relance.openThread('frOverdue');
  const tabId = await relance.tabShowing(FIXTURE_THREADS.frOverdue.legacyThreadId);
  const panel = await relance.openPanel(tabId);
  await panel.getByTestId('track-button').click();
  await expect(panel.getByTestId('status-penalty')).toHaveAttribute('data-kind', 'rate_unknown');
  const link = panel.getByTestId('open-rate-settings');
  await expect(link).toHaveText('Saisir le taux dans les réglages');
  expect(await link.getAttribute('href')).toBe(`chrome-extension://${relance.extensionId}/src/settings/index.html#penalty`);
  for (const scheme of ['light', 'dark'] as const) {
    await panel.emulateMedia({ colorScheme: scheme });
    expect(await seriousViolations(panel), `panel with the settings link (${scheme})`).toEqual([]);
  }
  await panel.getByTestId('status-block').screenshot({ path: `${SETTINGS_SHOTS}/03-panel-rate-link-dark-fr.png` });
  await panel.emulateMedia({ colorScheme: 'light' });

  const page = await openSettings(relance, '#penalty');
  await expect(page.getByTestId('unknown-rates')).toContainText('BCE (taux de refinancement) 2026-H2');
  await page.getByTestId('fill-ECB_MRO-2026-H2').click();
  await page.getByTestId('input-override-0-rate').fill('2,15');
  await page.getByTestId('save-penalty').click();
  await expect(page.getByTestId('status-penalty')).toHaveText('Enregistré.');
  await expect(page.getByTestId('unknown-rates')).not.toContainText('BCE (taux de refinancement) 2026-H2');
  expect(await storedSettings(relance)).toMatchObject({ penalty: { rateOverrides: [{ table: 'ECB_MRO', period: '2026-H2', ratePercent: 2.15 }] } });
  await page.locator('#penalty').screenshot({ path: `${SETTINGS_SHOTS}/03-rate-override-fr.png` });

  // The open panel re-reads on the change broadcast.
  await expect(panel.getByTestId('status-penalty')).toHaveAttribute('data-kind', 'computed');
  await expect(panel.getByTestId('status-penalty')).not.toContainText('saisissez-le');
  await expect(panel.getByTestId('status-penalty')).toContainText('€');
});

test('a template edit shows its preview and tone warning, is saved, then reset to the default', async ({ relance }) => {
  const page = await openSettings(relance, '#templates');
  await expect(page.getByTestId('input-template-step')).toHaveValue('first_reminder');
  await expect(page.getByTestId('template-origin')).toHaveText('Modèle d’origine');
  await expect(page.getByTestId('tone-check')).toContainText('Ton vérifié');
  const source = page.getByTestId('input-template-source');
  const original = await source.inputValue();
  await source.fill(`${original}\n\nSans paiement sous 48 heures, je saisirai le tribunal.`);
  await expect(page.getByTestId('tone-check')).toContainText('Attention au ton');
  await expect(page.getByTestId('template-preview')).toContainText('je saisirai le tribunal');
  await page.locator('#templates').screenshot({ path: `${SETTINGS_SHOTS}/04-template-tone-fr.png` });

  await page.getByTestId('save-templates').click();
  await expect(page.getByTestId('status-templates')).toHaveText('Modèle enregistré.');
  await expect(page.getByTestId('template-origin')).toHaveText('Modifié par vous');

  // An unknown variable: the editor says where, and the save is refused.
  await source.fill('Bonjour {{nom_inconnu}}');
  await expect(page.getByTestId('error-template-source')).toContainText('ligne 1');
  await page.getByTestId('save-templates').click();
  await expect(page.getByTestId('status-templates')).toContainText('Rien n’a été enregistré');

  await page.getByTestId('reset-template').click();
  await expect(page.getByTestId('status-templates')).toHaveText('Modèle d’origine rétabli.');
  await expect(source).toHaveValue(original);
  await expect(page.getByTestId('template-origin')).toHaveText('Modèle d’origine');
});

test('a backup is downloaded, then restored after a dry-run summary and a confirmation', async ({ relance }) => {
  await relance.openThread('frOverdue');
  const panel = await relance.openPanel(await relance.tabShowing(FIXTURE_THREADS.frOverdue.legacyThreadId));
  await panel.getByTestId('track-button').click();
  await expect(panel.getByTestId('status-block')).toBeVisible();

  const page = await openSettings(relance, '#backup');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-backup').click()]);
  // Version 2 (JSON Lines), made in pieces by the worker (src/ui/backup-download.ts).
  expect(download.suggestedFilename()).toBe('relance-backup-2026-11-20.jsonl');
  const file = await download.path();
  await expect(page.getByTestId('status-backup')).toContainText('1 factures');
  const lines = readFileSync(file, 'utf8').split('\n');
  expect(JSON.parse(lines[0]!)).toMatchObject({ format: 'relance-backup', version: 2, counts: { invoices: 1 } });
  expect(lines.filter((line) => line.startsWith('{"head"'))).toHaveLength(1);
  expect(lines.at(-2)).toMatch(/^\{"end":\{"clients":1,"invoices":1,"events":\d+\}\}$/);

  // Untrack, then restore: the invoice comes back.
  await panel.getByTestId('open-untrack').click();
  await panel.getByTestId('untrack-confirm').getByRole('button', { name: /Ne plus suivre/ }).click();
  await expect.poll(async () => (await relance.storedInvoices()).length).toBe(0);

  await page.getByTestId('restore-file').setInputFiles(file);
  await expect(page.getByTestId('restore-summary')).toContainText('1 factures');
  await page.locator('#backup').screenshot({ path: `${SETTINGS_SHOTS}/05-restore-dry-run-fr.png` });
  // The dry run wrote nothing.
  expect((await relance.storedInvoices()).length).toBe(0);
  await page.getByTestId('confirm-restore').click();
  await expect(page.getByTestId('status-backup')).toHaveText('Sauvegarde restaurée : 1 factures.');
  expect((await relance.storedInvoices()).map((invoice) => invoice.invoiceNumber)).toEqual(['F-2026-032']);
});

test('a refused backup file changes nothing and says why', async ({ relance }) => {
  const page = await openSettings(relance, '#backup');
  await page.getByTestId('restore-file').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "not a backup"') });
  await expect(page.getByTestId('status-backup')).toContainText('Fichier refusé, rien n’a changé');
  await expect(page.getByTestId('restore-summary')).toHaveCount(0);
});

test('the persistent-storage status is shown with what it means', async ({ relance }) => {
  const page = await openSettings(relance, '#storage');
  const status = page.getByTestId('storage-persistence');
  await expect(status).not.toHaveAttribute('data-state', 'checking');
  const state = await status.getAttribute('data-state');
  expect(['granted', 'denied', 'unsupported']).toContain(state);
  await expect(status).toContainText(state === 'granted' ? 'Stockage persistant accordé' : 'sauvegardes régulières');
});

test('a relance scan file is merged after a dry-run summary', async ({ relance }) => {
  const page = await openSettings(relance, '#backup');
  await page.getByTestId('merge-file').setInputFiles('src/core/ledger/scan-merge.fixture-takeout.json');
  const summary = page.getByTestId('merge-summary');
  await expect(summary).toContainText('À ajouter :');
  expect((await relance.storedInvoices()).length).toBe(0);
  const planned = Number(/À ajouter : (\d+) factures/.exec((await summary.textContent()) ?? '')?.[1]);
  expect(planned).toBeGreaterThan(0);
  await page.getByTestId('confirm-merge').click();
  await expect(page.getByTestId('status-backup')).toHaveText(`${planned} factures ajoutées.`);
  expect((await relance.storedInvoices()).length).toBe(planned);
});

test('the daily notification time is checked and saved', async ({ relance }) => {
  const page = await openSettings(relance, '#alerts');
  await page.getByTestId('input-alerts-time').fill('25:00');
  await page.getByTestId('save-alerts').click();
  await expect(page.getByTestId('error-alerts-time')).toHaveText('Heure au format HH:MM (de 00:00 à 23:59).');
  expect(await storedSettings(relance)).toBeNull();
  await page.getByTestId('input-alerts-time').fill('08:30');
  await page.getByTestId('save-alerts').click();
  await expect(page.getByTestId('status-alerts')).toHaveText('Enregistré.');
  expect(await storedSettings(relance)).toMatchObject({ alerts: { notifyAt: '08:30', badgeAccount: null } });
});
