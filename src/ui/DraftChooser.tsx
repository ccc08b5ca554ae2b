/**
 * Another step or tone than the ladder's: choose, read the draft as text, then insert it into the
 * mail's compose window in the thread, ready to edit. Nothing is ever sent from here.
 */
import { useEffect, useState } from 'preact/hooks';
import type { ChasingTone } from '../core/chasing/next-actions';
import type { ChasingStep } from '../core/chasing/steps';
import type { DraftPreview } from '../protocol/messages';
import { ViewFrame } from './form-fields';
import type { MessageKey, Translate } from './i18n';
import type { LedgerPort } from './ports';

/** The steps written as an email in the thread (a call is logged, an escalation is a checklist). */
export const WRITTEN_STEPS: readonly ChasingStep[] = ['pre_reminder', 'first_reminder', 'call_follow_up', 'second_reminder', 'further_reminder', 'formal_notice'];
const TONES: readonly ChasingTone[] = ['friendly', 'firm', 'formal'];

interface Props {
  invoiceId: string;
  initialStep: ChasingStep;
  initialTone: ChasingTone | null;
  title: string;
  ledger: LedgerPort;
  busy: boolean;
  t: Translate;
  onInsert(step: ChasingStep, tone: ChasingTone | null): void;
  onCancel(): void;
}

export function DraftChooser({ invoiceId, initialStep, initialTone, title, ledger, busy, t, onInsert, onCancel }: Props) {
  const [step, setStep] = useState<ChasingStep>(initialStep);
  const [tone, setTone] = useState<ChasingTone | null>(initialTone);
  const [preview, setPreview] = useState<DraftPreview | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    setPreview(null);
    setError(null);
    ledger.preview(invoiceId, { step, ...(tone ? { tone } : {}) }).then(
      (draft) => live && setPreview(draft),
      (failure: unknown) => live && setError(failure instanceof Error ? failure.message : String(failure)),
    );
    return () => {
      live = false;
    };
  }, [invoiceId, step, tone]);

  return (
    <ViewFrame onCancel={onCancel} title={title} testId="draft-chooser">
      <div class="choice-row stack">
        <div class="field-input">
          <label for="draft-step">{t('chooseStep')}</label>
          <select id="draft-step" data-testid="draft-step" value={step} onChange={(event) => setStep((event.currentTarget as HTMLSelectElement).value as ChasingStep)}>
            {WRITTEN_STEPS.map((option) => (
              <option key={option} value={option}>{t(`step_${option}` as MessageKey)}</option>
            ))}
          </select>
        </div>
        <div class="field-input">
          <label for="draft-tone">{t('chooseTone')}</label>
          <select id="draft-tone" data-testid="draft-tone" value={tone ?? ''} onChange={(event) => setTone(((event.currentTarget as HTMLSelectElement).value || null) as ChasingTone | null)}>
            <option value="">{t('toneUsual')}</option>
            {TONES.map((option) => (
              <option key={option} value={option}>{t(`tone_${option}` as MessageKey)}</option>
            ))}
          </select>
        </div>
      </div>
      <div class="preview" aria-live="polite" data-testid="draft-preview" data-step={preview?.step ?? ''} data-tone={preview?.tone ?? ''}>
        {error ? (
          <p class="notice error" role="alert">{t('actionFailed', { reason: error })}</p>
        ) : !preview ? (
          <p class="muted">{t('previewLoading')}</p>
        ) : (
          <>
            {tone && preview.tone !== tone && <p class="muted" data-testid="tone-fallback">{t('toneFallback', { tone: t(`tone_${preview.tone}` as MessageKey) })}</p>}
            <p class="preview-subject"><span class="muted">{t('previewSubject')}</span> <span data-testid="preview-subject">{preview.subject}</span></p>
            {/* Scrollable: focusable so the keyboard can scroll it. */}
            <p class="preview-text" data-testid="preview-body" tabIndex={0} role="region" aria-label={t('previewBodyLabel')}>{preview.bodyText}</p>
            {preview.missingFacts.length > 0 && <p class="muted" data-testid="missing-facts">{t('missingFacts', { facts: preview.missingFacts.map((code) => t(`missing_${code}` as MessageKey)).join(', ') })}</p>}
          </>
        )}
      </div>
      <div class="actions">
        <button type="button" class="primary" data-testid="insert-draft" disabled={!preview || busy} onClick={() => onInsert(step, tone)}>
          {t('insertDraft')}
        </button>
        <button type="button" class="secondary" onClick={onCancel}>{t('cancel')}</button>
      </div>
    </ViewFrame>
  );
}
