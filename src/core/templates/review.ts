/**
 * Reviewing an edit before it is saved: its template errors, and the tone rules the drafts it
 * produces would break, tried on a business and a private client (samples.ts). The template editor
 * shows both; saving is refused only for errors (`setTemplate`), tone findings are for the user to judge.
 * A tone variant (`slot.tone`) is tried in its tone.
 */
import { renderDraft, type RenderedDraft } from './render-draft';
import { sampleContext } from './samples';
import type { TemplateError } from './engine';
import type { ToneViolation } from './tone';
import { templateKey, validateTemplate, type TemplateOverrides, type TemplateSlot } from './user-templates';

export interface TemplateReview {
  errors: TemplateError[];
  /** Tone violations of the sample drafts, each once, with the client kind it showed on. */
  toneViolations: Array<ToneViolation & { clientKind: 'business' | 'consumer' }>;
  /** The sample drafts, for a preview; empty when the template has errors. */
  previews: RenderedDraft[];
}

export function reviewTemplate(slot: TemplateSlot, source: string, overrides: TemplateOverrides = {}): TemplateReview {
  const errors = validateTemplate(source);
  if (errors.length > 0) return { errors, toneViolations: [], previews: [] };
  const withEdit: TemplateOverrides = { ...overrides, [templateKey(slot)]: source };
  const toneViolations: TemplateReview['toneViolations'] = [];
  const previews: RenderedDraft[] = [];
  const seen = new Set<string>();
  for (const clientKind of ['business', 'consumer'] as const) {
    // A variant is previewed in its own tone, so the edit is what gets rendered and checked.
    const result = renderDraft({ ...sampleContext(slot.step, slot.language, clientKind), ...(slot.tone ? { tone: slot.tone } : {}) }, { overrides: withEdit });
    if (!result.ok) return { errors: result.errors, toneViolations: [], previews: [] };
    previews.push(result.draft);
    for (const violation of result.draft.toneViolations) {
      const key = `${violation.code}|${violation.term ?? ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      toneViolations.push({ ...violation, clientKind });
    }
  }
  return { errors: [], toneViolations, previews };
}
