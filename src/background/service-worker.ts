/**
 * Service worker wiring: connects the router, the ledger, the badge and the daily alarm to Chrome.
 * No logic here beyond plumbing; see router.ts.
 */
import type { Runtime } from 'webextension-polyfill';
import { browser } from '../adapters/browser/ext';
import { browserClock, nextDailyRefresh } from '../adapters/browser/clock';
import { openGmailThread, rememberGmailAccount } from '../adapters/browser/gmail-tabs';
import { CLOCK_TIME_KEY, NOTIFICATION_ID, NOTIFY_ALARM } from '../adapters/browser/notify';
import { panelSurface } from '../adapters/browser/panel-surface';
import { requestPersistentStorage } from '../adapters/browser/persist';
import { forgetTab, getTabThread, setTabThread } from '../adapters/browser/tab-threads';
import { LedgerStore } from '../adapters/storage/ledger-store';
import { RelanceDatabase } from '../adapters/storage/schema';
import { CLOCK_OVERRIDE_KEY, type WorkerBroadcast } from '../protocol/messages';
import { routeMessage, type WorkerDeps } from './router';
import { gmailInvoiceOpener } from './invoice-opener';
import { findBrowserPorts } from './find-invoices-browser';
import { createDashboardMenu, listenForDashboardClicks } from './dashboard-openers';
import { welcomeOnInstall } from './onboarding';
import { alerts } from './alerts';
import { dashboardFr, dashboardEn } from '../ui/i18n-dashboard';
import { languageFromLocale } from '../ui/i18n';

const PANEL_PATH = 'src/panel/index.html';
const DAILY_ALARM = 'daily-refresh';
const DASHBOARD_PATH = 'src/dashboard/index.html';
// Chrome's side panel or Firefox's sidebar, whichever this browser has.
const panel = panelSurface(PANEL_PATH);

const ledger = new LedgerStore(new RelanceDatabase());
// The badge and the daily notification (alerts.ts), after every change, alarm and start-up.
const dailyAlerts = alerts({ ledger, today: () => browserClock.today(), uiLocale: () => browser.i18n.getUILanguage() });
const updateBadge = () => dailyAlerts.refresh().catch((error) => console.warn('Relance: badge', error));
const openDashboard = () => void browser.tabs.create({ url: browser.runtime.getURL(DASHBOARD_PATH) });

const deps: WorkerDeps = {
  extensionId: browser.runtime.id,
  extensionOrigin: browser.runtime.getURL(''),
  ledger,
  appVersion: browser.runtime.getManifest().version,
  today: () => browserClock.today(),
  now: () => browserClock.now(),
  setTabThread,
  getTabThread,
  enablePanel: (tabId) => panel.enable(tabId),
  // Called synchronously from the click's message (router.ts): open() must not await first.
  openPanel: (tabId) => panel.open(tabId),
  sendToTab: (tabId, command) => browser.tabs.sendMessage(tabId, command),
  refreshBadge: updateBadge,
  storagePersistence: () => requestPersistentStorage(),
  broadcast: (message: WorkerBroadcast) => {
    // No listener (panel closed) is normal: Chrome rejects with "Receiving end does not exist".
    browser.runtime.sendMessage(message).catch(() => undefined);
  },
  log: (message, detail) => console.warn(`Relance: ${message}`, detail ?? ''),
  invoiceOpener: gmailInvoiceOpener(openGmailThread),
  rememberGmailAccount,
  findPorts: findBrowserPorts,
};

// Returning undefined lets other listeners answer; a promise is the reply (webextension-polyfill).
browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender) => routeMessage(raw, sender, deps));
panel.start();

/** Asks the browser to keep the ledger under storage pressure (persist.ts); the answer is only logged here. */
function requestPersistence(): void {
  void requestPersistentStorage().then((state) => {
    if (state !== 'granted') console.info(`Relance: persistent storage ${state}`);
  });
}

function scheduleDailyRefresh(): void {
  chrome.alarms.create(DAILY_ALARM, { when: nextDailyRefresh(new Date()), periodInMinutes: 24 * 60 });
}

browser.runtime.onInstalled.addListener((details) => {
  panel.installed();
  // First install only (never on update or browser restart): the short welcome of the settings page.
  void welcomeOnInstall(details.reason, {
    getLocal: (key) => browser.storage.local.get(key),
    setLocal: (items) => browser.storage.local.set(items),
    openTab: (path) => browser.tabs.create({ url: browser.runtime.getURL(path) }),
  });
  // The toolbar button's own click opens the panel; its context menu opens the dashboard.
  const fr = languageFromLocale(browser.i18n.getUILanguage()) === 'fr';
  createDashboardMenu(chrome, (fr ? dashboardFr : dashboardEn).menuOpenDashboard);
  scheduleDailyRefresh();
  requestPersistence();
  void updateBadge();
});

browser.runtime.onStartup.addListener(() => {
  // Alarms survive restarts, but a day may have passed while the browser was closed.
  scheduleDailyRefresh();
  requestPersistence();
  void updateBadge();
});

browser.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === DAILY_ALARM || alarm.name === NOTIFY_ALARM) void updateBadge();
});

browser.storage.session.onChanged.addListener((changes) => {
  if (CLOCK_OVERRIDE_KEY in changes || CLOCK_TIME_KEY in changes) void updateBadge();
});

listenForDashboardClicks({ contextMenus: chrome.contextMenus, notifications: chrome.notifications, notificationId: NOTIFICATION_ID, openDashboard });

browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
