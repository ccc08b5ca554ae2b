/** Reminder drafts and the tone rules they follow. */
export { renderReminderDraft, type ReminderDraftInput } from './render-reminder-draft';
export { replySubject } from './reply-subject';
export { toneViolations, TONE_OF_STEP, type ToneRegister } from './tone';
export { firstNameOf } from './first-name';
