/**
 * The dashboard's "Find my invoices" port over the worker's find requests. `?findPaceMs=<n>` (tests)
 * asks for a fixed pause between threads; the worker bounds it, and only extension pages can ask.
 */
import type { FindReplies, FindRequest } from '../protocol/find-invoices-messages';
import type { FindPort } from '../ui/dashboard/find-port';

type Ask = <T extends FindRequest['type']>(message: Extract<FindRequest, { type: T }>) => Promise<Extract<FindReplies[T], { ok: true }>['value']>;

export function findPortOver(ask: (message: object) => Promise<unknown>, query: URLSearchParams): FindPort {
  const request = ask as Ask;
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
