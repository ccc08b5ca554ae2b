/**
 * The first-run welcome (issue 6): opened once, on the extension's first install. Remembered in
 * storage.local as well as keyed on `reason: 'install'`, because Chromium re-reports an unpacked
 * extension loaded from the command line (--load-extension) as installed at each launch (2026-11,
 * Chromium 14x): without the mark, such users (and the tests) would get the welcome every time.
 */
export const ONBOARDING_PATH = 'src/settings/index.html?onboarding';
export const ONBOARDING_SHOWN_KEY = 'onboarding:shown';

export interface OnboardingDeps {
  getLocal(key: string): Promise<Record<string, unknown>>;
  setLocal(items: Record<string, unknown>): Promise<void>;
  openTab(path: string): Promise<unknown>;
}

/** Opens the welcome on a first install, once; says whether it did. */
export async function welcomeOnInstall(reason: string, deps: OnboardingDeps): Promise<boolean> {
  if (reason !== 'install') return false;
  if ((await deps.getLocal(ONBOARDING_SHOWN_KEY))[ONBOARDING_SHOWN_KEY]) return false;
  await deps.setLocal({ [ONBOARDING_SHOWN_KEY]: true });
  await deps.openTab(ONBOARDING_PATH);
  return true;
}
