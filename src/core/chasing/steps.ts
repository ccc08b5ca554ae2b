/**
 * The steps of the graduated amicable ladder (chasing-practice.md "The graduated ladder"), in the
 * order a credit controller climbs them. Shared by the ladder (`next-actions.ts`), the templates
 * and the logbook, so one list names them all.
 */
export const CHASING_STEPS = [
  /** A few days before the due date: informative, no pressure. */
  'pre_reminder',
  /** A week after the due date: friendly, assumes an oversight. */
  'first_reminder',
  /** A phone call: ask the reason, agree a solution and the next call date. */
  'call',
  /** Right after a call: confirm in writing what was said and agreed. */
  'call_follow_up',
  /** Firmer, still professional: terms of sale, legal penalties, the fixed indemnity. */
  'second_reminder',
  /** Weekly letters before the formal notice, each giving the date of the next step. */
  'further_reminder',
  /** Mise en demeure: registered letter with the amount claimed and a deadline. */
  'formal_notice',
  /** After the formal notice deadline: mediator, injonction de payer, collection agency. */
  'escalation',
] as const;

export type ChasingStep = (typeof CHASING_STEPS)[number];

export function isChasingStep(value: unknown): value is ChasingStep {
  return typeof value === 'string' && (CHASING_STEPS as readonly string[]).includes(value);
}

/** Steps that produce a message to the client (email or letter); `call` produces a call script. */
export const WRITTEN_STEPS: readonly ChasingStep[] = CHASING_STEPS.filter((step) => step !== 'call');
