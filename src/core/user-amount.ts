/**
 * Parses an amount a user typed to correct a field: "2 400,00", "2400.5", "2,400.00", "1.234,56".
 * The last separator followed by one or two digits is the decimal mark; the others group thousands.
 * Returns null for anything else (the UI then says what it expects).
 */
export function parseUserAmount(input: string): number | null {
  const compact = input.replace(/[\s\u00a0\u202f'’]/g, '').replace(/(€|eur|£|gbp|\$|usd|chf)$/i, '').replace(/^(€|£|\$)/, '');
  if (!/^\d[\d.,]{0,20}$/.test(compact)) return null;
  const decimal = /[.,](\d{1,2})$/.exec(compact);
  const integerPart = decimal ? compact.slice(0, decimal.index) : compact;
  if (!/^\d{1,3}([.,]?\d{3})*$/.test(integerPart) && !/^\d+$/.test(integerPart)) return null;
  const value = Number(`${integerPart.replace(/[.,]/g, '')}.${decimal?.[1] ?? '0'}`);
  return Number.isFinite(value) ? value : null;
}
