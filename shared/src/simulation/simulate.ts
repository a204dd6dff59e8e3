import type { CounterConfig, HallConfig } from '../domain/config.ts';
import { decide } from '../domain/decide.ts';
import type { Actor, DomainEvent } from '../domain/events.ts';
import { evolve } from '../domain/evolve.ts';
import type { ClerkId, CounterId, ServiceId, TicketId } from '../domain/ids.ts';
import { asClerkId } from '../domain/ids.ts';
import type { Command } from '../domain/commands.ts';
import type { QueueState } from '../domain/state.ts';
import { emptyQueueState } from '../domain/state.ts';
import type { RecordedDay, RecordedTicket } from './recorded-day.ts';
import { localTimeAt } from './local-time.ts';
import type { Random } from './random.ts';
import { seededRandom } from './random.ts';

// The policy simulator's engine: a day's real arrivals replayed, one by one at the time they came,
// through the hall's own pure `decide` and `evolve` (the same call order, anti-starvation bound and
// counter → services rules the hall runs), under a candidate setup. Clerks are simulated: an open,
// free counter calls next; the visitor walks up and is served for a time taken from that day's
// measurements; then the clerk calls again. Everything is seeded, so a run is reproducible.

/** A counter in a candidate setup, with the services it calls in its order of preference. */
export interface CandidateCounter {
  readonly counterId: CounterId;
  readonly serviceIds: readonly ServiceId[];
}

/** What the manager wants to try. */
export interface CandidateSetup {
  /** After this many priority calls in a row a counter calls a normal visitor who waited longer. */
  readonly priorityBound: number;
  /** The counters, in the order they open: with N counters open, the first N of this list are. */
  readonly counters: readonly CandidateCounter[];
  /** Counters open in each local hour 0–23 (24 numbers), or null: each counter as it really was open. */
  readonly openPerHour: readonly number[] | null;
  /** A service's expected minutes: its measured times are scaled to this average. Absent: as measured. */
  readonly serviceMinutes: Readonly<Record<string, number>>;
  /**
   * `recorded`: each visitor keeps their own walk-up and service time of that day (the self-check);
   * `sampled`: drawn, seeded, from that day's measured times of the visitor's service.
   */
  readonly serviceTimes: 'recorded' | 'sampled';
  readonly seed: number;
}

/** One visitor in an outcome (real or simulated): when they queued, when first called, by whom. */
export interface OutcomeTicket {
  readonly serviceId: ServiceId;
  readonly priorityGroupId: string | null;
  readonly queuedAt: number;
  readonly calledAt: number | null;
  /** Until when an uncalled visitor waited (left, or the day ended). */
  readonly waitedUntil: number;
  readonly counterId: CounterId | null;
}

/** How a counter's open time was used. */
export interface CounterUse {
  readonly counterId: CounterId;
  readonly openMs: number;
  /** From each call to the end of that visit (served, no-show, transferred). */
  readonly busyMs: number;
}

/** What happened on a day (really, or in the simulation). */
export interface DayOutcome {
  readonly businessDay: string;
  readonly tickets: readonly OutcomeTicket[];
  readonly counters: readonly CounterUse[];
  /** Arrivals the candidate setup could not take (a service it no longer has). */
  readonly notReplayed: number;
}

/** The real outcome of a recorded day, in the same terms as a simulated one. */
export function recordedOutcome(day: RecordedDay): DayOutcome {
  const busy = new Map<string, number>();
  for (const ticket of day.tickets) {
    if (ticket.firstCalledAt === null || ticket.firstCounterId === null) continue;
    const visit =
      ticket.noShowAfterMs ?? (ticket.serviceMs === null ? null : (ticket.walkUpMs ?? 0) + ticket.serviceMs);
    if (visit !== null)
      busy.set(ticket.firstCounterId, (busy.get(ticket.firstCounterId) ?? 0) + Math.max(0, visit));
  }
  const open = new Map<string, number>();
  for (const span of day.openSpans)
    open.set(span.counterId, (open.get(span.counterId) ?? 0) + span.to - span.from);
  const counterIds = [...new Set([...open.keys(), ...busy.keys()])].sort();
  return {
    businessDay: day.businessDay,
    tickets: day.tickets.map((ticket) => ({
      serviceId: ticket.serviceId,
      priorityGroupId: ticket.priorityGroupId,
      queuedAt: ticket.issuedAt,
      calledAt: ticket.firstCalledAt,
      waitedUntil: ticket.firstCalledAt ?? ticket.leftAt ?? Math.max(day.endsAt, ticket.issuedAt),
      counterId: ticket.firstCounterId,
    })),
    counters: counterIds.map((counterId) => ({
      counterId: counterId as CounterId,
      openMs: open.get(counterId) ?? 0,
      busyMs: busy.get(counterId) ?? 0,
    })),
    notReplayed: 0,
  };
}

/** The measured times of a day, per service, that `sampled` draws from. */
interface Measured {
  readonly walkUps: readonly number[];
  readonly services: ReadonlyMap<string, readonly number[]>;
  readonly allServices: readonly number[];
  readonly noShows: readonly number[];
}

function measure(day: RecordedDay): Measured {
  const services = new Map<string, number[]>();
  const allServices: number[] = [];
  const walkUps: number[] = [];
  const noShows: number[] = [];
  for (const ticket of day.tickets) {
    if (ticket.walkUpMs !== null && ticket.serviceMs !== null) walkUps.push(ticket.walkUpMs);
    if (ticket.serviceMs !== null) {
      const list = services.get(ticket.serviceId) ?? [];
      list.push(ticket.serviceMs);
      services.set(ticket.serviceId, list);
      allServices.push(ticket.serviceMs);
    }
    if (ticket.noShowAfterMs !== null) noShows.push(ticket.noShowAfterMs);
  }
  return { walkUps, services, allServices, noShows };
}

const average = (values: readonly number[]): number | null =>
  values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length;

const draw = (random: Random, values: readonly number[], fallback: number): number =>
  values.length === 0 ? fallback : values[Math.floor(random() * values.length)]!;

/** A timed step of the simulation. */
type PlannedStep =
  | { readonly at: number; readonly kind: 'arrive' | 'leave'; readonly index: number }
  | {
      readonly at: number;
      readonly kind: 'open' | 'close' | 'start' | 'finish';
      readonly counterId: CounterId;
    }
  | { readonly at: number; readonly kind: 'ready'; readonly counterId: CounterId; readonly token: number };

/** A step with its plan order: steps at the same instant run in the order they were planned. */
type Step = PlannedStep & { readonly seq: number };

/** A binary heap of steps by time, then plan order. */
class Steps {
  private readonly heap: Step[] = [];
  private seq = 0;

  get size(): number {
    return this.heap.length;
  }

  push(step: PlannedStep): void {
    const item: Step = { ...step, seq: this.seq++ };
    const heap = this.heap;
    heap.push(item);
    let index = heap.length - 1;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (!before(heap[index]!, heap[parent]!)) break;
      [heap[index], heap[parent]] = [heap[parent]!, heap[index]!];
      index = parent;
    }
  }

  pop(): Step | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (heap.length > 0 && last !== undefined) {
      heap[0] = last;
      let index = 0;
      for (;;) {
        const left = index * 2 + 1;
        const right = left + 1;
        let smallest = index;
        if (left < heap.length && before(heap[left]!, heap[smallest]!)) smallest = left;
        if (right < heap.length && before(heap[right]!, heap[smallest]!)) smallest = right;
        if (smallest === index) break;
        [heap[index], heap[smallest]] = [heap[smallest]!, heap[index]!];
        index = smallest;
      }
    }
    return top;
  }
}

const before = (a: Step, b: Step): boolean => a.at < b.at || (a.at === b.at && a.seq < b.seq);

interface SimCounter {
  readonly id: CounterId;
  isOpen: boolean;
  wantsClose: boolean;
  /** The recorded visitor being served, or null when free. */
  current: number | null;
  calledAt: number;
  idleSince: number;
  openSince: number;
  openMs: number;
  busyMs: number;
  /** How the current visit ends. */
  endsAs: 'complete' | 'no-show';
  /** The planned "look at the queue and call" of a free clerk; older plans are stale. */
  readyToken: number;
  isReadyPlanned: boolean;
}

const SIMULATOR: Actor = { role: 'system', deviceId: null, clerkId: null };

/**
 * The hall's configuration as the candidate setup changes it: its counters and their services, its
 * bound, one simulated clerk per counter, and every service taking tickets all day (arrivals are
 * replayed as they came: the kiosk took them then).
 */
export function candidateConfig(config: HallConfig, setup: CandidateSetup): HallConfig {
  const byId = new Map(config.counters.map((counter) => [counter.id as string, counter]));
  const counters: CounterConfig[] = setup.counters.map((candidate, index) => {
    const known = byId.get(candidate.counterId);
    return {
      id: candidate.counterId,
      number: known?.number ?? index + 1,
      name: known?.name ?? { vi: `Quầy ${index + 1}`, en: `Counter ${index + 1}` },
      serviceIds: [...candidate.serviceIds],
      isActive: true,
    };
  });
  return {
    ...config,
    hall: { ...config.hall, openingHours: [] },
    services: config.services.map((service) => ({
      ...service,
      isActive: true,
      openingHours: [],
      dailyQuota: null,
    })),
    counters,
    clerks: counters.map((counter) => ({
      id: simulatedClerk(counter.id),
      name: `Cán bộ mô phỏng ${counter.number}`,
      title: '',
      username: `mo-phong-${counter.id}`,
      isActive: true,
    })),
    policy: { ...config.policy, priorityBound: setup.priorityBound },
  };
}

const simulatedClerk = (counterId: CounterId): ClerkId => asClerkId(`mo-phong-${counterId}`);

/** When each candidate counter is open on the day: as really (by counter), or N an hour. */
function openingPlan(
  config: HallConfig,
  day: RecordedDay,
  setup: CandidateSetup,
): { counterId: CounterId; from: number; to: number }[] {
  const listed = new Set(setup.counters.map((counter) => counter.counterId as string));
  if (setup.openPerHour === null)
    return day.openSpans.filter((span) => listed.has(span.counterId)).map((span) => ({ ...span }));
  const plan: { counterId: CounterId; from: number; to: number }[] = [];
  setup.counters.forEach((counter, index) => {
    let from: number | null = null;
    for (let hour = 0; hour <= 24; hour += 1) {
      const isOpen = hour < 24 && (setup.openPerHour![hour] ?? 0) > index;
      const at = localTimeAt(day.businessDay, hour * 60, config.hall.timeZone);
      if (isOpen && from === null) from = at;
      if (!isOpen && from !== null) {
        plan.push({ counterId: counter.counterId, from, to: at });
        from = null;
      }
    }
  });
  return plan;
}

/** Simulate one recorded day under a candidate setup. */
export function simulateDay(config: HallConfig, day: RecordedDay, setup: CandidateSetup): DayOutcome {
  const simConfig = candidateConfig(config, setup);
  const random = seededRandom(setup.seed ^ hashDay(day.businessDay));
  const measured = measure(day);
  const fallbackServiceMs = average(measured.allServices) ?? 10 * 60_000;
  const scale = new Map<string, number>();
  for (const [serviceId, minutes] of Object.entries(setup.serviceMinutes)) {
    const measuredAverage = average(measured.services.get(serviceId) ?? []);
    if (measuredAverage !== null && measuredAverage > 0)
      scale.set(serviceId, (minutes * 60_000) / measuredAverage);
  }
  const knownServices = new Set(simConfig.services.map((service) => service.id as string));

  let state: QueueState = emptyQueueState(day.businessDay);
  const apply = (command: Command, at: number): DomainEvent[] => {
    const decision = decide(state, command, { now: at, config: simConfig, actor: SIMULATOR });
    if (!decision.ok) return [];
    for (const event of decision.value) state = evolve(state, { ...event, version: state.version + 1 });
    return [...decision.value];
  };

  const steps = new Steps();
  const counters = new Map<string, SimCounter>();
  for (const candidate of setup.counters)
    counters.set(candidate.counterId, {
      id: candidate.counterId,
      isOpen: false,
      wantsClose: false,
      current: null,
      calledAt: 0,
      idleSince: 0,
      openSince: 0,
      openMs: 0,
      busyMs: 0,
      endsAs: 'complete',
      readyToken: 0,
      isReadyPlanned: false,
    });
  let lastPlanned = day.endsAt;
  for (const span of openingPlan(config, day, setup)) {
    steps.push({ at: span.from, kind: 'open', counterId: span.counterId });
    steps.push({ at: span.to, kind: 'close', counterId: span.counterId });
    lastPlanned = Math.max(lastPlanned, span.to);
  }
  day.tickets.forEach((ticket, index) => {
    steps.push({ at: ticket.issuedAt, kind: 'arrive', index });
    if (ticket.leftAt !== null) steps.push({ at: ticket.leftAt, kind: 'leave', index });
  });

  const ticketOf = new Map<number, number>(); // simulated ticket id → recorded index
  const simIdOf = new Map<number, TicketId>(); // recorded index → simulated ticket id
  const calledAt = new Map<number, number>();
  const counterOfVisit = new Map<number, CounterId>();
  const leftAt = new Map<number, number>();
  let notReplayed = 0;

  const visitTimes = (ticket: RecordedTicket): { walkUp: number; service: number } => {
    const factor = scale.get(ticket.serviceId) ?? 1;
    const sampledService = (): number =>
      draw(random, measured.services.get(ticket.serviceId) ?? measured.allServices, fallbackServiceMs);
    const recorded = setup.serviceTimes === 'recorded';
    const walkUp = recorded && ticket.walkUpMs !== null ? ticket.walkUpMs : draw(random, measured.walkUps, 0);
    const service = recorded && ticket.serviceMs !== null ? ticket.serviceMs : sampledService();
    return { walkUp, service: service * factor };
  };

  /** The free clerk calls after a delay (a pause after a visit, or noticing a new arrival). */
  const planReady = (counter: SimCounter, at: number): void => {
    counter.readyToken += 1;
    counter.isReadyPlanned = true;
    steps.push({ at, kind: 'ready', counterId: counter.id, token: counter.readyToken });
  };

  const tryCall = (counter: SimCounter, at: number): boolean => {
    if (!counter.isOpen || counter.current !== null) return false;
    const events = apply({ type: 'call-next', counterId: counter.id }, at);
    const called = events.find((event) => event.type === 'ticket.called');
    if (!called || called.type !== 'ticket.called') {
      return false;
    }
    const index = ticketOf.get(called.ticketId)!;
    const ticket = day.tickets[index]!;
    counter.readyToken += 1;
    counter.isReadyPlanned = false;
    counter.current = index;
    counter.calledAt = at;
    calledAt.set(index, at);
    counterOfVisit.set(index, counter.id);
    // A visitor who really did not come when called does not come in the simulation either.
    if (ticket.outcome === 'no-show') {
      counter.endsAs = 'no-show';
      const after =
        setup.serviceTimes === 'recorded' && ticket.noShowAfterMs !== null
          ? ticket.noShowAfterMs
          : draw(random, measured.noShows, 60_000);
      steps.push({ at: at + after, kind: 'finish', counterId: counter.id });
    } else {
      counter.endsAs = 'complete';
      const { walkUp, service } = visitTimes(ticket);
      steps.push({ at: at + walkUp, kind: 'start', counterId: counter.id });
      steps.push({ at: at + walkUp + service, kind: 'finish', counterId: counter.id });
    }
    return true;
  };

  /** Free open counters notice a new arrival, each after its clerk's measured response time. */
  const wakeIdle = (at: number): void => {
    for (const counter of counters.values())
      if (counter.isOpen && counter.current === null && !counter.isReadyPlanned)
        planReady(counter, at + draw(random, day.responses, 0));
  };

  for (let step = steps.pop(); step !== undefined; step = steps.pop()) {
    const at = step.at;
    switch (step.kind) {
      case 'arrive': {
        const ticket = day.tickets[step.index]!;
        if (!knownServices.has(ticket.serviceId)) {
          notReplayed += 1;
          break;
        }
        const events = apply(
          {
            type: 'issue',
            serviceId: ticket.serviceId,
            procedureId: null,
            priorityGroupId: ticket.priorityGroupId,
          },
          at,
        );
        const issued = events.find((event) => event.type === 'ticket.issued');
        if (!issued || issued.type !== 'ticket.issued') {
          notReplayed += 1;
          break;
        }
        ticketOf.set(issued.ticketId, step.index);
        simIdOf.set(step.index, issued.ticketId);
        wakeIdle(at);
        break;
      }
      case 'leave': {
        const simId = simIdOf.get(step.index);
        if (simId === undefined || calledAt.has(step.index)) break;
        apply({ type: 'cancel', ticketId: simId, reason: 'left' }, at);
        leftAt.set(step.index, at);
        break;
      }
      case 'open': {
        const counter = counters.get(step.counterId)!;
        if (counter.isOpen) {
          counter.wantsClose = false;
          break;
        }
        apply({ type: 'sign-in', counterId: counter.id, clerkId: simulatedClerk(counter.id) }, at);
        apply({ type: 'open-counter', counterId: counter.id }, at);
        counter.isOpen = true;
        counter.wantsClose = false;
        counter.openSince = at;
        counter.idleSince = at;
        tryCall(counter, at);
        break;
      }
      case 'close': {
        const counter = counters.get(step.counterId)!;
        if (!counter.isOpen) break;
        if (counter.current !== null) counter.wantsClose = true;
        else closeCounter(counter, at);
        break;
      }
      case 'start': {
        apply({ type: 'start', counterId: step.counterId }, at);
        break;
      }
      case 'finish': {
        const counter = counters.get(step.counterId)!;
        const finished = counter.current!;
        apply({ type: counter.endsAs === 'no-show' ? 'no-show' : 'complete', counterId: counter.id }, at);
        counter.busyMs += at - counter.calledAt;
        counter.current = null;
        counter.idleSince = at;
        if (counter.wantsClose) closeCounter(counter, at);
        else {
          const visitor = day.tickets[finished]!;
          const pause =
            setup.serviceTimes === 'recorded' && visitor.pauseAfterMs !== null
              ? visitor.pauseAfterMs
              : draw(random, day.pauses, 0);
          planReady(counter, at + pause);
        }
        break;
      }
      case 'ready': {
        const counter = counters.get(step.counterId)!;
        if (step.token !== counter.readyToken) break;
        counter.isReadyPlanned = false;
        tryCall(counter, at);
        break;
      }
    }
  }

  function closeCounter(counter: SimCounter, at: number): void {
    apply({ type: 'close-counter', counterId: counter.id }, at);
    counter.isOpen = false;
    counter.wantsClose = false;
    counter.readyToken += 1;
    counter.isReadyPlanned = false;
    counter.openMs += at - counter.openSince;
  }

  const dayEnd = lastPlanned;
  return {
    businessDay: day.businessDay,
    tickets: day.tickets
      .map((ticket, index) => ({ ticket, index }))
      .filter(({ index }) => simIdOf.has(index))
      .map(({ ticket, index }) => {
        const called = calledAt.get(index) ?? null;
        return {
          serviceId: ticket.serviceId,
          priorityGroupId: ticket.priorityGroupId,
          queuedAt: ticket.issuedAt,
          calledAt: called,
          waitedUntil: called ?? leftAt.get(index) ?? Math.max(dayEnd, ticket.issuedAt),
          counterId: counterOfVisit.get(index) ?? null,
        };
      }),
    counters: [...counters.values()]
      .filter((counter) => counter.openMs > 0 || counter.busyMs > 0)
      .map((counter) => ({ counterId: counter.id, openMs: counter.openMs, busyMs: counter.busyMs })),
    notReplayed,
  };
}

/** A day's own share of the seed, so each day of a range draws differently but reproducibly. */
function hashDay(day: string): number {
  let hash = 2_166_136_261;
  for (let index = 0; index < day.length; index += 1)
    hash = Math.imul(hash ^ day.charCodeAt(index), 16_777_619);
  return hash >>> 0;
}
