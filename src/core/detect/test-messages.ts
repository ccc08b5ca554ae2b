/** Builders for the engine's tests (not shipped code: only tests import it). */
import type { MailAddress } from '../model';
import { detectMessage } from './detect-message';
import type { Detection, EngineMessage } from './types';

export const MARIE: MailAddress = { name: 'Marie Dupont', email: 'marie@studio-dupont.fr' };
export const JULIEN: MailAddress = { name: 'Julien Moreau', email: 'julien@atelier-moreau.fr' };
export const SAM: MailAddress = { name: 'Sam Carter', email: 'sam@carterdesign.co.uk' };
export const PRIYA: MailAddress = { name: 'Priya Shah', email: 'priya@northwind.com' };

export function mail(overrides: Partial<EngineMessage>): EngineMessage {
  return { subject: '', from: MARIE, to: [JULIEN], cc: [], date: '2026-10-24T09:12:00Z', attachments: [], text: '', ...overrides };
}

/** Every evidence item points at its text in its source. */
export function evidenceProblems(detection: Detection, message: EngineMessage): string[] {
  const problems: string[] = [];
  for (const [field, items] of Object.entries(detection.evidence)) {
    for (const item of items ?? []) {
      const source =
        item.source === 'body' ? detection.body_text : item.source === 'subject' ? message.subject : item.source === 'attachment' ? (message.attachments[item.attachment_index ?? 0] ?? '') : null;
      if (source !== null && source.slice(item.start, item.end) !== item.text) problems.push(`${field}: "${source.slice(item.start, item.end)}" != "${item.text}"`);
    }
  }
  return problems;
}

/** Options for a user named Marie (the creditor in these tests). */
export const AS_MARIE = { ownAddresses: [MARIE.email] };

/** detectMessage, failing loudly when any evidence item does not point at its text. */
export function detectChecked(message: EngineMessage, options: { ownAddresses: string[] } = AS_MARIE): Detection {
  const detection = detectMessage(message, options);
  const problems = evidenceProblems(detection, message);
  if (problems.length) throw new Error(`evidence does not point at its text:\n${problems.join('\n')}`);
  return detection;
}

/** A message the client (Julien) writes to the user (Marie). */
export const fromClient = (overrides: Partial<EngineMessage>): EngineMessage => mail({ from: JULIEN, to: [MARIE], ...overrides });
