/** A section's save: where it stands (idle, saving, saved, refused, failed) and the problems of a refused save. */
import { useState } from 'preact/hooks';
import type { LedgerProblem } from '../../core/ledger';
import type { SaveOutcome } from './ports';

export type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'refused'; problems: LedgerProblem[] } | { kind: 'failed'; reason: string };

export function useSave<T>(save: (value: T) => Promise<SaveOutcome<T>>): { state: SaveState; problems: LedgerProblem[]; submit(value: T): Promise<boolean> } {
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  return {
    state,
    problems: state.kind === 'refused' ? state.problems : [],
    async submit(value) {
      setState({ kind: 'saving' });
      try {
        const outcome = await save(value);
        setState(outcome.ok ? { kind: 'saved' } : { kind: 'refused', problems: outcome.problems });
        return outcome.ok;
      } catch (error) {
        setState({ kind: 'failed', reason: error instanceof Error ? error.message : String(error) });
        return false;
      }
    },
  };
}
