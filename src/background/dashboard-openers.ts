/**
 * The two ways to the dashboard that are not a page's link: the toolbar button's context menu item
 * and a click on the daily notification. Apart from service-worker.ts so that a test can click
 * them: headless Chromium can neither show a notification nor open the toolbar's menu (2026-11).
 */
export const DASHBOARD_MENU_ID = 'open-dashboard';

interface ClickEvent<A extends unknown[]> {
  addListener(listener: (...args: A) => void): void;
}

export interface DashboardOpenerHost {
  contextMenus: {
    create(item: { id: string; title: string; contexts: ['action'] }, done: () => void): void;
    onClicked: ClickEvent<[info: { menuItemId: string | number }]>;
  };
  notifications: {
    onClicked: ClickEvent<[notificationId: string]>;
    clear(notificationId: string): unknown;
  };
  /** The daily notification's id (notify.ts): another notification's click is not ours. */
  notificationId: string;
  openDashboard(): void;
}

/** Listens for both clicks; call once per worker start (listeners do not survive the worker). */
export function listenForDashboardClicks(host: DashboardOpenerHost): void {
  host.contextMenus.onClicked.addListener((info) => {
    if (info.menuItemId === DASHBOARD_MENU_ID) host.openDashboard();
  });
  host.notifications.onClicked.addListener((id) => {
    if (id !== host.notificationId) return;
    host.openDashboard();
    // The notification has done its job; left, it would stay in the system tray until the next one.
    void host.notifications.clear(id);
  });
}

/** The toolbar button's context menu item, created at install (menus persist across restarts). */
export function createDashboardMenu(host: Pick<DashboardOpenerHost, 'contextMenus'>, title: string): void {
  // An item already there (an update re-running onInstalled) sets lastError: read to silence it.
  host.contextMenus.create({ id: DASHBOARD_MENU_ID, title, contexts: ['action'] }, () => void (globalThis as { chrome?: { runtime?: { lastError?: unknown } } }).chrome?.runtime?.lastError);
}
