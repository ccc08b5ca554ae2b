import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';

// Unit tests live beside their files; adapter contract tests live in tests/contract.
// DOM tests opt in with `// @vitest-environment happy-dom` at the top of the file.
export default defineConfig({
  plugins: [preact()],
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'tests/contract/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['fake-indexeddb/auto'],
  },
});
