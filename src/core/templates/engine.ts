/**
 * The template language of reminder drafts: small, linear, no code execution.
 *
 *     {{name}}             the value of a variable; a line using a variable without a value is left out
 *     {{name?}}            the value, or nothing: the line is kept
 *     {{#if name}}…{{/if}}             kept when the variable has a value (text), is true (flag) or is not empty (list)
 *     {{#if name}}…{{else}}…{{/if}}
 *     {{#each list}}…{{/each}}        repeated for each item of a list; inside, the item's fields are variables
 *
 * A block tag alone on its line takes its line with it (no blank line left behind). Values are
 * inserted as they are, never read as template text, so a client name containing "{{" is harmless.
 * Rendering gives plain text; the HTML version is derived from it with every character escaped
 * (html.ts), so a template can never inject markup either.
 */

export type VariableKind = 'text' | 'flag' | 'list';

export interface VariableSpec {
  readonly name: string;
  readonly kind: VariableKind;
  /** What it holds, shown to people editing templates. */
  readonly description: string;
  /** For lists: the fields of each item. */
  readonly fields?: readonly VariableSpec[];
}

export type ItemValue = string | boolean | null;
export type ScopeValue = string | boolean | null | ReadonlyArray<Readonly<Record<string, ItemValue>>>;
export type Scope = Readonly<Record<string, ScopeValue>>;

export type TemplateErrorCode =
  | 'unknown_variable'
  | 'wrong_kind'
  | 'bad_tag'
  | 'unclosed_tag'
  | 'unclosed_block'
  | 'unexpected_close'
  | 'mismatched_close'
  | 'misplaced_else';

export interface TemplateError {
  code: TemplateErrorCode;
  /** One English sentence for logs and the CLI; the UI translates from `code` and the fields below. */
  message: string;
  /** 1-based line and column of the tag in the template source. */
  line: number;
  column: number;
  offset: number;
  /** The tag as written, e.g. "{{client_nom}}". */
  tag: string;
  variable?: string;
  /** The closest known name, when one is close enough to be a typo. */
  suggestion?: string;
  /** The names that are valid at this place (top-level variables and, inside a list block, its fields). */
  known?: string[];
}

type Node =
  | { type: 'text'; value: string }
  | { type: 'var'; name: string; optional: boolean }
  | { type: 'if'; name: string; then: Node[]; otherwise: Node[] }
  | { type: 'each'; name: string; body: Node[] };

/** A parsed, checked template, ready to render any number of times. */
export interface CompiledTemplate {
  readonly nodes: readonly Node[];
}

export type CompileResult = { ok: true; template: CompiledTemplate } | { ok: false; errors: TemplateError[] };

type Tag =
  | { kind: 'var'; name: string; optional: boolean }
  | { kind: 'open'; block: 'if' | 'each'; name: string }
  | { kind: 'else' }
  | { kind: 'close'; block: 'if' | 'each' };

interface TagToken {
  type: 'tag';
  tag: Tag;
  raw: string;
  offset: number;
}
type Token = { type: 'text'; value: string } | TagToken;

const NAME = '[A-Za-z][A-Za-z0-9_]*';
const VAR_TAG = new RegExp(`^(${NAME})(\\?)?$`);
const OPEN_TAG = new RegExp(`^#(if|each)\\s+(${NAME})$`);
const CLOSE_TAG = /^\/(if|each)$/;
/** Marks a missing value while rendering; lines holding it are dropped. Never in a value (see clean). */
const MISSING = '\u0000';

/** Parses and checks a template against the variables it may use. */
export function compileTemplate(source: string, variables: readonly VariableSpec[]): CompileResult {
  const errors: TemplateError[] = [];
  const tokens = tokenize(source, errors);
  trimStandaloneTags(tokens);
  const nodes = parse(tokens, source, variables, errors);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, template: { nodes } };
}

/** The errors of a template; empty when it can be used. */
export function templateErrors(source: string, variables: readonly VariableSpec[]): TemplateError[] {
  const result = compileTemplate(source, variables);
  return result.ok ? [] : result.errors;
}

function tokenize(source: string, errors: TemplateError[]): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < source.length) {
    const open = source.indexOf('{{', at);
    if (open < 0) break;
    const close = source.indexOf('}}', open + 2);
    const nextOpen = source.indexOf('{{', open + 2);
    if (close < 0 || (nextOpen >= 0 && nextOpen < close)) {
      const raw = source.slice(open, Math.min(open + 30, nextOpen >= 0 ? nextOpen : source.length)).split('\n')[0] ?? '{{';
      errors.push(error('unclosed_tag', source, open, raw, `"${raw}" is not closed with "}}"`));
      if (open > at) tokens.push({ type: 'text', value: source.slice(at, open) });
      tokens.push({ type: 'text', value: source.slice(open, open + 2) });
      at = open + 2;
      continue;
    }
    if (open > at) tokens.push({ type: 'text', value: source.slice(at, open) });
    const raw = source.slice(open, close + 2);
    const tag = readTag(raw.slice(2, -2).trim());
    if (tag === null) {
      errors.push(
        error('bad_tag', source, open, raw, `"${raw}" is not a tag: write {{name}}, {{name?}}, {{#if name}}, {{else}}, {{/if}}, {{#each list}} or {{/each}}`),
      );
    } else {
      tokens.push({ type: 'tag', tag, raw, offset: open });
    }
    at = close + 2;
  }
  if (at < source.length) tokens.push({ type: 'text', value: source.slice(at) });
  return tokens;
}

function readTag(inner: string): Tag | null {
  if (inner === 'else') return { kind: 'else' };
  const close = CLOSE_TAG.exec(inner);
  if (close) return { kind: 'close', block: close[1] as 'if' | 'each' };
  const open = OPEN_TAG.exec(inner);
  if (open) return { kind: 'open', block: open[1] as 'if' | 'each', name: open[2] ?? '' };
  const variable = VAR_TAG.exec(inner);
  if (variable) return { kind: 'var', name: variable[1] ?? '', optional: variable[2] === '?' };
  return null;
}

/** A block tag alone on its line (Mustache's "standalone" rule) removes the whole line. */
function trimStandaloneTags(tokens: Token[]): void {
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token?.type !== 'tag' || token.tag.kind === 'var') continue;
    const before = tokens[i - 1];
    const after = tokens[i + 1];
    const startsLine =
      before === undefined ? i === 0 : before.type === 'text' && (/\n[ \t]*$/.test(before.value) || (i === 1 && /^[ \t]*$/.test(before.value)));
    const endsLine =
      after === undefined ? i === tokens.length - 1 : after.type === 'text' && (/^[ \t]*\r?\n/.test(after.value) || (i === tokens.length - 2 && /^[ \t]*$/.test(after.value)));
    if (!startsLine || !endsLine) continue;
    if (before?.type === 'text') before.value = before.value.replace(/[ \t]*$/, '');
    if (after?.type === 'text') after.value = after.value.replace(/^[ \t]*(\r?\n)?/, '');
  }
}

interface OpenBlock {
  token: TagToken & { tag: { kind: 'open' } };
  node: Extract<Node, { type: 'if' | 'each' }>;
  inElse: boolean;
  /** Fields of the list item, inside an each block. */
  fields: readonly VariableSpec[] | null;
}

function parse(tokens: Token[], source: string, variables: readonly VariableSpec[], errors: TemplateError[]): Node[] {
  const root: Node[] = [];
  const stack: OpenBlock[] = [];
  const target = (): Node[] => {
    const top = stack[stack.length - 1];
    if (!top) return root;
    if (top.node.type === 'each') return top.node.body;
    return top.inElse ? top.node.otherwise : top.node.then;
  };
  const visible = (): VariableSpec[] => {
    const fields = stack.flatMap((block) => block.fields ?? []);
    // Item fields first: inside {{#each invoices}}, {{amount}} is the item's amount.
    const seen = new Set(fields.map((field) => field.name));
    return [...fields, ...variables.filter((variable) => !seen.has(variable.name))];
  };

  for (const token of tokens) {
    if (token.type === 'text') {
      target().push({ type: 'text', value: token.value });
      continue;
    }
    const { tag } = token;
    switch (tag.kind) {
      case 'var': {
        const spec = lookup(tag.name, visible(), token, source, errors);
        if (spec && spec.kind !== 'text') {
          errors.push({
            ...error('wrong_kind', source, token.offset, token.raw, `"${tag.name}" is a ${spec.kind}: use it in ${spec.kind === 'list' ? '{{#each' : '{{#if'} ${tag.name}}}, not as text`),
            variable: tag.name,
          });
        }
        target().push({ type: 'var', name: tag.name, optional: tag.optional });
        break;
      }
      case 'open': {
        const spec = lookup(tag.name, visible(), token, source, errors);
        if (spec && tag.block === 'each' && spec.kind !== 'list') {
          errors.push({ ...error('wrong_kind', source, token.offset, token.raw, `"${tag.name}" is not a list: {{#each}} needs one of ${listNames(visible())}`), variable: tag.name });
        }
        const node: OpenBlock['node'] = tag.block === 'if' ? { type: 'if', name: tag.name, then: [], otherwise: [] } : { type: 'each', name: tag.name, body: [] };
        target().push(node);
        stack.push({ token: token as OpenBlock['token'], node, inElse: false, fields: tag.block === 'each' ? (spec?.fields ?? []) : null });
        break;
      }
      case 'else': {
        const top = stack[stack.length - 1];
        if (!top || top.node.type !== 'if' || top.inElse) {
          errors.push(error('misplaced_else', source, token.offset, token.raw, top?.inElse ? '{{else}} appears twice in the same {{#if}}' : '{{else}} is only allowed inside {{#if}}…{{/if}}'));
        } else {
          top.inElse = true;
        }
        break;
      }
      case 'close': {
        const top = stack[stack.length - 1];
        if (!top) {
          errors.push(error('unexpected_close', source, token.offset, token.raw, `"${token.raw}" closes a block that was never opened`));
        } else if (top.token.tag.block !== tag.block) {
          const { line, column } = position(source, top.token.offset);
          errors.push(
            error('mismatched_close', source, token.offset, token.raw, `"${token.raw}" closes "${top.token.raw}" (line ${line}, column ${column}); write {{/${top.token.tag.block}}}`),
          );
          stack.pop();
        } else {
          stack.pop();
        }
        break;
      }
    }
  }
  for (const open of stack.reverse()) {
    errors.push(error('unclosed_block', source, open.token.offset, open.token.raw, `"${open.token.raw}" is never closed: add {{/${open.token.tag.block}}}`));
  }
  return root;
}

function lookup(name: string, visible: readonly VariableSpec[], token: TagToken, source: string, errors: TemplateError[]): VariableSpec | null {
  const spec = visible.find((variable) => variable.name === name);
  if (spec) return spec;
  const known = visible.map((variable) => variable.name);
  const suggestion = closest(name, known);
  errors.push({
    ...error('unknown_variable', source, token.offset, token.raw, `unknown variable "${name}"${suggestion ? ` (did you mean "${suggestion}"?)` : ''}; known variables: ${known.join(', ')}`),
    variable: name,
    known,
    ...(suggestion ? { suggestion } : {}),
  });
  return null;
}

function listNames(visible: readonly VariableSpec[]): string {
  return visible.filter((variable) => variable.kind === 'list').map((variable) => variable.name).join(', ');
}

function error(code: TemplateErrorCode, source: string, offset: number, tag: string, detail: string): TemplateError {
  const { line, column } = position(source, offset);
  return { code, message: `line ${line}, column ${column}: ${detail}`, line, column, offset, tag };
}

function position(source: string, offset: number): { line: number; column: number } {
  const before = source.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/** The known name within edit distance 2 (or a case/underscore variant), if any. */
function closest(name: string, known: readonly string[]): string | null {
  const simplified = (text: string): string => text.toLowerCase().replace(/[_-]/g, '');
  let best: string | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of known) {
    if (simplified(candidate) === simplified(name)) return candidate;
    const distance = editDistance(name.toLowerCase(), candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= Math.max(2, Math.floor(name.length / 4)) ? best : null;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * Renders a compiled template to plain text: lines that use a variable without a value are left
 * out, trailing spaces trimmed, runs of blank lines collapsed to one, and the whole trimmed.
 */
export function renderTemplate(template: CompiledTemplate, scope: Scope): string {
  const out: string[] = [];
  renderNodes(template.nodes, [scope], out);
  return tidy(out.join(''));
}

/** Plain text, one line at most (subjects): same rules, line breaks become spaces. */
export function renderTemplateLine(template: CompiledTemplate, scope: Scope): string {
  return renderTemplate(template, scope).replace(/\s*\n+\s*/g, ' ');
}

type Frame = Readonly<Record<string, ScopeValue>>;

function renderNodes(nodes: readonly Node[], frames: readonly Frame[], out: string[]): void {
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        out.push(node.value.split(MISSING).join(''));
        break;
      case 'var': {
        const value = resolve(node.name, frames);
        out.push(typeof value === 'string' && value !== '' ? clean(value) : node.optional ? '' : MISSING);
        break;
      }
      case 'if':
        renderNodes(truthy(resolve(node.name, frames)) ? node.then : node.otherwise, frames, out);
        break;
      case 'each': {
        const items = resolve(node.name, frames);
        if (!Array.isArray(items)) break;
        for (const item of items) renderNodes(node.body, [item, ...frames], out);
        break;
      }
    }
  }
}

function resolve(name: string, frames: readonly Frame[]): ScopeValue | undefined {
  for (const frame of frames) if (Object.hasOwn(frame, name)) return frame[name];
  return undefined;
}

function truthy(value: ScopeValue | undefined): boolean {
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'string') return value.trim() !== '';
  return value === true;
}

/** C0 controls but tab and line feed, and DEL: built from code points (no-control-regex). */
const CONTROL_CHARACTERS = new RegExp(`[${String.fromCharCode(0)}-${String.fromCharCode(8)}${String.fromCharCode(11)}-${String.fromCharCode(31)}${String.fromCharCode(127)}]`, 'g');

/** Control characters out (tabs and line breaks stay), so a value cannot fake the missing marker. */
function clean(value: string): string {
  return value.replace(/\r\n?/g, '\n').replace(CONTROL_CHARACTERS, '');
}

function tidy(text: string): string {
  return text
    .split('\n')
    .filter((line) => !line.includes(MISSING))
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
