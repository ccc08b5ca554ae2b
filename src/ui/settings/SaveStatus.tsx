/** What a section's save came to, in words (the live region of its form). */
import type { SettingsTranslate } from '../i18n-settings';
import { problemMessage } from './problems';
import type { SaveState } from './use-save';

/** `fields`: the paths the section shows under their inputs; any other problem is listed here. */
export function SaveStatus({ state, t, fields }: { state: SaveState; t: SettingsTranslate; fields: readonly string[] }) {
  switch (state.kind) {
    case 'idle':
      return null;
    case 'saving':
      return <span>{t('saving')}</span>;
    case 'saved':
      return <span class="ok">{t('saved')}</span>;
    case 'failed':
      return <span class="error">{t('saveFailed', { reason: state.reason })}</span>;
    case 'refused': {
      const others = state.problems.filter((problem) => !fields.includes(problem.field));
      return (
        <span class="error">
          {t('notSaved')}
          {others.map((problem) => ` ${problem.field}: ${problemMessage(problem, t)}`).join('')}
        </span>
      );
    }
  }
}
