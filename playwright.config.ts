import { defineConfig } from '@playwright/test';
import { CHROMIUM_PATH } from './tests/e2e/chromium-args';

// End-to-end tests drive Debian's Chromium (Playwright cannot download browsers here) with the real
// built extension from dist/ (scripts/test-all.sh builds it first). Each test launches its own
// persistent profile, since extensions need one; one worker keeps a 2-core machine responsive.

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: /.*\.spec\.ts$/,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    launchOptions: { executablePath: CHROMIUM_PATH },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
});
