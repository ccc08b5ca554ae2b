import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import manifest from './manifest.json' with { type: 'json' };

// One build: the MV3 extension in dist/ (service worker, Gmail content script, side panel page).
// The Outlook task pane gets its own build target with its issue (addin/).
export default defineConfig({
  plugins: [preact(), crx({ manifest: manifest as ManifestV3Export })],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'chrome116',
    // Readable stack traces in the field cost nothing to users: maps are not loaded unless devtools open.
    sourcemap: false,
  },
});
