/**
 * The part of a message body the sender wrote in this message. Host adapters already strip quoted
 * history, but an old invoice quoted under a new mail must never be read as the new one, so the
 * reader stays safe on its own: it drops "> " lines and everything after a reply or forward header.
 */

// Headers that mail clients put above quoted history, in French and English.
const HISTORY_HEADERS: readonly RegExp[] = [
  /^(le|on)\b.*(a écrit|wrote)\s*:\s*$/i, // Gmail / Apple Mail: "Le 3 nov. 2026 à 10:02, Julien <…> a écrit :"
  /^-{2,}\s*(original message|message d'origine|message d’origine|forwarded message|message transféré)\s*-{2,}\s*$/i,
  /^_{10,}\s*$/, // Outlook's rule above the "De : / Envoyé :" block
];
// Outlook's quoted block starts with "De :"/"From:" followed closely by "Envoyé :"/"Sent:"/"Date :".
const OUTLOOK_FROM = /^(de|from)\s*:/i;
const OUTLOOK_NEXT = /^(envoyé|sent|date|à|to|objet|subject)\s*:/i;
// Gmail wraps long attribution lines: "Le lun. 3 nov. 2026 à 10:02, Julien Moreau <" / "julien@x.fr> a écrit :".
const WRAPPED_ATTRIBUTION_END = /(a écrit|wrote)\s*:\s*$/i;
const WRAPPED_ATTRIBUTION_START = /^(le|on)\s/i;

export function readableText(bodyText: string): string {
  const lines = bodyText.replace(/\r\n?/g, '\n').split('\n');
  const kept: string[] = [];
  for (let index = 0; index < lines.length; index += 1) {
    const line = (lines[index] ?? '').trim();
    if (isHistoryStart(line, lines[index + 1]?.trim() ?? '')) break;
    if (WRAPPED_ATTRIBUTION_END.test(line) && WRAPPED_ATTRIBUTION_START.test(kept.at(-1)?.trim() ?? '')) {
      kept.pop();
      break;
    }
    if (line.startsWith('>')) continue;
    kept.push(lines[index] ?? '');
  }
  return kept.join('\n').trim();
}

function isHistoryStart(line: string, nextLine: string): boolean {
  if (HISTORY_HEADERS.some((pattern) => pattern.test(line))) return true;
  return OUTLOOK_FROM.test(line) && OUTLOOK_NEXT.test(nextLine);
}
