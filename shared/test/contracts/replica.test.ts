// How a client folds `hall:changes` into its copy of the queue: apply what follows the version held,
// skip what it already has, and report a gap rather than guess. Events come from a real decided history.
import { describe, expect, it } from 'vitest';
import { applyChanges, type Changes } from '../../src/contracts/index.ts';
import { emptyQueueState, evolveAll, type QueueState, type VersionedEvent } from '../../src/domain/index.ts';
import { CLERK, COUNTER, PRIORITY, SERVICE, TestHall } from '../fixtures/hall.ts';

/** A morning at q1: twelve events, versions 1…12. */
function morning(): { log: VersionedEvent[]; at: (version: number) => QueueState } {
  const hall = new TestHall();
  hall.signIn(COUNTER.q1, CLERK.lan); // 1, 2
  hall.issue(SERVICE.land); // 3
  hall.issue(SERVICE.land, PRIORITY.elderly); // 4
  hall.callNext(COUNTER.q1); // 5
  hall.act({ type: 'start', counterId: COUNTER.q1 }); // 6
  hall.callNext(COUNTER.q1); // 7, 8
  hall.act({ type: 'start', counterId: COUNTER.q1 }); // 9
  hall.act({ type: 'complete', counterId: COUNTER.q1 }); // 10
  hall.issue(SERVICE.civil); // 11
  hall.callNext(COUNTER.q1); // 12
  const log = hall.log;
  const start = emptyQueueState(hall.state.businessDay);
  return { log, at: (version) => evolveAll(start, log.slice(0, version)) };
}

const changes = (log: readonly VersionedEvent[], fromVersion: number, toVersion: number): Changes => ({
  fromVersion,
  toVersion,
  events: log.slice(fromVersion, toVersion),
});

describe('applyChanges', () => {
  it('applies the changes that follow the version held', () => {
    const { log, at } = morning();
    expect(log).toHaveLength(12);
    const result = applyChanges(at(4), changes(log, 4, 9));
    expect(result.outcome).toBe('applied');
    expect(result.state).toEqual(at(9));
  });

  it('skips events it already holds when changes overlap a snapshot', () => {
    const { log, at } = morning();
    const result = applyChanges(at(7), changes(log, 4, 12));
    expect(result.outcome).toBe('applied');
    expect(result.state).toEqual(at(12));
  });

  it('ignores changes it has wholly seen', () => {
    const { log, at } = morning();
    const held = at(9);
    expect(applyChanges(held, changes(log, 4, 9))).toEqual({ state: held, outcome: 'stale' });
    expect(applyChanges(held, changes(log, 2, 5))).toEqual({ state: held, outcome: 'stale' });
  });

  it('reports a gap when versions are missing before the changes, and keeps its state', () => {
    const { log, at } = morning();
    const held = at(4);
    expect(applyChanges(held, changes(log, 6, 9))).toEqual({ state: held, outcome: 'gap' });
  });

  it('reports a gap when an event is missing inside the changes, without applying half of them', () => {
    const { log, at } = morning();
    const held = at(4);
    const holed: Changes = { fromVersion: 4, toVersion: 9, events: [...log.slice(4, 6), ...log.slice(7, 9)] };
    expect(applyChanges(held, holed)).toEqual({ state: held, outcome: 'gap' });
  });

  // BUG (shared/src/contracts/replica.ts, applyChanges): changes whose events stop short of `toVersion`
  // are reported 'applied' although the replica stays behind (until the next broadcast shows a gap), so
  // a screen shows a stale queue with no resync. One line fixes it; see the report.
  it('reports a gap when the events stop short of toVersion', () => {
    const { log, at } = morning();
    const held = at(4);
    const short: Changes = { fromVersion: 4, toVersion: 9, events: log.slice(4, 7) };
    expect(applyChanges(held, short).outcome).toBe('gap');
  });
});
