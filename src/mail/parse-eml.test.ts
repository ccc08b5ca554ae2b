import { describe, expect, it } from 'vitest';
import { MalformedMessageError, parseEml } from './parse-eml';

const crlf = (text: string) => text.replace(/\n/g, '\r\n');

describe('parseEml', () => {
  it('reads a plain message: addresses lower-cased, Message-ID without brackets, date as ISO 8601', async () => {
    const mail = await parseEml(
      'From: Claire Martin <Claire@Atelier-Martin.fr>\nTo: Lucas <lucas@bernard.fr>, jeanne@petit.example\nCc: compta@bernard.fr\n' +
        'Subject: Facture F-2026-040\nDate: Mon, 02 Mar 2026 10:15:00 +0100\nMessage-ID: <f2026040@atelier-martin.fr>\n\nBonjour,\nla facture.\n',
    );
    expect(mail).toEqual({
      id: 'f2026040@atelier-martin.fr',
      messageId: 'f2026040@atelier-martin.fr',
      subject: 'Facture F-2026-040',
      from: { name: 'Claire Martin', email: 'claire@atelier-martin.fr' },
      to: [
        { name: 'Lucas', email: 'lucas@bernard.fr' },
        { name: null, email: 'jeanne@petit.example' },
      ],
      cc: [{ name: null, email: 'compta@bernard.fr' }],
      replyTo: [],
      date: '2026-03-02T10:15:00+01:00',
      text: 'Bonjour,\nla facture.\n',
      html: null,
      attachments: [],
    });
  });

  it('decodes encoded words in headers (Q and B, several charsets) and a quoted-printable body', async () => {
    const mail = await parseEml(
      crlf(
        'From: =?iso-8859-1?q?Andr=E9_L=E9vy?= <andre@example.org>\nTo: =?utf-8?b?U29jacOpdMOpIMOJdG9pbGU=?= <factures@etoile.example>\n' +
          'Subject: =?ISO-8859-1?Q?Re=E7u?= =?UTF-8?B?IOKCrA==?= pour =?utf-8?q?la_facture?=\nDate: Wed, 06 May 2026 11:00:00 +0200\n' +
          'Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n1 850,00 =E2=82=AC pay=C3=A9e\n',
      ),
    );
    expect(mail.from).toEqual({ name: 'André Lévy', email: 'andre@example.org' });
    expect(mail.to).toEqual([{ name: 'Société Étoile', email: 'factures@etoile.example' }]);
    expect(mail.subject).toBe('Reçu € pour la facture');
    expect(mail.text?.trim()).toBe('1 850,00 € payée');
  });

  it('reads windows-1252 bytes 0x80-0x9F as a browser does (euro sign, dashes, curly quotes), also in Q-encoded headers', async () => {
    const head = 'From: =?windows-1252?Q?Compta_=96_Morel?= <compta@morel.fr>\r\nTo: claire@atelier-martin.fr\r\n' +
      'Subject: =?windows-1252?Q?Facture_F-12_=96_1_200_=80?=\r\nDate: Mon, 02 Mar 2026 10:15:00 +0100\r\n' +
      'Content-Type: text/plain; charset=windows-1252\r\nContent-Transfer-Encoding: 8bit\r\n\r\n';
    const body = Uint8Array.from([...Buffer.from('Montant : 15 000,00 ', 'latin1'), 0x80, 0x20, 0x93, 0x6f, 0x6b, 0x94, 0x0d, 0x0a]);
    const mail = await parseEml(Uint8Array.from([...Buffer.from(head, 'latin1'), ...body]));
    expect(mail.text).toBe('Montant : 15 000,00 € “ok”\n');
    expect(mail.subject).toBe('Facture F-12 – 1 200 €');
    expect(mail.from?.name).toBe('Compta – Morel');
  });

  it('flattens address groups and drops empty ones', async () => {
    const mail = await parseEml('From: a@x.fr\nTo: Team: A <A@X.fr>, b@y.fr;, solo@z.fr\nCc: Undisclosed recipients:;\nSubject: groups\n\nhi\n');
    expect(mail.to).toEqual([
      { name: 'A', email: 'a@x.fr' },
      { name: null, email: 'b@y.fr' },
      { name: null, email: 'solo@z.fr' },
    ]);
    expect(mail.cc).toEqual([]);
  });

  it('gives the HTML of an HTML-only message, and no text', async () => {
    const mail = await parseEml('From: news@cafe.example\nSubject: html\nContent-Type: text/html; charset=utf-8\n\n<p>Hello&nbsp;<b>there</b></p>');
    expect(mail.text).toBeNull();
    expect(mail.html).toContain('<p>Hello&nbsp;<b>there</b></p>');
  });

  it('reads multipart/alternative with an attachment: text, html and the attachment name', async () => {
    const mail = await parseEml(
      crlf(
        'From: claire@atelier-martin.fr\nSubject: F-2026-041\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="b1"\n\n' +
          '--b1\nContent-Type: multipart/alternative; boundary="b2"\n\n--b2\nContent-Type: text/plain; charset=utf-8\n\nVoici la facture.\n' +
          '--b2\nContent-Type: text/html; charset=utf-8\n\n<p>Voici la facture.</p>\n--b2--\n' +
          '--b1\nContent-Type: application/pdf; name="F-2026-041.pdf"\nContent-Disposition: attachment; filename="=?utf-8?q?Facture_F-2026-041_=C3=A9t=C3=A9.pdf?="\nContent-Transfer-Encoding: base64\n\nJVBERi0xLjQK\n--b1--\n',
      ),
    );
    expect(mail.text?.trim()).toBe('Voici la facture.');
    expect(mail.html).toContain('<p>Voici la facture.</p>');
    expect(mail.attachments).toEqual(['Facture F-2026-041 été.pdf']);
  });

  it('accepts bytes (Uint8Array, ArrayBuffer) as well as strings', async () => {
    const bytes = new TextEncoder().encode('Subject: caf\u00e9\nContent-Type: text/plain; charset=utf-8\n\nbody\n');
    expect((await parseEml(bytes)).subject).toBe('café');
    expect((await parseEml(bytes.buffer)).subject).toBe('café');
  });

  it('keeps an unparsable date as null rather than failing', async () => {
    expect((await parseEml('From: a@x.fr\nDate: not a date\n\nx\n')).date).toBeNull();
  });

  it.each([
    ['', 'empty message'],
    ['garbage with no header at all', 'no mail header'],
    ['\n\nbody only', 'no mail header'],
    ['X-Foo: bar\n\nno mail header among the headers', 'no mail header'],
  ])('throws MalformedMessageError on %j', async (raw, reason) => {
    const error = await parseEml(raw).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MalformedMessageError);
    expect((error as Error).message).toContain(reason);
  });

  it('throws MalformedMessageError on empty bytes', async () => {
    await expect(parseEml(new Uint8Array(0))).rejects.toBeInstanceOf(MalformedMessageError);
  });
});

describe('mailDate', () => {
  it('keeps the sender’s local date and time with the offset', async () => {
    const { mailDate } = await import('./parse-eml');
    expect(mailDate('Tue, 24 Feb 2026 21:40:12 -0500', undefined)).toBe('2026-02-24T21:40:12-05:00');
    expect(mailDate('3 Mar 2026 08:05 +0100', undefined)).toBe('2026-03-03T08:05:00+01:00');
    expect(mailDate('Mon, 26 Oct 2026 10:15:00 GMT', undefined)).toBe('2026-10-26T10:15:00Z');
  });
  it('falls back to the parser’s date, or null', async () => {
    const { mailDate } = await import('./parse-eml');
    expect(mailDate('yesterday', '2026-02-25T02:40:12.000Z')).toBe('2026-02-25T02:40:12.000Z');
    expect(mailDate(undefined, undefined)).toBeNull();
    expect(mailDate('31 Feb 2026 10:00 +0100', undefined)).toBeNull();
  });
});
