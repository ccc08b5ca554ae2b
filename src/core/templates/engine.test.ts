import { describe, expect, it } from 'vitest';
import { compileTemplate, renderTemplate, renderTemplateLine, templateErrors, type Scope, type VariableSpec } from './engine';

const VARIABLES: VariableSpec[] = [
  { name: 'name', kind: 'text', description: '' },
  { name: 'city', kind: 'text', description: '' },
  { name: 'due_date', kind: 'text', description: '' },
  { name: 'several', kind: 'flag', description: '' },
  {
    name: 'invoices',
    kind: 'list',
    description: '',
    fields: [
      { name: 'number', kind: 'text', description: '' },
      { name: 'amount', kind: 'text', description: '' },
    ],
  },
];

function render(source: string, scope: Scope): string {
  const compiled = compileTemplate(source, VARIABLES);
  if (!compiled.ok) throw new Error(compiled.errors.map((error) => error.message).join('\n'));
  return renderTemplate(compiled.template, scope);
}

describe('template rendering', () => {
  it('inserts values', () => {
    expect(render('Bonjour {{name}}, à {{ city }}.', { name: 'Julien', city: 'Lyon' })).toBe('Bonjour Julien, à Lyon.');
  });

  it('leaves out a line whose variable has no value, and keeps the paragraph breaks tidy', () => {
    expect(render('A\n\nÉchéance : {{due_date}}\n\nB', { due_date: null })).toBe('A\n\nB');
    expect(render('A\nÉchéance : {{due_date}}\nB', { due_date: '' })).toBe('A\nB');
  });

  it('prints nothing for {{name?}} without a value and keeps the line', () => {
    expect(render('Facture n° 1{{due_date?}}.', { due_date: null })).toBe('Facture n° 1.');
    expect(render('Facture n° 1{{due_date?}}.', { due_date: ', échue' })).toBe('Facture n° 1, échue.');
  });

  it('renders if/else on texts, flags and lists', () => {
    const source = '{{#if several}}les factures{{else}}la facture{{/if}}{{#if invoices}} ({{#each invoices}}{{number}};{{/each}}){{/if}}';
    expect(render(source, { several: true, invoices: [{ number: 'F-1', amount: null }, { number: 'F-2', amount: null }] })).toBe('les factures (F-1;F-2;)');
    expect(render(source, { several: false, invoices: [] })).toBe('la facture');
    expect(render('{{#if name}}Bonjour {{name}},{{else}}Bonjour,{{/if}}', { name: '  ' })).toBe('Bonjour,');
  });

  it('repeats a list block, item fields first, and drops an item line with a missing field', () => {
    const source = 'Factures :\n{{#each invoices}}\n- {{number}} : {{amount}}\n{{/each}}\nFin';
    expect(render(source, { invoices: [{ number: 'F-1', amount: '10 €' }, { number: 'F-2', amount: null }] })).toBe('Factures :\n- F-1 : 10 €\nFin');
  });

  it('removes the line of a block tag standing alone on it', () => {
    const source = 'A\n{{#if several}}\nB\n{{else}}\nC\n{{/if}}\nD';
    expect(render(source, { several: true })).toBe('A\nB\nD');
    expect(render(source, { several: false })).toBe('A\nC\nD');
    expect(render('{{#if several}}\nB\n{{/if}}', { several: true })).toBe('B');
  });

  it('never reads a value as template text, and strips control characters from values', () => {
    expect(render('{{name}}', { name: '{{city}} <b>' })).toBe('{{city}} <b>');
    expect(render('{{name}}', { name: 'A\u0000B\u0007C' })).toBe('ABC');
  });

  it('writes a subject on one line', () => {
    const compiled = compileTemplate('Facture\n{{name}}', VARIABLES);
    if (!compiled.ok) throw new Error('compile');
    expect(renderTemplateLine(compiled.template, { name: 'F-1' })).toBe('Facture F-1');
  });
});

describe('template errors', () => {
  it('names an unknown variable with its position, a suggestion and the known names', () => {
    const [error, ...rest] = templateErrors('Bonjour,\n\nÀ {{citty}} !', VARIABLES);
    expect(rest).toEqual([]);
    expect(error).toMatchObject({ code: 'unknown_variable', variable: 'citty', suggestion: 'city', line: 3, column: 3, tag: '{{citty}}' });
    expect(error?.known).toEqual(['name', 'city', 'due_date', 'several', 'invoices']);
    expect(error?.message).toContain('line 3, column 3');
    expect(error?.message).toContain('did you mean "city"');
  });

  it('knows item fields only inside their list block', () => {
    expect(templateErrors('{{#each invoices}}{{number}}{{/each}}', VARIABLES)).toEqual([]);
    expect(templateErrors('{{number}}', VARIABLES)[0]).toMatchObject({ code: 'unknown_variable', variable: 'number' });
  });

  it.each([
    ['{{#if name}}oui', 'unclosed_block'],
    ['oui{{/if}}', 'unexpected_close'],
    ['{{#if name}}{{#each invoices}}x{{/if}}{{/each}}', 'mismatched_close'],
    ['{{else}}', 'misplaced_else'],
    ['{{#if name}}a{{else}}b{{else}}c{{/if}}', 'misplaced_else'],
    ['Bonjour {{name', 'unclosed_tag'],
    ['{{client name}}', 'bad_tag'],
    ['{{#unless name}}x{{/unless}}', 'bad_tag'],
    ['{{several}}', 'wrong_kind'],
    ['{{invoices}}', 'wrong_kind'],
    ['{{#each name}}x{{/each}}', 'wrong_kind'],
  ])('%j gives %s', (source, code) => {
    expect(templateErrors(source, VARIABLES).map((error) => error.code)).toContain(code);
  });

  it('reports every error, not just the first', () => {
    expect(templateErrors('{{nom}} {{ville}} {{#if name}}', VARIABLES).map((error) => error.code)).toEqual(['unknown_variable', 'unknown_variable', 'unclosed_block']);
  });
});
