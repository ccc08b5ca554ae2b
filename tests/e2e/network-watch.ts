/**
 * "No data leaves the browser" (issue 6 quality bar), as the e2e specs check it: every request of the
 * browser context (pages, and in Chromium the service worker) is recorded; at the end none may have
 * left for anywhere but Gmail's own page (the fixture at https://mail.google.com) and the extension's
 * packaged files, and no extension context may have asked Gmail's server anything. A control request
 * from the service worker then proves the watch sees the worker (else the check proves nothing).
 */
import type { Request } from '@playwright/test';
import { expect, type Relance } from './harness';

export interface RequestWatch {
  readonly seen: ReadonlyArray<{ url: string; from: string }>;
  /** Asserts no request left the browser, then the control request. */
  expectNoNetwork(): Promise<void>;
}

const CONTROL = 'https://relance-control.invalid/';

export function watchRequests(relance: Relance): RequestWatch {
  const seen: Array<{ url: string; from: string }> = [];
  const origin = `chrome-extension://${relance.extensionId}/`;
  relance.context.on('request', (request: Request) => seen.push({ url: request.url(), from: request.serviceWorker() ? 'service worker' : (request.frame()?.url() ?? 'unknown') }));
  return {
    seen,
    async expectNoNetwork() {
      const outside = seen.filter(({ url }) => !url.startsWith(origin) && !url.startsWith('https://mail.google.com/') && !url.startsWith('data:'));
      expect(outside, 'requests that left the browser').toEqual([]);
      // Extension contexts ask nothing of Gmail's server either: only the Gmail page itself loads from it.
      const extensionToGmail = seen.filter(({ url, from }) => url.startsWith('https://mail.google.com/') && (from === 'service worker' || from.startsWith(origin)));
      expect(extensionToGmail, 'requests of the extension to Gmail').toEqual([]);

      // Control: a request from the service worker is seen by this watch.
      const worker = await relance.worker();
      await worker.evaluate((url) => fetch(`${url}ping`).catch(() => undefined), CONTROL);
      await expect.poll(() => seen.some(({ url, from }) => url.startsWith(CONTROL) && from === 'service worker'), { message: 'the watch should see the service worker’s control request' }).toBe(true);
    },
  };
}
