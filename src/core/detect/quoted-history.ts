/**
 * Where the newest message ends and quoted history (a reply's quote, a forwarded mail) begins.
 *
 * The newest part decides what a message is; the history only gives context (the invoice a
 * "c'est réglé" answers). Mail clients mark the history with an attribution line ("Le … a écrit :",
 * "On … wrote:", "Am … schrieb …:"), a separator ("-----Original Message-----", "---------- Forwarded
 * message ---------"), or an Outlook header block ("De : … / Envoyé : … / À : … / Objet : …"), and
 * plain-text quotes prefix lines with ">".
 *
 * Works line by line on at most `limit` characters; every pattern runs on one short line only, so
 * the cost is linear in the text read whatever the input.
 */

export interface HistorySplit {
  /** End of the newest part: the offset where the first history header starts (text length when none). */
  newestEnd: number;
  /** Where the quoted or forwarded content starts (after its header), or -1 when there is no history. */
  historyStart: number;
  /** The header above the history, as [start, end) offsets (empty when none). */
  headerStart: number;
  headerEnd: number;
  /** True when the header is a forward separator ("Forwarded message", "Message transféré"…). */
  forwarded: boolean;
  /** Lines of the newest part that start with ">" (inline quotes): [start, end) pairs to ignore. */
  quotedLines: Array<readonly [number, number]>;
}

const MAX_HEADER_LINE = 400;

// "Le lun. 3 nov. 2026 à 10:02, Julien <j@x.fr> a écrit :", "On Mon, Nov 3, 2026 at 10:02 AM Sam <…> wrote:",
// "Am 03.11.2026 um 10:02 schrieb Anna <…>:", "El lun, 3 nov 2026 a las 10:02, Ana (<…>) escribió:",
// "Il giorno lun 3 nov 2026 alle ore 10:02 Marco <…> ha scritto:", "Op ma 3 nov. 2026 om 10:02 schreef Jan <…>:".
const ATTRIBUTION_OPENER = /^(?:le|on|am|el|il|op|den|em)\s/i;
// Without the date ("Claire Martin a écrit :", "claire@studio.fr wrote:", "Anna <a@x.de> schrieb:"): a
// short line that is only a name and/or an address before the verb.
const BARE_ATTRIBUTION =
  /^(?:"?[\p{L}'.\- ]{1,60}"?\s?)?(?:<[^<>\s]{3,80}>|\(?[^\s@<>()]{1,64}@[^\s@<>()]{1,100}\)?)?\s?(?:a\s+écrit|a\s+ecrit|wrote|schrieb|escribió|escribio|ha\s+scritto|schreef)\s?:$/iu;
const ATTRIBUTION_VERB = /(?:a\s+écrit|a\s+ecrit|wrote|schrieb(?:\s+[^:\n]{0,120})?|escribió|escribio|ha\s+scritto|schreef(?:\s+[^:\n]{0,120})?|skrev|escreveu)\s*:\s*$/i;

// Separators that open a quoted or forwarded message.
const FORWARD_SEPARATOR =
  /^(?:-{2,}\s*(?:forwarded message|message transf[ée]r[ée]|weitergeleitete nachricht|mensaje reenviado|messaggio inoltrato|doorgestuurd bericht|mensagem encaminhada)\s*-{0,}|d[ée]but du message r[ée]exp[ée]di[ée]\s*:|begin forwarded message\s*:|inizio messaggio inoltrato\s*:|forwarded message\s*:)/i;
const ORIGINAL_SEPARATOR =
  /^-{2,}\s*(?:original message|message d['’]origine|ursprüngliche nachricht|mensaje original|messaggio originale|oorspronkelijk bericht|originalnachricht)\s*-{2,}/i;
const UNDERSCORE_RULE = /^_{10,}\s*$/;

// Outlook's block: a "From:" line soon followed by "Sent:"/"To:"/"Subject:" lines, in any language.
const OUTLOOK_FROM = /^\*?(?:de|from|von|da|van|från)\s*\*?\s*:/i;
const OUTLOOK_FIELD =
  /^\*?(?:envoy[ée]|sent|date|datum|data|fecha|gesendet|enviado|inviato|verzonden|[àa]|to|an|para|aan|cc|objet|subject|betreff|asunto|oggetto|onderwerp)\s*\*?\s*:/i;

interface Line {
  start: number;
  /** Start after leading whitespace. */
  contentStart: number;
  end: number;
}

export function splitHistory(text: string, limit: number): HistorySplit {
  const lines = readLines(text, Math.min(limit, text.length));
  const quotedLines: Array<readonly [number, number]> = [];
  const none: HistorySplit = { newestEnd: text.length, historyStart: -1, headerStart: 0, headerEnd: 0, forwarded: false, quotedLines };

  // The next ":" at or after the line read (-2: not looked for yet, -1: none left).
  let nextColon = -2;
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index] as Line;
    if (line.contentStart >= line.end) continue;
    const head = text.charCodeAt(line.contentStart);
    if (head === 62 /* > */) {
      quotedLines.push([line.start, line.end]);
      continue;
    }
    if (line.end - line.contentStart > MAX_HEADER_LINE) continue;

    // Every header pattern but the dashed separators needs a ":": most lines have none and skip them
    // (looked for in place: only a line that may be a header is copied out).
    const dashed = head === 45; /* - */
    if (nextColon === -2 || (nextColon !== -1 && nextColon < line.contentStart)) nextColon = text.indexOf(':', line.contentStart);
    const colon = nextColon !== -1 && nextColon < line.end;
    if (!dashed && !colon) continue;
    const content = lineText(text, line);
    if ((dashed || colon) && (FORWARD_SEPARATOR.test(content) || (dashed && ORIGINAL_SEPARATOR.test(content)))) {
      const forwarded = FORWARD_SEPARATOR.test(content);
      return split(text, lines, index, index, forwarded, quotedLines, true);
    }
    if (!colon) continue;
    if (ATTRIBUTION_VERB.test(content)) {
      // Gmail wraps long attributions over two or three lines: find the opener above.
      for (let back = 0; back <= 2 && index - back >= 0; back += 1) {
        const opener = lines[index - back] as Line;
        if (ATTRIBUTION_OPENER.test(lineText(text, opener))) return split(text, lines, index - back, index, false, quotedLines, false);
      }
      if (content.length <= 200 && BARE_ATTRIBUTION.test(content)) return split(text, lines, index, index, false, quotedLines, false);
    }
    if (OUTLOOK_FROM.test(content) && followedByOutlookFields(text, lines, index)) {
      const previous = index > 0 ? lineText(text, lines[index - 1] as Line) : '';
      const startIndex = UNDERSCORE_RULE.test(previous) ? index - 1 : index;
      return split(text, lines, startIndex, lastOutlookField(text, lines, index), false, quotedLines, false);
    }
  }
  return none;
}

function split(
  text: string,
  lines: readonly Line[],
  headerFirst: number,
  headerLast: number,
  forwarded: boolean,
  quotedLines: Array<readonly [number, number]>,
  separator: boolean,
): HistorySplit {
  const first = lines[headerFirst] as Line;
  let last = headerLast;
  // After a separator, the forwarded header block ("De : … Objet : …") belongs to the header.
  if (separator) {
    let next = last + 1;
    while (next < lines.length && next - last <= 8) {
      const content = lineText(text, lines[next] as Line);
      if (content === '' || OUTLOOK_FROM.test(content) || OUTLOOK_FIELD.test(content)) {
        if (content !== '') last = next;
        next += 1;
      } else break;
    }
  }
  const headerEnd = (lines[last] as Line).end;
  const historyStart = Math.min(text.length, headerEnd + 1);
  return {
    newestEnd: first.start,
    historyStart,
    headerStart: first.start,
    headerEnd,
    forwarded,
    quotedLines: quotedLines.filter(([start]) => start < first.start),
  };
}

function followedByOutlookFields(text: string, lines: readonly Line[], index: number): boolean {
  for (let next = index + 1; next <= index + 3 && next < lines.length; next += 1) {
    if (OUTLOOK_FIELD.test(lineText(text, lines[next] as Line))) return true;
  }
  return false;
}

function lastOutlookField(text: string, lines: readonly Line[], index: number): number {
  let last = index;
  for (let next = index + 1; next <= index + 8 && next < lines.length; next += 1) {
    const content = lineText(text, lines[next] as Line);
    if (OUTLOOK_FIELD.test(content)) last = next;
    else if (content !== '' && next - last > 1) break;
  }
  return last;
}

function readLines(text: string, limit: number): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start < limit) {
    let end = text.indexOf('\n', start);
    if (end === -1 || end > limit) end = limit;
    let contentStart = start;
    while (contentStart < end && isBlank(text.charCodeAt(contentStart))) contentStart += 1;
    let contentEnd = end;
    while (contentEnd > contentStart && isBlank(text.charCodeAt(contentEnd - 1))) contentEnd -= 1;
    lines.push({ start, contentStart, end: contentEnd });
    start = end + 1;
  }
  return lines;
}

function lineText(text: string, line: Line): string {
  // Long lines are never headers: do not copy them.
  if (line.end - line.contentStart > MAX_HEADER_LINE) return text.slice(line.contentStart, line.contentStart + MAX_HEADER_LINE + 1);
  return text.slice(line.contentStart, line.end);
}

function isBlank(code: number): boolean {
  return code === 32 || code === 9 || code === 13 || code === 160;
}
