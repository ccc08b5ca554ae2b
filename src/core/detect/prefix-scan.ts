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
/**
 * `bucket` beyond ASCII: whitespace shares the bucket of "\v" (so that `\s`, whose other members
 * are ASCII, stands for 6 buckets, not 20: prefixes with spaces stay narrow enough to list).
 */
const NON_ASCII_BUCKETS = new Uint8Array(0x10000);
for (let code = BUCKETS; code < 0x10000; code += 1) NON_ASCII_BUCKETS[code] = WHITESPACE.has(code) ? 11 : 65 + (code % 26);

const DIGITS: ReadonlySet<number> = new Set([48, 49, 50, 51, 52, 53, 54, 55, 56, 57]);
const WORD_CHARS: ReadonlySet<number> = new Set([...range(48, 57), ...range(65, 90), 95, ...range(97, 122)]);

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let code = from; code <= to; code += 1) out.push(code);
  return out;
}

/**
 * ASCII keeps its code; anything else lands on an upper-case letter's bucket (the engine reads
 * lower-cased text, so those buckets are otherwise nearly empty), whitespace on "\v"'s.
 * Collisions only add candidates.
 */
function bucket(code: number): number {
  return code < BUCKETS ? code : (NON_ASCII_BUCKETS[code] as number);
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
    budget -= next.length;
    if (budget < 0) throw TOO_MANY;
    partial = dedupe(next);
  }
  return partial;
}

/** Prefix lists built so far may hold this many more prefixes (see `boundedPrefixes`). */
let budget = Infinity;
const TOO_MANY = new Error('prefix-scan: too many prefixes');

/** `prefixes(node, depth)`, or null when listing them would take too long. */
function boundedPrefixes(node: Node, depth: number): Prefix[] | null {
  budget = 1000;
  try {
    return prefixes(node, depth);
  } catch (error) {
    if (error === TOO_MANY) return null;
    throw error;
  } finally {
    budget = Infinity;
  }
}

const setIds = new Map<CharSet, number>();
function dedupe(list: Prefix[]): Prefix[] {
  const seen = new Map<string, Prefix>();
  for (const prefix of list) {
    let key = '';
    for (const set of prefix) {
      let id = setIds.get(set);
      if (id === undefined) setIds.set(set, (id = setIds.size));
      key += String.fromCharCode(id & 0xffff, id >>> 16);
    }
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

/** How many leading characters the second look reads. */
const LONG_DEPTH = 8;
/** Above this many concrete eight-character starts, a prefix is not listed but described by `LongLook.masks`. */
const MAX_LONG = 256;
/** Above this many concrete four-character starts, masks are kept by the third and fourth characters only. */
const MAX_MASK_HEADS = 64;

/** Every key of four bucketed characters the sets allow. */
function keysOf(sets: readonly number[][]): number[] {
  let keys = [0];
  for (const set of sets) {
    const next: number[] = [];
    for (const key of keys) for (const code of set) next.push((key << 7) | code);
    keys = next;
  }
  return keys;
}

/** What the second look needs of one pattern (see `PrefixScanner.longTable`). */
interface LongLook {
  /** First four characters -> the next four characters its listed prefixes allow. */
  long: Map<number, Set<number>>;
  /**
   * First four characters -> for the prefixes with those that are too many to list, the buckets
   * each of the next four characters may be in (four 128-bit sets; a prefix shorter than eight
   * allows anything past its end, the end of the text included).
   */
  masks: Map<number, Uint32Array>;
  /** The same by the third and fourth characters, for prefixes whose first four are many. */
  pairMasks: Map<number, Uint32Array>;
  /** Bucket sets of the first four characters by which it skips it, when too wide to list. */
  shortLoose: number[][][];
}

/** Per pattern source (the same patterns serve several scanners), built once. */
const LONG_LOOKS = new Map<string, LongLook>();

function longLookOf(source: string, lowerCased: boolean): LongLook {
  const cacheKey = `${lowerCased ? 'L' : 'C'}${source}`;
  const known = LONG_LOOKS.get(cacheKey);
  if (known) return known;
  const look: LongLook = { long: new Map(), masks: new Map(), pairMasks: new Map(), shortLoose: [] };
  const parsed = new Parser(source).parse();
  const all: Prefix[] = [];
  for (const option of parsed.type === 'alt' ? parsed.options : [parsed]) {
    // An alternative whose eight-character starts are too many to list ("\d{1,2} de mars…")
    // is looked at by its first four characters only.
    all.push(...(boundedPrefixes(option, LONG_DEPTH) ?? prefixes(option, DEPTH)));
  }
  // Prefixes grouped by their first four sets, so that each group's keys are listed once.
  const listed = new Map<string, { head: number[][]; tails: Set<number> }>();
  const masked = new Map<string, { head: number[][]; tail: Uint32Array }>();
  const loose = new Set<string>();
  for (const prefix of all) {
    const sets: number[][] = [];
    for (let at = 0; at < DEPTH + 4; at += 1) sets.push(bucketsOf(at < prefix.length ? (lowerCased ? lowerCaseOf(prefix[at] as CharSet) : (prefix[at] as CharSet)) : undefined));
    const head = sets.slice(0, DEPTH);
    const headKey = `${Math.min(prefix.length, DEPTH)}|${head.map(idOf).join(',')}`;
    const product = (from: number, to: number) => sets.slice(from, to).reduce((total, set) => total * set.length, 1);
    if (prefix.length < DEPTH || product(0, DEPTH) > MAX_EXACT) {
      if (!loose.has(headKey)) look.shortLoose.push(head);
      loose.add(headKey);
    } else if (prefix.length === LONG_DEPTH && product(DEPTH, LONG_DEPTH) * product(0, DEPTH) <= MAX_LONG) {
      let group = listed.get(headKey);
      if (!group) listed.set(headKey, (group = { head, tails: new Set() }));
      for (const tail of keysOf(sets.slice(DEPTH, LONG_DEPTH))) group.tails.add(tail);
    } else {
      let group = masked.get(headKey);
      if (!group) masked.set(headKey, (group = { head, tail: new Uint32Array(16) }));
      for (let at = DEPTH; at < DEPTH + 4; at += 1) {
        for (const code of sets[at] as number[]) group.tail[(at - DEPTH) * 4 + (code >>> 5)]! |= 1 << (code & 31);
      }
    }
  }
  for (const { head, tails } of listed.values()) {
    for (const key of keysOf(head)) {
      let known = look.long.get(key);
      if (!known) look.long.set(key, (known = new Set()));
      for (const tail of tails) known.add(tail);
    }
  }
  for (const { head, tail } of masked.values()) {
    // By the four characters when they are few, else by the third and fourth only.
    const byHead = head.reduce((total, set) => total * set.length, 1) <= MAX_MASK_HEADS;
    const into = byHead ? look.masks : look.pairMasks;
    for (const key of keysOf(byHead ? head : head.slice(2))) {
      let known = into.get(key);
      if (!known) into.set(key, (known = new Uint32Array(16)));
      for (let word = 0; word < 16; word += 1) known[word]! |= tail[word] as number;
    }
  }
  LONG_LOOKS.set(cacheKey, look);
  return look;
}

const BUCKETS_OF = new Map<CharSet | undefined, number[]>();
/** `buckets(set)`, the same array for the same set. */
function bucketsOf(set: CharSet | undefined): number[] {
  let known = BUCKETS_OF.get(set);
  if (!known) BUCKETS_OF.set(set, (known = buckets(set)));
  return known;
}

const LOWER_CASE_OF = new Map<CharSet, CharSet>();
/** `withLowerCase(set)`, the same set for the same set. */
function lowerCaseOf(set: CharSet): CharSet {
  let known = LOWER_CASE_OF.get(set);
  if (known === undefined) LOWER_CASE_OF.set(set, (known = withLowerCase(set)));
  return known;
}

const IDS = new Map<number[], number>();
function idOf(list: number[]): number {
  let id = IDS.get(list);
  if (id === undefined) IDS.set(list, (id = IDS.size));
  return id;
}

/** (four characters, next four characters) -> bits, as an open-addressing table (see `exactKeys`). */
class LongTable {
  private readonly heads: Int32Array;
  private readonly tails: Int32Array;
  private readonly bits: Int32Array;
  private readonly shift: number;

  constructor(entries: ReadonlyMap<number, ReadonlyMap<number, number>>) {
    let count = 0;
    for (const tails of entries.values()) count += tails.size;
    let size = 16;
    while (size < count * 2) size *= 2;
    this.shift = 32 - Math.log2(size);
    this.heads = new Int32Array(size);
    this.tails = new Int32Array(size);
    this.bits = new Int32Array(size);
    const mask = size - 1;
    for (const [head, tails] of entries) {
      for (const [tail, bits] of tails) {
        let slot = LongTable.slotOf(head, tail, this.shift);
        while (this.bits[slot] !== 0) slot = (slot + 1) & mask;
        this.heads[slot] = head;
        this.tails[slot] = tail;
        this.bits[slot] = bits;
      }
    }
  }

  private static slotOf(head: number, tail: number, shift: number): number {
    return Math.imul(Math.imul(head, 0x9e3779b1) ^ tail, 0x85ebca6b) >>> shift;
  }

  get(head: number, tail: number): number {
    const mask = this.bits.length - 1;
    for (let slot = LongTable.slotOf(head, tail, this.shift); ; slot = (slot + 1) & mask) {
      const bits = this.bits[slot] as number;
      if (bits === 0) return 0;
      if (this.heads[slot] === head && this.tails[slot] === tail) return bits;
    }
  }
}

/** A key (four characters, or two) -> (bits, the buckets of the next four characters) records, as an open-addressing table. */
class MaskTable {
  private readonly keys: Int32Array;
  /** 1 + the index of the key's first record in `records`, 0 for an empty slot. */
  private readonly starts: Int32Array;
  /** Per key, its records one after the other: count, then per record its bits and 16 mask words. */
  private readonly records: Int32Array;
  private readonly shift: number;

  constructor(entries: ReadonlyMap<number, ReadonlyArray<readonly [number, Uint32Array]>>) {
    let size = 16;
    while (size < entries.size * 2) size *= 2;
    this.shift = 32 - Math.log2(size);
    this.keys = new Int32Array(size);
    this.starts = new Int32Array(size);
    let total = 0;
    for (const list of entries.values()) total += 1 + list.length * 17;
    this.records = new Int32Array(total);
    const mask = size - 1;
    let next = 0;
    for (const [key, list] of entries) {
      let slot = Math.imul(key, 0x9e3779b1) >>> this.shift;
      while (this.starts[slot] !== 0) slot = (slot + 1) & mask;
      this.keys[slot] = key;
      this.starts[slot] = next + 1;
      this.records[next++] = list.length;
      for (const [bits, words] of list) {
        this.records[next++] = bits;
        for (let word = 0; word < 16; word += 1) this.records[next++] = words[word] as number;
      }
    }
  }

  /** Of `bits`, those with a record for `key` whose sets hold the four next buckets. */
  get(key: number, bits: number, c4: number, c5: number, c6: number, c7: number): number {
    const mask = this.keys.length - 1;
    let slot = Math.imul(key, 0x9e3779b1) >>> this.shift;
    for (let start = this.starts[slot] as number; start !== 0; start = this.starts[slot] as number) {
      if (this.keys[slot] === key) {
        const records = this.records;
        let found = 0;
        const end = start + (records[start - 1] as number) * 17;
        for (let record = start; record < end; record += 17) {
          const recordBits = records[record] as number;
          if (
            (recordBits & bits) !== 0 &&
            ((records[record + 1 + (c4 >>> 5)] as number) & (1 << (c4 & 31))) !== 0 &&
            ((records[record + 5 + (c5 >>> 5)] as number) & (1 << (c5 & 31))) !== 0 &&
            ((records[record + 9 + (c6 >>> 5)] as number) & (1 << (c6 & 31))) !== 0 &&
            ((records[record + 13 + (c7 >>> 5)] as number) & (1 << (c7 & 31))) !== 0
          ) {
            found |= recordBits;
          }
        }
        return found;
      }
      slot = (slot + 1) & mask;
    }
    return 0;
  }
}

/** Merges per-pattern masks (by key) into bits -> records lists for `MaskTable`. */
function addMasks(into: Map<number, Array<readonly [number, Uint32Array]>>, bit: number, masks: ReadonlyMap<number, Uint32Array>): void {
  for (const [key, mask] of masks) {
    let list = into.get(key);
    if (!list) into.set(key, (list = []));
    list.push([bit, mask]);
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
   * The second look (`secondLook`: for scanners that read long texts), at a position that passed
   * the first: the first EIGHT characters. Most cue phrases share their first words with common
   * text ("vous au…", "je reste…", "votre équipe…"), and a sticky run that fails there costs more
   * than these lookups. Per pattern, every eight-character prefix narrow enough to list goes to
   * `longTable` (four characters, next four -> bits); the others to `maskTable`, by their first
   * four characters (or `pairMaskTable`, by the third and fourth when the four are many): the
   * buckets each of the next four characters may be in. A pattern passes where one of its prefixes
   * is shorter than four characters or too wide in them (`shortLoose`, by pairs). Exact as the
   * first look is: a pattern is dropped only where no prefix of it fits the eight characters
   * (prefix-scan.test.ts checks it against a global search). Measured 2026-11-22: 185 -> 44 sticky
   * runs per message on the bench mix; building the tables adds about 100-150 ms (CPU) at load.
   */
  private readonly secondLook: boolean;
  private readonly shortLoose = new PairTables();
  private readonly maskTable: MaskTable;
  private readonly pairMaskTable: MaskTable;
  private readonly longTable: LongTable;

  /**
   * `scannedLowerCased`: indexes of patterns that run on a text whose lower-cased copy (same
   * offsets, see letters.ts) is the one scanned: their starts are looked for lower-cased.
   */
  constructor(patterns: readonly RegExp[], scannedLowerCased: ReadonlySet<number> = new Set(), secondLook = false) {
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
    this.secondLook = secondLook;
    const long = new Map<number, Map<number, number>>();
    const masks = new Map<number, Array<readonly [number, Uint32Array]>>();
    const pairMasks = new Map<number, Array<readonly [number, Uint32Array]>>();
    if (secondLook) patterns.forEach((pattern, index) => {
      const bit = 1 << index;
      const look = longLookOf(pattern.source, scannedLowerCased.has(index));
      for (const [head, tails] of look.long) {
        let bitsByTail = long.get(head);
        if (!bitsByTail) long.set(head, (bitsByTail = new Map()));
        for (const tail of tails) bitsByTail.set(tail, (bitsByTail.get(tail) ?? 0) | bit);
      }
      addMasks(masks, bit, look.masks);
      addMasks(pairMasks, bit, look.pairMasks);
      for (const sets of look.shortLoose) this.shortLoose.add(bit, sets);
    });
    this.longTable = new LongTable(long);
    this.maskTable = new MaskTable(masks);
    this.pairMaskTable = new MaskTable(pairMasks);
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
    const secondLook = this.secondLook;
    const [short01, short12, short23] = this.shortLoose.pairs;
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
        let bits = (loose | exact) & active;
        if (bits !== 0 && secondLook) {
          // Patterns with a start too short or too wide for the second look pass as they are.
          const rest = bits & ~((short01[pair01] as number) & (short12[pair12] as number) & (short23[pair23] as number));
          if (rest !== 0) bits = this.second(text, position, key, pair23, bits, rest);
        }
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

  /**
   * Of `bits` (candidates at `position` by their first four characters), those that pass the
   * eight-character look; `undecided`: those of them it has to look at (the others pass).
   */
  private second(text: string, position: number, head: number, pair23: number, bits: number, undecided: number): number {
    let rest = undecided;
    const length = text.length;
    const c4 = position + 4 < length ? bucket(text.charCodeAt(position + 4)) : 0;
    const c5 = position + 5 < length ? bucket(text.charCodeAt(position + 5)) : 0;
    const c6 = position + 6 < length ? bucket(text.charCodeAt(position + 6)) : 0;
    const c7 = position + 7 < length ? bucket(text.charCodeAt(position + 7)) : 0;
    let tail = c4;
    if (LONG_DEPTH > 5) tail = (tail << 7) | c5;
    if (LONG_DEPTH > 6) tail = (tail << 7) | c6;
    if (LONG_DEPTH > 7) tail = (tail << 7) | c7;
    // Cheapest first; each table only for the patterns the ones before left undecided.
    const listed = this.longTable.get(head, tail);
    rest &= ~listed;
    if (rest === 0) return bits;
    const byHead = this.maskTable.get(head, rest, c4, c5, c6, c7);
    rest &= ~byHead;
    if (rest === 0) return bits;
    const byPair = this.pairMaskTable.get(pair23, rest, c4, c5, c6, c7);
    return bits & ~(rest & ~byPair);
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
