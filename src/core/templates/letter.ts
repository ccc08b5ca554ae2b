/**
 * The formal notice as a letter: the same words as the email, laid out as a French business letter
 * ready to print and send by registered post — sender top left, recipient where the window of a
 * DL envelope shows it (about 110 mm from the left, 50 mm from the top of an A4 sheet folded in
 * three), "Lettre recommandée avec accusé de réception", place and date, "Objet : Mise en demeure
 * de payer", the body and the signature. A standalone HTML document with print CSS, no script, every
 * value escaped.
 */
import type { Language } from '../model';
import { escapeHtml, textToHtml } from './html';

export interface LetterParts {
  language: Language;
  creditorBlock: string | null;
  debtorBlock: string | null;
  /** "Lettre recommandée avec accusé de réception". */
  registeredLetter: string;
  /** "Paris, le 19 janvier 2027". */
  placeDate: string;
  /** "Objet :" */
  subjectLabel: string;
  subject: string;
  /** The rendered body template: from the salutation to the closing formula. */
  body: string;
  signature: string | null;
  /** "P. J. : copie de la facture n° …". */
  enclosures: string | null;
  paymentLink: string | null;
}

/** The letter as plain text: what the email carries, and what the tone checks read. */
export function formalNoticeText(parts: LetterParts): string {
  return [parts.creditorBlock, parts.debtorBlock, `${parts.registeredLetter}\n${parts.placeDate}`, `${parts.subjectLabel} ${parts.subject}`, parts.body, parts.signature, parts.enclosures]
    .filter((block): block is string => typeof block === 'string' && block.trim() !== '')
    .join('\n\n');
}

const CSS = `
@page { size: A4; margin: 18mm 20mm 20mm 20mm; }
* { box-sizing: border-box; }
html { background: #eceff1; }
body { margin: 0; color: #000; font-family: "Times New Roman", Times, Georgia, serif; font-size: 11pt; line-height: 1.45; }
.sheet { width: 210mm; min-height: 297mm; margin: 8mm auto; padding: 18mm 20mm 20mm; background: #fff; box-shadow: 0 1mm 4mm rgba(0, 0, 0, 0.2); }
.head { position: relative; height: 78mm; }
address { font-style: normal; }
.sender { position: absolute; top: 0; left: 0; width: 85mm; }
.recipient { position: absolute; top: 32mm; left: 90mm; width: 80mm; }
.sending { margin: 0 0 2mm; font-weight: bold; }
.place-date { margin: 0 0 8mm; text-align: right; }
.subject { margin: 0 0 6mm; font-weight: bold; }
.body p { margin: 0 0 3.5mm; text-align: justify; }
.body ul { margin: 0 0 3.5mm; padding-left: 7mm; }
.body li { margin: 0 0 1mm; }
.signature { margin: 8mm 0 0 90mm; min-height: 28mm; }
.enclosures { margin-top: 10mm; font-size: 10pt; }
p, li, .signature { break-inside: avoid; }
@media print {
  html { background: none; }
  .sheet { width: auto; min-height: 0; margin: 0; padding: 0; box-shadow: none; }
}
`.trim();

const lines = (text: string | null): string => (text ? text.split('\n').map(escapeHtml).join('<br>\n') : '');

/** A complete HTML document (A4, print CSS) to open and print, or save as PDF. */
export function formalNoticeLetterHtml(parts: LetterParts): string {
  const title = `${parts.subjectLabel} ${parts.subject}`;
  return `<!DOCTYPE html>
<html lang="${parts.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(parts.subject)}</title>
<style>
${CSS}
</style>
</head>
<body>
<main class="sheet">
<div class="head">
<address class="sender">${lines(parts.creditorBlock)}</address>
<address class="recipient">${lines(parts.debtorBlock)}</address>
</div>
<p class="sending">${escapeHtml(parts.registeredLetter)}</p>
<p class="place-date">${escapeHtml(parts.placeDate)}</p>
<p class="subject">${escapeHtml(title)}</p>
<div class="body">
${textToHtml(parts.body, { links: [parts.paymentLink] })}
</div>
<div class="signature">${lines(parts.signature)}</div>
${parts.enclosures ? `<p class="enclosures">${escapeHtml(parts.enclosures)}</p>\n` : ''}</main>
</body>
</html>
`;
}
