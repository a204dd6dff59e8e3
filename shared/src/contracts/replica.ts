import { evolve } from '../domain/evolve.ts';
import type { QueueState } from '../domain/state.ts';
import type { Changes } from './messages.ts';

/** What happened when a client offered changes to its replica. */
export type ApplyOutcome =
  /** Folded in; the replica is at `changes.toVersion`. */
  | 'applied'
  /** Already had all of it (a broadcast that raced the snapshot): nothing to do. */
  | 'stale'
  /** Versions are missing between the replica and the changes: ask for `sync:snapshot`. */
  | 'gap';

/**
 * Fold server changes into a client's copy of the queue with the shared `evolve`, following the
 * protocol's resync rule: apply only the events after the version held, and report a gap instead of
 * guessing. Every app uses this; none folds changes its own way.
 */
export function applyChanges(
  state: QueueState,
  changes: Changes,
): { state: QueueState; outcome: ApplyOutcome } {
  if (changes.toVersion <= state.version) return { state, outcome: 'stale' };
  if (changes.fromVersion > state.version) return { state, outcome: 'gap' };
  let next = state;
  for (const event of changes.events) {
    if (event.version <= next.version) continue;
    if (event.version !== next.version + 1) return { state, outcome: 'gap' };
    next = evolve(next, event);
  }
  // Events that stop short of toVersion leave a hole: resync rather than sit behind.
  if (next.version !== changes.toVersion) return { state, outcome: 'gap' };
  return { state: next, outcome: 'applied' };
}
