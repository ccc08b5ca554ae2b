/** Builders of realistic threads for the reader's tests (not shipped code: only tests import it). */
import type { MailAddress, MailMessage, ThreadSnapshot } from '../model';

export const MARIE: MailAddress = { name: 'Marie Dupont', email: 'marie@studio-dupont.fr' };
export const JULIEN: MailAddress = { name: 'Julien Moreau', email: 'julien.moreau@atelier-moreau.fr' };
export const SAM: MailAddress = { name: 'Sam Carter', email: 'sam@carterdesign.co.uk' };
export const PRIYA: MailAddress = { name: 'Priya Shah', email: 'priya@northwind.co.uk' };

export function message(overrides: Partial<MailMessage> & Pick<MailMessage, 'from' | 'bodyText'>): MailMessage {
  return {
    id: '#msg-f:1',
    to: [],
    cc: [],
    date: '2026-10-15T09:12',
    attachments: [],
    collapsed: false,
    ...overrides,
  };
}

export function thread(subject: string, messages: MailMessage[], account: string | null = MARIE.email): ThreadSnapshot {
  return { host: 'gmail', account, threadId: '18c2f0a1b2c3d4e5', subject, uiLanguage: 'fr', messages };
}
