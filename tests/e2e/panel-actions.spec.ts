/**
 * Issue 6, the thread panel's actions: log a call (script, outcome, next call date required), record
 * a promise, a partial payment, a dispute and its resolution, a payment; another step or tone with a
 * preview before it goes into Gmail's compose; the checklist before the first reminder.
 */
import type { Page } from '@playwright/test';
import { expect, squash, test } from './harness';
import { confirmFirstReminderChecklist, trackedPanel } from './panel-support';

const SHOTS = '.cache/panel-shots';


test('log a call: the script first, the next call date is required, then the entry is in the logbook', async ({ relance }) => {
  const { panel } = await trackedPanel(relance, 'frOverdue');
  await panel.getByTestId('open-call').click();
  const form = panel.getByTestId('call-form');
  await expect(form.getByTestId('call-script')).toContainText('fixez la date du prochain appel');
  // The voicemail message from practice: the facts, nothing else.
  await expect(form.getByTestId('voicemail-text')).toContainText('F-2026-032');
  await panel.screenshot({ path: `${SHOTS}/04-call-form-fr.png`, fullPage: true });

  await form.getByTestId('input-nextCallDate').fill('');
  await form.getByTestId('input-said').fill('Facture en attente de validation par la direction.');
  await form.getByTestId('save-call').click();
  await expect(form.getByRole('alert')).toContainText('Fixez la date du prochain appel');
  expect((await relance.storedEvents()).map((e) => e.kind)).toEqual(['tracked']);

  await form.getByTestId('choice-outcome-answered').check();
  await form.getByTestId('input-promisedDate').fill('2026-11-27');
  await form.getByTestId('input-nextCallDate').fill('2026-11-30');
  await form.getByTestId('save-call').click();
  await expect(panel.getByTestId('notice')).toHaveText('Enregistré dans le journal.');
  const entry = panel.locator('[data-testid=logbook] li[data-kind=call]');
  await expect(entry).toContainText('Prochain appel convenu le 30 novembre 2026');
  await expect(entry).toContainText('Facture en attente de validation par la direction.');
  // The promise made on the phone pauses the chasing until its date.
  await expect(panel.getByTestId('status-word')).toHaveText('promesse de paiement');
  const call = (await relance.storedEvents()).find((e) => e.kind === 'call') as unknown as Record<string, unknown>;
  expect(call).toMatchObject({ outcome: 'answered', who: 'Sophie Lambert', nextCallDate: '2026-11-30', promisedDate: '2026-11-27' });
});

test('record a promise, a partial payment, a dispute and its resolution, then the payment', async ({ relance }) => {
  const { panel } = await trackedPanel(relance, 'frOverdue');
  const record = async (kind: string, fill: (form: ReturnType<Page['getByTestId']>) => Promise<void>) => {
    await panel.getByTestId('open-record').click();
    const form = panel.getByTestId('record-form');
    await form.getByTestId('record-kind').selectOption(kind);
    await fill(form);
    await form.getByTestId('save-record').click();
    await expect(panel.getByTestId('notice')).toHaveText('Enregistré dans le journal.');
  };

  await record('promise', (form) => form.getByTestId('input-date').fill('2026-11-27'));
  await expect(panel.getByTestId('status-word')).toHaveText('promesse de paiement');
  await expect(panel.getByTestId('status-promise')).toHaveText('paiement promis pour le 27 novembre 2026');

  // Bad input is refused with a clear error, nothing recorded.
  await panel.getByTestId('open-record').click();
  await panel.getByTestId('record-kind').selectOption('partial_payment');
  await panel.getByTestId('input-amount').fill('cinq cents');
  await panel.getByTestId('save-record').click();
  await expect(panel.getByTestId('record-form').getByRole('alert')).toContainText('Montant invalide');
  await panel.getByTestId('record-form').getByRole('button', { name: 'Annuler' }).click();

  await record('partial_payment', (form) => form.getByTestId('input-amount').fill('500,00'));
  expect(squash(await panel.getByTestId('status-outstanding').textContent())).toBe('1 350,00 € (déjà reçu : 500,00 €)');

  await record('dispute_opened', (form) => form.getByTestId('input-text').fill('Le logo livré n’est pas la version validée'));
  await expect(panel.getByTestId('status-word')).toHaveText('contestée');
  await expect(panel.getByTestId('status-dispute')).toHaveText('Le logo livré n’est pas la version validée');
  // No reminder while a dispute is open: no Draft button, the reason instead.
  await expect(panel.getByTestId('draft-button')).toHaveCount(0);
  await expect(panel.getByTestId('dispute-hint')).toBeVisible();
  await panel.screenshot({ path: `${SHOTS}/05-disputed-fr.png`, fullPage: true });

  await record('dispute_resolved', (form) => form.getByTestId('input-text').fill('Version validée livrée le 21/11'));
  await expect(panel.getByTestId('status-dispute')).toHaveCount(0);

  await record('payment', async () => undefined);
  await expect(panel.getByTestId('status-word')).toHaveText('payée');
  expect(squash(await panel.getByTestId('status-outstanding').textContent())).toContain('0,00 €');
  await expect(panel.getByTestId('draft-button')).toHaveCount(0);
  expect((await relance.storedEvents()).map((e) => e.kind).sort()).toEqual(['dispute_opened', 'dispute_resolved', 'partial_payment', 'payment', 'promise', 'tracked']);
  // Newest first.
  await expect(panel.locator('[data-testid=logbook] li').first()).toHaveAttribute('data-kind', 'payment');
});

test('another step and tone: preview first, then inserted into Gmail’s reply, never sent', async ({ relance }) => {
  const { gmail, panel } = await trackedPanel(relance, 'frOverdue');
  await panel.getByTestId('choose-draft').click();
  const chooser = panel.getByTestId('draft-chooser');
  await expect(chooser.getByTestId('draft-preview')).toHaveAttribute('data-step', 'first_reminder');
  await chooser.getByTestId('draft-step').selectOption('second_reminder');
  await chooser.getByTestId('draft-tone').selectOption('friendly');
  await expect(chooser.getByTestId('draft-preview')).toHaveAttribute('data-step', 'second_reminder');
  await expect(chooser.getByTestId('draft-preview')).toHaveAttribute('data-tone', 'friendly');
  await expect(chooser.getByTestId('preview-subject')).toContainText('F-2026-032');
  const body = squash(await chooser.getByTestId('preview-body').textContent());
  expect(body).toContain('F-2026-032');
  // The friendly second reminder keeps the legal mentions as information (templates' tone variant).
  expect(body).toContain('par simple souci de transparence');
  // Nothing in Gmail yet; the checks before the first reminder are beside the preview.
  await expect(gmail.locator('.ip.adB div.M9')).toHaveCount(0);
  await confirmFirstReminderChecklist(panel);
  await panel.screenshot({ path: `${SHOTS}/06-draft-chooser-fr.png`, fullPage: true });
  await chooser.getByTestId('insert-draft').click();
  await expect(panel.getByTestId('notice')).toContainText('Brouillon prêt');

  const compose = gmail.locator('.ip.adB div.M9');
  await expect(compose).toHaveCount(1);
  const inserted = squash(await compose.locator('[g_editable=true][role=textbox]').textContent());
  expect(inserted).toContain('par simple souci de transparence');
  expect(inserted).toContain('article L441-10 du Code de commerce');
  expect(await gmail.evaluate(() => document.documentElement.dataset.fixtureSendClicks ?? '0')).toBe('0');
  await expect(panel.locator('[data-testid=logbook] li[data-kind=reminder_drafted]')).toContainText('deuxième relance');
  // The checklist is for the first reminder only.
  await expect(panel.getByTestId('first-reminder-checklist')).toHaveCount(0);
});
