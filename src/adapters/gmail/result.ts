/**
 * Typed failures of the Gmail adapter. Gmail's DOM changes without notice: a broken selector must
 * disable ONE feature (reading, drafting, the chip) with a reason the UI can show and log, never
 * throw into the content script.
 */
export type GmailErrorCode = 'thread_not_found' | 'messages_not_found' | 'compose_not_found' | 'compose_field_missing' | 'timeout';

export type GmailFeature = 'read_thread' | 'draft' | 'chip';

export interface GmailAdapterError {
  code: GmailErrorCode;
  feature: GmailFeature;
  /** For logs and bug reports; never shown verbatim to users, never contains mail content. */
  detail: string;
}

export type GmailResult<T> = { ok: true; value: T } | { ok: false; error: GmailAdapterError };

export const ok = <T>(value: T): GmailResult<T> => ({ ok: true, value });

export const fail = <T = never>(code: GmailErrorCode, feature: GmailFeature, detail: string): GmailResult<T> => ({
  ok: false,
  error: { code, feature, detail },
});
