/**
 * Issue 6 quality bar on the settings page and the welcome: axe-core finds no serious or critical
 * violation in French and English, light and dark; every section is reachable from the keyboard.
 */
import { expect, test } from './harness';
import { SETTINGS_SHOTS, openSettings, seriousViolations } from './settings-support';

for (const scheme of ['light', 'dark'] as const) {
  for (const lang of ['fr', 'en'] as const) {
    test(`the settings page and the welcome pass axe-core (${lang}, ${scheme})`, async ({ relance }) => {
      const page = await openSettings(relance, `?lang=${lang}`);
      await page.emulateMedia({ colorScheme: scheme });
      expect(await seriousViolations(page), 'settings page').toEqual([]);
      await page.screenshot({ path: `${SETTINGS_SHOTS}/10-settings-${lang}-${scheme}.png`, fullPage: true });

      // Refused saves: errors under the fields.
      await page.getByTestId('input-iban').fill('FR00 1234');
      await page.getByTestId('save-bank').click();
      await expect(page.getByTestId('error-iban')).toBeVisible();
      await page.getByTestId('input-ladder-secondReminder').fill('2');
      await page.getByTestId('save-ladder').click();
      await expect(page.getByTestId('error-ladder-secondReminder')).toBeVisible();
      // Template with a tone warning, an added rate row, a restore summary.
      await page.getByTestId('input-template-source').fill(lang === 'fr' ? 'Dernier avertissement avant le tribunal.' : 'Final warning before court.');
      await expect(page.getByTestId('tone-check')).not.toHaveAttribute('data-violations', '0');
      await page.getByTestId('add-override').click();
      await page.getByTestId('choice-rateMode-agreed').check();
      expect(await seriousViolations(page), 'settings page with errors and warnings').toEqual([]);
      if (lang === 'en') await page.screenshot({ path: `${SETTINGS_SHOTS}/11-settings-errors-${lang}-${scheme}.png`, fullPage: true });

      const welcome = await openSettings(relance, `?onboarding&lang=${lang}`);
      await welcome.emulateMedia({ colorScheme: scheme });
      await expect(welcome.getByTestId('welcome')).toBeVisible();
      expect(await seriousViolations(welcome), 'welcome').toEqual([]);
      await welcome.getByTestId('welcome-skip').click();
      await expect(welcome.getByTestId('welcome-done')).toBeVisible();
      expect(await seriousViolations(welcome), 'welcome done').toEqual([]);
      if (scheme === 'dark') await welcome.screenshot({ path: `${SETTINGS_SHOTS}/12-welcome-done-${lang}-dark.png` });
    });
  }
}

test('the settings page is usable from the keyboard, with a visible focus', async ({ relance }) => {
  const page = await openSettings(relance);
  // The first Tab lands on the section links; Enter follows one.
  await page.keyboard.press('Tab');
  const first = page.getByRole('link', { name: 'Votre entreprise' });
  await expect(first).toBeFocused();
  const outline = await first.evaluate((element) => getComputedStyle(element).outlineStyle);
  expect(outline).not.toBe('none');
  await page.getByRole('link', { name: 'Coordonnées bancaires' }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#bank$/);
  // Type an IBAN and save it with the keyboard only.
  await page.getByTestId('input-iban').focus();
  await page.keyboard.type('FR7630006000011234567890189');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('status-bank')).toHaveText('Enregistré.');
});
