/**
 * Issue 6: when the client's newest reply reads as "paid", "dispute", "promise" or "plan request",
 * the panel proposes the matching logbook entry in one click; the payment plan builder and its
 * written confirmation; several threads for one invoice.
 */
import { expect, squash, test, type Relance } from './harness';
import { FIXTURE_THREADS } from '../fixtures/gmail/threads/index';
import { confirmFirstReminderChecklist, trackedPanel } from './panel-support';

const SHOTS = '.cache/panel-shots';


async function storedEntry(relance: Relance, kind: string): Promise<Record<string, unknown> | undefined> {
  return (await relance.storedEvents()).find((event) => event.kind === kind) as unknown as Record<string, unknown> | undefined;
}

test('“paid” reply: one click records the payment, and the checklist warned about it', async ({ relance }) => {
  const { panel } = await trackedPanel(relance, 'frReplyPaid');
  const proposal = panel.getByTestId('reply-proposal');
  await expect(proposal).toHaveAttribute('data-kind', 'paid');
  await expect(proposal).toContainText('Le client indique avoir payé 1 200,00 €.');
  await expect(proposal.getByTestId('reply-excerpt')).toContainText('virement');
  await expect(panel.getByTestId('first-reminder-checklist')).toContainText('Le dernier message du client parle d’un paiement.');
  await panel.screenshot({ path: `${SHOTS}/07-proposal-paid-fr.png`, fullPage: true });
  await proposal.getByTestId('accept-proposal').click();
  await expect(panel.getByTestId('status-word')).toHaveText('payée');
  await expect(panel.getByTestId('reply-proposal')).toHaveCount(0);
  expect(await storedEntry(relance, 'payment')).toMatchObject({ paidOn: '2026-11-19', amount: 1200 });
});

test('“dispute” reply: one click records the dispute with the client’s words; chasing stops', async ({ relance }) => {
  const { panel } = await trackedPanel(relance, 'frReplyDispute');
  const proposal = panel.getByTestId('reply-proposal');
  await expect(proposal).toHaveAttribute('data-kind', 'dispute');
  // The reply carries markup: shown as text, never parsed (no element, no script run).
  await expect(proposal.getByTestId('reply-excerpt')).toContainText('<img src=x');
  await proposal.getByTestId('accept-proposal').click();
  await expect(panel.getByTestId('status-word')).toHaveText('contestée');
  await expect(panel.getByTestId('draft-button')).toHaveCount(0);
  await expect(panel.getByTestId('dispute-hint')).toBeVisible();
  const dispute = await storedEntry(relance, 'dispute_opened');
  expect(String(dispute?.reason)).toContain('contestons');
  await expect(panel.getByTestId('status-dispute')).toContainText('<b>urgent</b>');
  expect(await panel.locator('main img, main b').count()).toBe(0);
  expect(await panel.title()).toBe('Relance');
});

test('“promise” reply: one click records the promise for the date the client gave', async ({ relance }) => {
  const { panel } = await trackedPanel(relance, 'frReplyPromise');
  const proposal = panel.getByTestId('reply-proposal');
  await expect(proposal).toContainText('Le client promet de payer le 25 novembre 2026.');
  // "Edit first" opens the form, prefilled; saving records the same entry.
  await proposal.getByTestId('edit-proposal').click();
  await expect(panel.getByTestId('record-kind')).toHaveValue('promise');
  await expect(panel.getByTestId('input-date')).toHaveValue('2026-11-25');
  await panel.getByTestId('save-record').click();
  await expect(panel.getByTestId('status-promise')).toHaveText('paiement promis pour le 25 novembre 2026');
  expect(await storedEntry(relance, 'promise')).toMatchObject({ promisedDate: '2026-11-25' });
});

test('“plan request” reply: the plan builder (deposit now, then 15 and 30 days), then the written confirmation into Gmail', async ({ relance }) => {
  const { gmail, panel } = await trackedPanel(relance, 'frReplyPlanRequest');
  const proposal = panel.getByTestId('reply-proposal');
  await expect(proposal).toHaveAttribute('data-kind', 'plan_request');
  await proposal.getByTestId('accept-proposal').click();
  const builder = panel.getByTestId('plan-builder');
  await expect(builder).toBeVisible();
  const rows = builder.locator('[data-testid=plan-schedule] tbody tr');
  await expect(rows).toHaveCount(3);
  expect((await rows.allTextContents()).map(squash)).toEqual(['20/11/2026 (acompte)1 000,00 €', '05/12/20261 000,00 €', '20/12/20261 000,00 €']);
  // A deposit as large as the debt is no plan.
  await builder.getByTestId('input-deposit').fill('3000');
  await expect(builder.getByRole('alert')).toContainText('inférieur au reste dû');
  await builder.getByTestId('input-deposit').fill('600');
  await builder.getByTestId('input-count').fill('3');
  await expect(rows).toHaveCount(4);
  expect(squash(await rows.last().textContent())).toBe('04/01/2027800,00 €');
  await panel.screenshot({ path: `${SHOTS}/08-plan-builder-fr.png`, fullPage: true });
  await builder.getByTestId('save-plan').click();

  // Then the written confirmation for the client, previewed, then into Gmail's reply.
  const chooser = panel.getByTestId('draft-chooser');
  await expect(chooser.getByTestId('draft-preview')).toHaveAttribute('data-step', 'call_follow_up');
  const body = squash(await chooser.getByTestId('preview-body').textContent());
  expect(body).toContain('600,00 €');
  expect(body).toContain('4 janvier 2027');
  await expect(panel.getByTestId('status-word')).toHaveText('échéancier en cours');
  await expect(chooser.getByTestId('insert-draft')).toBeEnabled();
  await panel.screenshot({ path: `${SHOTS}/09-plan-confirmation-fr.png`, fullPage: true });
  await chooser.getByTestId('insert-draft').click();
  await expect(panel.getByTestId('notice')).toContainText('Brouillon prêt');
  expect(squash(await gmail.locator('.ip.adB div.M9 [g_editable=true][role=textbox]').textContent())).toContain('4 janvier 2027');
  expect(await storedEntry(relance, 'payment_plan')).toMatchObject({ deposit: { dueDate: '2026-11-20', amount: 600 }, instalments: [{ dueDate: '2026-12-05', amount: 800 }, { dueDate: '2026-12-20', amount: 800 }, { dueDate: '2027-01-04', amount: 800 }] });
});

test('one invoice, two threads: the reminder thread shows the invoice tracked from the invoice thread, and drafts there', async ({ relance }) => {
  await trackedPanel(relance, 'frOverdue');
  const gmail = await relance.openThread('frOverdueOtherThread');
  const panel = await relance.openPanel(await relance.tabShowing(FIXTURE_THREADS.frOverdueOtherThread.legacyThreadId));
  await expect(panel.getByTestId('tracked-status')).toContainText('suivie depuis un autre fil');
  await expect(panel.getByTestId('track-button')).toHaveCount(0);
  await expect(panel.getByTestId('status-word')).toHaveText('échue, non payée');
  await confirmFirstReminderChecklist(panel);
  await panel.getByTestId('draft-button').click();
  await expect(panel.getByTestId('notice')).toContainText('Brouillon prêt');
  await expect(gmail.locator('.ip.adB div.M9')).toHaveCount(1);
  expect(await relance.storedInvoices()).toHaveLength(1);
});
