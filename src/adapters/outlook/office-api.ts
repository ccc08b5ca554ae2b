/**
 * The part of Office.js Relance uses, typed here rather than through @types/office-js: the adapter
 * is given this object (the real `Office` global in the task pane, an office-addin-mock object in
 * unit tests, the real office.js plus a scripted mailbox in the end-to-end test), so the list below
 * is exactly what a host must provide. Names and shapes are Office's (Mailbox requirement set 1.5,
 * plus displayNewMessageForm from 1.6, feature-detected; displayMessageForm is 1.1).
 */

/** Office's result of every `…Async` call. */
export interface OfficeAsyncResult<T> {
  status: string;
  value: T;
  error?: { name?: string; message?: string; code?: number } | null;
}

export type OfficeCallback<T> = (result: OfficeAsyncResult<T>) => void;

export interface OfficeEmailAddress {
  displayName?: string | null;
  emailAddress?: string | null;
}

export interface OfficeAttachment {
  name: string;
  /** Office.MailboxEnums.AttachmentType: `file`, `item`, `cloud`. */
  attachmentType?: string;
  isInline?: boolean;
}

export interface OfficeNotificationDetails {
  type: string;
  message: string;
  icon?: string;
  persistent?: boolean;
}

export interface OfficeNotificationMessages {
  replaceAsync(key: string, details: OfficeNotificationDetails, callback?: OfficeCallback<void>): void;
  removeAsync(key: string, callback?: OfficeCallback<void>): void;
}

export interface OfficeBody {
  getAsync(coercionType: string, callback: OfficeCallback<string>): void;
  setSelectedDataAsync?(data: string, options: { coercionType: string }, callback: OfficeCallback<void>): void;
}

/** A message in read mode: fields are values. */
export interface OfficeReadItem {
  itemType: string;
  itemId?: string | null;
  conversationId?: string | null;
  subject: string;
  from?: OfficeEmailAddress | null;
  sender?: OfficeEmailAddress | null;
  to?: OfficeEmailAddress[] | null;
  cc?: OfficeEmailAddress[] | null;
  dateTimeCreated?: Date | null;
  attachments?: OfficeAttachment[] | null;
  body: OfficeBody;
  notificationMessages: OfficeNotificationMessages;
  displayReplyForm(formData: string | { htmlBody?: string }): void;
  displayReplyAllForm(formData: string | { htmlBody?: string }): void;
}

/** A message being written: only what the compose command needs. */
export interface OfficeComposeItem {
  itemType: string;
  conversationId?: string | null;
  /** In compose mode the subject is an object with getAsync; we only need to tell the modes apart. */
  subject: unknown;
  body: OfficeBody;
  notificationMessages: OfficeNotificationMessages;
}

export interface OfficeMailbox {
  item: OfficeReadItem | OfficeComposeItem | null;
  userProfile?: { emailAddress?: string | null; displayName?: string | null };
  displayNewMessageForm?(parameters: { toRecipients?: string[]; subject?: string; htmlBody?: string }): void;
  /** Opens an existing message by its EWS id (Mailbox 1.1; what `item.itemId` gives in read mode). */
  displayMessageForm?(itemId: string): void;
  addHandlerAsync(eventType: string, handler: (event?: unknown) => void, callback?: OfficeCallback<void>): void;
}

export interface OfficeApi {
  context: {
    mailbox: OfficeMailbox;
    /** The Office UI language, e.g. `fr-FR`. */
    displayLanguage?: string;
    requirements: { isSetSupported(name: string, minVersion?: string): boolean };
  };
  AsyncResultStatus: { Succeeded: string; Failed: string };
  CoercionType: { Text: string; Html: string };
  EventType: { ItemChanged: string };
  MailboxEnums: {
    ItemType: { Message: string };
    ItemNotificationMessageType: { InformationalMessage: string };
  };
}
