import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';

// Unit tests live beside their files; adapter contract tests in tests/contract, the detection
// engine's corpus report in tests/quality, the CLI's tests in tests/cli.
// DOM tests opt in with `// @vitest-environment happy-dom` at the top of the file.
export default defineConfig({
  plugins: [preact()],
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'tests/contract/**/*.test.ts', 'tests/quality/**/*.test.ts', 'tests/cli/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['fake-indexeddb/auto'],
    // The CLI tests start real processes (bin/relance.js relaunches itself once): on a busy 2-core
    // machine one can take several seconds. Timeouts are for hangs, not a speed goal (that is
    // `npm run bench`).
    testTimeout: 30_000,
  },
});
