/**
 * Exact decimal numbers and money for the law calculators: no float ever touches a rate or an amount.
 *
 * - A rate is a `Decimal`: `units / 10^scale` (12.15 % = { units: 1215n, scale: 2 }), so an agreed rate
 *   with many decimals (7.123456 %) stays exact, and 3 × 2.62 is exactly 7.86.
 * - Money is in integer cents (`bigint`). Amounts arrive as the user typed them (1234.56, in currency
 *   units, like the logbook's amounts) and are converted exactly from their shortest decimal form.
 * - Fractions of a cent only exist inside the interest sum; they are rounded once, half-up
 *   (`roundHalfUp`), at the very end.
 */

export interface Decimal {
  /** The value is `units / 10^scale`. */
  readonly units: bigint;
  readonly scale: number;
}

/** More decimals than this in a typed rate is noise, not a contract term. */
const MAX_SCALE = 12;
const DECIMAL_TEXT = /^([+-]?)(\d+)(?:\.(\d*))?(?:e([+-]?\d+))?$/i;

/** Parses '12.15', '-0.88', '7', '1e-7'. Null for anything else (or more than 12 decimals). */
export function parseDecimal(text: string): Decimal | null {
  const match = DECIMAL_TEXT.exec(text.trim());
  if (!match) return null;
  const [, sign = '', integer = '0', fraction = '', exponent = '0'] = match;
  let digits = integer + fraction;
  let scale = fraction.length - Number(exponent);
  if (!Number.isSafeInteger(scale) || Math.abs(scale) > 400) return null;
  if (scale < 0) {
    digits += '0'.repeat(-scale);
    scale = 0;
  }
  const decimal = normalize({ units: BigInt(digits) * (sign === '-' ? -1n : 1n), scale });
  return decimal.scale > MAX_SCALE ? null : decimal;
}

/**
 * The exact decimal a JS number was written as: `String(n)` is the shortest text that reads back to
 * the same double, so 12.15 gives exactly 12.15 (not 12.1500000000000003552713678800500929355621337890625).
 */
export function decimalFromNumber(value: number): Decimal | null {
  if (!Number.isFinite(value)) return null;
  return parseDecimal(String(value));
}

export function decimalOf(units: bigint, scale = 0): Decimal {
  return normalize({ units, scale });
}

export function addDecimals(a: Decimal, b: Decimal): Decimal {
  const scale = Math.max(a.scale, b.scale);
  return normalize({ units: unitsAt(a, scale) + unitsAt(b, scale), scale });
}

export function multiplyDecimal(a: Decimal, factor: bigint): Decimal {
  return normalize({ units: a.units * factor, scale: a.scale });
}

/** Negative when a < b, 0 when equal, positive when a > b. */
export function compareDecimals(a: Decimal, b: Decimal): number {
  const scale = Math.max(a.scale, b.scale);
  const difference = unitsAt(a, scale) - unitsAt(b, scale);
  return difference < 0n ? -1 : difference > 0n ? 1 : 0;
}

/** `units` expressed at a larger scale (scale must be >= the decimal's own scale). */
export function unitsAt(decimal: Decimal, scale: number): bigint {
  if (scale < decimal.scale) throw new RangeError(`cannot express ${formatDecimal(decimal)} with ${scale} decimals`);
  return decimal.units * 10n ** BigInt(scale - decimal.scale);
}

/** '12.15', '-0.88', '10' (no trailing zeros). */
export function formatDecimal(decimal: Decimal): string {
  const { units, scale } = normalize(decimal);
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const text = scale === 0 ? digits : `${digits.slice(0, digits.length - scale)}.${digits.slice(digits.length - scale)}`;
  return negative ? `-${text}` : text;
}

/** For output only (JSON): the double nearest to the decimal, which prints back as the same text. */
export function decimalToNumber(decimal: Decimal): number {
  return Number(formatDecimal(decimal));
}

function normalize({ units, scale }: Decimal): Decimal {
  let u = units;
  let s = scale;
  while (s > 0 && u % 10n === 0n) {
    u /= 10n;
    s -= 1;
  }
  return { units: u, scale: s };
}

// ---------------------------------------------------------------------------------------------
// Money in cents

/**
 * Exact cents of an amount in currency units (1234.56 -> 123456n). Null when it is not a finite
 * number or has a real third decimal (1234.567): a calculator must not guess which cent was meant.
 */
export function centsFromAmount(amount: number | string): bigint | null {
  const decimal = typeof amount === 'number' ? decimalFromNumber(amount) : parseDecimal(amount);
  if (decimal && decimal.scale <= 2) return unitsAt(decimal, 2);
  // Float noise from a caller's own arithmetic (0.1 + 0.2 = 0.30000000000000004) is a whole number
  // of cents to within a millionth; a real third decimal (1.005) is not, and is refused.
  if (typeof amount === 'number' && Number.isFinite(amount) && Math.abs(amount) < 1e13) {
    const scaled = amount * 100;
    const whole = Math.round(scaled);
    if (Math.abs(scaled - whole) < 1e-6) return BigInt(whole);
  }
  return null;
}

/** Cents back to currency units for output: 2579n -> 25.79 (prints as "25.79"). */
export function amountFromCents(cents: bigint): number {
  return Number(cents) / 100;
}

/** '25.79', '-0.05', '40.00': cents as text with two decimals (messages). */
export function formatCents(cents: bigint): string {
  const negative = cents < 0n;
  const digits = (negative ? -cents : cents).toString().padStart(3, '0');
  return `${negative ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

/**
 * numerator / denominator rounded to the nearest integer, halves away from zero ("half-up" as a
 * bookkeeper means it: 12.345 -> 12.35, -12.345 -> -12.35). The denominator must be positive.
 */
export function roundHalfUp(numerator: bigint, denominator: bigint): bigint {
  if (denominator <= 0n) throw new RangeError('roundHalfUp: the denominator must be positive');
  if (numerator < 0n) return -roundHalfUp(-numerator, denominator);
  return (2n * numerator + denominator) / (2n * denominator);
}
