/** Public API of the Gmail adapter (content-script side, no dependencies). */
export { readOpenThread } from './read-thread';
export { insertReplyDraft, type DraftMode, type InsertDraftOptions } from './compose';
export { findChipAnchor, locateChipAnchor } from './thread-header';
export { looksLikeThreadRoute } from './thread-route';
export { parseGmailDate } from './gmail-date';
export type { GmailAdapterError, GmailErrorCode, GmailFeature, GmailResult } from './result';
