import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import manifest from './manifest.json' with { type: 'json' };
import { firefoxManifest, type Manifest } from './scripts/firefox-manifest.js';

// The MV3 extension: Chrome into dist/ (`vite build`), Firefox into dist-firefox/ (`vite build --mode
// firefox`), from the same source; only the manifest differs (scripts/firefox-manifest.ts).
// The Outlook task pane gets its own build target with its issue (addin/).
// Extension pages opened by URL (tabs.create, links), which crxjs does not find in the manifest.
const EXTRA_PAGES: Record<string, string> = { dashboard: 'src/dashboard/index.html' };

export default defineConfig(({ mode }) => {
  if (mode !== 'firefox') {
    return {
      plugins: [preact(), crx({ manifest: manifest as ManifestV3Export })],
      build: {
        outDir: 'dist',
        emptyOutDir: true,
        target: 'chrome116',
        // Readable stack traces in the field cost nothing to users: maps are not loaded unless devtools open.
        sourcemap: false,
        // Extension pages that no manifest key names (crxjs builds only those the manifest lists).
        rolldownOptions: { input: { ...EXTRA_PAGES } },
      },
    };
  }
  const firefox = firefoxManifest(manifest as Manifest);
  return {
    plugins: [preact(), crx({ manifest: firefox, browser: 'firefox' })],
    build: {
      outDir: 'dist-firefox',
      emptyOutDir: true,
      target: 'firefox142',
      sourcemap: false,
      // crxjs emits the pages it knows from Chrome's manifest keys; the sidebar is Firefox's own key.
      rolldownOptions: { input: { sidebar: firefox.sidebar_action.default_panel, ...EXTRA_PAGES } },
    },
  };
});
