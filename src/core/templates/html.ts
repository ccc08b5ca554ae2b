/**
 * HTML from a rendered plain-text draft. Every character of the text is escaped — template words
 * and values alike (client names and mail content are untrusted) — and only the structure is
 * rebuilt: blank-line paragraphs become <p>, "- " lines become <ul><li>, other line breaks <br>.
 * The only markup not derived from that structure is a link for the sender's own payment URL.
 */

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

export interface HtmlOptions {
  /** http(s) URLs to turn into links where they appear (the sender's payment link). */
  links?: ReadonlyArray<string | null>;
}

const LIST_ITEM = /^[-•]\s+/;

/** The draft as an HTML fragment: paragraphs and lists, no styles, no scripts. */
export function textToHtml(text: string, options: HtmlOptions = {}): string {
  const links = (options.links ?? []).filter((link): link is string => typeof link === 'string' && /^https?:\/\/[^\s<>"']+$/i.test(link));
  const inline = (line: string): string => linkify(escapeHtml(line), links);
  const blocks: string[] = [];
  for (const paragraph of text.split(/\n{2,}/)) {
    const lines = paragraph.split('\n').filter((line) => line.trim() !== '');
    let prose: string[] = [];
    let items: string[] = [];
    const flushProse = (): void => {
      if (prose.length > 0) blocks.push(`<p>${prose.map(inline).join('<br>\n')}</p>`);
      prose = [];
    };
    const flushItems = (): void => {
      if (items.length > 0) blocks.push(`<ul>\n${items.map((item) => `<li>${inline(item)}</li>`).join('\n')}\n</ul>`);
      items = [];
    };
    for (const line of lines) {
      if (LIST_ITEM.test(line)) {
        flushProse();
        items.push(line.replace(LIST_ITEM, ''));
      } else {
        flushItems();
        prose.push(line);
      }
    }
    flushProse();
    flushItems();
  }
  return blocks.join('\n');
}

function linkify(escapedLine: string, links: readonly string[]): string {
  let out = escapedLine;
  for (const link of links) {
    const escaped = escapeHtml(link);
    out = out.split(escaped).join(`<a href="${escaped}">${escaped}</a>`);
  }
  return out;
}
