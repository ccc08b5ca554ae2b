/**
 * One linear pass that tells, for a group of regexes, where a match of each one may START.
 *
 * Why: running twenty big alternations over the same 3 KB one after the other costs 20-40 µs
 * each (the regex engine tries every alternative at every position), and one combined expression
 * is slower still. Instead, each regex's source is read once, at module load, to learn the
 * characters its matches can begin with (first three characters, as sets). A pass over the text
 * then checks two small tables per position and only where a regex can start is it run, sticky,
 * at that very position.
 *
 * Exact by construction: the tables over-approximate the possible starts (lookarounds and anchors
 * are ignored, characters are hashed into 128 buckets), never under-approximate, and a sticky run
 * at position p answers exactly what a global search answers about matches starting at p (the
 * whole string stays visible to lookbehinds, `^`, `$` and `\b`). So "the first position, in order,
 * where the sticky regex matches" is the global search's first match.
 */

/** Code points as sets; `null` is "any character". */
type CharSet = ReadonlySet<number> | null;
type Node =
  | { type: 'alt'; options: Node[] }
  | { type: 'seq'; items: Node[] }
  | { type: 'char'; set: CharSet }
  | { type: 'empty' }
  | { type: 'repeat'; node: Node; min: number; max: number };

/** How many leading characters the tables describe. */
const DEPTH = 4;
const BUCKETS = 128; // 2^7: pair and triple keys are built with shifts by 7

const WHITESPACE: ReadonlySet<number> = new Set([
  9, 10, 11, 12, 13, 32, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a,
  0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff,
]);
const DIGITS: ReadonlySet<number> = new Set([48, 49, 50, 51, 52, 53, 54, 55, 56, 57]);
const WORD_CHARS: ReadonlySet<number> = new Set([...range(48, 57), ...range(65, 90), 95, ...range(97, 122)]);

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let code = from; code <= to; code += 1) out.push(code);
  return out;
}

/**
 * ASCII keeps its code; anything else lands on an upper-case letter's bucket (the engine reads
 * lower-cased text, so those buckets are otherwise nearly empty). Collisions only add candidates.
 */
function bucket(code: number): number {
  return code < BUCKETS ? code : 65 + (code % 26);
}

/* ------------------------------------------------------------------ reading a regex source */

class Parser {
  private index = 0;
  constructor(private readonly source: string) {}

  parse(): Node {
    const node = this.alternation();
    if (this.index < this.source.length) throw new Error(`prefix-scan: unexpected ')' at ${this.index}`);
    return node;
  }

  private alternation(): Node {
    const options = [this.sequence()];
    while (this.source[this.index] === '|') {
      this.index += 1;
      options.push(this.sequence());
    }
    return options.length === 1 ? (options[0] as Node) : { type: 'alt', options };
  }

  private sequence(): Node {
    const items: Node[] = [];
    while (this.index < this.source.length && this.source[this.index] !== '|' && this.source[this.index] !== ')') {
      items.push(this.quantified(this.atom()));
    }
    return { type: 'seq', items };
  }

  private quantified(node: Node): Node {
    const char = this.source[this.index];
    let min: number;
    let max: number;
    if (char === '?') [min, max] = [0, 1];
    else if (char === '*') [min, max] = [0, Infinity];
    else if (char === '+') [min, max] = [1, Infinity];
    else if (char === '{') {
      const found = /^\{(\d+)(,(\d*))?\}/.exec(this.source.slice(this.index));
      if (!found) return node; // a literal "{"
      min = Number(found[1]);
      max = found[2] === undefined ? min : found[3] === '' ? Infinity : Number(found[3]);
      this.index += found[0].length - 1;
    } else return node;
    this.index += 1;
    if (this.source[this.index] === '?') this.index += 1; // lazy: same characters
    return { type: 'repeat', node, min, max };
  }

  private atom(): Node {
    const char = this.source[this.index] as string;
    this.index += 1;
    switch (char) {
      case '(':
        return this.group();
      case '[':
        return { type: 'char', set: this.charClass() };
      case '.':
        return { type: 'char', set: null };
      case '^':
      case '$':
        return { type: 'empty' };
      case '\\':
        return this.escape();
      default:
        return { type: 'char', set: new Set([char.charCodeAt(0)]) };
    }
  }

  private group(): Node {
    let assertion = false;
    if (this.source[this.index] === '?') {
      const rest = this.source.slice(this.index, this.index + 3);
      if (rest.startsWith('?:')) this.index += 2;
      else if (rest.startsWith('?=') || rest.startsWith('?!')) [this.index, assertion] = [this.index + 2, true];
      else if (rest === '?<=' || rest === '?<!') [this.index, assertion] = [this.index + 3, true];
      else if (rest.startsWith('?<')) this.index = this.source.indexOf('>', this.index) + 1; // named group
      else throw new Error(`prefix-scan: unsupported group at ${this.index}`);
    }
    const inner = this.alternation();
    if (this.source[this.index] !== ')') throw new Error(`prefix-scan: unclosed group at ${this.index}`);
    this.index += 1;
    // Lookarounds consume nothing: ignoring them only widens the candidate set.
    return assertion ? { type: 'empty' } : inner;
  }

  private escape(): Node {
    const char = this.source[this.index] as string;
    if (char === 'b' || char === 'B') {
      this.index += 1;
      return { type: 'empty' };
    }
    if (/[1-9]/.test(char)) {
      // A back-reference: any text, any length.
      while (/\d/.test(this.source[this.index] ?? '')) this.index += 1;
      return { type: 'repeat', node: { type: 'char', set: null }, min: 0, max: Infinity };
    }
    return { type: 'char', set: this.escapeSet() };
  }

  /** The set an escape stands for (the index is on the character after the backslash). */
  private escapeSet(): CharSet {
    const char = this.source[this.index] as string;
    this.index += 1;
    switch (char) {
      case 's':
        return WHITESPACE;
      case 'd':
        return DIGITS;
      case 'w':
        return WORD_CHARS;
      case 'S':
      case 'D':
      case 'W':
        return null;
      case 'n':
        return new Set([10]);
      case 't':
        return new Set([9]);
      case 'r':
        return new Set([13]);
      case 'f':
        return new Set([12]);
      case 'v':
        return new Set([11]);
      case 'u':
      case 'x': {
        const length = char === 'u' ? 4 : 2;
        const hex = this.source.slice(this.index, this.index + length);
        this.index += length;
        return new Set([parseInt(hex, 16)]);
      }
      default:
        return new Set([char.charCodeAt(0)]);
    }
  }

  private charClass(): CharSet {
    const negated = this.source[this.index] === '^';
    if (negated) this.index += 1;
    const set = new Set<number>();
    let wide = false;
    let first = true;
    while (this.source[this.index] !== ']' || first) {
      first = false;
      if (this.index >= this.source.length) throw new Error('prefix-scan: unclosed class');
      const low = this.classAtom();
      if (low === null) {
        wide = true;
        continue;
      }
      if (this.source[this.index] === '-' && this.source[this.index + 1] !== ']') {
        this.index += 1;
        const high = this.classAtom();
        if (high === null || high.size !== 1 || low.size !== 1) throw new Error('prefix-scan: odd class range');
        for (let code = [...low][0] as number; code <= ([...high][0] as number); code += 1) set.add(code);
      } else for (const code of low) set.add(code);
    }
    this.index += 1;
    return negated || wide ? null : set;
  }

  private classAtom(): CharSet {
    const char = this.source[this.index] as string;
    this.index += 1;
    if (char !== '\\') return new Set([char.charCodeAt(0)]);
    if (this.source[this.index] === 'b') {
      this.index += 1;
      return new Set([8]);
    }
    return this.escapeSet();
  }
}

/* ------------------------------------------------------------------ first characters */

type Prefix = readonly CharSet[];

/** The possible first `depth` characters of a match (fewer when a match may be shorter). */
function prefixes(node: Node, depth: number): Prefix[] {
  if (depth === 0) return [[]];
  switch (node.type) {
    case 'empty':
      return [[]];
    case 'char':
      return [[node.set]];
    case 'alt':
      return node.options.flatMap((option) => prefixes(option, depth));
    case 'seq':
      return sequencePrefixes(node.items, depth);
    case 'repeat': {
      // Past `depth` copies nothing new can appear in the first `depth` characters.
      const required = Math.min(node.min, depth);
      const optional = Math.min(node.max, depth) - required;
      const items: Node[] = [];
      for (let copy = 0; copy < required; copy += 1) items.push(node.node);
      for (let copy = 0; copy < optional; copy += 1) items.push({ type: 'alt', options: [node.node, { type: 'empty' }] });
      return sequencePrefixes(items, depth);
    }
  }
}

function sequencePrefixes(items: readonly Node[], depth: number): Prefix[] {
  let partial: Prefix[] = [[]];
  for (const item of items) {
    const next: Prefix[] = [];
    for (const start of partial) {
      if (start.length >= depth) next.push(start);
      else for (const rest of prefixes(item, depth - start.length)) next.push([...start, ...rest]);
    }
    partial = dedupe(next);
  }
  return partial;
}

const setIds = new Map<CharSet, number>();
function dedupe(list: Prefix[]): Prefix[] {
  const seen = new Map<string, Prefix>();
  for (const prefix of list) {
    const key = prefix.map((set) => {
      let id = setIds.get(set);
      if (id === undefined) setIds.set(set, (id = setIds.size));
      return id;
    }).join(',');
    if (!seen.has(key)) seen.set(key, prefix);
  }
  return [...seen.values()];
}

/** The set and the lower case of each of its characters. */
function withLowerCase(set: CharSet): CharSet {
  if (set === null) return null;
  const out = new Set(set);
  for (const code of set) {
    const lower = String.fromCharCode(code).toLowerCase();
    if (lower.length === 1) out.add(lower.charCodeAt(0));
  }
  return out;
}

function buckets(set: CharSet | undefined): number[] {
  if (set === undefined || set === null) return range(0, BUCKETS - 1);
  return [...new Set([...set].map(bucket))];
}

/* ------------------------------------------------------------------ the scanner */

/** Above this many concrete starts (products of bucket counts), a prefix goes to the loose tables. */
const MAX_EXACT = 4096;

/** Pair tables: (c0, c1), (c1, c2), (c2, c3) may begin a match of the regexes whose bits are set. */
class PairTables {
  readonly pairs = [new Uint32Array(BUCKETS * BUCKETS), new Uint32Array(BUCKETS * BUCKETS), new Uint32Array(BUCKETS * BUCKETS)] as const;

  add(bit: number, sets: readonly number[][]): void {
    this.pairs.forEach((table, offset) => {
      for (const x of sets[offset] as number[]) for (const y of sets[offset + 1] as number[]) table[(x << 7) | y]! |= bit;
    });
  }
}

export class PrefixScanner {
  /** Per regex, a sticky copy: runs only at the position given. */
  readonly sticky: readonly RegExp[];
  /** Fast filter: every prefix, as pairs (over-approximates the four-character starts). */
  private readonly all = new PairTables();
  /** Prefixes too wide to list (or shorter than four characters), as pairs. */
  private readonly loose = new PairTables();
  /** The other prefixes, exactly: four bucketed characters -> bits (built here, then frozen into the table below). */
  private readonly exact = new Map<number, number>();
  /**
   * `exact` as an open-addressing table (keys and bits in typed arrays, 0 bits for an empty slot):
   * the scan looks a key up at every position that passes the pair tables, and a Map lookup there
   * cost more than the rest of the scan.
   */
  private readonly exactKeys: Int32Array;
  private readonly exactBits: Int32Array;
  private readonly exactShift: number;

  /**
   * `scannedLowerCased`: indexes of patterns that run on a text whose lower-cased copy (same
   * offsets, see letters.ts) is the one scanned: their starts are looked for lower-cased.
   */
  constructor(patterns: readonly RegExp[], scannedLowerCased: ReadonlySet<number> = new Set()) {
    if (patterns.length > 32) throw new Error('prefix-scan: at most 32 patterns');
    this.sticky = patterns.map((pattern) => {
      if (pattern.flags.includes('i') || pattern.flags.includes('u') || pattern.flags.includes('v')) throw new Error('prefix-scan: no i/u/v flags');
      return new RegExp(pattern.source, `${pattern.flags.replace('g', '')}y`);
    });
    patterns.forEach((pattern, index) => {
      const bit = 1 << index;
      for (const prefix of prefixes(new Parser(pattern.source).parse(), DEPTH)) {
        // A shorter prefix (a match of fewer characters) leaves the rest free.
        const folded = scannedLowerCased.has(index) ? prefix.map(withLowerCase) : prefix;
        const sets = [buckets(folded[0]), buckets(folded[1]), buckets(folded[2]), buckets(folded[3])];
        this.all.add(bit, sets);
        if (prefix.length < DEPTH || sets.reduce((product, set) => product * set.length, 1) > MAX_EXACT) {
          this.loose.add(bit, sets);
          continue;
        }
        const [a, b, c, d] = sets as [number[], number[], number[], number[]];
        for (const w of a) for (const x of b) for (const y of c) for (const z of d) {
          const key = (((((w << 7) | x) << 7) | y) << 7) | z;
          this.exact.set(key, (this.exact.get(key) ?? 0) | bit);
        }
      }
    });
    let size = 16;
    while (size < this.exact.size * 4) size *= 2;
    this.exactShift = 32 - Math.log2(size);
    this.exactKeys = new Int32Array(size);
    this.exactBits = new Int32Array(size);
    const mask = size - 1;
    for (const [key, bits] of this.exact) {
      let slot = Math.imul(key, 0x9e3779b1) >>> this.exactShift;
      while (this.exactBits[slot] !== 0) slot = (slot + 1) & mask;
      this.exactKeys[slot] = key;
      this.exactBits[slot] = bits;
    }
  }

  /**
   * Calls `visit(position, bits)` for each position of `text` from `from` where one of the regexes
   * in `active` may start (`bits` says which), in order. `visit` returns the regexes still wanted;
   * the pass stops when none is. Positions from `to` on are not visited (the characters there are
   * still read as the next ones of the positions before).
   */
  scan(text: string, active: number, visit: (position: number, bits: number) => number, from = 0, to = text.length): void {
    const [all01, all12, all23] = this.all.pairs;
    const [loose01, loose12, loose23] = this.loose.pairs;
    const exactKeys = this.exactKeys;
    const exactBits = this.exactBits;
    const exactShift = this.exactShift;
    const exactMask = exactKeys.length - 1;
    const length = text.length;
    const stop = Math.min(length, to);
    if (from >= stop || active === 0) return;
    // Buckets of the characters at position, +1, +2 (0 past the end); +3 is read in the loop.
    let b0 = bucket(text.charCodeAt(from));
    let b1 = from + 1 < length ? bucket(text.charCodeAt(from + 1)) : 0;
    let b2 = from + 2 < length ? bucket(text.charCodeAt(from + 2)) : 0;
    for (let position = from; position < stop; position += 1) {
      let b3 = 0;
      if (position + 3 < length) {
        b3 = text.charCodeAt(position + 3);
        if (b3 >= BUCKETS) b3 = bucket(b3);
      }
      const pair01 = (b0 << 7) | b1;
      // Cheapest test first: most positions fail on their first two characters.
      const first = (all01[pair01] as number) & active;
      const pair12 = (b1 << 7) | b2;
      const pair23 = (b2 << 7) | b3;
      if (first !== 0 && (first & (all12[pair12] as number) & (all23[pair23] as number)) !== 0) {
        const loose = (loose01[pair01] as number) & (loose12[pair12] as number) & (loose23[pair23] as number);
        const key = (((pair01 << 7) | b2) << 7) | b3;
        let exact = 0;
        for (let slot = Math.imul(key, 0x9e3779b1) >>> exactShift; ; slot = (slot + 1) & exactMask) {
          const slotBits = exactBits[slot] as number;
          if (slotBits === 0) break;
          if (exactKeys[slot] === key) {
            exact = slotBits;
            break;
          }
        }
        const bits = (loose | exact) & active;
        if (bits !== 0) {
          active = visit(position, bits);
          if (active === 0) return;
        }
      }
      b0 = b1;
      b1 = b2;
      b2 = b3;
    }
  }

  /** The match of regex `index` starting exactly at `position`, or null. */
  matchAt(index: number, text: string, position: number): RegExpExecArray | null {
    const pattern = this.sticky[index] as RegExp;
    pattern.lastIndex = position;
    return pattern.exec(text);
  }
}

/**
 * Every match of the regexes in `active`, each regex on its own as `text.matchAll(regex)` would
 * find them (left to right, a match resumes the search at its end), for matches starting before
 * `stop`. Calls `found(index, match)` per match, in order of position.
 */
export function forEachMatch(
  scanner: PrefixScanner,
  text: string,
  active: number,
  stop: number,
  found: (index: number, match: RegExpExecArray) => void,
  /** Per pattern, the text it runs on when it is not `text` (see `scannedLowerCased`). */
  inputs: ReadonlyArray<string | undefined> = [],
): void {
  const resume: number[] = [];
  scanner.scan(text, active, (position, bits) => {
    if (position >= stop) return 0;
    let pending = bits;
    while (pending !== 0) {
      const bit = pending & -pending;
      pending ^= bit;
      const index = 31 - Math.clz32(bit);
      if (position < (resume[index] ?? 0)) continue;
      const match = scanner.matchAt(index, inputs[index] ?? text, position);
      if (!match) continue;
      const end = position + match[0].length;
      resume[index] = end === position ? position + 1 : end;
      found(index, match);
    }
    return active;
  });
}
