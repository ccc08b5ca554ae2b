/**
 * What a written date stands for, from the label just before it in the same sentence.
 *
 * - issue: the invoice date ("Date de facture", "facture n° F-12 du", "Invoice date", "Rechnung vom", "fattura del").
 * - issue: also a bare "Date :" line, except in a payment notice (there it is the payment's date): 'dateLine'.
 * - due: the invoice's own due date, stated as such ("Échéance", "due date", "fällig am", "vencimiento");
 *   'pastDue' when the sentence says it is already past ("était due le", "arrivée à échéance le", "was due
 *   on", "venció el"): a year-less one then lies before the mail, whatever the kind of message.
 * - deadline: a date to pay by, without saying it is the invoice's term ("avant le", "by", "bis zum", "entro il").
 *   In an invoice it is the due date; in a reminder it is a new deadline and is not the due date.
 * - promise: a payment announced for a date ("le virement sera effectué le", "we will pay on").
 * - paid: when a payment happened ("payé le", "paid on"): never a due date.
 * - other: delivery, meeting, quote dates… anything else labelled.
 */
import type { WrittenDate } from './written-dates';
import { PrefixScanner, forEachMatch } from './prefix-scan';

export type DateRole = 'issue' | 'dateLine' | 'due' | 'pastDue' | 'deadline' | 'promise' | 'paid' | 'other';

const LABELS: ReadonlyArray<readonly [DateRole, RegExp]> = [
  [
    'issue',
    /date\sde\s(?:la\s)?factur(?:e|ation)|date\sd'émission|émise?\sle|datée?\sdu|factur[ea]s?\s(?:n[°º]\s?|nº\s?|no\.?\s?|nr\.?\s?|#\s?)?[\w/.-]{0,25}\s(?:du|del|de)|invoice\sdate|date\sof\s(?:the\s)?invoice|date\sof\sissue|invoice\s[\w#/.-]{0,25}\s?dated|(?:(?<![a-z\u00df-\u00ff\u0153\d])|(?![a-z\u00df-\u00ff\u0153\d]))dated|issued(?:\son)?|issue\sdate|rechnungsdatum|rechnung\s(?:nr\.?\s?)?[\w/.-]{0,25}\svom|ausgestellt\sam|(?<!(?:erinnerung|mahnung|schreiben|nachricht|mail|telefonat)\s)(?:(?<![a-z\u00df-\u00ff\u0153\d])|(?![a-z\u00df-\u00ff\u0153\d]))vom|fecha\s(?:de\s(?:la\s)?)?(?:factura|emisión|expedición)|emitida\sel|(?:de|con)\sfecha|fechada|data\s(?:della\s)?fattura|fattura\s(?:n\.?\s?|nr\.?\s?)?[\w/.-]{0,25}\sdel|emessa\sil|factuurdatum|factuur\s[\w/.-]{0,25}\svan/g,
  ],
  ['dateLine', /(?:^|\n)\s?date\s?:/g],
  [
    'pastDue',
    /(?:était|étaient|a\sété)\sdue?s?\s(?:le|depuis\sle|au)|échue?s?\s(?:le|depuis\sle|au)|(?:arrivée?s?|venue?s?)\sà\séchéance\s(?:le|au)|(?:was|were|fell|became)\s(?:due|payable)(?:\son)?|(?:war|waren)\s(?:bereits\s)?fällig\s(?:am|seit)|fällig\sseit|venció\sel|vencida\sdesde\sel|(?:era|è)\sscaduta\s(?:il|dal)|scaduta\sil|(?:was|is)\svervallen\sop|vervallen\sop/g,
  ],
  [
    'due',
    /échéance|echeance|(?:était|étaient|est|sont)\sdue?s?\s(?:le|depuis\sle)|échue?s?\s(?:le|depuis\sle|au)|arrivée?\sà\séchéance\sle|exigible\s(?:le|au)|payable\s(?:le|au)|date\sde\s(?:paiement|règlement)\s?:|due\sdate|(?:was|were|fell|falls|is|became)\s(?:due|payable)\s(?:on)?|due\son|payment\sdue(?:\son)?|due\s?:|(?<![a-z])due(?=\s)|f(?:ä|ae)llig(?:\sam|\sseit)?|fälligkeit(?:sdatum)?|zahlungsziel|(?:fecha\sde\s)?vencimiento|vence\sel|venció\sel|vencida\sdesde\sel|scadenza|scade\sil|scaduta\sil|data\sdi\sscadenza|vervaldatum|vervaldag|vervallen\sop/g,
  ],
  [
    'deadline',
    /(?:avant|d'ici|jusqu'au|au\splus\stard)\s(?:le|au)|date\slimite(?:\sde\s(?:paiement|règlement))?|(?:à\srégler|à\spayer|régler|payer|paiement|règlement)\s(?:avant\s|pour\s|au\splus\stard\s)?le|(?:(?<![a-z\u00df-\u00ff\u0153\d])|(?![a-z\u00df-\u00ff\u0153\d]))by(?:(?<![a-z\u00df-\u00ff\u0153\d])|(?![a-z\u00df-\u00ff\u0153\d]))|(?:(?<![a-z\u00df-\u00ff\u0153\d])|(?![a-z\u00df-\u00ff\u0153\d]))before(?:(?<![a-z\u00df-\u00ff\u0153\d])|(?![a-z\u00df-\u00ff\u0153\d]))|no\slater\sthan|payable\sby|pay(?:ment)?\sby|(?:(?<![a-z\u00df-\u00ff\u0153\d])|(?![a-z\u00df-\u00ff\u0153\d]))bis\s(?:zum|spätestens)?|spätestens\s(?:am|bis)|antes\sdel?|a\smás\stardar\sel|entro\s(?:il|e\snon\soltre\sil)|uiterlijk(?:\sop)?|vóór|(?:(?<![a-z\u00df-\u00ff\u0153\d])|(?![a-z\u00df-\u00ff\u0153\d]))voor(?:(?<![a-z\u00df-\u00ff\u0153\d])|(?![a-z\u00df-\u00ff\u0153\d]))/g,
  ],
  [
    'promise',
    /(?:sera|seront|serez|seras|serons|va\sêtre|vont\sêtre|est\sprévue?|est\sprogrammée?|interviendra|partira)\s(?:[a-z\u00df-\u00ff\u0153]+\s){0,2}(?:le|pour\sle|d'ici\sle|avant\sle|au\splus\stard\sle)|(?:réglerons|règlerons|paierons|payerons|procéderons|effectuerons|virerons|réglerai|paierai|payerai|vous\srègle|vous\sréglons|vous\spaie|vous\spayons|vous\svire|vous\svirons)\s(?:[^\n.]{0,40}\s)?(?:le|d'ici\sle|avant\sle)|prévue?\spour\sle|programmée?\spour\sle|mise?\sen\spaiement\sle|(?:will|'ll)\s(?:be\s)?(?:pay|paid|settle|settled|transfer|transferred|process|processed|send|sent|make|made|release|released|wire|wired)\s(?:[^\n.]{0,40}\s)?(?:on|by|before)|scheduled\s(?:for|on)|planned\sfor|expected\son|erfolgt\s(?:am|bis)|werden\s[^\n.]{0,40}(?:am|bis)|se\s(?:realizará|efectuará|hará)\s(?:el|antes\sdel)|(?:pagaremos|saldrá|te\spagamos|le\spagamos|os\spagamos)\s(?:[^\n.]{0,30}\s)?(?:el|antes\sdel)|(?:sarà|verrà)\s(?:effettuato|eseguito|disposto)\s(?:il|entro\sil)|pagheremo\s(?:[^\n.]{0,30}\s)?(?:il|entro\sil)|(?:zullen|zal)\s[^\n.]{0,40}\sop|volgt\sop/g,
  ],
  [
    'paid',
    /(?:has\sbeen|have\sbeen|was|were)\s(?:issued|sent|made|paid|transferred|wired|released|remitted)\s(?:to\s[^\n.]{0,40}\s)?on|(?:payée?s?|réglée?s?|effectuée?s?|viré|émis|reçue?s?|envoyée?)\s(?:ce\s)?le|paid\son|sent\son|made\son|received\son|transferred\son|(?:bezahlt|überwiesen|beglichen)\sam|am\s[^\n]{0,3}(?:bezahlt|überwiesen)|(?:pagad[oa]|realizad[oa]|efectuad[oa])\sel|(?:pagat[oa]|effettuat[oa]|eseguit[oa])\sil|(?:betaald|overgemaakt)\sop/g,
  ],
  [
    'other',
    /livr(?:é|ée|aison)|deliver(?:ed|y)|rendez-vous|réunion|meeting|devis|quote|commande|order|lieferung|entrega|consegna|levering|période|period|du\s(?=\d)|from\s(?=\d)|depuis\sle|since/g,
  ],
];

const LABEL_SCANNER = new PrefixScanner(LABELS.map(([, pattern]) => pattern));
const ALL_LABELS = (1 << LABELS.length) - 1;

// How far back a label may be, and where a sentence (hence a label's reach) ends.
const CONTEXT_CHARS = 70;
// Abbreviations ("n.", "nr.", "réf.", "art.") do not end a sentence.
const SENTENCE_END = /(?<![\s(][a-z\u00e0-\u00ff]{1,3})[.!?](?:\s|$)|\n\s*\n/g;
// A label after the date: "war am 26.01.2026 fällig", "vencida el…" is before; "scaduta".
const AFTER_DUE = /^\s?(?:fällig|due|overdue|vencid[ao]|scadut[ao]|vervallen|échue?)/;

export interface LabelledDate {
  date: WrittenDate;
  role: DateRole | null;
}

/**
 * Each date with the role of the label closest before it (null when none in its sentence); in a
 * table row ("FA/2026/00031    27/01/2026    26/02/2026    3 180,00 €"), the role of its column
 * header ("Référence    Date    Date d'échéance    Montant dû").
 */
export function labelDates(text: string, dates: readonly WrittenDate[]): LabelledDate[] {
  const out: LabelledDate[] = [];
  let previousEnd = 0;
  for (const date of dates) {
    const lineStart = text.lastIndexOf('\n', date.index - 1) + 1;
    const header = columnHeader(text, lineStart, date.index);
    const before = text.slice(Math.max(previousEnd, lineStart, date.index - CONTEXT_CHARS), date.index);
    let role = header !== null ? headerRole(header) : roleOf(before);
    if (role === null && AFTER_DUE.test(text.slice(date.end, date.end + 12))) role = 'due';
    out.push({ date, role });
    previousEnd = date.end;
  }
  return out;
}

const CELL_SEPARATOR = /\t+| {2,}/g;
const BARE_DATE_HEADER = /^(?:date|datum|fecha|data|dated?)$/;

/** The header cell above the cell that holds `index`, when the line is a table row; else null. */
function columnHeader(text: string, lineStart: number, index: number): string | null {
  const lineEndAt = text.indexOf('\n', index);
  const line = text.slice(lineStart, lineEndAt === -1 ? text.length : lineEndAt);
  if (line.length > 300) return null;
  const cells = cellStarts(line);
  if (cells.length < 2) return null;
  let column = 0;
  for (let cell = 0; cell < cells.length; cell += 1) if ((cells[cell] as number) <= index - lineStart) column = cell;
  // The header: the nearest line above (within three) with as many cells.
  let end = lineStart - 1;
  for (let up = 0; up < 3 && end > 0; up += 1) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const above = text.slice(start, end);
    end = start - 1;
    if (above.trim() === '') continue;
    const aboveCells = cellStarts(above);
    if (aboveCells.length !== cells.length) return null;
    const cellStart = aboveCells[column] as number;
    const cellEnd = column + 1 < aboveCells.length ? (aboveCells[column + 1] as number) : above.length;
    const cellText = above.slice(cellStart, cellEnd).trim();
    // A header names its columns: no digits in it.
    return /\d/.test(cellText) ? null : cellText;
  }
  return null;
}

function cellStarts(line: string): number[] {
  const starts: number[] = [];
  const leading = line.length - line.trimStart().length;
  if (line.trim() === '') return starts;
  starts.push(leading);
  CELL_SEPARATOR.lastIndex = 0;
  for (const match of line.matchAll(CELL_SEPARATOR)) {
    const next = match.index + match[0].length;
    if (next < line.length && match.index >= leading) starts.push(next);
  }
  return starts;
}

function headerRole(header: string): DateRole | null {
  if (BARE_DATE_HEADER.test(header)) return 'issue';
  return roleOf(`${header} `);
}

function roleOf(before: string): DateRole | null {
  let sentenceStart = 0;
  // exec loops on the global patterns, as matchAll reads them (without cloning each pattern per call).
  SENTENCE_END.lastIndex = 0;
  for (let match = SENTENCE_END.exec(before); match !== null; match = SENTENCE_END.exec(before)) {
    sentenceStart = match.index + match[0].length;
    if (match[0] === '') SENTENCE_END.lastIndex += 1;
  }
  const sentence = before.slice(sentenceStart);
  // The label ending closest to the date (the first role's on a tie), every label looked for only
  // where it may start (one pass instead of a search per role; the same matches, see prefix-scan.ts).
  let bestIndex = -1;
  let bestEnd = -1;
  forEachMatch(LABEL_SCANNER, sentence, ALL_LABELS, sentence.length, (index, match) => {
    const end = match.index + match[0].length;
    if (end > bestEnd || (end === bestEnd && index < bestIndex)) {
      bestEnd = end;
      bestIndex = index;
    }
  });
  return bestIndex === -1 ? null : (LABELS[bestIndex] as readonly [DateRole, RegExp])[0];
}
