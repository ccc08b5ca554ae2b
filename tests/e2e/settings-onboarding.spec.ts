/**
 * Issue 6, first run: the welcome opens once on install (never again on a restart), asks for name,
 * company, IBAN and language, may be skipped, then says how to open an invoice thread (the demo's).
 */
import type { BrowserContext, Page } from '@playwright/test';
import { expect, test } from './harness';
import { SETTINGS_SHOTS, storedSettings } from './settings-support';

async function welcomePage(context: BrowserContext, extensionId: string): Promise<Page> {
  const url = `chrome-extension://${extensionId}/src/settings/index.html?onboarding`;
  const opened = context.pages().find((page) => page.url() === url);
  return opened ?? context.waitForEvent('page', { predicate: (page) => page.url() === url, timeout: 10_000 });
}

test('the welcome opens once on install, saves the minimum, and is not shown again after a restart', async ({ relance }) => {
  const page = await welcomePage(relance.context, relance.extensionId);
  await expect(page.getByTestId('welcome')).toBeVisible();
  // Opened by the worker before Playwright attached to it, the page missed the harness's fr-FR
  // locale emulation (headless Chromium's own UI language is en-US): read it again under it.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bienvenue dans Relance');
  await page.getByLabel('Votre nom').fill('Camille Lambert');
  await page.getByTestId('input-welcome-company').fill('Studio Lambert');
  await page.getByTestId('input-welcome-iban').fill('FR76 3000 6000 0112 3456 7890 188');
  await page.getByTestId('welcome-save').click();
  await expect(page.getByTestId('error-welcome-iban')).toContainText('IBAN invalide');
  await page.screenshot({ path: `${SETTINGS_SHOTS}/01-welcome-fr.png` });
  expect(await storedSettings(relance)).toBeNull();

  await page.getByTestId('input-welcome-iban').fill('FR76 3000 6000 0112 3456 7890 189');
  await page.getByTestId('choice-welcomeLanguage-en').check();
  await page.getByTestId('welcome-save').click();
  await expect(page.getByTestId('welcome-done')).toBeVisible();
  // The language chosen applies at once.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('All set');
  await expect(page.getByTestId('welcome-done')).toContainText('Relance” chip');
  await page.screenshot({ path: `${SETTINGS_SHOTS}/01-welcome-done-en.png` });
  expect(await storedSettings(relance)).toMatchObject({
    company: { name: 'Studio Lambert' },
    iban: 'FR7630006000011234567890189',
    interfaceLanguage: 'en',
    signature: 'Camille Lambert\nStudio Lambert',
  });

  const [demo] = await Promise.all([relance.context.waitForEvent('page'), page.getByTestId('open-demo-thread').click()]);
  // A CI run once saw the fixture server drop that one connection (the page became
  // chrome-error://): reloading an error page retries the address the button opened.
  await expect
    .poll(async () => {
      if (demo.url().startsWith('chrome-error://')) await demo.reload().catch(() => undefined);
      return demo.url();
    })
    .toContain('https://mail.google.com/mail/u/1/#inbox/19a1b3d5f7092a42');

  // A restart of the browser (same profile) does not show the welcome again.
  const restarted = await relance.restart();
  try {
    await restarted.worker();
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(restarted.context.pages().map((open) => open.url()).filter((url) => url.includes('onboarding'))).toEqual([]);
  } finally {
    await restarted.close();
  }
});

test('the welcome can be skipped: nothing is saved, and it points to the settings', async ({ relance }) => {
  const page = await welcomePage(relance.context, relance.extensionId);
  await page.reload(); // see above: the harness's locale
  await page.getByTestId('welcome-skip').click();
  await expect(page.getByTestId('welcome-done')).toContainText('puce « Relance »');
  expect(await storedSettings(relance)).toBeNull();
  await page.getByTestId('open-all-settings').click();
  await expect(page.getByTestId('section-identity')).toBeVisible();
});
