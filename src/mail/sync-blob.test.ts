import { afterEach, describe, expect, it } from 'vitest';
import { parseEml } from './parse-eml';
import { SyncBlob, useSyncBlobInThisProcess } from './sync-blob';

const NativeBlob = globalThis.Blob;
afterEach(() => {
  globalThis.Blob = NativeBlob;
});

const crlf = (lines: string[]) => lines.join('\r\n');
const MESSAGES = [
  crlf([
    'From: "Camille Durand" <camille@atelier-durand.fr>',
    'To: compta@boulangerie-morel.fr',
    'Subject: =?UTF-8?Q?Facture_F-2026-041_=E2=80=93_Refonte?=',
    'Date: Mon, 26 Oct 2026 10:15:00 +0100',
    'Message-ID: <a1@atelier-durand.fr>',
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="m"',
    '',
    '--m',
    'Content-Type: multipart/alternative; boundary="a"',
    '',
    '--a',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: quoted-printable',
    '',
    'Bonjour, la facture n=C2=B0 F-2026-041 de 2 400,00 =E2=82=AC TTC est jointe.=',
    ' Merci.',
    '--a',
    'Content-Type: text/html; charset=utf-8',
    'Content-Transfer-Encoding: base64',
    '',
    Buffer.from('<p>Bonjour, la <b>facture</b> n° F-2026-041 de 2 400,00 € TTC.</p>').toString('base64'),
    '--a--',
    '--m',
    'Content-Type: application/pdf; name="F-2026-041.pdf"',
    'Content-Disposition: attachment; filename="F-2026-041.pdf"',
    'Content-Transfer-Encoding: base64',
    '',
    'JVBERi0xLjQKJcfsj6IK',
    '--m--',
    '',
  ]),
  crlf(['From: a@b.fr', 'To: c@d.fr', 'Subject: hello', 'Content-Type: text/plain; charset=iso-8859-1', 'Content-Transfer-Encoding: 8bit', '', 'Caf\u00e9 cr\u00e8me', '']),
];

describe('SyncBlob', () => {
  it('parses every message exactly as with Node’s own Blob', async () => {
    const native = await Promise.all(MESSAGES.map((m) => parseEml(new TextEncoder().encode(m))));
    useSyncBlobInThisProcess();
    expect(globalThis.Blob).toBe(SyncBlob);
    const swapped = await Promise.all(MESSAGES.map((m) => parseEml(new TextEncoder().encode(m))));
    expect(swapped).toEqual(native);
    expect(native[0]?.text).toContain('2 400,00 € TTC est jointe. Merci.');
    expect(native[0]?.attachments).toEqual(['F-2026-041.pdf']);
  });

  it('behaves like a Blob for what postal-mime uses', async () => {
    const blob = new SyncBlob(['ab', new Uint8Array([99]), new SyncBlob(['d'])], { type: 'text/plain' });
    expect(blob.size).toBe(4);
    expect(blob.type).toBe('text/plain');
    expect(await blob.text()).toBe('abcd');
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(new Uint8Array([97, 98, 99, 100]));
    expect(await blob.slice(1, 3).text()).toBe('bc');
    expect(Object.prototype.toString.call(blob)).toBe('[object Blob]');
  });
});
