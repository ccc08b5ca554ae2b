/**
 * Reference-rate tables, as DATA, copied from shared/domain/late-payment-law.md section 2 (and 6.1,
 * 7.1). Each value carries its source and the document's confidence mark:
 *   V = verified against the source listed; S = secondary source only; K = professional knowledge,
 *   not re-verified; derived = computed from other verified values (e.g. DE base rate from ECB moves).
 * A period whose value was not found is recorded with `ratePercent: null` (UNKNOWN) and a period
 * outside a table (before 2019, after the last row) is unknown too: the calculator refuses to compute
 * and asks the user for the value (`RateOverride`); it never extrapolates.
 *
 * Values are strings so that they are exact decimals (see decimal.ts).
 * Research date of every value: November 2026 (stored copies of public pages, no live web).
 */
import type { IsoDate } from '../model';
import { halfYearStart, type HalfYear } from './half-year';

export type RateTableId = 'ECB_MRO' | 'FR_LEGAL_PRO' | 'FR_LEGAL_PRIVATE' | 'DE_BASE_RATE' | 'UK_BANK_RATE';

export type Confidence = 'V' | 'S' | 'K' | 'derived' | 'UNKNOWN';

export interface RateEntry {
  /** The half-year the value applies to (UK: the half-year in which interest STARTS to run). */
  period: HalfYear;
  /** The day the value is read on (ECB: 1 Jan / 1 Jul; UK: 31 Dec / 30 Jun before the period). */
  referenceDay: IsoDate;
  /** Percent per year as an exact decimal string, or null when unknown. */
  ratePercent: string | null;
  confidence: Confidence;
  source: string;
}

export interface RateTable {
  id: RateTableId;
  name: string;
  /** Where the table comes from in the reference document. */
  reference: string;
  researchDate: string;
  entries: readonly RateEntry[];
}

export const RESEARCH_DATE = '2026-11';

const ECB_SRC = 'ECB "Key ECB interest rates" table (ecb.europa.eu/stats/policy_and_exchange_rates/key_ecb_interest_rates); retout.fr list of value dates';

function ecb(period: HalfYear, referenceDay: IsoDate, ratePercent: string | null, source = ECB_SRC, confidence: Confidence = 'V'): RateEntry {
  return { period, referenceDay, ratePercent, confidence: ratePercent === null ? 'UNKNOWN' : confidence, source };
}

/** ECB main refinancing operations rate in force on 1 January / 1 July (late-payment-law.md 2.1). */
export const ECB_MRO: RateTable = {
  id: 'ECB_MRO',
  name: 'ECB main refinancing operations rate',
  reference: 'late-payment-law.md 2.1',
  researchDate: RESEARCH_DATE,
  entries: [
    ecb('2019-H1', '2019-01-01', '0.00'),
    ecb('2019-H2', '2019-07-01', '0.00'),
    ecb('2020-H1', '2020-01-01', '0.00'),
    ecb('2020-H2', '2020-07-01', '0.00'),
    ecb('2021-H1', '2021-01-01', '0.00'),
    ecb('2021-H2', '2021-07-01', '0.00'),
    ecb('2022-H1', '2022-01-01', '0.00'),
    // The first 2022 hike was decided on 21 Jul 2022 but took effect on 27 Jul 2022, after 1 July.
    ecb('2022-H2', '2022-07-01', '0.00', `${ECB_SRC} (first hike effective 27 Jul 2022, after 1 July)`),
    ecb('2023-H1', '2023-01-01', '2.50', `${ECB_SRC} (2.50 % from 21 Dec 2022)`),
    ecb('2023-H2', '2023-07-01', '4.00', `${ECB_SRC} (4.00 % from 21 Jun 2023)`),
    ecb('2024-H1', '2024-01-01', '4.50', `${ECB_SRC} (4.50 % from 20 Sep 2023)`),
    ecb('2024-H2', '2024-07-01', '4.25', `${ECB_SRC} (4.25 % from 12 Jun 2024)`),
    ecb('2025-H1', '2025-01-01', '3.15', 'retout.fr list of value dates (3.15 % from 18 Dec 2024); ECB key rates table'),
    ecb('2025-H2', '2025-07-01', '2.15', 'Banka Slovenije MRO auction data, apl.bsi.si (2.15 % from the operation settled 11 Jun 2025)'),
    ecb('2026-H1', '2026-01-01', '2.15', 'Bundesbank announcement via finanzmarktnachrichten.de (MRO of 22 Dec 2025 = 2.15 %)'),
    ecb('2026-H2', '2026-07-01', null, 'not found (last confirmed: 2.15 % held at the 5 Feb 2026 meeting, Brussels Times)'),
  ],
};

function legal(period: HalfYear, ratePercent: string | null, source: string): RateEntry {
  return { period, referenceDay: halfYearStart(period), ratePercent, confidence: ratePercent === null ? 'UNKNOWN' : 'V', source };
}

const TRESOR = 'Trésor (tresor.economie.gouv.fr, arrêté of 23 Dec 2019, table of previous rates); laclef.eu';

/**
 * French taux de l'intérêt légal, "tous les autres cas" column: the creditor is a business or a
 * freelancer (even when the debtor is a consumer). CMF L313-2, D313-1-A (late-payment-law.md 2.2).
 */
export const FR_LEGAL_PRO: RateTable = {
  id: 'FR_LEGAL_PRO',
  name: 'French legal interest rate, "all other cases" column (professional creditor)',
  reference: 'late-payment-law.md 2.2',
  researchDate: RESEARCH_DATE,
  entries: [
    // One secondary site (aeccompta.com) gives 0.76 % for 2019 H1; the Trésor page and laclef.eu give 0.86 %.
    legal('2019-H1', '0.86', TRESOR),
    legal('2019-H2', '0.87', TRESOR),
    legal('2020-H1', '0.87', 'Trésor, arrêté of 23 Dec 2019'),
    legal('2020-H2', '0.84', 'cabinet-cec.fr; laclef.eu'),
    legal('2021-H1', '0.79', 'dandrel-avocats.fr; laclef.eu'),
    legal('2021-H2', '0.76', 'dandrel-avocats.fr; laclef.eu'),
    legal('2022-H1', '0.76', 'droit-pratique.fr; laclef.eu'),
    legal('2022-H2', '0.77', 'laclef.eu'),
    legal('2023-H1', '2.06', 'laclef.eu'),
    legal('2023-H2', '4.22', 'laclef.eu'),
    legal('2024-H1', '5.07', 'laclef.eu; lemoniteur.fr'),
    legal('2024-H2', '4.92', 'laclef.eu; lemoniteur.fr (arrêté of 26 Jun 2024)'),
    legal('2025-H1', '3.71', 'laclef.eu; ksca.fr'),
    legal('2025-H2', '2.76', 'laclef.eu; ksca.fr (arrêté ECOT2516925A of 19 Jun 2025, JO 24 Jun 2025)'),
    legal('2026-H1', '2.62', 'arrêté of 15 Dec 2025, JORF n°0302 of 26 Dec 2025 (juriblio.fr); avocat-plagnol.com'),
    legal('2026-H2', null, 'not found'),
  ],
};

/** Same, column 1: the creditor is a private individual not acting for professional needs. */
export const FR_LEGAL_PRIVATE: RateTable = {
  id: 'FR_LEGAL_PRIVATE',
  name: 'French legal interest rate, private-individual creditor column',
  reference: 'late-payment-law.md 2.2',
  researchDate: RESEARCH_DATE,
  entries: [
    legal('2019-H1', '3.40', TRESOR),
    legal('2019-H2', '3.26', TRESOR),
    legal('2020-H1', '3.15', 'Trésor, arrêté of 23 Dec 2019'),
    legal('2020-H2', '3.11', 'cabinet-cec.fr; laclef.eu'),
    legal('2021-H1', '3.14', 'dandrel-avocats.fr; laclef.eu'),
    legal('2021-H2', '3.12', 'dandrel-avocats.fr; laclef.eu'),
    legal('2022-H1', '3.13', 'droit-pratique.fr; laclef.eu'),
    legal('2022-H2', '3.15', 'laclef.eu'),
    legal('2023-H1', '4.47', 'laclef.eu'),
    legal('2023-H2', '6.82', 'laclef.eu'),
    legal('2024-H1', '8.01', 'laclef.eu; lemoniteur.fr'),
    legal('2024-H2', '8.16', 'laclef.eu; lemoniteur.fr (arrêté of 26 Jun 2024)'),
    legal('2025-H1', '7.21', 'laclef.eu; ksca.fr'),
    legal('2025-H2', '6.65', 'laclef.eu; ksca.fr (arrêté ECOT2516925A of 19 Jun 2025, JO 24 Jun 2025)'),
    legal('2026-H1', '6.67', 'arrêté of 15 Dec 2025, JORF n°0302 of 26 Dec 2025 (juriblio.fr); avocat-plagnol.com'),
    legal('2026-H2', null, 'not found'),
  ],
};

const DE_NEG = 'boersen-zeitung.de; stb-bruns.com; Bundesbank notices of 1 Jul 2020 and 1 Jan 2021 (-0.88 % from 1 Jul 2016 through 31 Dec 2022)';
const DE_DERIVED = 'derived from the ECB MRO moves (BGB §247); to check against the Bundesbank table (bundesbank.de .../basiszinssatz-607820)';

function de(period: HalfYear, ratePercent: string | null, source: string, confidence: Confidence = 'V'): RateEntry {
  return { ...legal(period, ratePercent, source), confidence: ratePercent === null ? 'UNKNOWN' : confidence };
}

/** German Basiszinssatz (BGB §247), changing on 1 January and 1 July (late-payment-law.md 6.1). */
export const DE_BASE_RATE: RateTable = {
  id: 'DE_BASE_RATE',
  name: 'German base rate (Basiszinssatz, BGB §247)',
  reference: 'late-payment-law.md 6.1',
  researchDate: RESEARCH_DATE,
  entries: [
    de('2019-H1', '-0.88', DE_NEG),
    de('2019-H2', '-0.88', DE_NEG),
    de('2020-H1', '-0.88', DE_NEG),
    de('2020-H2', '-0.88', DE_NEG),
    de('2021-H1', '-0.88', DE_NEG),
    de('2021-H2', '-0.88', DE_NEG),
    de('2022-H1', '-0.88', DE_NEG),
    de('2022-H2', '-0.88', `${DE_NEG}; the MRO was still 0.00 % on 30 Jun 2022`),
    de('2023-H1', '1.62', 'stb-bruns.com'),
    de('2023-H2', '3.12', `${DE_DERIVED}: -0.88 + 4.00`, 'derived'),
    de('2024-H1', '3.62', `${DE_DERIVED}: -0.88 + 4.50`, 'derived'),
    de('2024-H2', '3.37', `${DE_DERIVED}: -0.88 + 4.25`, 'derived'),
    de('2025-H1', '2.27', 'iww.de ("von 2,27 % auf 1,27 %")'),
    de('2025-H2', '1.27', 'iww.de; malerblog.net'),
    de('2026-H1', '1.27', 'finanzmarktnachrichten.de; digitalverkehr.com'),
    de('2026-H2', null, 'not found'),
  ],
};

const UK_FOCUS = 'focus-economics.com (year-end values 2019-2024, 2025 decisions)';

function uk(period: HalfYear, referenceDay: IsoDate, ratePercent: string | null, confidence: Confidence, source: string): RateEntry {
  return { period, referenceDay, ratePercent, confidence: ratePercent === null ? 'UNKNOWN' : confidence, source };
}

/**
 * Bank of England Bank Rate on the reference day before interest starts: 31 December for interest
 * starting 1 Jan – 30 Jun, 30 June for interest starting 1 Jul – 31 Dec (SI 2002/1675 art. 4;
 * late-payment-law.md 7.1). Keyed by the half-year in which interest STARTS.
 */
export const UK_BANK_RATE: RateTable = {
  id: 'UK_BANK_RATE',
  name: 'Bank of England Bank Rate (reference day before interest starts)',
  reference: 'late-payment-law.md 7.1',
  researchDate: RESEARCH_DATE,
  entries: [
    uk('2019-H1', '2018-12-31', '0.75', 'K', 'professional knowledge, not re-verified'),
    uk('2019-H2', '2019-06-30', '0.75', 'K', 'professional knowledge, not re-verified'),
    uk('2020-H1', '2019-12-31', '0.75', 'V', UK_FOCUS),
    uk('2020-H2', '2020-06-30', '0.10', 'K', 'professional knowledge (cut to 0.25 % on 11 Mar 2020, to 0.10 % on 19 Mar 2020), not re-verified'),
    uk('2021-H1', '2020-12-31', '0.10', 'V', UK_FOCUS),
    uk('2021-H2', '2021-06-30', '0.10', 'K', 'professional knowledge, not re-verified'),
    uk('2022-H1', '2021-12-31', '0.25', 'V', UK_FOCUS),
    uk('2022-H2', '2022-06-30', '1.25', 'V', 'adviser-hub.co.uk; channel4.com (1.25 % from 16 Jun 2022)'),
    uk('2023-H1', '2022-12-31', '3.50', 'V', UK_FOCUS),
    uk('2023-H2', '2023-06-30', '5.00', 'V', 'The Guardian via librabunda.blogspot.com (5 % from 22 Jun 2023)'),
    uk('2024-H1', '2023-12-31', '5.25', 'V', `${UK_FOCUS}; payontime.co.uk (reference 5.25 % for Jan-Jun 2024)`),
    uk('2024-H2', '2024-06-30', '5.25', 'V', `${UK_FOCUS}; londondevelopmentsites.com (cut to 5 % only in Aug 2024)`),
    uk('2025-H1', '2024-12-31', '4.75', 'V', UK_FOCUS),
    uk('2025-H2', '2025-06-30', '4.25', 'V', `${UK_FOCUS} (4.25 % from 8 May 2025, held 19 Jun 2025)`),
    uk('2026-H1', '2025-12-31', '3.75', 'V', 'news.az; themissinglinkhub (cut from 4 % in December 2025, held 3.75 % on 5 Feb 2026)'),
    uk('2026-H2', '2026-06-30', null, 'UNKNOWN', 'not found (last confirmed: 3.75 % held on 5 Feb 2026)'),
  ],
};

export const RATE_TABLES: Readonly<Record<RateTableId, RateTable>> = {
  ECB_MRO,
  FR_LEGAL_PRO,
  FR_LEGAL_PRIVATE,
  DE_BASE_RATE,
  UK_BANK_RATE,
};
