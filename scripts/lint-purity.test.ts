/**
 * Proves the purity rules bite: a core file that reads the clock, touches the DOM or imports Dexie
 * is rejected by the project's ESLint config (a lint rule that never fires would be worthless).
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('src/core purity lint', () => {
  it('rejects a clock, the DOM, chrome and Dexie in src/core', async () => {
    const ids = await ruleIds(
      "import Dexie from 'dexie';\nexport const a = new Date();\nexport const b = Date.now();\nexport const c = document.title;\nexport const d = chrome.runtime.id;\nexport { Dexie };\n",
      'src/core/impure.ts',
    );
    expect(ids.filter((id) => id === 'no-restricted-syntax')).toHaveLength(2);
    expect(ids.filter((id) => id === 'no-restricted-globals')).toHaveLength(2);
    expect(ids).toContain('no-restricted-imports');
  });

  it('accepts dates built from given values in src/core', async () => {
    expect(await ruleIds("export const a = new Date(Date.UTC(2026, 0, 1));\n", 'src/core/pure.ts')).toEqual([]);
  });

  it('keeps Preact and Dexie out of the content script', async () => {
    const ids = await ruleIds("import { render } from 'preact';\nexport { render };\n", 'src/content/extra.ts');
    expect(ids).toContain('no-restricted-imports');
  });
});
