// Property tests over random histories: up to 60 commands (issues with and without priority across three
// services; call-next, call-specific, start, complete, no-show, recall, return, transfer, pause/open/close
// at four counters serving overlapping services), with time moving by random steps and now and then by
// whole days. Each property is checked against a model written here, not against the policy's own code.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  callOrder,
  counterOf,
  decide,
  estimateWait,
  featuredCall,
  emptyQueueState,
  evolveAll,
  findCounter,
  formatTicketNumber,
  pickNext,
  positionInCallOrder,
  waitingInQueueOrder,
  type Actor,
  type Command,
  type CounterConfig,
  type CounterId,
  type DomainErrorCode,
  type HallConfig,
  type PriorityGroupId,
  type QueueState,
  type Ticket,
  type VersionedEvent,
} from '../../src/domain/index.ts';
import {
  CLERK,
  COUNTER,
  DAY,
  KIOSK_ACTOR,
  MANAGER,
  MINUTE,
  PRIORITY,
  SERVICE,
  TestHall,
  stamp,
  terminal,
} from '../fixtures/hall.ts';

const NUM_RUNS = 200;
const MAX_STEPS = 60;

const SERVICES = [SERVICE.land, SERVICE.civil, SERVICE.business] as const;
// q1: land, civil · q2: civil, business · q3: business, land · q4: land
const COUNTERS = [COUNTER.q1, COUNTER.q2, COUNTER.q3, COUNTER.q4] as const;
const CLERKS = [CLERK.lan, CLERK.minh, CLERK.hoa, CLERK.tuan] as const;

type CounterAction = 'call-next' | 'start' | 'complete' | 'no-show' | 'recall';
type Op =
  | { readonly kind: 'issue'; readonly service: number; readonly priority: PriorityGroupId | null }
  | { readonly kind: CounterAction; readonly counter: number }
  | { readonly kind: 'call-specific'; readonly counter: number; readonly pick: number }
  | { readonly kind: 'return'; readonly pick: number }
  | {
      readonly kind: 'transfer';
      readonly pick: number;
      readonly from: number | null;
      readonly toService: number | null;
      readonly toCounter: number | null;
    }
  | { readonly kind: 'pause-counter' | 'open-counter' | 'close-counter'; readonly counter: number };

interface Step {
  readonly dt: number;
  readonly op: Op;
}

// Biased towards q1 so that one counter makes long runs of calls (streaks reaching K).
const counterIndex = fc.oneof(
  { weight: 2, arbitrary: fc.constant(0) },
  { weight: 3, arbitrary: fc.integer({ min: 0, max: COUNTERS.length - 1 }) },
);
const counterOp = (kind: CounterAction): fc.Arbitrary<Op> =>
  fc.record({ kind: fc.constant(kind), counter: counterIndex });

const opArbitrary: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 10,
    arbitrary: fc.record({
      kind: fc.constant('issue' as const),
      service: fc.integer({ min: 0, max: SERVICES.length - 1 }),
      // About half the visitors belong to a priority group, so streaks reach K often.
      priority: fc.option(fc.constantFrom(PRIORITY.elderly, PRIORITY.disabled, PRIORITY.pregnant), {
        freq: 2,
      }),
    }),
  },
  { weight: 10, arbitrary: counterOp('call-next') },
  { weight: 8, arbitrary: counterOp('complete') },
  { weight: 1, arbitrary: counterOp('start') },
  { weight: 1, arbitrary: counterOp('no-show') },
  { weight: 1, arbitrary: counterOp('recall') },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('call-specific' as const),
      counter: counterIndex,
      pick: fc.nat(),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('return' as const), pick: fc.nat() }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('transfer' as const),
      pick: fc.nat(),
      from: fc.option(counterIndex, { freq: 2 }),
      toService: fc.option(fc.integer({ min: 0, max: SERVICES.length - 1 }), { freq: 3 }),
      toCounter: fc.option(counterIndex, { freq: 2 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constantFrom('pause-counter' as const, 'open-counter' as const, 'close-counter' as const),
      counter: counterIndex,
    }),
  },
);

const dtArbitrary: fc.Arbitrary<number> = fc.oneof(
  { weight: 8, arbitrary: fc.constant(0) }, // same instant: ties in queue time
  { weight: 50, arbitrary: fc.integer({ min: 1, max: 10 * MINUTE }) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 3 }).map((days) => days * DAY) }, // across rollovers
);

const historyArbitrary: fc.Arbitrary<Step[]> = fc.array(fc.record({ dt: dtArbitrary, op: opArbitrary }), {
  minLength: MAX_STEPS / 3,
  maxLength: MAX_STEPS,
  size: 'max', // lengths spread over 20…60, not bunched at the short end
});

/**
 * A busy morning at the land counters: only land tickets (half of them priority), arriving a little faster
 * than q1 and q4 finish a visitor and call the next, so queues build up and runs of priority calls reach K.
 */
const landRushArbitrary: fc.Arbitrary<Step[]> = fc
  .array(
    fc.tuple(
      fc.oneof(
        { weight: 1, arbitrary: fc.constant(0) },
        { weight: 3, arbitrary: fc.integer({ min: 1, max: 5 * MINUTE }) },
      ),
      fc.oneof(
        {
          weight: 2,
          arbitrary: fc
            .option(fc.constant(PRIORITY.elderly), { freq: 2 })
            .map((priority): Op[] => [{ kind: 'issue', service: 0, priority }]),
        },
        {
          weight: 1,
          arbitrary: fc.constantFrom(0, 0, 3).map((counter): Op[] => [
            { kind: 'complete', counter },
            { kind: 'call-next', counter },
          ]),
        },
      ),
    ),
    { minLength: MAX_STEPS / 3, maxLength: MAX_STEPS / 2, size: 'max' },
  )
  .map((groups) =>
    groups.flatMap(([dt, ops]) => ops.map((op, index): Step => ({ dt: index === 0 ? dt : 0, op }))),
  );

const priorityBoundArbitrary = fc.integer({ min: 1, max: 4 });

interface StepRecord {
  readonly command: Command;
  readonly actor: Actor;
  readonly now: number;
  /** The state the command was decided on. */
  readonly before: QueueState;
  readonly events: readonly VersionedEvent[];
  readonly after: QueueState;
  readonly refusal: DomainErrorCode | null;
}

interface Trace {
  readonly config: HallConfig;
  readonly initial: QueueState;
  readonly steps: readonly StepRecord[];
  readonly hall: TestHall;
}

/** The ticket a `pick` designates among the tickets the state holds (by id), if any. */
function picked(state: QueueState, pick: number): Ticket | undefined {
  const tickets = Object.values(state.tickets);
  return tickets.length === 0 ? undefined : tickets[pick % tickets.length];
}

function toCommand(op: Op, state: QueueState): { command: Command; actor: Actor } {
  switch (op.kind) {
    case 'issue':
      return {
        command: {
          type: 'issue',
          serviceId: SERVICES[op.service]!,
          procedureId: null,
          priorityGroupId: op.priority,
        },
        actor: KIOSK_ACTOR,
      };
    case 'call-next':
    case 'start':
    case 'complete':
    case 'no-show':
    case 'recall':
    case 'pause-counter':
    case 'open-counter':
    case 'close-counter': {
      const counterId = COUNTERS[op.counter]!;
      const command: Command =
        op.kind === 'pause-counter'
          ? { type: op.kind, counterId, reason: 'Nghỉ giải lao' }
          : { type: op.kind, counterId };
      return { command, actor: terminal(counterId) };
    }
    case 'call-specific': {
      const ticket = picked(state, op.pick);
      const counterId = COUNTERS[op.counter]!;
      if (!ticket) return { command: { type: 'call-next', counterId }, actor: terminal(counterId) };
      return {
        command: { type: 'call-specific', counterId, ticketId: ticket.id, reason: 'Hồ sơ gấp' },
        actor: terminal(counterId),
      };
    }
    case 'return': {
      const ticket = picked(state, op.pick);
      if (!ticket) return { command: { type: 'roll-day' }, actor: MANAGER };
      return { command: { type: 'return', ticketId: ticket.id, counterId: null }, actor: MANAGER };
    }
    case 'transfer': {
      const ticket = picked(state, op.pick);
      if (!ticket) return { command: { type: 'roll-day' }, actor: MANAGER };
      const fromCounterId = op.from === null ? null : COUNTERS[op.from]!;
      return {
        command: {
          type: 'transfer',
          ticketId: ticket.id,
          fromCounterId,
          toServiceId: op.toService === null ? null : SERVICES[op.toService]!,
          toCounterId: op.toCounter === null ? null : COUNTERS[op.toCounter]!,
          note: null,
        },
        actor: fromCounterId === null ? MANAGER : terminal(fromCounterId),
      };
    }
  }
}

/** A hall whose four counters are open and staffed. */
function openHall(priorityBound: number, rolloverHour = 0): TestHall {
  const hall = new TestHall({ policy: { priorityBound }, rolloverHour });
  COUNTERS.forEach((counterId, index) => hall.signIn(counterId, CLERKS[index]!));
  return hall;
}

function simulate(history: readonly Step[], priorityBound: number, rolloverHour = 0): Trace {
  const hall = openHall(priorityBound, rolloverHour);
  const initial = hall.state;
  const steps: StepRecord[] = [];
  for (const { dt, op } of history) {
    hall.advance(dt);
    const before = hall.state;
    const { command, actor } = toCommand(op, before);
    const decision = hall.decide(command, actor);
    if (decision.ok) {
      const events = hall.commit(decision.value);
      steps.push({ command, actor, now: hall.now, before, events, after: hall.state, refusal: null });
    } else {
      steps.push({
        command,
        actor,
        now: hall.now,
        before,
        events: [],
        after: before,
        refusal: decision.error.code,
      });
    }
  }
  return { config: hall.config, initial, steps, hall };
}

/** Whether a counter may call a waiting ticket, written from the rules rather than taken from policy.ts. */
function mayServe(ticket: Ticket, counter: CounterConfig): boolean {
  if (ticket.status !== 'waiting') return false;
  return ticket.targetCounterId !== null
    ? ticket.targetCounterId === counter.id
    : counter.serviceIds.includes(ticket.serviceId);
}

const isStaffedAndOpen = (state: QueueState, counterId: CounterId): boolean => {
  const counter = counterOf(state, counterId);
  return counter.status === 'open' && counter.clerkId !== null;
};

/** The state just before the last event of a step (after any day start or auto-completion it carried). */
const stateBeforeLastEvent = (record: StepRecord): QueueState =>
  evolveAll(record.before, record.events.slice(0, -1));

/** The state a command at `now` is decided on: the given one, after a day.started if one is due. */
function withDayStarted(state: QueueState, now: number, config: HallConfig): QueueState {
  const roll = decide(state, { type: 'roll-day' }, { now, config, actor: MANAGER });
  return roll.ok ? evolveAll(state, stamp(state, roll.value)) : state;
}

const byQueueTime = (a: Ticket, b: Ticket): number => a.queuedAt - b.queuedAt || a.id - b.id;

/**
 * Check every accepted call-next against the rule, written from ARCHITECTURE.md with our own count of
 * each counter's policy priority calls in a row: priority first, except that once the run reaches K a
 * normal visitor who has waited longer than the best priority candidate goes next; first come, first
 * served within a class. A QUEUE_EMPTY must mean nobody the counter may serve was waiting. Returns how
 * often the bound made the difference.
 */
function checkCallNextPolicy(trace: Trace, k: number): number {
  let boundApplied = 0;
  const streak = new Map<CounterId, number>();
  for (const record of trace.steps) {
    if (record.events.some((event) => event.type === 'day.started')) streak.clear();
    if (record.command.type !== 'call-next') continue;
    const counterId = record.command.counterId;
    const counter = findCounter(trace.config, counterId)!;
    const called = record.events.at(-1);
    if (called?.type !== 'ticket.called') {
      if (record.refusal === 'QUEUE_EMPTY') {
        const dayState = withDayStarted(record.before, record.now, trace.config);
        expect(Object.values(dayState.tickets).filter((ticket) => mayServe(ticket, counter))).toEqual([]);
      }
      continue;
    }
    const state = stateBeforeLastEvent(record);
    const eligible = Object.values(state.tickets).filter((ticket) => mayServe(ticket, counter));
    const bestPriority = eligible.filter((ticket) => ticket.priorityGroupId !== null).sort(byQueueTime)[0];
    const longestNormal = eligible.filter((ticket) => ticket.priorityGroupId === null).sort(byQueueTime)[0];
    const ticket = state.tickets[called.ticketId]!;
    const run = streak.get(counterId) ?? 0;
    const mustTakeNormal =
      bestPriority === undefined ||
      (run >= k && longestNormal !== undefined && longestNormal.queuedAt < bestPriority.queuedAt);
    if (mustTakeNormal) {
      if (bestPriority !== undefined) boundApplied += 1;
      expect(ticket.priorityGroupId).toBeNull();
      expect(ticket.queuedAt).toBe(longestNormal!.queuedAt);
    } else {
      expect(ticket.priorityGroupId).not.toBeNull();
      expect(ticket.queuedAt).toBe(bestPriority.queuedAt);
    }
    streak.set(counterId, ticket.priorityGroupId === null ? 0 : run + 1);
  }
  return boundApplied;
}

/**
 * What breaks "one ticket, one counter" in a state: a ticket held by two counters, a counter holding a
 * ticket that is not called or served there, or a called/serving ticket no counter holds.
 */
function exclusiveCallViolations(state: QueueState): string[] {
  const violations: string[] = [];
  const holders = new Map<number, CounterId>();
  for (const counter of Object.values(state.counters)) {
    const ticketId = counter.currentTicketId;
    if (ticketId === null) continue;
    const other = holders.get(ticketId);
    if (other !== undefined) violations.push(`ticket ${ticketId} held by ${other} and ${counter.id}`);
    holders.set(ticketId, counter.id);
    const ticket = state.tickets[ticketId];
    if (!ticket) violations.push(`${counter.id} holds unknown ticket ${ticketId}`);
    else if (ticket.status !== 'called' && ticket.status !== 'serving') {
      violations.push(`${counter.id} holds ${ticket.number}, which is ${ticket.status}`);
    } else if (ticket.counterId !== counter.id) {
      violations.push(`${counter.id} holds ${ticket.number}, called at ${ticket.counterId}`);
    }
  }
  for (const ticket of Object.values(state.tickets)) {
    if (
      (ticket.status === 'called' || ticket.status === 'serving') &&
      holders.get(ticket.id) !== ticket.counterId
    ) {
      violations.push(`${ticket.number} is ${ticket.status} at ${ticket.counterId}, which does not hold it`);
    }
  }
  return violations;
}

// Generous: these run a few hundred histories each, and the 2-core CI box is shared.
describe('random histories', { timeout: 30_000 }, () => {
  it('(a) never lets two counters hold the same ticket; a called ticket is at the counter holding it', () => {
    fc.assert(
      fc.property(historyArbitrary, priorityBoundArbitrary, (history, k) => {
        const trace = simulate(history, k);
        const violations = trace.steps.flatMap((record, index) =>
          exclusiveCallViolations(record.after).map(
            (violation) => `step ${index} ${record.command.type}: ${violation}`,
          ),
        );
        expect(violations).toEqual([]);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('(b) skips no waiting ticket forever: completing and calling at every counter drains all that can be served', () => {
    fc.assert(
      fc.property(historyArbitrary, priorityBoundArbitrary, (history, k) => {
        const { hall, config } = simulate(history, k);
        // The server's clock starts a due business day even when every command since was refused.
        hall.act({ type: 'roll-day' }, MANAGER);
        let rounds = 0;
        let progressed = true;
        while (progressed) {
          progressed = false;
          rounds += 1;
          expect(rounds).toBeLessThan(200);
          for (const counterId of COUNTERS) {
            if (counterOf(hall.state, counterId).currentTicketId !== null) {
              hall.act({ type: 'complete', counterId }, terminal(counterId));
              progressed = true;
            }
            if (hall.decide({ type: 'call-next', counterId }).ok) {
              hall.act({ type: 'call-next', counterId }, terminal(counterId));
              progressed = true;
            }
          }
        }
        const stranded = Object.values(hall.state.tickets).filter((ticket) =>
          COUNTERS.some(
            (counterId) =>
              isStaffedAndOpen(hall.state, counterId) && mayServe(ticket, findCounter(config, counterId)!),
          ),
        );
        expect(stranded).toEqual([]);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('(c) calls tickets of one service and class in queue-time order (policy calls, never moved or returned)', () => {
    let comparedPairs = 0;
    fc.assert(
      fc.property(historyArbitrary, priorityBoundArbitrary, (history, k) => {
        const trace = simulate(history, k);
        const excluded = new Set<number>();
        for (const event of trace.hall.log) {
          if (event.type === 'ticket.transferred' || event.type === 'ticket.returned')
            excluded.add(event.ticketId);
          if (event.type === 'ticket.called' && event.isOutOfOrder) excluded.add(event.ticketId);
        }
        // First policy call of each remaining ticket, grouped by (business day, service, class), in call order.
        const calls = new Map<string, Ticket[]>();
        const seen = new Set<number>();
        for (const record of trace.steps) {
          for (const event of record.events) {
            if (event.type !== 'ticket.called' || event.isOutOfOrder || excluded.has(event.ticketId))
              continue;
            if (seen.has(event.ticketId)) continue;
            seen.add(event.ticketId);
            const ticket = record.after.tickets[event.ticketId]!;
            const key = `${ticket.businessDay}|${ticket.serviceId}|${ticket.priorityGroupId === null ? 'normal' : 'priority'}`;
            calls.set(key, [...(calls.get(key) ?? []), ticket]);
          }
        }
        for (const sequence of calls.values()) {
          comparedPairs += Math.max(0, sequence.length - 1);
          expect(sequence.map((ticket) => ticket.id)).toEqual(
            [...sequence].sort(byQueueTime).map((ticket) => ticket.id),
          );
        }
      }),
      { numRuns: NUM_RUNS },
    );
    // The generator does produce comparable calls (guards against a degenerate history generator).
    expect(comparedPairs).toBeGreaterThan(NUM_RUNS / 4);
  });

  it('(d) after K priority calls in a row, calls a normal visitor who waited longer than the best priority one', () => {
    let boundApplied = 0;
    fc.assert(
      fc.property(historyArbitrary, priorityBoundArbitrary, (history, k) => {
        boundApplied += checkCallNextPolicy(simulate(history, k), k);
      }),
      { numRuns: NUM_RUNS },
    );
    // Busy mornings at the land counters: long runs of calls at one counter, half the visitors priority.
    fc.assert(
      fc.property(landRushArbitrary, priorityBoundArbitrary, (history, k) => {
        boundApplied += checkCallNextPolicy(simulate(history, k), k);
      }),
      { numRuns: NUM_RUNS },
    );
    // The interesting case did come up, across K = 1…4.
    expect(boundApplied).toBeGreaterThan(NUM_RUNS / 4);
  });

  it('(e) numbers are unique and contiguous per service and business day, across day changes', () => {
    let dayChanges = 0;
    fc.assert(
      fc.property(
        historyArbitrary,
        priorityBoundArbitrary,
        fc.constantFrom(0, 3),
        (history, k, rolloverHour) => {
          const trace = simulate(history, k, rolloverHour);
          const issued = trace.hall.log.filter((event) => event.type === 'ticket.issued');
          dayChanges += trace.hall.log.filter((event) => event.type === 'day.started').length;
          const ids = issued.map((event) => event.ticketId);
          expect(ids).toEqual(ids.map((_, index) => index + 1)); // global ids 1, 2, 3… never reused
          const byDay = new Map<string, typeof issued>();
          for (const event of issued) {
            const key = `${event.serviceId}|${event.businessDay}`;
            byDay.set(key, [...(byDay.get(key) ?? []), event]);
          }
          for (const events of byDay.values()) {
            const service = trace.config.services.find((candidate) => candidate.id === events[0]!.serviceId)!;
            expect(events.map((event) => event.sequence)).toEqual(
              events.map((_, index) => service.firstNumber + index),
            );
            expect(events.map((event) => event.number)).toEqual(
              events.map((event) => formatTicketNumber(service.prefix, event.sequence)),
            );
            expect(new Set(events.map((event) => event.number)).size).toBe(events.length);
          }
          // A ticket is stamped with the business day of the instant it was issued.
          for (const record of trace.steps) {
            for (const event of record.events) {
              if (event.type === 'ticket.issued') expect(event.businessDay).toBe(record.after.businessDay);
            }
          }
        },
      ),
      { numRuns: NUM_RUNS },
    );
    expect(dayChanges).toBeGreaterThan(NUM_RUNS / 4);
  });

  it('(f) replaying the decided events from the start gives the state reached step by step', () => {
    fc.assert(
      fc.property(historyArbitrary, priorityBoundArbitrary, (history, k) => {
        const trace = simulate(history, k);
        const { hall } = trace;
        expect(hall.state.version).toBe(hall.log.length);
        expect(hall.log.map((event) => event.version)).toEqual(hall.log.map((_, index) => index + 1));
        const start = emptyQueueState(trace.initial.businessDay);
        expect(evolveAll(start, hall.log)).toEqual(hall.state);
        // Through JSON, as stored and sent.
        expect(evolveAll(start, JSON.parse(JSON.stringify(hall.log)) as VersionedEvent[])).toEqual(
          hall.state,
        );
        // Decisions are deterministic: deciding each command again on the same state gives the same events.
        for (const record of trace.steps) {
          const again = decide(record.before, record.command, {
            now: record.now,
            config: trace.config,
            actor: record.actor,
          });
          if (record.refusal === null) {
            expect(again.ok && stamp(record.before, again.value)).toEqual(record.events);
          } else {
            expect(again.ok ? null : again.error.code).toBe(record.refusal);
          }
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('(g) the featured call is the newest call still standing at an open, staffed counter; never one that is over', () => {
    let endedCalls = 0;
    fc.assert(
      fc.property(historyArbitrary, priorityBoundArbitrary, (history, k) => {
        const trace = simulate(history, k);
        // Calls standing, from the events alone: a call or recall starts one; completion, no-show,
        // transfer, cancellation or the day's end closes it.
        const standing = new Map<number, { counterId: CounterId; at: number }>();
        for (const record of trace.steps) {
          for (const event of record.events) {
            if (event.type === 'ticket.called' || event.type === 'ticket.recalled')
              standing.set(event.ticketId, { counterId: event.counterId, at: event.at });
            if (
              event.type === 'ticket.completed' ||
              event.type === 'ticket.no-show' ||
              event.type === 'ticket.transferred' ||
              event.type === 'ticket.cancelled'
            ) {
              if (standing.delete(event.ticketId)) endedCalls += 1;
            }
            if (event.type === 'day.started') for (const id of event.expiredTicketIds) standing.delete(id);
          }
          const live = [...standing.entries()].filter(([, call]) =>
            isStaffedAndOpen(record.after, call.counterId),
          );
          const newest = live.reduce<[number, { at: number }] | undefined>(
            (best, entry) =>
              best === undefined ||
              entry[1].at > best[1].at ||
              (entry[1].at === best[1].at && entry[0] > best[0])
                ? entry
                : best,
            undefined,
          );
          expect(featuredCall(record.after)?.id).toBe(newest?.[0]);
        }
      }),
      { numRuns: NUM_RUNS },
    );
    expect(endedCalls).toBeGreaterThan(NUM_RUNS);
  });

  it('(h) a transfer lands only at an open counter serving the ticket’s new service, with a fresh recall count', () => {
    let accepted = 0;
    let refused = 0;
    fc.assert(
      fc.property(historyArbitrary, priorityBoundArbitrary, (history, k) => {
        const trace = simulate(history, k);
        for (const record of trace.steps) {
          if (record.command.type !== 'transfer') continue;
          const transferred = record.events.find((event) => event.type === 'ticket.transferred');
          const { toCounterId } = record.command;
          if (transferred?.type !== 'ticket.transferred') {
            if (record.refusal === 'COUNTER_CLOSED' || record.refusal === 'NOT_SERVED') refused += 1;
            continue;
          }
          accepted += 1;
          if (toCounterId !== null) {
            const counter = findCounter(trace.config, toCounterId)!;
            expect(counter.serviceIds).toContain(transferred.toServiceId);
            const state = counterOf(record.before, toCounterId);
            expect(state.clerkId).not.toBeNull();
            expect(state.status).not.toBe('closed');
          }
          expect(record.after.tickets[transferred.ticketId]).toMatchObject({
            status: 'waiting',
            recallCount: 0,
            lastTransfer: { at: record.now, note: null },
          });
        }
      }),
      { numRuns: NUM_RUNS },
    );
    expect(accepted).toBeGreaterThan(NUM_RUNS / 4);
    expect(refused).toBeGreaterThan(NUM_RUNS / 8);
  });

  it('(j) "call next" takes the head of the call order at every counter, in every state reached', () => {
    let compared = 0;
    fc.assert(
      fc.property(historyArbitrary, priorityBoundArbitrary, (history, k) => {
        const { config, steps } = simulate(history, k);
        for (const { after } of steps) {
          for (const counterId of COUNTERS) {
            expect(pickNext(after, config, counterId)?.id).toBe(callOrder(after, config, counterId)[0]?.id);
            compared += 1;
          }
        }
      }),
      { numRuns: NUM_RUNS },
    );
    expect(compared).toBeGreaterThan(NUM_RUNS);
  });

  it("(l) a ticket's position in a counter's call order is its index in that order, in every state reached", () => {
    let compared = 0;
    // The newest normal visitor's position is counted, not walked (positionOfNewest in policy.ts): how
    // often that shortcut was among the comparisons.
    let newestCompared = 0;
    fc.assert(
      fc.property(historyArbitrary, priorityBoundArbitrary, (history, k) => {
        const { config, steps } = simulate(history, k);
        for (const { after } of steps) {
          const tickets = Object.values(after.tickets);
          const waiting = waitingInQueueOrder(after.tickets);
          const newest = waiting.at(-1);
          const isNewestCounted =
            newest !== undefined &&
            newest.priorityGroupId === null &&
            (waiting.length < 2 || waiting.at(-2)!.queuedAt < newest.queuedAt);
          for (const counterId of COUNTERS) {
            const order = callOrder(after, config, counterId).map((ticket) => ticket.id);
            for (const ticket of tickets) {
              expect(positionInCallOrder(after, config, counterId, ticket.id)).toBe(order.indexOf(ticket.id));
              compared += 1;
              if (isNewestCounted && ticket.id === newest.id && order.includes(ticket.id))
                newestCompared += 1;
            }
          }
        }
      }),
      { numRuns: NUM_RUNS },
    );
    expect(compared).toBeGreaterThan(NUM_RUNS);
    expect(newestCompared).toBeGreaterThan(NUM_RUNS);
  });

  it('(k) the waiting list in queue order is computed once per ticket map and holds exactly the waiting tickets', () => {
    const inQueueOrder = (tickets: QueueState['tickets']): number[] =>
      Object.values(tickets)
        .filter((ticket) => ticket.status === 'waiting')
        .sort((a, b) => a.queuedAt - b.queuedAt || a.id - b.id)
        .map((ticket) => ticket.id);
    fc.assert(
      fc.property(historyArbitrary, priorityBoundArbitrary, (history, k) => {
        const { hall, steps } = simulate(history, k);
        const { tickets } = hall.state;
        const waiting = waitingInQueueOrder(tickets);
        // The same array for the same map: every counter's order in one state shares one pass over the day.
        expect(waitingInQueueOrder(tickets)).toBe(waiting);
        expect(waiting.map((ticket) => ticket.id)).toEqual(inQueueOrder(tickets));
        // Every state on the way, most of them patched from the one before (one ticket changed each):
        // the same list as a walk over the whole map.
        for (const step of steps) {
          expect(waitingInQueueOrder(step.after.tickets).map((ticket) => ticket.id)).toEqual(
            inQueueOrder(step.after.tickets),
          );
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('(i) people ahead is how many calls each counter that may call the ticket makes before it: the fewest and the most', () => {
    let checked = 0;
    let ranges = 0;
    fc.assert(
      fc.property(historyArbitrary, priorityBoundArbitrary, (history, k) => {
        const { hall, config } = simulate(history, k);
        // As the hall stands now (a day may have ended since the last command: its tickets expired).
        const today = withDayStarted(hall.state, hall.now, config);
        const waiting = Object.values(today.tickets).filter((ticket) => ticket.status === 'waiting');
        for (const ticket of waiting.slice(0, 4)) {
          // Count real calls at each working counter that may call it, alone, until it is called.
          const callsBefore: number[] = [];
          for (const counterId of COUNTERS) {
            const counter = findCounter(config, counterId)!;
            if (!mayServe(ticket, counter) || !isStaffedAndOpen(today, counterId)) continue;
            let state = today;
            let calls = 0;
            for (;;) {
              const current = counterOf(state, counterId).currentTicketId;
              // Settle the visitor at the counter (absent, or served by "next" itself) before calling again.
              if (current !== null && state.tickets[current]?.status === 'called') {
                const settled = decide(
                  state,
                  { type: 'no-show', counterId },
                  { now: hall.now, config, actor: terminal(counterId) },
                );
                if (!settled.ok) throw new Error(settled.error.message);
                state = evolveAll(state, stamp(state, settled.value));
              }
              const next = decide(
                state,
                { type: 'call-next', counterId },
                { now: hall.now, config, actor: terminal(counterId) },
              );
              if (!next.ok)
                throw new Error(`${ticket.number} never called at ${counterId}: ${next.error.code}`);
              state = evolveAll(state, stamp(state, next.value));
              const called = next.value.find((event) => event.type === 'ticket.called');
              if (called?.type === 'ticket.called' && called.ticketId === ticket.id) break;
              calls += 1;
            }
            callsBefore.push(calls);
          }
          if (callsBefore.length === 0) continue;
          checked += 1;
          const estimate = estimateWait(today, config, ticket.serviceId, ticket.id);
          expect([estimate.peopleAhead, estimate.peopleAheadMax]).toEqual([
            Math.min(...callsBefore),
            Math.max(...callsBefore),
          ]);
          if (estimate.peopleAheadMax > estimate.peopleAhead) ranges += 1;
        }
      }),
      { numRuns: NUM_RUNS },
    );
    expect(checked).toBeGreaterThan(NUM_RUNS);
    expect(ranges).toBeGreaterThan(NUM_RUNS / 10);
  });
});
