/**
 * JSON for the ledger's files (backup, scan merge): parsing that says where a syntax error is, the
 * same way in every browser, and a stable serialisation (the same records give the same bytes,
 * whatever order their keys were stored in).
 */

export interface JsonSyntaxError {
  /** UTF-16 offset in the text (0-based). */
  offset: number;
  /** 1-based line and column of the offset. */
  line: number;
  column: number;
  /** True when the text ends before the JSON value does (a cut-off download, a copy cut short). */
  truncated: boolean;
  /** English: "line 3, column 17: expected ',' or '}' after a property value". */
  message: string;
}

export type JsonParsed = { ok: true; value: unknown } | { ok: false; error: JsonSyntaxError };

/** Parses JSON text (a leading byte-order mark is ignored). On failure, says where and why. */
export function parseJsonText(text: string): JsonParsed {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const shift = body.length === text.length ? 0 : 1;
  try {
    return { ok: true, value: JSON.parse(body) as unknown };
  } catch (error) {
    const found = locateJsonError(body);
    if (found) return { ok: false, error: at(text, found.offset + shift, found.reason, found.truncated) };
    // Not reached for text JSON.parse refuses; kept so a refusal is never silent.
    return { ok: false, error: at(text, 0, error instanceof Error ? error.message : String(error), false) };
  }
}

function at(text: string, offset: number, reason: string, truncated: boolean): JsonSyntaxError {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i += 1) {
    if (text.charCodeAt(i) === 10) {
      line += 1;
      lineStart = i + 1;
    }
  }
  const column = offset - lineStart + 1;
  return { offset, line, column, truncated, message: `line ${line}, column ${column}: ${reason}` };
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const HEX4 = /^[0-9a-fA-F]{4}$/;

const describe = (char: string | undefined): string => (char === undefined ? 'the end of the file' : /\s/.test(char) || char < ' ' ? `character U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` : `'${char}'`);

/**
 * The first syntax error of `text` (RFC 8259), or null when it is valid JSON. Iterative, so a
 * deeply nested file cannot overflow the stack.
 */
export function locateJsonError(text: string): { offset: number; reason: string; truncated: boolean } | null {
  const n = text.length;
  let i = 0;
  const stack: Array<'{' | '['> = [];
  type State = 'value' | 'value_or_close' | 'key' | 'key_or_close' | 'after';
  let state: State = 'value';
  const fail = (reason: string, offset = i) => ({ offset, reason: offset >= n ? `${reason} (the file ends here: it is truncated)` : reason, truncated: offset >= n });
  const skip = () => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13) i += 1;
      else break;
    }
  };
  /** Reads a string at `i` (its opening quote); returns an error or null. */
  const string = (): ReturnType<typeof fail> | null => {
    const start = i;
    i += 1;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 34) {
        i += 1;
        return null;
      }
      if (c < 32) return fail(`control character ${describe(text[i])} inside a string: it must be escaped`);
      if (c === 92) {
        const e = text[i + 1];
        if (e === 'u') {
          const digits = text.slice(i + 2, i + 6);
          if (!HEX4.test(digits)) return fail('bad \\u escape: 4 hexadecimal digits expected', digits.length < 4 && /^[0-9a-fA-F]*$/.test(digits) ? n : i + 2);
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else return fail(e === undefined ? 'unterminated string' : `bad escape \\${e} in a string`, i + 1);
      } else i += 1;
    }
    return fail(`unterminated string (opened at offset ${start})`, n);
  };
  for (;;) {
    skip();
    const char = text[i];
    if (state === 'value' || state === 'value_or_close') {
      if (state === 'value_or_close' && char === ']') {
        stack.pop();
        i += 1;
        state = 'after';
        continue;
      }
      if (char === undefined) return fail('a value is missing');
      if (char === '{') {
        stack.push('{');
        i += 1;
        state = 'key_or_close';
        continue;
      }
      if (char === '[') {
        stack.push('[');
        i += 1;
        state = 'value_or_close';
        continue;
      }
      if (char === '"') {
        const bad = string();
        if (bad) return bad;
        state = 'after';
        continue;
      }
      if (char === '-' || (char >= '0' && char <= '9')) {
        NUMBER.lastIndex = i;
        const match = NUMBER.exec(text);
        // A number cut short ("-", "12.", "1e+") at the very end of the text.
        const rest = text.slice(i + (match?.[0].length ?? 0));
        if (/^(?:-|\.|[eE][+-]?)?$/.test(rest) && (!match || rest !== '')) return fail('a number is cut short', n);
        if (!match) return fail(`bad number`);
        i += match[0].length;
        state = 'after';
        continue;
      }
      const literal = ['true', 'false', 'null'].find((word) => text.startsWith(word, i));
      if (!literal && ['true', 'false', 'null'].some((word) => word.startsWith(text.slice(i)))) return fail(`${text.slice(i)} is cut short`, n);
      if (literal) {
        i += literal.length;
        state = 'after';
        continue;
      }
      return fail(`unexpected ${describe(char)}: a value (object, list, text, number, true, false or null) was expected`);
    }
    if (state === 'key' || state === 'key_or_close') {
      if (state === 'key_or_close' && char === '}') {
        stack.pop();
        i += 1;
        state = 'after';
        continue;
      }
      if (char !== '"') return fail(`unexpected ${describe(char)}: a property name in double quotes was expected`);
      const bad = string();
      if (bad) return bad;
      skip();
      if (text[i] !== ':') return fail(`unexpected ${describe(text[i])}: ':' was expected after a property name`);
      i += 1;
      state = 'value';
      continue;
    }
    // after a value
    const top = stack[stack.length - 1];
    if (top === undefined) return i < n ? fail(`unexpected ${describe(char)} after the end of the JSON value`) : null;
    const close = top === '{' ? '}' : ']';
    if (char === ',') {
      i += 1;
      state = top === '{' ? 'key' : 'value';
    } else if (char === close) {
      stack.pop();
      i += 1;
    } else {
      return fail(`unexpected ${describe(char)}: ',' or '${close}' was expected after ${top === '{' ? 'a property value' : 'a list item'}`);
    }
  }
}

/** JSON with object keys sorted (UTF-16 code unit order) at every level, `undefined` left out, on one line. */
export function sortedJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) return item;
    const record = item as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(record)
        .sort()
        .map((key) => [key, record[key]]),
    );
  });
}
