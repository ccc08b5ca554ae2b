/**
 * The small "Relance" chip placed beside the thread subject: one click opens the side panel.
 * Built with DOM calls only (no HTML strings), styled inline so Gmail's CSS cannot hide it and ours
 * cannot leak into Gmail. Labels come from _locales (chrome.i18n), so no i18n code ships here.
 */
export const CHIP_ATTRIBUTE = 'data-relance-chip';

export function placeChip(anchor: Element | null, onClick: () => void, signal: AbortSignal): void {
  if (!anchor || signal.aborted) return;
  if (anchor.parentElement?.querySelector(`[${CHIP_ATTRIBUTE}]`)) return;
  const chip = document.createElement('button');
  chip.type = 'button';
  chip.setAttribute(CHIP_ATTRIBUTE, '');
  chip.textContent = chrome.i18n.getMessage('chipLabel') || 'Relance';
  chip.title = chrome.i18n.getMessage('chipTitle') || 'Open the Relance panel';
  chip.style.cssText = [
    'margin-left:8px',
    'padding:2px 10px',
    'border:1px solid #0f6e6e',
    'border-radius:12px',
    'background:#e6f2f2',
    'color:#0f6e6e',
    'font:500 12px/18px Roboto,Arial,sans-serif',
    'cursor:pointer',
    'vertical-align:middle',
  ].join(';');
  chip.addEventListener('click', (event) => {
    event.preventDefault();
    event.stopPropagation();
    onClick();
  }, { signal });
  signal.addEventListener('abort', () => chip.remove(), { once: true });
  anchor.insertAdjacentElement('afterend', chip);
}
