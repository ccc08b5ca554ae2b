/**
 * The Firefox manifest, derived from the Chrome one (manifest.json stays the single source): Firefox's
 * MV3 runs the background as an event page (`background.scripts`; `service_worker` is not supported
 * as of Firefox 153, 2026-11), has a sidebar (`sidebar_action`) instead of Chrome's side panel, and
 * needs an add-on id and a data-collection declaration (required for new add-ons since 2025-11).
 * vite.config.ts builds dist-firefox/ with it (`vite build --mode firefox`).
 */
import type { ManifestV3Export } from '@crxjs/vite-plugin';

/** A manifest object as crxjs takes it (manifest.json, typed). */
export type Manifest = Exclude<ManifestV3Export, Promise<unknown> | ((...args: never[]) => unknown)>;

/** Firefox's sidebar (crxjs types Chrome's manifest only). */
export interface SidebarAction {
  default_panel: string;
  default_title?: string;
  default_icon?: Manifest['icons'];
  open_at_install?: boolean;
}

export type FirefoxManifest = Manifest & { sidebar_action: SidebarAction };

/** Permanent once the add-on is listed on addons.mozilla.org: Firefox keys the profile's data on it. */
export const GECKO_ID = 'relance@relance.app';
/**
 * Firefox 142: the first that honours `data_collection_permissions` on desktop (140) and Android (142)
 * alike, so the linter has nothing to warn about; ESR 153 is current (2026-11). storage.session (115)
 * and module background scripts come earlier.
 */
export const FIREFOX_MIN_VERSION = '142.0';

/** Chrome-only permissions: the side panel is `sidebar_action` in the manifest, no permission. */
const CHROME_ONLY_PERMISSIONS = new Set(['sidePanel']);

/** A new manifest for Firefox; the Chrome manifest given is not modified. */
export function firefoxManifest(chrome: Manifest): FirefoxManifest {
  const {
    background,
    side_panel: sidePanel,
    minimum_chrome_version: _chromeVersion,
    permissions,
    ...shared
  } = structuredClone(chrome);
  if (!background || !('service_worker' in background)) throw new Error('manifest.json: expected background.service_worker');
  if (!sidePanel?.default_path) throw new Error('manifest.json: expected side_panel.default_path');
  return {
    ...shared,
    // crxjs (browser: 'firefox') bundles scripts[0] and points the manifest at its loader.
    background: { scripts: [background.service_worker], type: 'module' },
    sidebar_action: {
      default_panel: sidePanel.default_path,
      default_title: chrome.action?.default_title ?? chrome.name,
      default_icon: chrome.action?.default_icon ?? chrome.icons,
      // Opened from the toolbar button or the sidebar menu, like Chrome's panel; never on install.
      open_at_install: false,
    },
    permissions: (permissions ?? []).filter((permission) => !CHROME_ONLY_PERMISSIONS.has(permission)),
    browser_specific_settings: {
      gecko: {
        id: GECKO_ID,
        strict_min_version: FIREFOX_MIN_VERSION,
        // Nothing leaves the browser: no server, no telemetry (README, "What Relance may do").
        data_collection_permissions: { required: ['none'] },
      },
    },
  };
}
