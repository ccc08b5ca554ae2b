/**
 * The template editor: pick a step, language, tone and part; edit with the variables at hand; a live
 * preview on the sample context (samples.ts) with the tone checks; save (refused while it does not
 * compile) or reset to the default. Rendering is plain text: mail content is never HTML here.
 */
import { useMemo, useState } from 'preact/hooks';
import { CHASING_STEPS, type ChasingStep } from '../../core/chasing';
import type { UserTemplates } from '../../core/ledger';
import type { Language } from '../../core/model';
import {
  DEFAULT_TONE_OF_STEP,
  TEMPLATE_VARIABLES,
  TONES_OF_STEP,
  renderDraft,
  resetTemplate,
  sampleContext,
  setTemplate,
  templateParts,
  validateTemplate,
  type DraftTone,
  type TemplatePart,
  type ToneViolation,
} from '../../core/templates';
import { effectiveTemplate, isEdited, templateKey, type TemplateSlot } from '../../core/templates/user-templates';
import type { MessageKey, Translate } from '../i18n';
import type { SettingsKey, SettingsTranslate } from '../i18n-settings';
import { SectionForm, Select, TextBlock } from './fields';
import type { SaveOutcome } from './ports';

interface Props {
  templates: UserTemplates;
  saveTemplates(templates: UserTemplates): Promise<SaveOutcome<UserTemplates>>;
  t: SettingsTranslate;
  /** The panel's catalogue, for the steps' names (one wording for both pages). */
  panelT: Translate;
  language: Language;
}

function violationText(violation: ToneViolation, t: SettingsTranslate): string {
  switch (violation.code) {
    case 'banned_term':
      return t('toneBanned', { term: violation.term ?? '' });
    case 'court_not_as_next_step':
      return t('toneCourt', { term: violation.term ?? '' });
    case 'consumer_fee':
      return t('toneConsumerFee', { term: violation.term ?? '' });
    default:
      return t('toneMissing', { code: violation.term ?? violation.code });
  }
}

export function TemplatesSection({ templates, saveTemplates, t, panelT, language }: Props) {
  const [saved, setSaved] = useState<UserTemplates>(templates);
  const [step, setStep] = useState<ChasingStep>('first_reminder');
  const [lang, setLang] = useState<Language>(language);
  const [tone, setTone] = useState<DraftTone>(DEFAULT_TONE_OF_STEP.first_reminder);
  const [part, setPart] = useState<TemplatePart>('body');
  const slot: TemplateSlot = { step, language: lang, part, tone };
  const [source, setSource] = useState(effectiveTemplate(saved, slot));
  const [status, setStatus] = useState<string>('');

  const pick = (change: Partial<{ step: ChasingStep; language: Language; tone: DraftTone; part: TemplatePart }>) => {
    const nextStep = change.step ?? step;
    const nextTone = change.tone && TONES_OF_STEP[nextStep].includes(change.tone) ? change.tone : change.step ? DEFAULT_TONE_OF_STEP[nextStep] : tone;
    const parts = templateParts(nextStep);
    const nextPart = change.part ?? (parts.includes(part) ? part : (parts[0] ?? 'body'));
    const nextLang = change.language ?? lang;
    setStep(nextStep);
    setTone(nextTone);
    setPart(nextPart);
    setLang(nextLang);
    setSource(effectiveTemplate(saved, { step: nextStep, language: nextLang, part: nextPart, tone: nextTone }));
    setStatus('');
  };

  const errors = useMemo(() => validateTemplate(source), [source]);
  const preview = useMemo(() => {
    if (errors.length > 0) return null;
    const overrides = { ...saved, [templateKey(slot)]: source } as UserTemplates;
    return renderDraft({ ...sampleContext(step, lang), tone }, { overrides });
  }, [source, step, lang, tone, part, saved, errors.length]);

  const store = async (next: UserTemplates, done: SettingsKey) => {
    const outcome = await saveTemplates(next).catch((error: unknown) => ({ ok: false as const, problems: [{ field: '', code: 'wrong_type' as const, message: String(error) }] }));
    if (outcome.ok) {
      setSaved(outcome.value);
      setSource(effectiveTemplate(outcome.value, slot));
      setStatus(t(done));
    } else {
      setStatus(t('saveFailed', { reason: outcome.problems.map((problem) => problem.message).join('; ') }));
    }
  };
  const onSave = () => {
    const result = setTemplate(saved, slot, source);
    if (!result.ok) {
      setStatus(t('notSaved'));
      return;
    }
    void store(result.overrides as UserTemplates, 'templateSaved');
  };

  const draft = preview?.ok ? preview.draft : null;
  const previewText = draft ? (part === 'voicemail' ? (draft.voicemailText ?? '') : draft.bodyText) : '';
  return (
    <SectionForm id="templates" title={t('templatesTitle')} help={t('templatesHelp')} saveLabel={t('saveTemplate')} onSubmit={onSave} status={status}>
      <div class="settings-grid">
        <Select id="template-step" label={t('templateStep')} value={step} onChange={(value) => pick({ step: value })} options={CHASING_STEPS.map((value) => ({ value, label: panelT(`step_${value}` as MessageKey) }))} />
        <Select id="template-language" label={t('templateLanguage')} value={lang} onChange={(value) => pick({ language: value })} options={[{ value: 'fr', label: t('languageFr') }, { value: 'en', label: t('languageEn') }]} />
        <Select id="template-tone" label={t('templateTone')} value={tone} onChange={(value) => pick({ tone: value })} options={TONES_OF_STEP[step].map((value) => ({ value, label: t(`tone_${value}` as SettingsKey) }))} />
        <Select id="template-part" label={t('templatePart')} value={part} onChange={(value) => pick({ part: value })} options={templateParts(step).map((value) => ({ value, label: t(`part_${value}` as SettingsKey) }))} />
      </div>
      <p class="muted" data-testid="template-origin">{isEdited(saved, slot) ? t('templateEdited') : t('templateDefault')}</p>
      <TextBlock id="template-source" label={t('templateText')} rows={part === 'subject' ? 2 : 14} mono value={source} onInput={(value) => setSource(value)} errors={errors.length ? errors.map((error) => t('templateErrorAt', { line: error.line, column: error.column, message: error.message })) : undefined} />
      <details class="variables">
        <summary>{t('variables')}</summary>
        <ul class="variable-list">
          {TEMPLATE_VARIABLES.map((variable) => (
            <li key={variable.name}>
              <code>{`{{${variable.name}}}`}</code>
            </li>
          ))}
        </ul>
      </details>
      <div class="settings-buttons">
        <button type="button" class="secondary" data-testid="reset-template" disabled={!isEdited(saved, slot)} onClick={() => void store(resetTemplate(saved, slot) as UserTemplates, 'templateReset')}>
          {t('resetTemplate')}
        </button>
      </div>
      <h3 class="section-subtitle">{t('preview')}</h3>
      <div class="template-preview" data-testid="template-preview">
        {draft ? (
          <>
            <p class="preview-subject">{t('previewSubject', { subject: draft.subject })}</p>
            <pre class="preview-body">{previewText}</pre>
          </>
        ) : (
          <p class="muted">{errors.length ? t('templateErrors') : t('templateDisputed')}</p>
        )}
      </div>
      <div data-testid="tone-check" data-violations={draft ? draft.toneViolations.length : 0}>
        {draft && draft.toneViolations.length === 0 && <p class="ok">{t('toneOk')}</p>}
        {draft && draft.toneViolations.length > 0 && (
          <div class="notice warning-box" role="alert">
            <p>{t('toneWarnings')}</p>
            <ul class="plain">
              {draft.toneViolations.map((violation, index) => (
                <li key={index}>{violationText(violation, t)}</li>
              ))}
            </ul>
          </div>
        )}
      </div>
    </SectionForm>
  );
}
