/**
 * How Relance's demo, e2e tests and bench start Debian's Chromium with the built extension and the
 * demo mailbox at Gmail's real origin. No Playwright Test import here: the demo uses it too.
 */
import path from 'node:path';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const DIST = path.resolve(process.env.RELANCE_DIST ?? 'dist');

export function chromiumArgs(port: number, extensionDir: string = DIST, locale = 'fr-FR'): string[] {
  return [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    // Gmail at its real origin: the unchanged manifest's content script matches it. Keep the port.
    `--host-resolver-rules=MAP mail.google.com 127.0.0.1:${port}`,
    `--lang=${locale}`,
    // This machine has no network: stop Chromium's own background connections.
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ];
}
