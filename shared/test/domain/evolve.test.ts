// `evolve` folds each event as documented, never mutates its input, and tolerates tickets it does not
// know (a client that joined after old tickets were pruned). decide → evolve advances the version by the
// number of events.
import { describe, expect, it } from 'vitest';
import {
  RECENT_SERVICE_TIMES,
  asTicketId,
  closedCounter,
  counterOf,
  decide,
  emptyQueueState,
  evolve,
  evolveAll,
  type Command,
  type DomainEvent,
  type QueueState,
  type VersionedEvent,
} from '../../src/domain/index.ts';
import {
  CLERK,
  COUNTER,
  KIOSK,
  MANAGER,
  MINUTE,
  PRIORITY,
  SERVICE,
  T0,
  TestHall,
  stamp,
} from '../fixtures/hall.ts';

const by = MANAGER;

/** Stamp one event as the next version of a state. */
const next = (state: QueueState, event: DomainEvent): VersionedEvent => stamp(state, [event])[0]!;

/** Freeze a value deeply, so that any mutation by evolve throws (modules run in strict mode). */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

/** q1 open with Lan; A001 normal and A002 elderly waiting. */
function base(): TestHall {
  const hall = new TestHall();
  hall.signIn(COUNTER.q1, CLERK.lan);
  hall.issue(SERVICE.land);
  hall.advance(MINUTE);
  hall.issue(SERVICE.land, PRIORITY.elderly);
  hall.advance(MINUTE);
  return hall;
}

const A001 = asTicketId(1);
const A002 = asTicketId(2);

describe('evolve', () => {
  it('folds ticket.issued into a waiting ticket, the next id and the last sequence', () => {
    const state = emptyQueueState('2026-03-02');
    const after = evolve(
      state,
      next(state, {
        type: 'ticket.issued',
        at: T0,
        by,
        ticketId: asTicketId(41),
        number: 'KD507',
        sequence: 507,
        serviceId: SERVICE.business,
        businessDay: '2026-03-02',
        priorityGroupId: PRIORITY.pregnant,
        procedureId: null,
        kioskId: KIOSK,
      }),
    );
    expect(after.version).toBe(1);
    expect(after.nextTicketId).toBe(42);
    expect(after.lastSequence).toEqual({ [SERVICE.business]: 507 });
    expect(after.tickets[41]).toEqual({
      id: 41,
      number: 'KD507',
      sequence: 507,
      issuedServiceId: SERVICE.business,
      serviceId: SERVICE.business,
      businessDay: '2026-03-02',
      priorityGroupId: PRIORITY.pregnant,
      procedureId: null,
      status: 'waiting',
      issuedAt: T0,
      queuedAt: T0,
      kioskId: KIOSK,
      counterId: null,
      targetCounterId: null,
      clerkId: null,
      calledAt: null,
      lastCalledAt: null,
      lastCalledCounterId: null,
      startedAt: null,
      completedAt: null,
      noShowAt: null,
      callCount: 0,
      recallCount: 0,
      transferCount: 0,
      lastTransfer: null,
      isCalledOutOfOrder: false,
      printState: 'pending',
      isRated: false,
    });
  });

  it('never lowers the next ticket id (an older id replayed after a newer one)', () => {
    const state = { ...emptyQueueState('2026-03-02'), nextTicketId: 100 };
    const after = evolve(
      state,
      next(state, {
        type: 'ticket.issued',
        at: T0,
        by,
        ticketId: asTicketId(7),
        number: 'A007',
        sequence: 7,
        serviceId: SERVICE.land,
        businessDay: '2026-03-02',
        priorityGroupId: null,
        procedureId: null,
        kioskId: null,
      }),
    );
    expect(after.nextTicketId).toBe(100);
  });

  it('folds ticket.called: the ticket is at the counter, the counter holds it, the streak counts priority', () => {
    const hall = base();
    const s1 = evolve(
      hall.state,
      next(hall.state, {
        type: 'ticket.called',
        at: hall.now,
        by,
        ticketId: A002,
        counterId: COUNTER.q1,
        clerkId: CLERK.lan,
        isOutOfOrder: false,
        reason: null,
      }),
    );
    expect(s1.tickets[A002]).toMatchObject({
      status: 'called',
      counterId: COUNTER.q1,
      clerkId: CLERK.lan,
      calledAt: hall.now,
      callCount: 1,
      targetCounterId: null,
      isCalledOutOfOrder: false,
    });
    expect(counterOf(s1, COUNTER.q1)).toMatchObject({ currentTicketId: A002, priorityStreak: 1 });

    // A normal policy call resets the streak; an out-of-order call leaves it alone and is remembered.
    const normal = evolve(
      s1,
      next(s1, {
        type: 'ticket.called',
        at: hall.now,
        by,
        ticketId: A001,
        counterId: COUNTER.q4,
        clerkId: null,
        isOutOfOrder: false,
        reason: null,
      }),
    );
    expect(counterOf(normal, COUNTER.q4).priorityStreak).toBe(0);
    const streaked = {
      ...s1,
      counters: { ...s1.counters, [COUNTER.q4]: { ...closedCounter(COUNTER.q4), priorityStreak: 2 } },
    };
    const outOfOrder = evolve(
      streaked,
      next(streaked, {
        type: 'ticket.called',
        at: hall.now,
        by,
        ticketId: A001,
        counterId: COUNTER.q4,
        clerkId: null,
        isOutOfOrder: true,
        reason: 'Gấp',
      }),
    );
    expect(counterOf(outOfOrder, COUNTER.q4).priorityStreak).toBe(2);
    expect(outOfOrder.tickets[A001]!.isCalledOutOfOrder).toBe(true);
  });

  it('folds recall, start, complete: counts, times and the service-time memory', () => {
    const hall = base();
    hall.callNext(COUNTER.q1); // A002 (priority)
    const t = hall.now;
    const recalled = evolve(
      hall.state,
      next(hall.state, { type: 'ticket.recalled', at: t + 1, by, ticketId: A002, counterId: COUNTER.q1 }),
    );
    expect(recalled.tickets[A002]).toMatchObject({
      callCount: 2,
      recallCount: 1,
      calledAt: t,
      status: 'called',
    });
    const started = evolve(
      recalled,
      next(recalled, { type: 'ticket.started', at: t + 2, by, ticketId: A002, counterId: COUNTER.q1 }),
    );
    expect(started.tickets[A002]).toMatchObject({ status: 'serving', startedAt: t + 2 });
    const completed = evolve(
      started,
      next(started, {
        type: 'ticket.completed',
        at: t + 5,
        by,
        ticketId: A002,
        counterId: COUNTER.q1,
        serviceMs: 3,
      }),
    );
    expect(completed.tickets[A002]).toMatchObject({ status: 'done', completedAt: t + 5 });
    expect(completed.serviceTimes[SERVICE.land]).toEqual([3]);
    expect(counterOf(completed, COUNTER.q1)).toMatchObject({
      currentTicketId: null,
      lastCompletedTicketId: A002,
    });
  });

  it('folds an old log’s ticket.started stamped at the completion to the same ticket as today’s log', () => {
    // Logs written before the fix hold [ticket.started at T, ticket.completed at T] for a ticket completed
    // straight from called; today's log holds the completion alone. Both fold to startedAt = the call.
    const hall = base();
    const called = hall.callNext(COUNTER.q1); // A002 (priority)
    const done = called.calledAt! + 4 * MINUTE;
    const completion: DomainEvent = {
      type: 'ticket.completed',
      at: done,
      by,
      ticketId: A002,
      counterId: COUNTER.q1,
      serviceMs: 4 * MINUTE,
    };
    const oldStart: DomainEvent = {
      type: 'ticket.started',
      at: done,
      by,
      ticketId: A002,
      counterId: COUNTER.q1,
    };
    const fromOldLog = evolveAll(hall.state, stamp(hall.state, [oldStart, completion]));
    const fromNewLog = evolveAll(hall.state, stamp(hall.state, [completion]));
    expect(fromOldLog.tickets[A002]).toEqual(fromNewLog.tickets[A002]);
    expect(fromNewLog.tickets[A002]).toMatchObject({
      status: 'done',
      startedAt: called.calledAt,
      completedAt: done,
    });
  });

  it(`remembers only the ${RECENT_SERVICE_TIMES} most recent service times of a service`, () => {
    const hall = base();
    hall.callNext(COUNTER.q1);
    let state: QueueState = {
      ...hall.state,
      serviceTimes: { [SERVICE.land]: Array.from({ length: RECENT_SERVICE_TIMES }, (_, i) => i) },
    };
    state = evolve(
      state,
      next(state, {
        type: 'ticket.completed',
        at: hall.now,
        by,
        ticketId: A002,
        counterId: COUNTER.q1,
        serviceMs: 999,
      }),
    );
    const times = state.serviceTimes[SERVICE.land]!;
    expect(times).toHaveLength(RECENT_SERVICE_TIMES);
    expect(times[0]).toBe(1);
    expect(times.at(-1)).toBe(999);
  });

  it('folds no-show and return: the counter is freed, the ticket waits again at its queue time', () => {
    const hall = base();
    hall.callNext(COUNTER.q1);
    const missed = evolve(
      hall.state,
      next(hall.state, {
        type: 'ticket.no-show',
        at: hall.now,
        by,
        ticketId: A002,
        counterId: COUNTER.q1,
        isAutomatic: false,
      }),
    );
    expect(missed.tickets[A002]).toMatchObject({ status: 'no_show', noShowAt: hall.now });
    expect(counterOf(missed, COUNTER.q1).currentTicketId).toBeNull();
    const back = evolve(
      missed,
      next(missed, { type: 'ticket.returned', at: hall.now + MINUTE, by, ticketId: A002 }),
    );
    expect(back.tickets[A002]).toMatchObject({
      status: 'waiting',
      counterId: null,
      noShowAt: null,
      queuedAt: hall.ticket(A002).queuedAt,
    });
  });

  it('folds ticket.transferred: the holder is freed, the ticket waits in the new queue at its old time', () => {
    const hall = base();
    hall.callNext(COUNTER.q1);
    hall.act({ type: 'start', counterId: COUNTER.q1 });
    const moved = evolve(
      hall.state,
      next(hall.state, {
        type: 'ticket.transferred',
        at: hall.now,
        by,
        ticketId: A002,
        fromServiceId: SERVICE.land,
        toServiceId: SERVICE.civil,
        fromCounterId: COUNTER.q1,
        toCounterId: COUNTER.q2,
        note: null,
      }),
    );
    expect(moved.tickets[A002]).toMatchObject({
      status: 'waiting',
      serviceId: SERVICE.civil,
      issuedServiceId: SERVICE.land,
      number: 'A002',
      counterId: null,
      targetCounterId: COUNTER.q2,
      calledAt: null,
      startedAt: null,
      transferCount: 1,
      queuedAt: hall.ticket(A002).queuedAt,
    });
    expect(counterOf(moved, COUNTER.q1).currentTicketId).toBeNull();
  });

  it('folds cancel and print results', () => {
    const hall = base();
    const cancelled = evolve(
      hall.state,
      next(hall.state, { type: 'ticket.cancelled', at: hall.now, by, ticketId: A001, reason: 'Trùng' }),
    );
    expect(cancelled.tickets[A001]!.status).toBe('cancelled');
    const printed = evolve(
      cancelled,
      next(cancelled, {
        type: 'ticket.print-recorded',
        at: hall.now,
        by,
        ticketId: A002,
        printState: 'failed',
        failure: 'Hết giấy',
      }),
    );
    expect(printed.tickets[A002]!.printState).toBe('failed');
  });

  it('folds counter and clerk events', () => {
    const state = emptyQueueState('2026-03-02');
    const events: DomainEvent[] = [
      { type: 'clerk.signed-in', at: T0, by, counterId: COUNTER.q3, clerkId: CLERK.hoa },
      { type: 'counter.opened', at: T0, by, counterId: COUNTER.q3 },
      { type: 'counter.paused', at: T0, by, counterId: COUNTER.q3, reason: 'Nghỉ giải lao' },
    ];
    const paused = evolveAll(state, stamp(state, events));
    expect(paused.version).toBe(3);
    expect(counterOf(paused, COUNTER.q3)).toEqual({
      ...closedCounter(COUNTER.q3),
      status: 'paused',
      pauseReason: 'Nghỉ giải lao',
      clerkId: CLERK.hoa,
    });
    const reopened = evolve(
      paused,
      next(paused, { type: 'counter.opened', at: T0, by, counterId: COUNTER.q3 }),
    );
    expect(counterOf(reopened, COUNTER.q3)).toMatchObject({ status: 'open', pauseReason: null });
    // A stale sign-out of someone else does not remove the clerk now there.
    const stale = evolve(
      reopened,
      next(reopened, {
        type: 'clerk.signed-out',
        at: T0,
        by,
        counterId: COUNTER.q3,
        clerkId: CLERK.lan,
        reason: 'idle',
      }),
    );
    expect(counterOf(stale, COUNTER.q3).clerkId).toBe(CLERK.hoa);
    const out = evolve(
      stale,
      next(stale, {
        type: 'clerk.signed-out',
        at: T0,
        by,
        counterId: COUNTER.q3,
        clerkId: CLERK.hoa,
        reason: 'sign-out',
      }),
    );
    expect(counterOf(out, COUNTER.q3).clerkId).toBeNull();
    const closed = evolve(out, next(out, { type: 'counter.closed', at: T0, by, counterId: COUNTER.q3 }));
    expect(counterOf(closed, COUNTER.q3)).toMatchObject({ status: 'closed', pauseReason: null });
  });

  it('folds feedback.rated: the ticket is rated and leaves the counter’s rating slot', () => {
    const hall = base();
    hall.callNext(COUNTER.q1);
    hall.act({ type: 'complete', counterId: COUNTER.q1 });
    const rated = evolve(
      hall.state,
      next(hall.state, {
        type: 'feedback.rated',
        at: hall.now,
        by,
        ticketId: A002,
        counterId: COUNTER.q1,
        clerkId: CLERK.lan,
        rating: 3,
        reasons: [],
      }),
    );
    expect(rated.tickets[A002]!.isRated).toBe(true);
    expect(counterOf(rated, COUNTER.q1).lastCompletedTicketId).toBeNull();
  });

  it('folds day.started: expired and finished tickets leave, counters are freed, numbering restarts', () => {
    const hall = base();
    hall.callNext(COUNTER.q1); // A002 called at q1
    const before = hall.state;
    const day = evolve(
      before,
      next(before, {
        type: 'day.started',
        at: hall.now,
        by,
        businessDay: '2026-03-03',
        expiredTicketIds: [A001, A002],
      }),
    );
    expect(day.businessDay).toBe('2026-03-03');
    expect(day.tickets).toEqual({});
    expect(day.lastSequence).toEqual({});
    expect(day.nextTicketId).toBe(before.nextTicketId);
    expect(counterOf(day, COUNTER.q1)).toEqual({
      ...counterOf(before, COUNTER.q1),
      currentTicketId: null,
      lastCompletedTicketId: null,
      priorityStreak: 0,
    });
    expect(counterOf(day, COUNTER.q1)).toMatchObject({ status: 'open', clerkId: CLERK.lan });
  });

  it('folds hall.configured into nothing but the version (the configuration is not queue state)', () => {
    const hall = base();
    const after = evolve(
      hall.state,
      next(hall.state, { type: 'hall.configured', at: T0, by, changes: ['policy changed'] }),
    );
    expect(after).toEqual({ ...hall.state, version: hall.state.version + 1 });
  });

  it('ignores events about tickets it does not know, but still takes their version', () => {
    const hall = base();
    const ghost = asTicketId(999);
    const events: DomainEvent[] = [
      { type: 'ticket.recalled', at: T0, by, ticketId: ghost, counterId: COUNTER.q1 },
      { type: 'ticket.started', at: T0, by, ticketId: ghost, counterId: COUNTER.q1 },
      { type: 'ticket.returned', at: T0, by, ticketId: ghost },
      { type: 'ticket.print-recorded', at: T0, by, ticketId: ghost, printState: 'printed', failure: null },
    ];
    const after = evolveAll(hall.state, stamp(hall.state, events));
    expect(after).toEqual({ ...hall.state, version: hall.state.version + events.length });
  });

  it('never mutates the state it is given', () => {
    const hall = base();
    const commands: Command[] = [
      { type: 'call-next', counterId: COUNTER.q1 },
      { type: 'recall', counterId: COUNTER.q1 },
      { type: 'start', counterId: COUNTER.q1 },
      {
        type: 'transfer',
        ticketId: A002,
        fromCounterId: null,
        toServiceId: SERVICE.civil,
        toCounterId: null,
        note: null,
      },
      { type: 'call-next', counterId: COUNTER.q1 },
      { type: 'complete', counterId: COUNTER.q1 },
      { type: 'rate', ticketId: A002, counterId: COUNTER.q1, rating: 4, reasons: [] },
      { type: 'sign-out', counterId: COUNTER.q1, reason: 'sign-out' },
    ];
    for (const command of commands) {
      const frozen = deepFreeze(structuredClone(hall.state));
      const decision = decide(frozen, command, { now: hall.now, config: hall.config, actor: by });
      expect(decision.ok).toBe(true);
      if (decision.ok) expect(() => evolveAll(frozen, stamp(frozen, decision.value))).not.toThrow();
      hall.act(command);
    }
    // Day rollover too.
    const frozen = deepFreeze(structuredClone(hall.state));
    expect(() =>
      decide(
        frozen,
        { type: 'roll-day' },
        { now: hall.now + 2 * 24 * 60 * MINUTE, config: hall.config, actor: by },
      ),
    ).not.toThrow();
  });
});

describe('decide then evolve', () => {
  it('advances the version by exactly the number of events, and replays to the same state', () => {
    const hall = new TestHall();
    const counts: number[] = [];
    const steps: Command[] = [
      { type: 'sign-in', counterId: COUNTER.q1, clerkId: CLERK.lan }, // signed-in + opened
      { type: 'issue', serviceId: SERVICE.land, procedureId: null, priorityGroupId: null },
      { type: 'issue', serviceId: SERVICE.civil, procedureId: null, priorityGroupId: PRIORITY.elderly },
      { type: 'call-next', counterId: COUNTER.q1 },
      { type: 'start', counterId: COUNTER.q1 },
      { type: 'call-next', counterId: COUNTER.q1 }, // completed + called
      { type: 'complete', counterId: COUNTER.q1 }, // completed (straight from called)
      { type: 'sign-out', counterId: COUNTER.q1, reason: 'sign-out' }, // signed-out + closed
    ];
    for (const command of steps) {
      const before = hall.state.version;
      const events = hall.act(command);
      expect(hall.state.version - before).toBe(events.length);
      expect(events.map((event) => event.version)).toEqual(events.map((_, index) => before + index + 1));
      counts.push(events.length);
    }
    expect(counts).toEqual([2, 1, 1, 1, 1, 2, 1, 2]);
    expect(evolveAll(emptyQueueState('2026-03-02'), hall.log)).toEqual(hall.state);
    // Stored as JSON and read back (the server's event log), the events fold to the same state.
    expect(
      evolveAll(emptyQueueState('2026-03-02'), JSON.parse(JSON.stringify(hall.log)) as VersionedEvent[]),
    ).toEqual(hall.state);
  });
});
