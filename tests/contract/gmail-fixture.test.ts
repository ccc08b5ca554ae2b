/**
 * Contract of the fixture mailbox itself (node environment): the HTTPS server's routes and
 * certificate, escaping, and the fixture expectations other tests rely on.
 */
import { request } from 'node:https';
import type { TLSSocket } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { esc, html } from '../fixtures/gmail/html';
import { renderMailboxHtml, renderThreadViewHtml } from '../fixtures/gmail/render';
import { startGmailFixtureServer, type GmailFixtureServer } from '../fixtures/gmail/server';
import { FIXTURE_THREAD_NAMES, FIXTURE_THREADS } from '../fixtures/gmail/threads/index';

const ANCHOR = '2026-11-20';

interface Response {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  san: string | undefined;
}

function get(server: GmailFixtureServer, path: string): Promise<Response> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, servername: 'mail.google.com', headers: { host: 'mail.google.com' }, rejectUnauthorized: false, agent: false }, (res) => {
      const san = (res.socket as TLSSocket).getPeerCertificate().subjectaltname;
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body, san }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('fixture HTTPS server', () => {
  let server: GmailFixtureServer;
  beforeAll(async () => {
    server = await startGmailFixtureServer({ port: 0, anchorDate: ANCHOR });
  }, 30_000);
  afterAll(async () => {
    await server?.close();
  });

  it('listens on 127.0.0.1 with a certificate for mail.google.com and 127.0.0.1', async () => {
    expect(server.origin).toBe(`https://127.0.0.1:${server.port}`);
    const res = await get(server, '/mail/u/0/');
    expect(res.san).toContain('DNS:mail.google.com');
    expect(res.san).toContain('IP Address:127.0.0.1');
  });

  it('redirects / and /mail/ to the first mailbox', async () => {
    for (const path of ['/', '/mail', '/mail/']) {
      const res = await get(server, path);
      expect(res.status).toBe(302);
      expect(res.headers.location).toBe('/mail/u/0/');
    }
  });

  it('serves the EN and FR mailboxes with Gmail-like titles', async () => {
    const en = await get(server, '/mail/u/0/?ogbl');
    expect(en.status).toBe(200);
    expect(en.body).toContain('<html lang="en">');
    expect(en.body).toContain('<title>Inbox (2) - alex@northwind-studio.co.uk - Gmail</title>');
    const fr = await get(server, '/mail/u/1/');
    expect(fr.body).toContain('<html lang="fr">');
    expect(fr.body).toContain('<title>Boîte de réception (2) - camille@atelier-durand.fr - Gmail</title>');
    expect(fr.body).toBe(renderMailboxHtml(1, ANCHOR));
  });

  it('serves the page script (types stripped) and stylesheet; 404 otherwise', async () => {
    const js = await get(server, '/_fixture/app.js');
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toContain('javascript');
    expect(js.body).toContain('installFixtureBehaviour(document);');
    expect(js.body).not.toMatch(/\binterface\s+FixtureBehaviourOptions/);
    expect((await get(server, '/_fixture/gmail.css')).status).toBe(200);
    for (const path of ['/mail/u/2/', '/favicon.ico', '/_fixture/behaviour.ts', '/mail/u/0/../../etc/passwd']) {
      expect((await get(server, path)).status).toBe(404);
    }
  });
});

describe('fixture markup', () => {
  it('escapes text in content and attributes', () => {
    const hostile = `<img src=x onerror="alert(1)">&'`;
    expect(html`<p title="${hostile}">${hostile}</p>`.__html).toBe(`<p title="${esc(hostile)}">${esc(hostile)}</p>`);
    expect(esc(hostile)).toBe('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;&#39;');
  });

  it('loads nothing from outside the fixture origin', () => {
    for (const box of [0, 1] as const) {
      const page = renderMailboxHtml(box, ANCHOR);
      expect(page).not.toMatch(/\s(?:src|href)="(?:https?:)?\/\/(?!mail\.google\.com)/);
      expect(page.match(/<script\b/g)).toHaveLength(1);
    }
  });

  it('escapes fixture text (apostrophes, ampersands) instead of emitting it raw', () => {
    const view = renderThreadViewHtml('frNoInvoice', ANCHOR);
    expect(view).toContain('Point d&#39;étape sur les maquettes</h2>');
    expect(view).toContain('design &amp; développement web');
  });
});

describe('fixture expectations (FIXTURE_THREADS)', () => {
  it('has fixed 16-hex ids and paths', () => {
    expect(FIXTURE_THREADS.frOverdue.path).toBe('/mail/u/1/#inbox/19a1b3d5f7092a42');
    expect(FIXTURE_THREADS.enInvoice.path).toBe('/mail/u/0/#inbox/19a2e4f6a8c0de75');
    const ids = FIXTURE_THREAD_NAMES.map((n) => FIXTURE_THREADS[n].legacyThreadId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{16}$/);
  });

  it.each([
    ['frDueSoon', '2026-11-23', '2026-10-24', 'À régler au plus tard le 23 novembre 2026'],
    ['frOverdue', '2026-11-10', '2026-10-11', 'paiement à 30 jours, soit au plus tard le 10 novembre 2026'],
    ['frDueToday', '2026-11-20', '2026-10-21', "Date d'échéance : 20/11/2026"],
    ['enInvoice', '2026-12-04', '2026-11-04', 'Payment due: 4 December 2026'],
  ] as const)('%s: due %s, issued %s, and the mail says so', (name, due, issued, phrase) => {
    const entry = FIXTURE_THREADS[name];
    expect(entry.expected!.dueDate(ANCHOR)).toBe(due);
    expect(entry.expected!.issueDate(ANCHOR)).toBe(issued);
    const invoice = entry.build(ANCHOR).messages.find((m) => m.attachments.length > 0)!;
    expect(invoice.bodyLines.join('\n')).toContain(phrase);
    expect(invoice.date.slice(0, 10)).toBe(issued);
  });

  it('writes French long dates with "1er" on the first of the month', () => {
    // anchor 2026-11-28 → due anchor+3 = 1 December
    const body = FIXTURE_THREADS.frDueSoon.build('2026-11-28').messages[0]!.bodyLines.join('\n');
    expect(body).toContain('au plus tard le 1er décembre 2026');
  });

  it('no-invoice threads have no expectation and no invoice words or amounts', () => {
    for (const name of ['frNoInvoice', 'enNoInvoice'] as const) {
      expect(FIXTURE_THREADS[name].expected).toBeNull();
      const text = FIXTURE_THREADS[name].build(ANCHOR).messages.map((m) => m.bodyLines.join('\n')).join('\n');
      expect(text).not.toMatch(/factur|invoice|€|£|\bTTC\b|\bVAT\b|\d+[.,]\d{2}/i);
    }
  });
});
