/**
 * The store bench page's own build (scripts/bench-store.ts runs it): page.html, page.ts and the
 * generator worker, bundled with the real src/ modules into .cache/bench-store/ (git-ignored, rebuilt
 * on every run). Not minified, so a profile reads.
 */
import path from 'node:path';
import { defineConfig } from 'vite';

const here = import.meta.dirname;

export default defineConfig({
  root: here,
  base: './',
  logLevel: 'warn',
  build: {
    outDir: path.resolve(here, '../../.cache/bench-store'),
    emptyOutDir: true,
    target: 'chrome120',
    minify: false,
    sourcemap: false,
    rollupOptions: { input: path.resolve(here, 'page.html') },
  },
  worker: { format: 'es' },
});
