import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import preact from '@preact/preset-vite';
import { DEV_BASE_URL, manifestForBaseUrl, normaliseBaseUrl } from './addin/base-url';

// The Outlook add-in's build: the task pane and the compose command's function file (src/addin/),
// into dist-addin/ with the icons (addin/public), office.js from the @microsoft/office-js package
// (never a CDN: the pages load ./office-js/office.js) and the manifest for the deployment address:
// ADDIN_BASE_URL=https://host/path/ (default: https://localhost:3000/, the dev server).
// `vite -c vite.addin.config.ts` (npm run addin:dev) serves the same over HTTPS on localhost:3000
// with the Office dev certificates (office-addin-dev-certs installs its CA on first use).

const here = dirname(fileURLToPath(import.meta.url));
const OFFICE_JS = resolve(here, 'node_modules/@microsoft/office-js/dist');
// Checked when the config loads: a wrong address fails the build before anything is written.
const BASE_URL = normaliseBaseUrl(process.env.ADDIN_BASE_URL || DEV_BASE_URL);
const PACKAGE_VERSION = (JSON.parse(readFileSync(resolve(here, 'package.json'), 'utf8')) as { version: string }).version;

/**
 * What the add-in needs of office.js: the loader and its host-to-file table, Outlook's host scripts
 * (it picks one per client) and, per locale, Office's and Outlook's strings, plus its telemetry
 * module. Not the other hosts' scripts nor debug builds (86 MB in all; this is about 9 MB).
 */
export function isOfficeJsFileNeeded(relativePath: string): boolean {
  const parts = relativePath.split('/');
  if (relativePath.includes('debug')) return false;
  if (parts.length === 1) return /^(office|outlook-[\w.-]+|es6-promise|o15apptofilemappingtable)\.js$/.test(parts[0]!);
  // office.js loads its telemetry module from telemetry/ when the host enables it.
  if (parts[0] === 'telemetry') return parts.length === 2 && parts[1]!.endsWith('.js');
  return parts.length === 2 && /^(office|outlook)_strings\.js$/.test(parts[1]!);
}

function copyOfficeJs(outDir: string): void {
  for (const entry of readdirSync(OFFICE_JS)) {
    const from = join(OFFICE_JS, entry);
    const files = statSync(from).isDirectory() ? readdirSync(from).map((name) => `${entry}/${name}`) : [entry];
    for (const file of files.filter(isOfficeJsFileNeeded)) {
      mkdirSync(dirname(join(outDir, 'office-js', file)), { recursive: true });
      cpSync(join(OFFICE_JS, file), join(outDir, 'office-js', file));
    }
  }
}

function officeAddin(): Plugin {
  let outDir = '';
  return {
    name: 'relance-office-addin',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    configureServer(server) {
      // Dev: /office-js/* straight from the package; /manifest.xml as written in addin/.
      server.middlewares.use((req, res, next) => {
        const path = decodeURIComponent((req.url ?? '').split('?')[0] ?? '');
        if (path.startsWith('/office-js/') && isOfficeJsFileNeeded(path.slice('/office-js/'.length)) && existsSync(join(OFFICE_JS, path.slice(11)))) {
          res.setHeader('content-type', 'text/javascript; charset=utf-8');
          res.end(readFileSync(join(OFFICE_JS, path.slice(11))));
          return;
        }
        if (path === '/manifest.xml') {
          res.setHeader('content-type', 'application/xml; charset=utf-8');
          res.end(readFileSync(resolve(here, 'addin/manifest.xml')));
          return;
        }
        next();
      });
    },
    writeBundle() {
      copyOfficeJs(outDir);
      const xml = readFileSync(resolve(here, 'addin/manifest.xml'), 'utf8');
      writeFileSync(join(outDir, 'manifest.xml'), manifestForBaseUrl(xml, BASE_URL));
    },
  };
}

export default defineConfig(async ({ command }) => ({
  root: resolve(here, 'src/addin'),
  // Relative asset URLs: the same files work under any deployment path.
  base: './',
  publicDir: resolve(here, 'addin/public'),
  plugins: [preact(), officeAddin()],
  define: { __RELANCE_VERSION__: JSON.stringify(PACKAGE_VERSION) },
  build: {
    outDir: resolve(here, 'dist-addin'),
    emptyOutDir: true,
    // Outlook's web views: Edge WebView2 (Windows), WKWebView (Mac), evergreen browsers (web).
    target: 'es2020',
    rollupOptions: { input: { taskpane: resolve(here, 'src/addin/taskpane.html'), commands: resolve(here, 'src/addin/commands.html') } },
  },
  server:
    command === 'serve'
      ? {
          port: 3000,
          strictPort: true,
          https: await import('office-addin-dev-certs').then(({ getHttpsServerOptions }) => getHttpsServerOptions()),
          fs: { allow: [here] },
        }
      : undefined,
}));
