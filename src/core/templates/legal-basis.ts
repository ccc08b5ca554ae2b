/**
 * The law a draft cites for late-payment penalties and the fixed recovery indemnity, by the
 * claim's jurisdiction (the creditor's law, a setting: penalty.jurisdiction) and the draft's
 * language. A French freelancer writing in English to a foreign client still cites the French
 * Commercial Code; a UK business cites the Late Payment Act. Sources and rates:
 * ../shared/domain/late-payment-law.md sections 1 (FR), 6 (EU directive), 6a (DE §288 BGB),
 * 7 (UK Act 1998 s.1 and s.5A).
 */
import { fixedFee } from '../law/fixed-fee';
import type { Jurisdiction } from '../law/jurisdiction';
import type { Language } from '../model';

export interface LegalBasis {
  /** The provision for penalties/interest, as written after "under" / "conformément à". */
  penaltyLaw: string;
  /** The provision for the fixed indemnity, written after the penalty law ("… of the same Code"). */
  indemnityLaw: string;
  /** Both provisions in one reference, for a parenthesis. */
  penaltyAndIndemnityLaw: string;
  /** The legal fallback rate when none is agreed, as a phrase that follows "failing that," / "à défaut,". */
  statutoryRate: string;
}

const LEGAL_BASIS: Record<Language, Record<Jurisdiction, LegalBasis>> = {
  fr: {
    FR: {
      penaltyLaw: "l'article L441-10 du Code de commerce",
      indemnityLaw: 'article D441-5 du Code de commerce',
      penaltyAndIndemnityLaw: 'articles L441-10 et D441-5 du Code de commerce',
      statutoryRate: 'au taux de refinancement de la BCE majoré de 10 points',
    },
    EU: {
      penaltyLaw: "la loi nationale transposant l'article 3 de la directive 2011/7/UE",
      indemnityLaw: 'article 6 de la directive 2011/7/UE',
      penaltyAndIndemnityLaw: 'articles 3 et 6 de la directive 2011/7/UE, tels que transposés en droit national',
      statutoryRate: 'au taux de référence de la BCE majoré de 8 points au moins',
    },
    DE: {
      penaltyLaw: "l'article 288, paragraphe 2, du Code civil allemand (BGB)",
      indemnityLaw: 'article 288, paragraphe 5, du BGB',
      penaltyAndIndemnityLaw: 'article 288, paragraphes 2 et 5, du Code civil allemand (BGB)',
      statutoryRate: 'au taux de base (Basiszinssatz) majoré de 9 points',
    },
    UK: {
      penaltyLaw: "la section 1 du Late Payment of Commercial Debts (Interest) Act 1998",
      indemnityLaw: 'section 5A de la même loi',
      penaltyAndIndemnityLaw: 'sections 1 et 5A du Late Payment of Commercial Debts (Interest) Act 1998',
      statutoryRate: "au taux de base de la Banque d'Angleterre majoré de 8 points",
    },
  },
  en: {
    FR: {
      penaltyLaw: 'Article L441-10 of the French Commercial Code (Code de commerce)',
      indemnityLaw: 'Article D441-5 of the same Code',
      penaltyAndIndemnityLaw: 'Articles L441-10 and D441-5 of the French Commercial Code',
      statutoryRate: 'the ECB refinancing rate plus 10 percentage points',
    },
    EU: {
      penaltyLaw: 'the national law transposing Article 3 of Directive 2011/7/EU on late payment',
      indemnityLaw: 'Article 6 of the same Directive',
      penaltyAndIndemnityLaw: 'Articles 3 and 6 of Directive 2011/7/EU, as transposed into national law',
      statutoryRate: 'the ECB reference rate plus at least 8 percentage points',
    },
    DE: {
      penaltyLaw: 'section 288(2) of the German Civil Code (BGB)',
      indemnityLaw: 'section 288(5) of the same Code',
      penaltyAndIndemnityLaw: 'section 288(2) and (5) of the German Civil Code (BGB)',
      statutoryRate: 'the base rate (Basiszinssatz) plus 9 percentage points',
    },
    UK: {
      penaltyLaw: 'section 1 of the Late Payment of Commercial Debts (Interest) Act 1998',
      indemnityLaw: 'section 5A of the same Act',
      penaltyAndIndemnityLaw: 'sections 1 and 5A of the Late Payment of Commercial Debts (Interest) Act 1998',
      statutoryRate: 'the Bank of England base rate plus 8 percentage points',
    },
  },
};

export function legalBasis(jurisdiction: Jurisdiction, language: Language): LegalBasis {
  return LEGAL_BASIS[language][jurisdiction];
}

/**
 * The fixed indemnity per invoice as the draft writes it: `euroUnit` ("40 €" / "€40") in FR, EU and
 * DE; in the UK the fixed sum depends on each debt (£40 under £1,000, £70 under £10,000, £100 from
 * £10,000), so one invoice (or several in the same band) gets its sum, otherwise the range.
 */
export function fixedIndemnityUnit(jurisdiction: Jurisdiction, amounts: ReadonlyArray<number | null>, language: Language, euroUnit: string): string {
  if (jurisdiction !== 'UK') return euroUnit;
  const pounds = (value: bigint) => (language === 'fr' ? `${value}\u00a0£` : `£${value}`);
  const fees = new Set<bigint>();
  for (const amount of amounts) {
    const fee = amount === null || !Number.isFinite(amount) ? null : fixedFee('UK', true, BigInt(Math.round(amount * 100)));
    if (fee === null) fees.add(-1n);
    else fees.add(fee.cents / 100n);
  }
  const [only] = fees;
  if (fees.size === 1 && only !== undefined && only > 0n) return pounds(only);
  return language === 'fr' ? `de ${pounds(40n)} à ${pounds(100n)} selon le montant` : `${pounds(40n)} to ${pounds(100n)} depending on the amount`;
}
