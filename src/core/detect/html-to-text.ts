/**
 * HTML mail body -> plain text, without a DOM (src/core is pure and runs in the CLI too).
 *
 * A single left-to-right pass over the markup: tags are skipped, script/style/head are dropped,
 * block tags and <br> become newlines, table cells become tabs (so an invoice table stays one row
 * per line: "Total TTC\t1 200,00 €"), entities are decoded, and runs of whitespace collapse as a
 * browser would. Quoted history inside <blockquote> gets a "> " prefix on each line so the quoted
 * history splitter treats it like a plain-text quote.
 *
 * Linear time on any input: every search for a closing '>' or '-->' is memoised, so a hostile
 * "<<<<<…" body cannot make the scanner rescan the rest of the text for each '<'.
 */

/** Block-level tags: a line break before and after. */
const BLOCK_TAGS = new Set([
  'p', 'div', 'br', 'tr', 'li', 'ul', 'ol', 'table', 'tbody', 'thead', 'tfoot', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'hr', 'section', 'article', 'header', 'footer', 'blockquote', 'pre', 'dt', 'dd', 'dl', 'address', 'center', 'form',
  'fieldset', 'caption', 'main', 'nav', 'aside', 'figure', 'figcaption', 'title',
]);
/** Cells: a tab between them. */
const CELL_TAGS = new Set(['td', 'th']);
/** Content never shown as text. */
const DROPPED_TAGS = new Set(['script', 'style', 'head', 'template', 'noscript', 'svg', 'xml', 'title']);

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', ensp: ' ', emsp: ' ', thinsp: '\u2009',
  euro: '€', pound: '£', yen: '¥', cent: '¢', dollar: '$', copy: '©', reg: '®', trade: '™', deg: '°', ordm: 'º', ordf: 'ª',
  laquo: '«', raquo: '»', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', sbquo: '‚', bdquo: '„', ndash: '–', mdash: '—',
  hellip: '…', middot: '·', bull: '•', times: '×', sect: '§', para: '¶', shy: '', zwnj: '', zwj: '', num: '#', percnt: '%',
  agrave: 'à', aacute: 'á', acirc: 'â', atilde: 'ã', auml: 'ä', aring: 'å', aelig: 'æ', ccedil: 'ç',
  egrave: 'è', eacute: 'é', ecirc: 'ê', euml: 'ë', igrave: 'ì', iacute: 'í', icirc: 'î', iuml: 'ï',
  ntilde: 'ñ', ograve: 'ò', oacute: 'ó', ocirc: 'ô', otilde: 'õ', ouml: 'ö', oslash: 'ø', oelig: 'œ',
  ugrave: 'ù', uacute: 'ú', ucirc: 'û', uuml: 'ü', yacute: 'ý', yuml: 'ÿ', szlig: 'ß',
  Agrave: 'À', Aacute: 'Á', Acirc: 'Â', Auml: 'Ä', Ccedil: 'Ç', Egrave: 'È', Eacute: 'É', Ecirc: 'Ê', Euml: 'Ë',
  Icirc: 'Î', Iuml: 'Ï', Ntilde: 'Ñ', Ocirc: 'Ô', Ouml: 'Ö', OElig: 'Œ', Ugrave: 'Ù', Ucirc: 'Û', Uuml: 'Ü', iexcl: '¡', iquest: '¿',
};

/** Above this, the rest of the markup is not read (the engine only scans the first KBs anyway). */
const MAX_HTML_CHARS = 262_144;

export function htmlToText(html: string): string {
  const source = html.length > MAX_HTML_CHARS ? html.slice(0, MAX_HTML_CHARS) : html;
  const out = new TextSink();
  const length = source.length;
  let nextGt = -2; // memo: index of the next '>' at or after the current '<' (-1: none left)
  let index = 0;
  let runStart = 0; // start of the pending text run

  while (index < length) {
    // Text between tags is skipped natively (indexOf), not character by character.
    index = source.indexOf('<', index);
    if (index === -1) break;
    const tag = readTagStart(source, index + 1);
    if (tag === null) {
      index += 1;
      continue;
    }
    out.text(source, runStart, index);
    if (tag.comment) {
      const close = source.indexOf('-->', index + 4);
      index = close === -1 ? length : close + 3;
      runStart = index;
      continue;
    }
    if (nextGt !== -1 && nextGt < index) nextGt = source.indexOf('>', index);
    if (nextGt === -1) {
      // An unclosed tag at the end: nothing after it is text a reader would see.
      index = length;
      runStart = length;
      break;
    }
    const tagEnd = nextGt + 1;
    if (!tag.closing && DROPPED_TAGS.has(tag.name)) {
      const close = findClosingTag(source, tag.name, tagEnd);
      index = close;
      runStart = index;
      continue;
    }
    if (tag.name === 'blockquote') out.quote(tag.closing ? -1 : 1);
    if (BLOCK_TAGS.has(tag.name)) out.newline();
    else if (CELL_TAGS.has(tag.name) && !tag.closing) out.tab();
    index = tagEnd;
    runStart = index;
  }
  out.text(source, runStart, length);
  return out.finish();
}

interface TagStart {
  name: string;
  closing: boolean;
  comment: boolean;
}

/** The tag that starts after a '<' at `from`, or null when the '<' is plain text ("a < b"). */
function readTagStart(source: string, from: number): TagStart | null {
  let index = from;
  const first = source.charCodeAt(index);
  if (first === 33 /* ! */) {
    if (source.startsWith('--', index + 1)) return { name: '!--', closing: false, comment: true };
    return { name: '!', closing: false, comment: false }; // <!DOCTYPE …>
  }
  if (first === 63 /* ? */) return { name: '?', closing: false, comment: false };
  const closing = first === 47; /* / */
  if (closing) index += 1;
  const nameStart = index;
  // Tag names are short: a bounded read keeps this O(1) per '<'.
  let upper = false;
  for (; index < source.length && index - nameStart < 12; index += 1) {
    const code = source.charCodeAt(index);
    if (!isNameChar(code)) break;
    if (code >= 65 && code <= 90) upper = true;
  }
  if (index === nameStart || !isLetter(source.charCodeAt(nameStart))) return null;
  // Name characters are ASCII: only A-Z change when lower-cased.
  const name = source.slice(nameStart, index);
  return { name: upper ? name.toLowerCase() : name, closing, comment: false };
}

function findClosingTag(source: string, name: string, from: number): number {
  const pattern = new RegExp(`</${name}\\s*>`, 'gi');
  pattern.lastIndex = from;
  const match = pattern.exec(source);
  return match ? match.index + match[0].length : source.length;
}

function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function isNameChar(code: number): boolean {
  return isLetter(code) || (code >= 48 && code <= 57) || code === 58 || code === 45;
}

/**
 * Collects text the way a browser lays it out: collapsed whitespace, trimmed lines, at most one
 * blank line in a row, "> " at the start of each line inside a blockquote.
 */
class TextSink {
  private readonly parts: string[] = [];
  private pendingSpace = false;
  private lineEmpty = true;
  private newlines = 2; // newlines just emitted (2 at the start: no leading blank lines)
  private quoteDepth = 0;

  text(source: string, start: number, end: number): void {
    if (end <= start) return;
    // Whitespace collapses to one space (a native replace: linear, no per-word work).
    const decoded = decodeEntities(source.slice(start, end));
    // Most runs have single spaces only: no new string then.
    const collapsed = NEEDS_COLLAPSE.test(decoded) ? decoded.replace(WHITESPACE_RUN, ' ') : decoded;
    if (collapsed === ' ') {
      if (!this.lineEmpty) this.pendingSpace = true;
      return;
    }
    const leadingSpace = collapsed.charCodeAt(0) === 32;
    const trailingSpace = collapsed.charCodeAt(collapsed.length - 1) === 32;
    const words = collapsed.slice(leadingSpace ? 1 : 0, trailingSpace ? collapsed.length - 1 : collapsed.length);
    if (words !== '') {
      if (leadingSpace && !this.lineEmpty) this.pendingSpace = true;
      this.word(words);
    }
    if (trailingSpace) this.pendingSpace = true;
  }

  private word(word: string): void {
    if (this.lineEmpty && this.quoteDepth > 0) this.parts.push('> '.repeat(Math.min(this.quoteDepth, 5)));
    if (this.pendingSpace && !this.lineEmpty) this.parts.push(' ');
    this.parts.push(word);
    this.pendingSpace = false;
    this.lineEmpty = false;
    this.newlines = 0;
  }

  newline(): void {
    this.pendingSpace = false;
    // No trailing tab or space on a line (done here, not by a regex over the result: a run of
    // thousands of empty cells must not cost a quadratic /[ \t]+\n/ scan).
    while (this.parts.length > 0 && this.parts[this.parts.length - 1] === '\t') this.parts.pop();
    if (this.newlines >= 2) return;
    this.parts.push('\n');
    this.newlines += 1;
    this.lineEmpty = true;
  }

  tab(): void {
    if (this.lineEmpty || this.parts[this.parts.length - 1] === '\t') return;
    this.parts.push('\t');
    this.pendingSpace = false;
  }

  quote(delta: number): void {
    this.quoteDepth = Math.max(0, this.quoteDepth + delta);
  }

  finish(): string {
    while (this.parts.length > 0 && this.parts[this.parts.length - 1] === '\t') this.parts.pop();
    return this.parts.join('').trim();
  }
}

const WHITESPACE_RUN = /[ \t\n\r\f]+/g;
const NEEDS_COLLAPSE = /[\t\n\r\f]| {2}/;
const ENTITY = /&(#[0-9]{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,9});?/gi;

export function decodeEntities(text: string): string {
  if (text.indexOf('&') === -1) return text;
  return text.replace(ENTITY, (whole, body: string) => {
    if (body.charCodeAt(0) === 35 /* # */) {
      const hex = body.charCodeAt(1) === 120 || body.charCodeAt(1) === 88;
      const code = hex ? Number.parseInt(body.slice(2), 16) : Number.parseInt(body.slice(1), 10);
      if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff) return whole;
      if (code === 160) return '\u00a0';
      return String.fromCodePoint(code);
    }
    return NAMED_ENTITIES[body] ?? NAMED_ENTITIES[body.toLowerCase()] ?? whole;
  });
}
