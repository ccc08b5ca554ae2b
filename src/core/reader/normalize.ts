/**
 * Mail text comes with typographic spaces and apostrophes (fr-FR writes "2 400,00 €" with U+202F,
 * "n° 12" with U+00A0). The patterns of the reader are written for plain ones; this keeps every
 * character at its place so match positions stay valid in the original text.
 */
export function normalizeSpacing(text: string): string {
  return text.replace(/[\u00a0\u202f\u2007\u2009]/g, ' ').replace(/[\u2019\u02bc]/g, "'");
}
