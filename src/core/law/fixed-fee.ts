/**
 * Fixed compensation for recovery costs, due by operation of law once a business debtor pays late.
 *
 * - FR B2B: 40 EUR per late invoice (C. com. L441-10 II, D441-5), flat whatever the delay.
 * - EU directive default (2011/7/EU art. 6) and DE B2B (BGB §288 Abs. 5): 40 EUR.
 * - UK (Late Payment Act 1998 s.5A): £40 when the debt is below £1,000, £70 from £1,000 to below
 *   £10,000, £100 from £10,000. "The debt" is the invoice's principal amount as invoiced (before any
 *   partial payment): it is the qualifying debt the Act attaches the sum to, and it does not move
 *   with later payments.
 * - Consumers (FR B2C, DE consumer): none (UK and EU consumers are out of scope altogether).
 *
 * The fee is in its own currency (EUR or GBP); the caller warns when the invoice's differs.
 */
import type { Jurisdiction } from './jurisdiction';

export interface FixedFee {
  cents: bigint;
  currency: 'EUR' | 'GBP';
  basis: string;
}

/** The fee owed for one invoice paid late, or null when the law gives none. */
export function fixedFee(jurisdiction: Jurisdiction, b2b: boolean, debtCents: bigint): FixedFee | null {
  if (!b2b) return null;
  switch (jurisdiction) {
    case 'FR':
      return { cents: 4000n, currency: 'EUR', basis: 'C. com. L441-10 II and D441-5: 40 EUR per late invoice' };
    case 'EU':
      return { cents: 4000n, currency: 'EUR', basis: 'Directive 2011/7/EU art. 6: at least 40 EUR' };
    case 'DE':
      return { cents: 4000n, currency: 'EUR', basis: 'BGB §288 Abs. 5: 40 EUR Pauschale' };
    case 'UK':
      if (debtCents < 100_000n) return { cents: 4000n, currency: 'GBP', basis: 'Late Payment of Commercial Debts (Interest) Act 1998 s.5A: debt under £1,000' };
      if (debtCents < 1_000_000n) return { cents: 7000n, currency: 'GBP', basis: 'Late Payment of Commercial Debts (Interest) Act 1998 s.5A: debt from £1,000 to under £10,000' };
      return { cents: 10_000n, currency: 'GBP', basis: 'Late Payment of Commercial Debts (Interest) Act 1998 s.5A: debt of £10,000 or more' };
  }
}
