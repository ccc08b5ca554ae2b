/**
 * The formal notice as a printable A4 letter (for a registered letter with acknowledgement of
 * receipt) and the escalation checklist. The letter is our own template's HTML with every value
 * escaped (src/core/templates/letter.ts), shown in a sandboxed frame without scripts; mail
 * content never reaches it.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { DraftPreview } from '../protocol/messages';
import { ViewFrame } from './form-fields';
import type { MessageKey, Translate } from './i18n';
import type { LedgerPort } from './ports';

/** The A4 letter shrunk to the panel's width on screen only; printing keeps its real size. */
function fittedLetter(html: string): string {
  const style = '<style>@media screen { html { zoom: 0.46; } }</style>';
  return html.includes('</head>') ? html.replace('</head>', `${style}</head>`) : style + html;
}

function usePreview(ledger: LedgerPort, invoiceId: string, step: 'formal_notice' | 'escalation') {
  const [preview, setPreview] = useState<DraftPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    ledger.preview(invoiceId, { step }).then(setPreview, (failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)));
  }, [invoiceId, step]);
  return { preview, error };
}

export function FormalNoticeView({ invoiceId, ledger, t, onRecordSent, onInsert, onCancel }: { invoiceId: string; ledger: LedgerPort; t: Translate; onRecordSent(trackingNumber: string): void; onInsert(): void; onCancel(): void }) {
  const { preview, error } = usePreview(ledger, invoiceId, 'formal_notice');
  const frame = useRef<HTMLIFrameElement>(null);
  const [tracking, setTracking] = useState('');
  return (
    <ViewFrame onCancel={onCancel} title={t('formalNoticeTitle')} testId="formal-notice-view">
      {error && <p class="notice error" role="alert">{t('actionFailed', { reason: error })}</p>}
      {!preview && !error && <p class="muted">{t('previewLoading')}</p>}
      {preview?.letterHtml && (
        <>
          <iframe ref={frame} class="letter-frame" title={t('formalNoticeLetter')} sandbox="allow-same-origin allow-modals" srcDoc={fittedLetter(preview.letterHtml)} data-testid="letter-frame" />
          {preview.missingFacts.length > 0 && (
            <p class="warning" data-testid="missing-facts">{t('missingFacts', { facts: preview.missingFacts.map((code) => t(`missing_${code}` as MessageKey)).join(', ') })}</p>
          )}
          <div class="actions">
            <button type="button" class="primary" data-testid="print-letter" onClick={() => frame.current?.contentWindow?.print()}>{t('printLetter')}</button>
            <button type="button" class="secondary" data-testid="insert-formal-notice" onClick={onInsert}>{t('insertAsEmail')}</button>
          </div>
          <div class="field-input">
            <label for="f-notice-tracking">{t('trackingNumber')}</label>
            <input id="f-notice-tracking" type="text" value={tracking} data-testid="input-notice-tracking" onInput={(event) => setTracking((event.currentTarget as HTMLInputElement).value)} />
          </div>
        </>
      )}
      <div class="actions">
        <button type="button" class="secondary" data-testid="record-notice-sent" disabled={!preview} onClick={() => onRecordSent(tracking.trim())}>{t('recordNoticeSent')}</button>
        <button type="button" class="secondary" onClick={onCancel}>{t('close')}</button>
      </div>
    </ViewFrame>
  );
}

export function EscalationView({ invoiceId, ledger, t, onCancel }: { invoiceId: string; ledger: LedgerPort; t: Translate; onCancel(): void }) {
  const { preview, error } = usePreview(ledger, invoiceId, 'escalation');
  return (
    <ViewFrame onCancel={onCancel} title={t('escalationTitle')} testId="escalation-view">
      <p class="muted">{t('escalationIntro')}</p>
      {error && <p class="notice error" role="alert">{t('actionFailed', { reason: error })}</p>}
      {!preview && !error && <p class="muted">{t('previewLoading')}</p>}
      {preview?.checklist && (
        <ul class="escalation-list" data-testid="escalation-checklist">
          {preview.checklist.map((item) => (
            <li key={item.id} data-status={item.status}>
              <span class={`check-status status-${item.status}`}>{t(`checkStatus_${item.status}` as MessageKey)}</span> {item.label}
              {item.detail && <small class="muted"> — {item.detail}</small>}
            </li>
          ))}
        </ul>
      )}
      <div class="actions">
        <button type="button" class="secondary" onClick={onCancel}>{t('close')}</button>
      </div>
    </ViewFrame>
  );
}
