/**
 * The settings page's port in the extension: requests to the service worker (the only writer),
 * persistent storage asked from this page (a window may ask; the worker can only read it),
 * downloads through a Blob link. The port itself is src/ui/settings/settings-port-over.ts, shared
 * with the Outlook task pane.
 */
import { browser } from '../adapters/browser/ext';
import { browserClock } from '../adapters/browser/clock';
import { requestPersistentStorage } from '../adapters/browser/persist';
import { workerReply } from '../adapters/browser/worker-request';
import type { SettingsPort } from '../ui/settings/ports';
import { downloadThroughLink, settingsPortOver, type SendRequest } from '../ui/settings/settings-port-over';

const send: SendRequest = (message) => workerReply(message);

export function settingsPorts(): SettingsPort {
  return settingsPortOver({
    send,
    browserLocale: browser.i18n.getUILanguage(),
    today: () => browserClock.today(),
    persistence: () => requestPersistentStorage(),
    download: downloadThroughLink,
    openTab: (url) => void browser.tabs.create({ url }),
  });
}
