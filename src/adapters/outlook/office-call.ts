/**
 * Office's callbacks as promises. Every `…Async` call answers with an AsyncResult whose status may
 * be Failed (the item was closed, the user switched item mid-call, a permission is missing, the
 * mailbox is offline…): that becomes an OfficeCallError that says which operation failed and what
 * Office said, never a silent undefined. A call that throws synchronously (an API missing on this
 * client) is reported the same way.
 */
import type { OfficeApi, OfficeCallback } from './office-api';

export class OfficeCallError extends Error {
  constructor(
    /** What Relance was doing, in English: "reading the message body". */
    readonly operation: string,
    /** Office's error name or code (`GenericResponseError`, `9030`), or `exception`. */
    readonly officeCode: string,
    detail: string,
  ) {
    super(`Outlook refused ${operation}: ${detail} (${officeCode})`);
    this.name = 'OfficeCallError';
  }
}

export function officeCall<T>(office: Pick<OfficeApi, 'AsyncResultStatus'>, operation: string, invoke: (callback: OfficeCallback<T>) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    try {
      invoke((result) => {
        if (result && result.status === office.AsyncResultStatus.Succeeded) {
          resolve(result.value);
          return;
        }
        const error = result?.error;
        const code = error?.name || (error?.code === undefined ? 'unknown' : String(error.code));
        reject(new OfficeCallError(operation, code, error?.message || 'no detail given'));
      });
    } catch (error) {
      reject(new OfficeCallError(operation, 'exception', error instanceof Error ? error.message : String(error)));
    }
  });
}

/** For synchronous Office calls (display…Form): the same error shape when the client throws. */
export function officeSync<T>(operation: string, invoke: () => T): T {
  try {
    return invoke();
  } catch (error) {
    throw new OfficeCallError(operation, 'exception', error instanceof Error ? error.message : String(error));
  }
}
