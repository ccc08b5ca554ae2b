/** Reminder drafts for every ladder step, their templates, and the tone rules they follow. */
export { renderReminderDraft, type ReminderDraftInput } from './render-reminder-draft';
export { draftTone, isDisputedContext, renderDraft, type RenderDraftOptions, type RenderDraftResult, type RenderedDraft } from './render-draft';
export { DRAFT_CAUSES, type CallNotes, type ClaimFigures, type ClientKind, type DraftCause, type DraftClient, type DraftContext, type DraftInvoice, type DraftSender, type FormalNoticeFacts, type InterestPeriod } from './context';
export { TEMPLATE_VARIABLES, causeFlags, type MissingFactCode, type RequiredFacts } from './variables';
export {
  DEFAULT_TEMPLATES,
  DEFAULT_TONE_OF_STEP,
  DRAFT_TONES,
  TONE_VARIANTS,
  TONES_OF_STEP,
  allTemplateSlots,
  defaultTemplate,
  isDraftTone,
  resolveTone,
  templateParts,
  type DraftTone,
  type StepTemplates,
  type TemplatePart,
} from './defaults';
export type { TemplateError, TemplateErrorCode, VariableSpec } from './engine';
export {
  MAX_TEMPLATE_CHARS,
  effectiveTemplate,
  isEdited,
  loadOverrides,
  parseTemplateKey,
  resetTemplate,
  setTemplate,
  templateKey,
  validateTemplate,
  type SetTemplateResult,
  type SlotTemplateError,
  type TemplateKey,
  type TemplateOverrides,
  type TemplateSlot,
} from './user-templates';
export { reviewTemplate, type TemplateReview } from './review';
export { sampleContext } from './samples';
export { checkTone, toneViolations, TONE_OF_STEP, type BannedCategory, type ToneRegister, type ToneViolation, type ToneViolationCode } from './tone';
export { checklistHtml, checklistText, escalationChecklist, type ChecklistItem, type ChecklistItemId, type ChecklistStatus } from './escalation';
export { formalNoticeLetterHtml, formalNoticeText, type LetterParts } from './letter';
export { escapeHtml, textToHtml } from './html';
export { replySubject } from './reply-subject';
export { firstNameOf } from './first-name';
