import { describe, expect, it } from 'vitest';
import { fixedFee } from './fixed-fee';

describe('fixedFee', () => {
  it('gives 40 EUR to FR, EU and DE business creditors, nothing against consumers', () => {
    expect(fixedFee('FR', true, 100n)).toMatchObject({ cents: 4000n, currency: 'EUR' });
    expect(fixedFee('EU', true, 10_000_000n)).toMatchObject({ cents: 4000n, currency: 'EUR' });
    expect(fixedFee('DE', true, 100n)).toMatchObject({ cents: 4000n, currency: 'EUR' });
    expect(fixedFee('FR', false, 100n)).toBeNull();
    expect(fixedFee('DE', false, 100n)).toBeNull();
  });

  it('UK: £40 under £1,000, £70 from £1,000 to under £10,000, £100 from £10,000 (on the invoiced debt)', () => {
    expect(fixedFee('UK', true, 99_999n)).toMatchObject({ cents: 4000n, currency: 'GBP' });
    expect(fixedFee('UK', true, 100_000n)).toMatchObject({ cents: 7000n, currency: 'GBP' });
    expect(fixedFee('UK', true, 999_999n)).toMatchObject({ cents: 7000n, currency: 'GBP' });
    expect(fixedFee('UK', true, 1_000_000n)).toMatchObject({ cents: 10_000n, currency: 'GBP' });
  });
});
