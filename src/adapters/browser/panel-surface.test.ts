import { describe, expect, it, vi } from 'vitest';
import { panelSurface, type PanelHost, type SidebarApi, type SidePanelApi, type WindowsApi } from './panel-surface';

// The polyfill refuses to load outside an extension; these tests inject every API they use.
vi.mock('./ext', () => ({ browser: {} }));

const PANEL = 'src/panel/index.html';

function chromeSidePanel(): SidePanelApi {
  return { setOptions: vi.fn(async () => undefined), setPanelBehavior: vi.fn(async () => undefined), open: vi.fn(async () => undefined) };
}

function firefoxSidebar(open: SidebarApi['open'] = async () => undefined, isOpen = false): SidebarApi {
  return { setPanel: vi.fn(async () => undefined), open: vi.fn(open), toggle: vi.fn(async () => undefined), isOpen: vi.fn(async () => isOpen) };
}

function browserWindows(): WindowsApi & { open: Set<number> } {
  const open = new Set<number>();
  let next = 100;
  return {
    open,
    create: vi.fn(async () => {
      open.add(++next);
      return { id: next };
    }),
    update: vi.fn(async (id: number) => {
      if (!open.has(id)) throw new Error(`No window with id: ${id}`);
      return {};
    }),
  };
}

function host(apis: Pick<PanelHost, 'sidePanel' | 'sidebarAction'> & { windows?: WindowsApi }) {
  const clickListeners: Array<() => void> = [];
  const log = vi.fn();
  const value: PanelHost = {
    windows: browserWindows(),
    ...apis,
    toolbarButton: { onClicked: { addListener: (listener) => void clickListeners.push(listener) } },
    pageUrl: (path) => `moz-extension://relance/${path}`,
    log,
  };
  return { value, clickListeners, log };
}

describe('panelSurface in Chrome (side panel)', () => {
  it('is off outside Gmail threads and opens from the toolbar button, set once at install', () => {
    const sidePanel = chromeSidePanel();
    const { value, clickListeners } = host({ sidePanel });
    const panel = panelSurface(PANEL, value);
    panel.start();
    panel.installed();
    expect(panel.kind).toBe('side-panel');
    expect(sidePanel.setOptions).toHaveBeenCalledWith({ enabled: false });
    expect(sidePanel.setPanelBehavior).toHaveBeenCalledWith({ openPanelOnActionClick: true });
    expect(clickListeners).toHaveLength(0); // Chrome opens the panel itself; onClicked would never fire
  });

  it('enables the panel page on a Gmail tab and opens it there without awaiting first', async () => {
    const sidePanel = chromeSidePanel();
    const panel = panelSurface(PANEL, host({ sidePanel }).value);
    await panel.enable(7);
    expect(sidePanel.setOptions).toHaveBeenCalledWith({ tabId: 7, path: PANEL, enabled: true });
    panel.open(7);
    expect(sidePanel.open).toHaveBeenCalledWith({ tabId: 7 }); // synchronously: the user gesture holds
  });

  it('is preferred when a browser has both APIs (Opera has its own sidebarAction)', () => {
    expect(panelSurface(PANEL, host({ sidePanel: chromeSidePanel(), sidebarAction: firefoxSidebar() }).value).kind).toBe('side-panel');
  });
});

describe('panelSurface in Firefox (sidebar)', () => {
  it('toggles the sidebar from the toolbar button, registered on every start', () => {
    const sidebarAction = firefoxSidebar();
    const { value, clickListeners } = host({ sidebarAction });
    const panel = panelSurface(PANEL, value);
    expect(panel.kind).toBe('sidebar');
    panel.start();
    expect(clickListeners).toHaveLength(1);
    clickListeners[0]!();
    expect(sidebarAction.toggle).toHaveBeenCalledTimes(1); // inside the click handler: a user action
  });

  it('gives each Gmail tab its own sidebar page, naming the tab', async () => {
    const sidebarAction = firefoxSidebar();
    await panelSurface(PANEL, host({ sidebarAction }).value).enable(7);
    expect(sidebarAction.setPanel).toHaveBeenCalledWith({ tabId: 7, panel: 'moz-extension://relance/src/panel/index.html?tab=7' });
  });

  it('opens the sidebar when Firefox lets it, and nothing else', async () => {
    const sidebarAction = firefoxSidebar();
    const windows = browserWindows();
    panelSurface(PANEL, host({ sidebarAction, windows }).value).open(7);
    expect(sidebarAction.open).toHaveBeenCalledTimes(1);
    await Promise.resolve();
    expect(windows.create).not.toHaveBeenCalled();
  });

  it("when Firefox refuses (the chip's click is not its user action), opens that tab's page in a window", async () => {
    const refusal = new Error('sidebarAction.open may only be called from a user input handler');
    const sidebarAction = firefoxSidebar(async () => Promise.reject(refusal));
    const windows = browserWindows();
    const panel = panelSurface(PANEL, host({ sidebarAction, windows }).value);
    expect(() => panel.open(7)).not.toThrow();
    await vi.waitFor(() => expect(windows.create).toHaveBeenCalledTimes(1));
    expect(windows.create).toHaveBeenCalledWith(expect.objectContaining({ type: 'popup', url: 'moz-extension://relance/src/panel/index.html?tab=7' }));
  });

  it("brings that tab's window forward on the next click, and opens a new one once it was closed", async () => {
    const sidebarAction = firefoxSidebar(async () => Promise.reject(new Error('not a user action')));
    const windows = browserWindows();
    const panel = panelSurface(PANEL, host({ sidebarAction, windows }).value);
    panel.open(7);
    await vi.waitFor(() => expect(windows.open.size).toBe(1));
    panel.open(7);
    await vi.waitFor(() => expect(windows.update).toHaveBeenCalledWith(101, { focused: true }));
    expect(windows.create).toHaveBeenCalledTimes(1);
    windows.open.clear(); // the user closed it
    panel.open(7);
    await vi.waitFor(() => expect(windows.create).toHaveBeenCalledTimes(2));
    panel.open(8); // another Gmail tab has its own window
    await vi.waitFor(() => expect(windows.create).toHaveBeenCalledTimes(3));
    expect(windows.create).toHaveBeenLastCalledWith(expect.objectContaining({ url: 'moz-extension://relance/src/panel/index.html?tab=8' }));
  });

  it('opens no window when the sidebar is already open in that window (it already shows the tab)', async () => {
    const sidebarAction = firefoxSidebar(async () => Promise.reject(new Error('not a user action')), true);
    const windows = browserWindows();
    panelSurface(PANEL, host({ sidebarAction, windows }).value).open(7);
    await vi.waitFor(() => expect(sidebarAction.isOpen).toHaveBeenCalled());
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(windows.create).not.toHaveBeenCalled();
  });

  it('logs, and never throws, when no window can open either', async () => {
    const sidebarAction = firefoxSidebar(async () => Promise.reject(new Error('not a user action')));
    const failure = new Error('windows.create failed');
    const windows: WindowsApi = { create: vi.fn(async () => Promise.reject(failure)), update: vi.fn(async () => ({})) };
    const { value, log } = host({ sidebarAction, windows });
    panelSurface(PANEL, value).open(7);
    await vi.waitFor(() => expect(log).toHaveBeenCalledWith('panel window', failure));
  });
});

describe('panelSurface without either API', () => {
  it('says so once and does nothing else', async () => {
    const { value, log, clickListeners } = host({});
    const panel = panelSurface(PANEL, value);
    panel.start();
    panel.installed();
    await panel.enable(7);
    panel.open(7);
    expect(panel.kind).toBe('none');
    expect(clickListeners).toHaveLength(0);
    expect(log).toHaveBeenCalledTimes(1);
  });
});
