/**
 * The panel beside Gmail, whichever surface the browser has: Chrome's side panel (per tab, enabled
 * on Gmail tabs only) or Firefox's sidebar (per window). Chosen at run time from the APIs the browser
 * exposes, so the Chrome and Firefox builds share this code; only their manifests differ
 * (scripts/firefox-manifest.ts).
 */
import { browser } from './ext';

/** The part of `chrome.sidePanel` used here (Chrome 116+). */
export interface SidePanelApi {
  setOptions(options: { tabId?: number; path?: string; enabled?: boolean }): Promise<void>;
  setPanelBehavior(behavior: { openPanelOnActionClick: boolean }): Promise<void>;
  open(options: { tabId: number }): Promise<void>;
}

/** The part of Firefox's `browser.sidebarAction` used here (Firefox 73+ for toggle). */
export interface SidebarApi {
  setPanel(details: { tabId?: number; panel: string | null }): Promise<void>;
  open(): Promise<void>;
  toggle(): Promise<void>;
  isOpen(details: { windowId?: number }): Promise<boolean>;
}

/** The part of `browser.windows` used here (no permission needed). */
export interface WindowsApi {
  create(data: { type: 'popup'; url: string; width: number; height: number }): Promise<{ id?: number | undefined }>;
  update(windowId: number, info: { focused: boolean }): Promise<unknown>;
}

/** What the surface needs from the browser (injected in tests). */
export interface PanelHost {
  sidePanel?: SidePanelApi | undefined;
  sidebarAction?: SidebarApi | undefined;
  windows: WindowsApi;
  toolbarButton: { onClicked: { addListener(listener: () => void): void } };
  /** The extension URL of a packaged page. */
  pageUrl(path: string): string;
  log(message: string, detail?: unknown): void;
}

export interface PanelSurface {
  readonly kind: 'side-panel' | 'sidebar' | 'none';
  /** Call at the top level of the background script, on every start: event listeners. */
  start(): void;
  /** Call once per install or update: settings the browser keeps. */
  installed(): void;
  /** Makes the panel show this Gmail tab (called when a thread opens in it, before any open). */
  enable(tabId: number): Promise<void>;
  /** Opens the panel on this tab. Synchronous: the caller may hold a user gesture an await would lose. */
  open(tabId: number): void;
}

export function panelSurface(panelPath: string, host: PanelHost = browserPanelHost()): PanelSurface {
  if (host.sidePanel) return sidePanelSurface(panelPath, host.sidePanel, host);
  if (host.sidebarAction) return sidebarSurface(panelPath, host.sidebarAction, host);
  host.log('neither a side panel nor a sidebar in this browser: the panel cannot open');
  return { kind: 'none', start: () => undefined, installed: () => undefined, enable: () => Promise.resolve(), open: () => undefined };
}

function sidePanelSurface(panelPath: string, sidePanel: SidePanelApi, host: PanelHost): PanelSurface {
  return {
    kind: 'side-panel',
    // The toolbar button opens the panel through setPanelBehavior, which Chrome keeps across restarts.
    start: () => undefined,
    installed() {
      // Off everywhere by default; enable() turns it on for each Gmail tab with a thread.
      sidePanel.setOptions({ enabled: false }).catch(() => undefined);
      sidePanel.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => undefined);
    },
    enable: (tabId) => sidePanel.setOptions({ tabId, path: panelPath, enabled: true }),
    open(tabId) {
      // Any await before open() loses the user gesture (chrome-extensions-samples#1477, 2025).
      sidePanel.open({ tabId }).catch((error: unknown) => host.log('side panel', error));
    },
  };
}

/** The panel window's size: the width of Chrome's side panel, most of a laptop screen's height. */
const PANEL_WINDOW = { width: 420, height: 760 } as const;

function sidebarSurface(panelPath: string, sidebar: SidebarApi, host: PanelHost): PanelSurface {
  const tabPage = (tabId: number) => host.pageUrl(`${panelPath}?tab=${tabId}`);
  // The window opened for each Gmail tab, to bring it forward rather than open another. Forgotten
  // when the event page unloads: the next click then opens a new window, nothing worse.
  const windowOfTab = new Map<number, number>();
  const openWindow = (tabId: number) =>
    host.windows.create({ type: 'popup', url: tabPage(tabId), ...PANEL_WINDOW }).then(({ id }) => {
      if (id !== undefined) windowOfTab.set(tabId, id);
    });
  const showWindow = (tabId: number) => {
    const known = windowOfTab.get(tabId);
    const shown = known === undefined ? openWindow(tabId) : host.windows.update(known, { focused: true }).catch(() => openWindow(tabId));
    shown.catch((error: unknown) => host.log('panel window', error));
  };
  return {
    kind: 'sidebar',
    start() {
      // Firefox has no "open on action click" setting: the toolbar button is a user action, so the
      // listener may toggle the sidebar. Registered on every start so the click wakes the event page.
      host.toolbarButton.onClicked.addListener(() => {
        sidebar.toggle().catch((error: unknown) => host.log('sidebar', error));
      });
    },
    installed: () => undefined,
    // The sidebar is per window: a page per Gmail tab (`?tab=`, read by the panel) makes Firefox show
    // the right thread when the user switches tabs; other tabs keep the default page.
    enable: (tabId) => sidebar.setPanel({ tabId, panel: tabPage(tabId) }),
    open(tabId) {
      // Firefox opens a sidebar only from the add-on's own user actions (toolbar button, menus,
      // shortcuts); the Gmail chip's click, relayed by the content script, is not one as of Firefox
      // 153 (2026-11). Then the same page opens in a small window beside Gmail, so the chip still works,
      // unless the sidebar is already open in this window (it shows this tab's page: see enable).
      sidebar
        .open()
        .catch(() => sidebar.isOpen({}))
        .then((alreadyOpen) => {
          if (alreadyOpen === false) showWindow(tabId);
        })
        .catch((error: unknown) => host.log('sidebar', error));
    },
  };
}

function browserPanelHost(): PanelHost {
  const chromeApi = globalThis.chrome as { sidePanel?: SidePanelApi } | undefined;
  const firefoxSidebar = (browser as { sidebarAction?: SidebarApi }).sidebarAction;
  return {
    sidePanel: typeof chromeApi?.sidePanel?.open === 'function' ? chromeApi.sidePanel : undefined,
    sidebarAction: typeof firefoxSidebar?.toggle === 'function' ? firefoxSidebar : undefined,
    windows: browser.windows,
    toolbarButton: browser.action,
    pageUrl: (path) => browser.runtime.getURL(path),
    log: (message, detail) => console.warn(`Relance: ${message}`, detail ?? ''),
  };
}
