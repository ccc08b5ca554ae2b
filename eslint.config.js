// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/** Host APIs src/core must never touch: it is pure domain, shared by the extension, Outlook and the CLI. */
const HOST_GLOBALS = ['window', 'document', 'chrome', 'browser', 'indexedDB', 'Office', 'navigator', 'localStorage', 'sessionStorage', 'fetch', 'XMLHttpRequest', 'self', 'location'];

export default tseslint.config(
  { ignores: ['dist/', 'dist-*/', 'node_modules/', 'test-results/', 'playwright-report/', 'tests/fixtures/gmail/static/**', '.cache/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node, chrome: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['dexie', 'preact', 'webextension-polyfill', '@microsoft/office-js'].map((name) => ({ name, message: 'src/core is pure: no storage, UI or host API.' })),
          patterns: [
            { group: ['preact/*', 'dexie/*'], message: 'src/core is pure: no storage or UI.' },
            { group: ['**/adapters/**', '**/ui/**', '**/background/**', '**/content/**', '**/panel/**', '**/protocol/**'], message: 'src/core depends on nothing outside src/core.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', ...HOST_GLOBALS.map((name) => ({ name, message: 'src/core is pure: pass what you need in.' }))],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'src/core has no clock: take `today` as a parameter.' },
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'src/core has no clock: take `today` as a parameter.' },
      ],
    },
  },
  {
    files: ['src/content/**/*.ts', 'src/adapters/gmail/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['dexie', 'preact', 'webextension-polyfill'].map((name) => ({ name, message: 'The Gmail content script stays tiny: no storage, UI or polyfill.' })),
          patterns: [{ group: ['preact/*', '**/adapters/storage/**', '**/adapters/browser/**', '**/ui/**'], message: 'The Gmail content script stays tiny.' }],
        },
      ],
    },
  },
);
