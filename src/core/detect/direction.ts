/**
 * Who wrote the message relative to the user (the creditor).
 *
 * With the user's addresses: from one of them = sent; to/cc one of them = received. Without them
 * (`--me` empty, or a copy where the user is only in Bcc), the words decide: "please find attached
 * our invoice", a reminder, "thanks for your payment" from a person are what a creditor writes;
 * "your invoice is available", a receipt, "we have paid", "we will pay", "we did not receive the
 * invoice", and any no-reply/bank/platform/SaaS sender are what the user receives.
 */
import type { CueFamily, CueMatch } from './cues';
import type { SenderType } from './sender';
import { domainOf } from './sender';
import type { EngineMessage } from './types';
import type { Direction } from './classify';

// Mailbox providers: sharing one of these domains says nothing about who wrote.
const PUBLIC_DOMAINS = new Set([
  'gmail.com', 'googlemail.com', 'outlook.com', 'outlook.fr', 'hotmail.com', 'hotmail.fr', 'live.com', 'live.fr', 'yahoo.com', 'yahoo.fr',
  'icloud.com', 'me.com', 'orange.fr', 'wanadoo.fr', 'free.fr', 'sfr.fr', 'laposte.net', 'gmx.de', 'gmx.fr', 'gmx.net', 'web.de', 'protonmail.com',
  'proton.me', 'aol.com', 'msn.com', 'libero.it', 'hotmail.co.uk', 'btinternet.com', 'ziggo.nl', 'telefonica.net',
]);

export function directionFromAddresses(message: EngineMessage, own: ReadonlySet<string>, sender: SenderType): Direction {
  if (own.size === 0) return 'unknown';
  const from = message.from?.email.toLowerCase() ?? '';
  if (from !== '' && own.has(from)) return 'sent';
  const to = message.to.map((address) => address.email.toLowerCase());
  const cc = message.cc.map((address) => address.email.toLowerCase());
  // An invoicing tool (QuickBooks, Bonsai, sevDesk, a bank's invoicing module…) mailing the user's
  // client on the user's behalf, the user in Cc: the user sends it. Not a person writing, and not a
  // bill addressed to a colleague of the user (same company domain in To).
  if (sender !== 'person' && to.length > 0 && cc.some((address) => own.has(address)) && !to.some((address) => own.has(address))) {
    const domains = ownDomainsOf(own);
    if (!to.some((address) => domains.has(domainOf(address)))) return 'sent';
  }
  const recipients = [...to, ...cc];
  // The same tool without the user in Cc, but answering to the user (Reply-To: the user, 2026-11:
  // Xero, FreeAgent, Zoho Invoice, Qonto, Holded, Moneybird, Fatture in Cloud all do so): sent.
  const replyTo = (message.replyTo ?? []).map((address) => address.email.toLowerCase());
  if (sender !== 'person' && replyTo.some((address) => own.has(address)) && !recipients.some((address) => own.has(address))) return 'sent';
  if (recipients.some((address) => own.has(address))) return 'received';
  // Same company domain (an alias the user did not list).
  const ownDomains = ownDomainsOf(own);
  if (from !== '' && ownDomains.has(domainOf(from))) return 'sent';
  if (recipients.some((address) => ownDomains.has(domainOf(address)))) return 'received';
  return 'unknown';
}

function ownDomainsOf(own: ReadonlySet<string>): ReadonlySet<string> {
  return new Set([...own].map(domainOf).filter((domain) => domain !== '' && !PUBLIC_DOMAINS.has(domain)));
}

export function directionFromWords(cues: Partial<Record<CueFamily, CueMatch>>, sender: SenderType): Direction {
  const has = (family: CueFamily): boolean => cues[family] !== undefined;
  let sent = 0;
  let received = 0;
  if (has('sendInvoice')) sent += 2;
  if (has('reminder')) sent += 1.5;
  if (has('creditNote')) sent += 0.5;
  if (has('vendor')) received += 2;
  if (has('paid')) received += 1.5;
  if (has('promise')) received += 2;
  if (has('dispute')) received += 2;
  if (has('acknowledge')) received += 1;
  if (has('userPaid')) {
    if (sender === 'person') sent += 1.5;
    else received += 1.5;
  }
  if (sender !== 'person') received += 2.5;
  if (sent > received) return 'sent';
  if (received > sent) return 'received';
  return 'unknown';
}
