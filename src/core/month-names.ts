/**
 * Month names and abbreviations in French and English, as mails and Gmail's date titles write them
 * (CLDR short forms "janv.", "févr.", "juil." included), keyed lower-case without accents or dots.
 * Shared by the invoice reader and the Gmail adapter's date parser.
 */
export const MONTH_NUMBERS: Readonly<Record<string, number>> = {
  janvier: 1, janv: 1, january: 1, jan: 1,
  fevrier: 2, fevr: 2, fev: 2, february: 2, feb: 2,
  mars: 3, march: 3, mar: 3,
  avril: 4, avr: 4, april: 4, apr: 4,
  mai: 5, may: 5,
  juin: 6, june: 6, jun: 6,
  juillet: 7, juil: 7, july: 7, jul: 7,
  aout: 8, august: 8, aug: 8,
  septembre: 9, september: 9, sept: 9, sep: 9,
  octobre: 10, october: 10, oct: 10,
  novembre: 11, november: 11, nov: 11,
  decembre: 12, december: 12, dec: 12,
};
