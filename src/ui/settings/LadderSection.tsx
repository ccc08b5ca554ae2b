/** The ladder's delays (days from the due date) and rhythm; the ledger checks them with the ladder's own rules. */
import { useState } from 'preact/hooks';
import { DEFAULT_CHASING_SETTINGS, type ChasingDelays, type ChasingSettingsOverride } from '../../core/chasing';
import type { SettingsKey } from '../i18n-settings';
import { Checkbox, SectionForm, TextInput } from './fields';
import { messagesFor } from './problems';
import { SaveStatus } from './SaveStatus';
import type { SectionProps } from './section-props';
import { useSave } from './use-save';

const DELAYS: ReadonlyArray<keyof ChasingDelays> = ['preReminder', 'firstReminder', 'call', 'secondReminder', 'formalNotice'];
const RHYTHM = ['formalNoticeDeadline', 'furtherReminderInterval', 'minimumGap'] as const;
type Rhythm = (typeof RHYTHM)[number];

type Draft = Record<keyof ChasingDelays | Rhythm, string> & { callFirst: boolean };

function draftOf(chasing: ChasingSettingsOverride): Draft {
  const delays = { ...DEFAULT_CHASING_SETTINGS.delays, ...chasing.delays };
  const value = (key: Rhythm) => String(chasing[key] ?? DEFAULT_CHASING_SETTINGS[key]);
  return {
    ...(Object.fromEntries(DELAYS.map((key) => [key, String(delays[key])])) as Record<keyof ChasingDelays, string>),
    formalNoticeDeadline: value('formalNoticeDeadline'),
    furtherReminderInterval: value('furtherReminderInterval'),
    minimumGap: value('minimumGap'),
    callFirst: chasing.callFirst ?? DEFAULT_CHASING_SETTINGS.callFirst,
  };
}

/** A number as typed ("7", "-3"); anything else is sent as text for the ledger to refuse by name. */
const numberOrText = (text: string): number | string => (/^\s*-?\d+\s*$/.test(text) ? Number(text) : text);

/** Only what differs from the defaults is stored (a later change of a default reaches the user). */
function overrideOf(draft: Draft, previous: ChasingSettingsOverride): ChasingSettingsOverride {
  const out: Record<string, unknown> = { ...previous };
  const delays: Record<string, unknown> = {};
  for (const key of DELAYS) {
    const value = numberOrText(draft[key]);
    if (value !== DEFAULT_CHASING_SETTINGS.delays[key]) delays[key] = value;
  }
  delete out.delays;
  if (Object.keys(delays).length) out.delays = delays;
  for (const key of RHYTHM) {
    const value = numberOrText(draft[key]);
    if (value === DEFAULT_CHASING_SETTINGS[key]) delete out[key];
    else out[key] = value;
  }
  if (draft.callFirst === DEFAULT_CHASING_SETTINGS.callFirst) delete out.callFirst;
  else out.callFirst = draft.callFirst;
  return out as ChasingSettingsOverride;
}

export function LadderSection({ settings, save, t }: SectionProps) {
  const [draft, setDraft] = useState<Draft>(draftOf(settings.chasing));
  const { state, problems, submit } = useSave(save);
  const fields = [...DELAYS.map((key) => `chasing.delays.${key}`), ...RHYTHM.map((key) => `chasing.${key}`)];
  const input = (key: keyof ChasingDelays | Rhythm, label: SettingsKey, field: string) => (
    <TextInput id={`ladder-${key}`} label={t(label)} type="number" inputMode="numeric" value={draft[key]} onInput={(value) => setDraft({ ...draft, [key]: value })} errors={messagesFor(problems, field, t)} />
  );
  return (
    <SectionForm id="ladder" title={t('ladderTitle')} help={t('ladderHelp')} saveLabel={t('save')} onSubmit={() => void submit({ ...settings, chasing: overrideOf(draft, settings.chasing) })} status={<SaveStatus state={state} t={t} fields={fields} />}>
      <div class="settings-grid">
        {DELAYS.map((key) => input(key, `delay_${key}` as SettingsKey, `chasing.delays.${key}`))}
        {RHYTHM.map((key) => input(key, key, `chasing.${key}`))}
      </div>
      <Checkbox id="ladder-callFirst" label={t('callFirst')} checked={draft.callFirst} onChange={(callFirst) => setDraft({ ...draft, callFirst })} />
      <button type="button" class="tool" data-testid="ladder-defaults" onClick={() => setDraft(draftOf({}))}>
        {t('resetDefaults')}
      </button>
    </SectionForm>
  );
}
