import { describe, expect, it } from 'vitest';
import type { DraftContext } from './context';
import { textToHtml } from './html';
import { renderDraft, type RenderedDraft } from './render-draft';
import { sampleContext } from './samples';

function rendered(ctx: DraftContext): RenderedDraft {
  const result = renderDraft(ctx);
  if (!result.ok) throw new Error(result.errors.map((error) => error.message).join('\n'));
  return result.draft;
}

const HOSTILE = '<img src=x onerror="alert(1)"> & {{greeting}}';

describe('HTML output', () => {
  it('builds paragraphs and lists, escaping every character', () => {
    expect(textToHtml('Bonjour <b>,\n\nFactures :\n- F-1 & F-2\n- F-3\nFin\n\nMerci')).toBe(
      '<p>Bonjour &lt;b&gt;,</p>\n<p>Factures :</p>\n<ul>\n<li>F-1 &amp; F-2</li>\n<li>F-3</li>\n</ul>\n<p>Fin</p>\n<p>Merci</p>',
    );
  });

  it('escapes client names and notes in the email and in the letter, and never reads them as templates', () => {
    const ctx = sampleContext('formal_notice', 'fr');
    const draft = rendered({ ...ctx, client: { ...ctx.client, company: HOSTILE, contactName: 'Julien "Jules" Moreau' } });
    expect(draft.bodyText).toContain(HOSTILE);
    for (const html of [draft.bodyHtml, draft.letterHtml ?? '']) {
      expect(html).not.toContain('<img');
      expect(html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; {{greeting}}');
      expect(html).toContain('Julien &quot;Jules&quot; Moreau');
    }
  });

  it('links the sender payment link, and only an http(s) one', () => {
    const draft = rendered(sampleContext('first_reminder', 'en'));
    expect(draft.bodyHtml).toContain('<a href="https://pay.example.com/studio-dupont/F-2026-041">https://pay.example.com/studio-dupont/F-2026-041</a>');
    const ctx = sampleContext('first_reminder', 'en');
    const unsafe = rendered({ ...ctx, sender: { ...ctx.sender, paymentLink: 'javascript:alert(1)' } });
    expect(unsafe.bodyText).not.toContain('javascript');
    expect(unsafe.bodyHtml).not.toContain('<a ');
    expect(unsafe.missingFacts).toContain('invalid_payment_link');
  });
});

describe('printable formal notice', () => {
  const letter = rendered(sampleContext('formal_notice', 'fr')).letterHtml ?? '';

  it('is a standalone A4 document with print CSS and no script', () => {
    expect(letter.startsWith('<!DOCTYPE html>\n<html lang="fr">')).toBe(true);
    expect(letter).toContain('@page { size: A4;');
    expect(letter).toContain('@media print');
    expect(letter).not.toMatch(/<script|javascript:|\son\w+=/i);
  });

  it('lays out a French registered letter: sender, recipient in the window, LRAR, place and date, subject, signature', () => {
    const order = [
      '<address class="sender">Studio Dupont<br>\nMarie Dupont<br>\n12 rue des Lilas<br>\n75011 Paris<br>\nSIREN 123 456 789',
      '<address class="recipient">Atelier Moreau SARL<br>\nÀ l&#39;attention de Julien Moreau<br>\n8 avenue Foch<br>\n69006 Lyon',
      '<p class="sending">Lettre recommandée avec accusé de réception</p>',
      '<p class="place-date">Paris, le 19 janvier 2027</p>',
      '<p class="subject">Objet : Mise en demeure de payer – Facture n° F-2026-041</p>',
      '<p>Madame, Monsieur,</p>',
      'je vous mets en demeure',
      '<div class="signature">Marie Dupont<br>',
      '<p class="enclosures">P. J. : copie de la facture n° F-2026-041</p>',
    ];
    let at = 0;
    for (const part of order) {
      const found = letter.indexOf(part, at);
      expect(found, part).toBeGreaterThan(at);
      at = found;
    }
  });

  it('is in English for an English draft', () => {
    const english = rendered(sampleContext('formal_notice', 'en')).letterHtml ?? '';
    expect(english).toContain('<html lang="en">');
    expect(english).toContain('Registered letter with acknowledgement of receipt (lettre recommandée avec accusé de réception)');
    expect(english).toContain('Subject: Formal notice to pay (mise en demeure)');
  });
});

describe('escalation checklist', () => {
  const checklist = (ctx: DraftContext): Record<string, string> =>
    Object.fromEntries((rendered(ctx).checklist ?? []).map((item) => [item.id, item.status]));
  const base = sampleContext('escalation', 'fr');

  it('for a business: tribunal de commerce, Tribunal Digital, the business mediator, small claims under 5,000 €', () => {
    expect(checklist(base)).toEqual({
      formal_notice: 'done',
      claim_certain: 'todo',
      claim_liquid: 'done',
      claim_due: 'done',
      not_disputed: 'done',
      not_time_barred: 'check',
      evidence: 'todo',
      correspondence: 'todo',
      court: 'info',
      cost: 'info',
      online_filing: 'info',
      service_and_opposition: 'info',
      mediator: 'info',
      small_claims: 'info',
    });
    const items = rendered(base).checklist ?? [];
    expect(items.find((item) => item.id === 'cost')?.label).toContain('33 à 35 €');
    expect(items.find((item) => item.id === 'court')?.detail).toBe('Pour ce client : Tribunal de commerce');
  });

  it('for a private client: tribunal judiciaire, no mediator for businesses, no online filing', () => {
    const items = rendered(sampleContext('escalation', 'fr', 'consumer')).checklist ?? [];
    expect(items.map((item) => item.id)).not.toContain('mediator');
    expect(items.map((item) => item.id)).not.toContain('online_filing');
    expect(items.find((item) => item.id === 'court')?.detail).toBe('Pour ce client : Tribunal judiciaire');
    expect(items.find((item) => item.id === 'not_time_barred')?.detail).toContain('23 novembre 2028');
  });

  it('a non-commercial business goes to the tribunal judiciaire', () => {
    const draft = rendered({ ...base, client: { ...base.client, commercial: false } });
    expect(draft.checklist?.find((item) => item.id === 'court')?.detail).toBe('Pour ce client : Tribunal judiciaire');
  });

  it('flags what stands in the way: no formal notice, deadline running, dispute, time bar, amounts over 5,000 €', () => {
    expect(checklist({ ...base, formalNotice: null }).formal_notice).toBe('todo');
    expect(checklist({ ...base, formalNotice: { sentOn: '2027-01-15', deadlineDate: '2027-01-25' } }).formal_notice).toBe('warning');
    expect(checklist({ ...base, formalNotice: { sentOn: '2027-01-02', deadlineDays: 8 } }).formal_notice).toBe('check');
    expect(checklist({ ...base, disputed: true }).not_disputed).toBe('warning');
    expect(checklist({ ...base, disputed: null }).not_disputed).toBe('todo');
    expect(checklist({ ...base, today: '2032-01-01' }).not_time_barred).toBe('warning');
    expect(checklist({ ...base, claims: [{ currency: 'EUR', principal: 6000, total: 6000 }] }).small_claims).toBeUndefined();
    expect(checklist({ ...base, claims: [{ currency: 'GBP', principal: 600, total: 600 }] }).small_claims).toBeUndefined();
  });

  it('is given as text and as escaped HTML too', () => {
    const draft = rendered(base);
    expect(draft.checklistText).toContain('[x] Mise en demeure envoyée');
    expect(draft.checklistText).toContain('[ ] Créance certaine');
    expect(draft.checklistHtml).toContain('<li data-status="done">');
    expect(draft.checklistHtml).toContain('d&#39;abord');
  });
});
