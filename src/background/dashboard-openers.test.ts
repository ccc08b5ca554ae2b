import { describe, expect, it, vi } from 'vitest';
import { createDashboardMenu, DASHBOARD_MENU_ID, listenForDashboardClicks, type DashboardOpenerHost } from './dashboard-openers';

function fakeHost() {
  const menuClicks: Array<(info: { menuItemId: string | number }) => void> = [];
  const notificationClicks: Array<(id: string) => void> = [];
  const host = {
    contextMenus: { create: vi.fn(), onClicked: { addListener: (l: (info: { menuItemId: string | number }) => void) => void menuClicks.push(l) } },
    notifications: { onClicked: { addListener: (l: (id: string) => void) => void notificationClicks.push(l) }, clear: vi.fn() },
    notificationId: 'relance-daily',
    openDashboard: vi.fn(),
  } satisfies DashboardOpenerHost;
  return { host, clickMenu: (id: string | number) => menuClicks.forEach((l) => l({ menuItemId: id })), clickNotification: (id: string) => notificationClicks.forEach((l) => l(id)) };
}

describe('the toolbar menu and the daily notification open the dashboard', () => {
  it('the menu item opens the dashboard; another menu item does not', () => {
    const { host, clickMenu } = fakeHost();
    listenForDashboardClicks(host);
    clickMenu('something-else');
    expect(host.openDashboard).not.toHaveBeenCalled();
    clickMenu(DASHBOARD_MENU_ID);
    expect(host.openDashboard).toHaveBeenCalledTimes(1);
  });

  it('a click on the daily notification opens the dashboard and clears the notification', () => {
    const { host, clickNotification } = fakeHost();
    listenForDashboardClicks(host);
    clickNotification('relance-daily');
    expect(host.openDashboard).toHaveBeenCalledTimes(1);
    expect(host.notifications.clear).toHaveBeenCalledWith('relance-daily');
  });

  it("another extension's or another of our notifications is left alone", () => {
    const { host, clickNotification } = fakeHost();
    listenForDashboardClicks(host);
    clickNotification('other');
    expect(host.openDashboard).not.toHaveBeenCalled();
    expect(host.notifications.clear).not.toHaveBeenCalled();
  });

  it('the menu item is created on the toolbar button, with its title', () => {
    const { host } = fakeHost();
    createDashboardMenu(host, 'Ouvrir le tableau de bord');
    expect(host.contextMenus.create).toHaveBeenCalledWith({ id: DASHBOARD_MENU_ID, title: 'Ouvrir le tableau de bord', contexts: ['action'] }, expect.any(Function));
  });
});
