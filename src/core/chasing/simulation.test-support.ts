/**
 * Test support (imported by tests only): walks an invoice day by day through `nextActions`, the
 * user carrying out what is proposed on the day it is proposed, a scripted client reacting.
 */
import type { CallOutcome, LedgerEvent } from '../ledger/events';
import type { IsoDate } from '../model';
import { addDays } from '../dates';
import { nextActions, type ChasingAction, type ChasingContext, type ChasingInvoice, type ChasingPlan } from './next-actions';
import type { ChasingSettings } from './settings';

/** A logbook event as the simulation writes it (id, day and instant are filled in). */
export type EventInput = LedgerEvent extends infer E ? (E extends LedgerEvent ? Omit<E, 'invoiceId' | 'at' | 'day' | 'id'> : never) : never;

export interface CallAnswer {
  outcome: CallOutcome;
  /** Days from the call to the next call agreed. */
  nextCallIn: number;
  promisedDate?: IsoDate;
  promisedAmount?: number;
}

export interface SimulatedClient {
  /** Events the client (or the world) produces on given days, recorded before the user looks. */
  scripted?: Record<IsoDate, EventInput[]>;
  /** Days the user does not open the mailbox (the browser is closed): nothing is looked at or done. */
  closed?: (day: IsoDate) => boolean;
  /** How a call goes (default: no answer, try again in 7 days). */
  onCall?: (day: IsoDate, action: ChasingAction) => CallAnswer;
  /** Events that follow an action, by delay in days (e.g. pays 3 days after the first reminder). */
  onAction?: (action: ChasingAction, day: IsoDate) => { inDays: number; event: EventInput }[];
}

export interface Taken {
  date: IsoDate;
  type: ChasingAction['type'];
  channel: ChasingAction['channel'];
  key: string;
  skipped: ChasingAction['skipped'];
}

export interface SimulationResult {
  taken: Taken[];
  logbook: LedgerEvent[];
  /** The plan seen each morning, before the user acts. */
  mornings: { day: IsoDate; plan: ChasingPlan }[];
}

export function simulate(input: {
  invoice: ChasingInvoice;
  settings: ChasingSettings;
  context?: ChasingContext;
  start: IsoDate;
  days?: number;
  client?: SimulatedClient;
}): SimulationResult {
  const { invoice, settings, context, client = {} } = input;
  const logbook: LedgerEvent[] = [];
  const taken: Taken[] = [];
  const mornings: SimulationResult['mornings'] = [];
  const pending = new Map<IsoDate, EventInput[]>();
  for (const [day, events] of Object.entries(client.scripted ?? {})) pending.set(day, [...events]);
  let clock = 0;
  const record = (day: IsoDate, event: EventInput): void => {
    clock += 1;
    // Later records get later instants within the day (the logbook sorts by day, then instant).
    const at = `${day}T${String(8 + Math.floor(clock / 3600)).padStart(2, '0')}:${String(Math.floor(clock / 60) % 60).padStart(2, '0')}:${String(clock % 60).padStart(2, '0')}.000Z`;
    logbook.push({ ...event, invoiceId: invoice.id, day, at } as LedgerEvent);
  };
  let day = input.start;
  for (let n = 0; n < (input.days ?? 365); n += 1, day = addDays(day, 1)) {
    for (const event of pending.get(day) ?? []) record(day, event);
    if (client.closed?.(day)) continue;
    let plan = nextActions(invoice, logbook, settings, day, context);
    mornings.push({ day, plan });
    for (let guard = 0; plan.today.length > 0; guard += 1) {
      if (guard > 10) throw new Error(`more than 10 actions on ${day}`);
      const action = plan.today[0] as ChasingAction;
      taken.push({ date: day, type: action.type, channel: action.channel, key: action.key, skipped: action.skipped });
      for (const event of carryOut(action, day, client)) record(day, event);
      for (const reaction of client.onAction?.(action, day) ?? []) {
        if (reaction.inDays <= 0) {
          record(day, reaction.event);
          continue;
        }
        const when = addDays(day, reaction.inDays);
        pending.set(when, [...(pending.get(when) ?? []), reaction.event]);
      }
      plan = nextActions(invoice, logbook, settings, day, context);
    }
  }
  return { taken, logbook, mornings };
}

function carryOut(action: ChasingAction, day: IsoDate, client: SimulatedClient): EventInput[] {
  switch (action.channel) {
    case 'phone': {
      const answer = client.onCall?.(day, action) ?? { outcome: 'no_answer', nextCallIn: 7 };
      return [
        {
          kind: 'call',
          calledAt: `${day}T10:00`,
          who: 'accounts payable',
          outcome: answer.outcome,
          nextCallDate: addDays(day, answer.nextCallIn),
          ...(answer.promisedDate ? { promisedDate: answer.promisedDate } : {}),
          ...(answer.promisedAmount ? { promisedAmount: answer.promisedAmount } : {}),
        },
      ];
    }
    case 'letter':
      if (action.step === 'formal_notice') return [{ kind: 'formal_notice', sentOn: day, deadline: addDays(day, 8) }];
      return [{ kind: 'letter', step: action.step, registered: false }];
    case 'procedure': {
      const route = action.reason.code === 'formal_notice_deadline_passed' ? (action.reason.routes[0] ?? 'injonction_de_payer') : 'injonction_de_payer';
      return [{ kind: 'escalation', route, filedOn: day }];
    }
    case 'email':
      return [{ kind: 'reminder_drafted', step: action.step }];
  }
}
