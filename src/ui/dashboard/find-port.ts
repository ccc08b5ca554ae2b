/** What the "Find my invoices" section is given by its host (src/dashboard/find-port-over.ts wires it to the worker). */
import type { FindRunState, FindTrackResult, GmailTabInfo } from '../../protocol/find-invoices-messages';

export interface FindPort {
  /** The Gmail tabs open now, with their account. */
  tabs(): Promise<GmailTabInfo[]>;
  start(tabId: number, months: number): Promise<FindRunState>;
  status(): Promise<FindRunState>;
  cancel(): Promise<FindRunState>;
  /** Tracks the chosen candidates; returns how many were tracked and which the ledger refused. */
  track(keys: string[]): Promise<FindTrackResult>;
}
