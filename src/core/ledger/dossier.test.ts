import { describe, expect, it } from 'vitest';
import { buildDossier, dossierHtml, dossierText, invoiceDossier, type DossierInput } from './dossier';
import { describeEvent } from './dossier-words';
import type { LedgerEvent } from './events';
import { chainEvents, chainHeads } from './hash-chain';
import { LEDGER_EVENT_KINDS } from './events';
import { CLIENT, SETTINGS, events, invoice, prng, randomEventInput, randomLedger } from './ledger.test-support';

const INVOICE = invoice({
  proofs: [
    { host: 'gmail', account: 'claire@atelier-martin.fr', threadId: '18c2f0a1b2c3d4e5', messageId: '#msg-f:1791234567890123456' },
    { host: 'file', account: null, threadId: null, messageId: 'paid-f2026040@bernard-conseil.fr', file: 'takeout.mbox#3', kind: 'payment_notice', date: '2026-04-13T18:30:00+02:00', amount: 600 },
  ],
});
const ev = events(INVOICE.id);
const LOG = chainEvents([
  ev('2026-02-02', { kind: 'tracked', facts: { amount: 1200, dueDate: '2026-03-04' } }),
  ev('2026-03-11', { kind: 'reminder_sent', step: 'first_reminder', messageId: '<r1@atelier-martin.fr>' }),
  ev('2026-03-16', { kind: 'call', calledAt: '2026-03-16T10:05', who: 'M. Bernard', outcome: 'answered', said: 'will pay half', promisedDate: '2026-03-25', promisedAmount: 600, nextCallDate: '2026-03-26' }),
  ev('2026-03-25', { kind: 'partial_payment', amount: 600, paidOn: '2026-03-25' }),
  ev('2026-04-03', { kind: 'formal_notice', sentOn: '2026-04-03', deadline: '2026-04-11' }),
  ev('2026-04-03', { kind: 'letter', step: 'formal_notice', registered: true, trackingNumber: '1A 123 456 789 0', acknowledgedOn: '2026-04-06' }),
]);
const INPUT: DossierInput = { invoice: INVOICE, client: CLIENT, events: LOG, settings: { ...SETTINGS, company: { ...SETTINGS.company, siret: '73282932000074', address: '12 rue des Lilas\n75011 Paris' } }, today: '2026-06-15', language: 'fr' };

describe('buildDossier: content', () => {
  const { dossier, html, text } = invoiceDossier(INPUT);

  it('parties, facts, situation', () => {
    expect(dossier.title).toBe('Dossier de recouvrement — facture F-2026-040');
    expect(dossier.drawnUp).toBe('Établi le 15 juin 2026');
    expect(dossier.creditor).toEqual(['Atelier Martin', '12 rue des Lilas', '75011 Paris', 'SIRET 73282932000074']);
    expect(dossier.debtor).toEqual(['Bernard Conseil', 'lucas@bernard-conseil.fr', '+33 1 23 45 67 89', 'Pays : FR', 'Professionnel']);
    expect(dossier.facts).toContainEqual({ label: 'Échéance', value: '4 mars 2026' });
    expect(dossier.facts).toContainEqual({ label: 'Montant TTC', value: '1\u202f200,00\u00a0€' });
    expect(dossier.situation).toContainEqual({ label: 'Mise en demeure', value: 'envoyée le 3 avril 2026, délai jusqu’au 11 avril 2026, recommandé n° 1A 123 456 789 0, reçue le 6 avril 2026' });
    expect(dossier.situation).toContainEqual({ label: 'Prescription', value: '5 ans à compter du 25 mars 2026 : agir au plus tard le 25 mars 2031' });
  });

  it('the whole timeline in words, with the day, the recording instant and the seal', () => {
    expect(dossier.timeline.map((entry) => [entry.day, entry.text])).toEqual([
      ['2 février 2026', 'Facture enregistrée dans le suivi'],
      ['11 mars 2026', 'Relance envoyée : première relance amicale (message <r1@atelier-martin.fr>)'],
      ['16 mars 2026', 'Appel du 16 mars 2026 à 10:05 avec M. Bernard : a répondu. Propos : « will pay half ». Promesse de paiement de 600,00\u00a0€ pour le 25 mars 2026. Prochain appel convenu le 26 mars 2026'],
      ['25 mars 2026', 'Paiement partiel de 600,00\u00a0€ reçu le 25 mars 2026'],
      ['3 avril 2026', 'Mise en demeure envoyée le 3 avril 2026, délai de paiement jusqu’au 11 avril 2026'],
      ['3 avril 2026', 'Lettre recommandée avec accusé de réception : mise en demeure. N° de suivi 1A 123 456 789 0. Accusé de réception signé le 6 avril 2026'],
    ]);
    expect(dossier.timeline[0]).toMatchObject({ recordedAt: LOG[0]!.at, seq: 0, hash: LOG[0]!.hash });
  });

  it('message references and letters as proofs', () => {
    expect(dossier.proofs).toEqual([
      'message — Gmail, compte claire@atelier-martin.fr, fil 18c2f0a1b2c3d4e5, Message-ID #msg-f:1791234567890123456',
      'avis de paiement du 2026-04-13T18:30:00+02:00 (600,00\u00a0€) — fichier takeout.mbox#3, Message-ID paid-f2026040@bernard-conseil.fr',
      'relance envoyée (11 mars 2026) — Message-ID <r1@atelier-martin.fr>',
      'courrier recommandé (3 avril 2026) — n° de suivi 1A 123 456 789 0',
    ]);
  });

  it('the claim with the interest broken down by period (computePenalty)', () => {
    expect(dossier.claim.kind).toBe('computed');
    if (dossier.claim.kind !== 'computed') return;
    expect(dossier.claim.lines.map((line) => [line.label, line.value])).toEqual([
      ['Montant de la facture', '1\u202f200,00\u00a0€'],
      ['Déjà reçu', '600,00\u00a0€'],
      ['Principal restant dû', '600,00\u00a0€'],
      ['Intérêts de retard du 5 mars 2026 au 15 juin 2026', '24,77\u00a0€'],
      ['Indemnité forfaitaire pour frais de recouvrement', '40,00\u00a0€'],
      ['Total réclamé', '664,77\u00a0€'],
    ]);
    expect(dossier.claim.segments).toEqual([
      { from: '5 mars 2026', to: '25 mars 2026', days: 21, rate: '12,15 %', basis: 'ECB MRO 2.15 % + 10 points', principal: '1\u202f200,00\u00a0€', interest: '8,39\u00a0€' },
      { from: '26 mars 2026', to: '15 juin 2026', days: 82, rate: '12,15 %', basis: 'ECB MRO 2.15 % + 10 points', principal: '600,00\u00a0€', interest: '16,38\u00a0€' },
    ]);
    expect(html).toContain('<td class="num">12,15 %</td>');
    expect(text).toContain('- 5 mars 2026 → 25 mars 2026, 21 jours, 12,15 % (ECB MRO 2.15 % + 10 points), principal 1\u202f200,00\u00a0€ : 8,39\u00a0€');
  });

  it('the chain verified, with its last hash', () => {
    expect(dossier.chain.status).toBe('ok');
    expect(dossier.chain.headline).toBe('Journal intègre : les 6 événements forment une chaîne d’empreintes SHA-256 vérifiée ; aucun n’a été modifié, inséré ou déplacé.');
    expect(dossier.chain.details[0]).toBe(`Empreinte finale (SHA-256) : ${LOG[5]!.hash}`);
    const withHead = buildDossier({ ...INPUT, recordedHead: chainHeads(LOG)[0]! });
    expect(withHead.chain.details[1]).toMatch(/^Elle correspond à l’empreinte enregistrée/);
  });

  it('a standalone printable document: A4 print CSS, no script, nothing loaded', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="fr">')).toBe(true);
    expect(html).toContain('@page { size: A4;');
    expect(html).toContain('@media print');
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`);
    expect(html).not.toMatch(/<script|<img|<link|src=|href=/i);
  });
});

describe('buildDossier: a rate that is not known is never guessed', () => {
  it('after 30 June 2026 the ECB rate is unknown: the claim says which one to enter', () => {
    const { dossier, html, text } = invoiceDossier({ ...INPUT, today: '2026-08-15', language: 'en' });
    expect(dossier.claim).toEqual({
      kind: 'not_computed',
      lines: [
        { label: 'Invoice amount', value: '€1,200.00' },
        { label: 'Already received', value: '€600.00' },
        { label: 'Principal outstanding', value: '€600.00' },
      ],
      reason: 'Rate unknown for 2026-H2 (ECB main refinancing rate on 1 July 2026): enter it in the settings. No interest is computed without it.',
    });
    expect(html).toContain('<p class="reason">Rate unknown for 2026-H2');
    expect(text).toContain('!! Rate unknown for 2026-H2');
    const fr = buildDossier({ ...INPUT, today: '2026-08-15' });
    expect(fr.claim.kind === 'not_computed' && fr.claim.reason).toBe('Taux inconnu pour 2026-H2 (taux de refinancement principal de la BCE au 1er juillet 2026) : saisissez-le dans les réglages. Aucun intérêt n’est chiffré sans lui.');
  });

  it('a rate the user entered is used, and said to be theirs', () => {
    const settings = { ...INPUT.settings, penalty: { ...INPUT.settings.penalty, rateOverrides: [{ table: 'ECB_MRO' as const, period: '2026-H2' as const, ratePercent: 2 }] } };
    const dossier = buildDossier({ ...INPUT, settings, today: '2026-08-15' });
    expect(dossier.claim.kind).toBe('computed');
    if (dossier.claim.kind !== 'computed') return;
    expect(dossier.claim.segments.at(-1)).toMatchObject({ from: '1er juillet 2026', rate: '12 %' });
    expect(dossier.claim.notes).toContain('taux de refinancement principal de la BCE 2026-H2 : 2 % — saisi par l’utilisateur');
  });

  it('unknown amount or due date: what to enter', () => {
    const dossier = buildDossier({ ...INPUT, invoice: { ...INVOICE, dueDate: null }, events: [] });
    expect(dossier.claim.kind === 'not_computed' && dossier.claim.reason).toBe('L’échéance de la facture est inconnue : saisissez-la pour chiffrer les intérêts.');
  });
});

describe('buildDossier: altered history is shown', () => {
  it('an event changed after the fact: warning at the top and in the check, naming the event', () => {
    const altered = LOG.map((event, index) => (index === 3 ? ({ ...event, amount: 900 } as LedgerEvent) : event));
    const { dossier, html, text } = invoiceDossier({ ...INPUT, events: altered });
    expect(dossier.chain.status).toBe('altered');
    expect(dossier.chain.headline).toMatch(/^ATTENTION : le journal de cette facture a été modifié après coup/);
    expect(dossier.chain.details).toContain('événement n° 4 (paiement partiel, 25 mars 2026) : un événement a été modifié après son enregistrement.');
    // Shown twice in the HTML: the banner under the title and the check section, both in the alarm style.
    expect(html.match(/<div class="chain altered">/g)).toHaveLength(2);
    expect(html.indexOf('ATTENTION')).toBeLessThan(html.indexOf('Créancier'));
    expect(text.split('\n\n')[1]).toMatch(/^!! ATTENTION/);
  });

  it('the last events removed: caught against the recorded head', () => {
    const dossier = buildDossier({ ...INPUT, language: 'en', events: LOG.slice(0, 4), recordedHead: chainHeads(LOG)[0]! });
    expect(dossier.chain.status).toBe('altered');
    expect(dossier.chain.details[0]).toBe('after event no. 4: the last events were removed (the chain does not end at the recorded head).');
  });

  it('an invoice record edited outside a correction is flagged', () => {
    const dossier = buildDossier({ ...INPUT, invoice: { ...INVOICE, amount: 1500 } });
    expect(dossier.chain.details).toContain('Le champ amount de la facture (1500) diffère de la valeur attestée par le journal (1200) : la fiche a été modifiée sans événement de correction.');
  });

  it('a client override the ladder refuses does not stop the dossier', () => {
    const client = { ...CLIENT, chasing: { delays: { firstReminder: 40 } } };
    expect(buildDossier({ ...INPUT, client }).claim.kind).toBe('computed');
  });

  it('events without seal', () => {
    const dossier = buildDossier({ ...INPUT, events: [ev('2026-02-02', { kind: 'tracked' })] });
    expect(dossier.chain.status).toBe('unsealed');
  });
});

describe('buildDossier: untrusted text is escaped', () => {
  const EVIL = '<script>alert("x")</script><img src=x onerror=alert(1)> & \'quote\'';
  const client = { ...CLIENT, name: EVIL, phone: '<b>06</b>' };
  const evil = chainEvents([
    ev('2026-02-02', { kind: 'tracked' }),
    ev('2026-03-16', { kind: 'call', calledAt: '2026-03-16T10:05', who: EVIL, outcome: 'answered', said: EVIL, nextCallDate: '2026-03-26' }),
    { ...ev('2026-03-17', { kind: 'note', text: EVIL }), note: EVIL },
    ev('2026-03-18', { kind: 'reminder_sent', step: 'first_reminder', messageId: '<x@y>"onload="' }),
  ]);
  const { html, text } = invoiceDossier({
    ...INPUT,
    client,
    invoice: { ...INVOICE, invoiceNumber: `F-1</title><script>`, subject: EVIL, terms: EVIL, proofs: [{ host: 'file', account: null, threadId: null, messageId: EVIL, file: EVIL }] },
    events: evil,
    settings: { ...SETTINGS, company: { ...SETTINGS.company, name: EVIL, address: `${EVIL}\nParis` } },
  });

  it('no markup from values reaches the document', () => {
    expect(html).not.toMatch(/<script|<img|<b>|"onload="/i);
    expect(html).toContain('&lt;x@y&gt;&quot;onload=&quot;');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt; &amp; &#39;quote&#39;');
    expect(html).toContain('<title>Dossier de recouvrement — facture F-1&lt;/title&gt;&lt;script&gt;</title>');
    // The plain text keeps the text as it is.
    expect(text).toContain(EVIL);
  });
});

describe('every event kind in words, in both languages, for random logbooks', () => {
  it('describeEvent covers every kind; random dossiers build and print', () => {
    const r = prng(99);
    for (const kind of LEDGER_EVENT_KINDS) {
      for (let k = 0; k < 5; k += 1) {
        const event = { ...randomEventInput(r, INVOICE, '2026-03-10', kind), invoiceId: INVOICE.id, at: '2026-03-10T10:00:00Z', day: '2026-03-10' } as LedgerEvent;
        for (const language of ['fr', 'en'] as const) expect(describeEvent(event, language, 'EUR').length, `${kind} ${language}`).toBeGreaterThan(3);
      }
    }
    for (let seed = 1; seed <= 80; seed += 1) {
      const ledger = randomLedger(seed);
      for (const inv of ledger.invoices) {
        const client = ledger.clients.find((c) => c.id === inv.clientId) ?? null;
        const log = ledger.events.filter((e) => e.invoiceId === inv.id);
        const language = seed % 2 ? 'fr' : 'en';
        const dossier = buildDossier({ invoice: inv, client, events: log, settings: ledger.settings, today: '2026-06-30', language });
        expect(dossier.timeline.length, `seed ${seed}`).toBe(log.length);
        expect(dossier.chain.status, `seed ${seed}`).toBe(log.length === 0 ? 'empty' : 'ok');
        expect(dossierHtml(dossier)).not.toMatch(/<script/);
        expect(dossierText(dossier).length).toBeGreaterThan(100);
      }
    }
  });
});
