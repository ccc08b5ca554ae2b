/**
 * The dashboard's "Find my invoices" port over the worker's find requests. `?findPaceMs=<n>` (tests)
 * asks for a fixed pause between threads; the worker bounds it, and only extension pages can ask.
 */
import type { FindReplies, FindRequest } from '../protocol/find-invoices-messages';
import type { FindPort } from '../ui/dashboard/find-port';

type FindValue<T extends FindRequest['type']> = Extract<FindReplies[T], { ok: true }>['value'];

/** `ask` resolves with the reply's value (adapters/browser/worker-request.ts workerValue). */
export function findPortOver(ask: <V>(message: FindRequest) => Promise<V>, query: URLSearchParams): FindPort {
  const request = <T extends FindRequest['type']>(message: Extract<FindRequest, { type: T }>): Promise<FindValue<T>> => ask<FindValue<T>>(message);
  const pace = Number(query.get('findPaceMs'));
  const paceMs = query.has('findPaceMs') && Number.isFinite(pace) ? pace : null;
  return {
    tabs: () => request<'find/tabs'>({ type: 'find/tabs' }),
    start: (tabId, months) => request<'find/start'>({ type: 'find/start', tabId, months, paceMs }),
    status: () => request<'find/status'>({ type: 'find/status' }),
    cancel: () => request<'find/cancel'>({ type: 'find/cancel' }),
    track: (keys) => request<'find/track'>({ type: 'find/track', keys }),
  };
}
