/** Reminder drafts for every ladder step, their templates, and the tone rules they follow. */
export { renderReminderDraft, type ReminderDraftInput } from './render-reminder-draft';
export { renderDraft, type RenderDraftOptions, type RenderDraftResult, type RenderedDraft } from './render-draft';
export type { CallNotes, ClaimFigures, ClientKind, DraftClient, DraftContext, DraftInvoice, DraftSender, FormalNoticeFacts, InterestPeriod } from './context';
export { TEMPLATE_VARIABLES, type MissingFactCode, type RequiredFacts } from './variables';
export { DEFAULT_TEMPLATES, allTemplateSlots, defaultTemplate, templateParts, type StepTemplates, type TemplatePart } from './defaults';
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
