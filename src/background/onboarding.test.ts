import { describe, expect, it } from 'vitest';
import { ONBOARDING_PATH, welcomeOnInstall, type OnboardingDeps } from './onboarding';

function fakeDeps() {
  const local: Record<string, unknown> = {};
  const opened: string[] = [];
  const deps: OnboardingDeps = {
    getLocal: async (key) => (key in local ? { [key]: local[key] } : {}),
    setLocal: async (items) => void Object.assign(local, items),
    openTab: async (path) => opened.push(path),
  };
  return { deps, opened };
}

describe('welcomeOnInstall', () => {
  it('opens the welcome on the first install only, once', async () => {
    const { deps, opened } = fakeDeps();
    expect(await welcomeOnInstall('update', deps)).toBe(false);
    expect(await welcomeOnInstall('install', deps)).toBe(true);
    expect(await welcomeOnInstall('install', deps)).toBe(false);
    expect(opened).toEqual([ONBOARDING_PATH]);
  });
});
