import { describe, expect, it } from 'vitest';
import { csvCell, neutraliseFormula, receivableRows, receivablesCsv } from './csv-export';
import type { LedgerEvent } from './events';
import { CLIENT, SETTINGS, events, invoice, randomLedger } from './ledger.test-support';
import type { Client } from './model';

const TODAY = '2026-04-20';
const A = invoice();
const ev = events(A.id);
const B = invoice({ id: 'b', invoiceNumber: '=HYPERLINK("http://x","clic")', amount: 1234.5, dueDate: '2026-04-30', clientId: 'c2', clientEmail: 'x@y.fr' });
const C = invoice({ id: 'c', invoiceNumber: 'F-2026-001', amount: 300, dueDate: '2026-01-15', issueDate: '2026-01-01' });
const CLIENT2: Client = { ...CLIENT, id: 'c2', name: '+Dupont; "Fils" & Cie', emails: ['x@y.fr'] };
const LOG: LedgerEvent[] = [
  ev('2026-02-02', { kind: 'tracked' }),
  ev('2026-03-11', { kind: 'reminder_sent', step: 'first_reminder' }),
  ev('2026-03-25', { kind: 'partial_payment', amount: 200.1, paidOn: '2026-03-25' }),
  { kind: 'payment', invoiceId: 'c', at: '2026-01-20T10:00:00Z', day: '2026-01-20', paidOn: '2026-01-20' },
];
const ROWS = receivableRows({ invoices: [B, A, C], clients: [CLIENT, CLIENT2], events: LOG }, SETTINGS, TODAY);

/** Splits the CSV into rows of cells (RFC 4180 reader, for the tests). */
function readCsv(text: string, separator: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === separator) {
      row.push(cell);
      cell = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 1;
    } else cell += char;
  }
  return rows;
}

describe('receivablesCsv', () => {
  it('French: BOM, `;`, decimal comma, dd/mm/yyyy, French words; rows by client then due date', () => {
    const csv = receivablesCsv(ROWS, { language: 'fr' });
    expect(csv.startsWith('\uFEFFClient;N° de facture;Date d’émission;Échéance;Devise;Montant TTC;Payé;Reste dû;Statut;Jours de retard;Dernière action\r\n')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = readCsv(csv.slice(1), ';');
    expect(rows.slice(1)).toEqual([
      ["'+Dupont; \"Fils\" & Cie", '\'=HYPERLINK("http://x","clic")', '02/02/2026', '30/04/2026', 'EUR', '1234,50', '0,00', '1234,50', 'non échue', '-10', ''],
      ['Bernard Conseil', 'F-2026-001', '01/01/2026', '15/01/2026', 'EUR', '300,00', '300,00', '0,00', 'payée', '', ''],
      ['Bernard Conseil', 'F-2026-040', '02/02/2026', '04/03/2026', 'EUR', '1200,00', '200,10', '999,90', 'en retard', '47', 'relance envoyée (11/03/2026)'],
    ]);
  });

  it('English: `,`, decimal point, ISO dates, no BOM when asked; open invoices only', () => {
    const csv = receivablesCsv(ROWS, { language: 'en', bom: false, openOnly: true });
    expect(csv.split('\r\n')).toEqual([
      'Client,Invoice number,Issue date,Due date,Currency,Amount,Paid,Outstanding,Status,Days past due,Last action',
      `"'+Dupont; ""Fils"" & Cie","'=HYPERLINK(""http://x"",""clic"")",2026-02-02,2026-04-30,EUR,1234.50,0.00,1234.50,not due,-10,`,
      'Bernard Conseil,F-2026-040,2026-02-02,2026-03-04,EUR,1200.00,200.10,999.90,overdue,47,reminder sent (2026-03-11)',
      '',
    ]);
  });

  it('a `,` separator with decimal commas quotes the amounts', () => {
    const csv = receivablesCsv(ROWS, { language: 'fr', separator: ',', bom: false });
    expect(csv).toContain(',"1234,50","0,00","1234,50",');
    expect(readCsv(csv, ',')[1]![5]).toBe('1234,50');
  });

  it('unknown amounts and dates are empty cells', () => {
    const unknown = invoice({ id: 'u', amount: null, currency: null, dueDate: null, issueDate: null });
    const rows = receivableRows({ invoices: [unknown], clients: [CLIENT], events: [] }, SETTINGS, TODAY);
    expect(readCsv(receivablesCsv(rows, { language: 'fr', bom: false }), ';')[1]).toEqual(['Bernard Conseil', 'F-2026-040', '', '', '', '', '0,00', '', 'sans échéance', '', '']);
  });

  it('every row of a random ledger has the header’s number of cells', () => {
    for (let seed = 1; seed <= 60; seed += 1) {
      const ledger = randomLedger(seed);
      const rows = receivableRows(ledger, ledger.settings, '2026-06-30');
      for (const separator of [';', ','] as const) {
        const table = readCsv(receivablesCsv(rows, { language: seed % 2 ? 'fr' : 'en', separator, bom: false }), separator);
        expect(table.length, `seed ${seed}`).toBe(ledger.invoices.length + 1);
        for (const row of table) expect(row.length, `seed ${seed}`).toBe(11);
        for (const row of table.slice(1)) for (const cell of [row[0]!, row[1]!, row[10]!]) expect(/^\s*[=+\-@]/.test(cell) || /^[\t\r]/.test(cell), `seed ${seed}: ${cell}`).toBe(false);
      }
    }
  });
});

describe('cells', () => {
  it('formula starters get a quote, other text is left alone', () => {
    expect(['=1+1', '+33 6', '-5', '@SUM(A1)', '\tx', '\rx', '  =x', 'Dupont', 'a=b', '', "'"].map(neutraliseFormula)).toEqual(["'=1+1", "'+33 6", "'-5", "'@SUM(A1)", "'\tx", "'\rx", "'  =x", 'Dupont', 'a=b', '', "'"]);
  });

  it('RFC 4180 quoting', () => {
    expect(csvCell('plain', ';')).toBe('plain');
    expect(csvCell('a;b', ';')).toBe('"a;b"');
    expect(csvCell('a,b', ';')).toBe('a,b');
    expect(csvCell('say "hi"', ';')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines', ',')).toBe('"two\nlines"');
    expect(csvCell('cr\r', ',')).toBe('"cr\r"');
  });
});
