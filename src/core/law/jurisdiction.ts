/** The laws the calculators know (late-payment-law.md sections 1-3, 6, 7). */
export type Jurisdiction = 'FR' | 'UK' | 'DE' | 'EU';

export const JURISDICTIONS: readonly Jurisdiction[] = ['FR', 'UK', 'DE', 'EU'];

export function parseJurisdiction(text: string): Jurisdiction | null {
  const code = text.trim().toUpperCase();
  if (code === 'GB') return 'UK';
  return (JURISDICTIONS as readonly string[]).includes(code) ? (code as Jurisdiction) : null;
}
