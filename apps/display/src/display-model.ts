import type {
  CounterConfig,
  CounterId,
  CounterStatus,
  HallConfig,
  LocalizedText,
  QueueState,
  ServiceConfig,
  ServiceId,
  Ticket,
} from '@luot/shared/domain';
import {
  counterOf,
  effectiveCounterStatus,
  featuredCall,
  findCounter,
  findService,
  isInService,
} from '@luot/shared/domain';
import { callKey } from './calls.ts';

// What the hall display shows, derived from the replica by pure functions: the screen only lays it out.

/**
 * The services this display shows: the active ones in kiosk order, narrowed to `filter` (service ids from
 * the settings or `?services=`). A filter that names no known active service shows everything: a
 * mistyped URL must not leave a blank TV on the wall.
 */
export function shownServices(config: HallConfig, filter: readonly string[] | null): ServiceConfig[] {
  const active = config.services.filter(isInService).sort((a, b) => a.kioskOrder - b.kioskOrder);
  if (filter === null) return active;
  const wanted = new Set(filter);
  const chosen = active.filter((service) => wanted.has(service.id));
  return chosen.length > 0 ? chosen : active;
}

/** A predicate over service ids for the calls and counters of this display. */
export function serviceMatcher(services: readonly ServiceConfig[]): (serviceId: ServiceId) => boolean {
  const ids = new Set<string>(services.map((service) => service.id));
  return (serviceId) => ids.has(serviceId);
}

/** How a call the screen lists stands now. */
export type CallOutcome = 'called' | 'serving' | 'done' | 'no-show' | 'transferred';

/** One call as the screen lists it. */
export interface CallView {
  /** `<ticketId>#<callCount>`: changes on a recall. */
  readonly key: string;
  readonly ticketNumber: string;
  readonly counterNumber: number;
  readonly counterName: LocalizedText;
  readonly serviceName: LocalizedText;
  readonly calledAt: number;
  readonly isRecall: boolean;
  /** Where the call stands: still at the counter, served, or ended by a no-show or a transfer. */
  readonly outcome: CallOutcome;
  /** For a transfer to one counter: its number. */
  readonly transferredToCounter: number | null;
}

function outcomeOf(ticket: Ticket): CallOutcome | null {
  switch (ticket.status) {
    case 'called':
      return 'called';
    case 'serving':
      return 'serving';
    case 'done':
      return 'done';
    case 'no_show':
      return 'no-show';
    case 'waiting':
      // Waiting again after a call: transferred (listed, marked) or returned after a no-show (not listed).
      return ticket.lastTransfer !== null &&
        ticket.lastCalledAt !== null &&
        ticket.lastTransfer.at >= ticket.lastCalledAt
        ? 'transferred'
        : null;
    case 'cancelled':
    case 'expired':
      return null;
  }
}

function callView(ticket: Ticket, config: HallConfig): CallView | null {
  const outcome = outcomeOf(ticket);
  if (outcome === null || ticket.lastCalledAt === null || ticket.lastCalledCounterId === null) return null;
  const counter = findCounter(config, ticket.lastCalledCounterId);
  if (counter === undefined) return null;
  const target = ticket.targetCounterId === null ? undefined : findCounter(config, ticket.targetCounterId);
  return {
    key: callKey(ticket),
    ticketNumber: ticket.number,
    counterNumber: counter.number,
    counterName: counter.name,
    serviceName: findService(config, ticket.serviceId)?.name ?? {
      vi: ticket.serviceId,
      en: ticket.serviceId,
    },
    calledAt: ticket.lastCalledAt,
    isRecall: ticket.callCount > 1,
    outcome,
    transferredToCounter: outcome === 'transferred' ? (target?.number ?? null) : null,
  };
}

/**
 * Today's calls of the shown services, newest first (a recall moves a ticket back to the top), at most
 * `limit`, each with how it stands now: still called or being served, served, absent or transferred.
 */
export function recentCalls(
  state: QueueState,
  config: HallConfig,
  isShown: (serviceId: ServiceId) => boolean,
  limit: number,
): CallView[] {
  const calls: CallView[] = [];
  for (const ticket of Object.values(state.tickets)) {
    if (ticket.businessDay !== state.businessDay || !isShown(ticket.serviceId)) continue;
    const view = callView(ticket, config);
    if (view !== null) calls.push(view);
  }
  calls.sort((a, b) => b.calledAt - a.calledAt || b.key.localeCompare(a.key, 'en', { numeric: true }));
  return calls.slice(0, limit);
}

/**
 * The call the screen features: the newest call still standing at an open counter (the shared domain
 * rule `featuredCall`), or null when none stands. Never an older call that is over.
 */
export function latestCall(
  state: QueueState,
  config: HallConfig,
  isShown: (serviceId: ServiceId) => boolean,
): CallView | null {
  const ticket = featuredCall(state, isShown);
  return ticket === undefined ? null : callView(ticket, config);
}

/** One row of the counters table. */
export interface CounterRow {
  readonly counterId: CounterId;
  readonly number: number;
  readonly name: LocalizedText;
  /** Open or paused (closed counters are listed on one line, see {@link DisplayModel.closedCounters}). */
  readonly status: CounterStatus;
  /** The ticket called to or served at the counter now, if any. */
  readonly ticketNumber: string | null;
  readonly ticketStatus: 'called' | 'serving' | null;
}

/** The active counters that serve at least one shown service, by number. */
function shownCounters(config: HallConfig, isShown: (serviceId: ServiceId) => boolean): CounterConfig[] {
  return config.counters
    .filter((counter) => isInService(counter) && counter.serviceIds.some(isShown))
    .sort((a, b) => a.number - b.number);
}

/**
 * The counters working now (open or paused, with a clerk) that serve at least one shown service, by
 * number, with what each serves now. Closed counters are not rows: a hall with eight counters and three
 * clerks must not fill the screen with "closed".
 */
export function counterRows(
  state: QueueState,
  config: HallConfig,
  isShown: (serviceId: ServiceId) => boolean,
): CounterRow[] {
  return shownCounters(config, isShown).flatMap((counter): CounterRow[] => {
    const status = effectiveCounterStatus(state, counter.id);
    if (status === 'closed') return [];
    const current = counterOf(state, counter.id);
    const ticket = current.currentTicketId === null ? undefined : state.tickets[current.currentTicketId];
    const isAtCounter = ticket !== undefined && (ticket.status === 'called' || ticket.status === 'serving');
    return [
      {
        counterId: counter.id,
        number: counter.number,
        name: counter.name,
        status,
        ticketNumber: isAtCounter ? ticket.number : null,
        ticketStatus: isAtCounter ? ticket.status : null,
      },
    ];
  });
}

/** The numbers of the shown counters that are closed now, in order, for one compact line. */
export function closedCounterNumbers(
  state: QueueState,
  config: HallConfig,
  isShown: (serviceId: ServiceId) => boolean,
): number[] {
  return shownCounters(config, isShown)
    .filter((counter) => effectiveCounterStatus(state, counter.id) === 'closed')
    .map((counter) => counter.number);
}

/** How many people wait for one service. */
export interface WaitingCount {
  readonly serviceId: ServiceId;
  readonly prefix: string;
  readonly name: LocalizedText;
  readonly waiting: number;
}

/** Waiting tickets per shown service, in the order of `services`. */
export function waitingCounts(state: QueueState, services: readonly ServiceConfig[]): WaitingCount[] {
  const counts = new Map<string, number>();
  for (const ticket of Object.values(state.tickets)) {
    if (ticket.status === 'waiting') counts.set(ticket.serviceId, (counts.get(ticket.serviceId) ?? 0) + 1);
  }
  return services.map((service) => ({
    serviceId: service.id,
    prefix: service.prefix,
    name: service.name,
    waiting: counts.get(service.id) ?? 0,
  }));
}

/** Everything the hall display renders, at one version of the queue. */
export interface DisplayModel {
  readonly hallName: string;
  readonly noticeLine: string;
  readonly timeZone: string;
  /** The featured call: the newest call still standing at an open counter, or null. */
  readonly latest: CallView | null;
  /** The other recent calls, newest first, marked when they ended in a no-show or a transfer. */
  readonly previous: readonly CallView[];
  readonly counters: readonly CounterRow[];
  /** Numbers of the shown counters that are closed now. */
  readonly closedCounters: readonly number[];
  readonly waiting: readonly WaitingCount[];
}

/** How many other calls the screen lists beside the featured one. */
export const PREVIOUS_CALLS_SHOWN = 6;

/** Derive the whole screen from the replica and this display's service filter. */
export function buildDisplayModel(
  state: QueueState,
  config: HallConfig,
  filter: readonly string[] | null,
): DisplayModel {
  const services = shownServices(config, filter);
  const isShown = serviceMatcher(services);
  const latest = latestCall(state, config, isShown);
  const previous = recentCalls(state, config, isShown, PREVIOUS_CALLS_SHOWN + 1)
    .filter((call) => call.key !== latest?.key)
    .slice(0, PREVIOUS_CALLS_SHOWN);
  return {
    hallName: config.hall.name,
    noticeLine: config.hall.noticeLine,
    timeZone: config.hall.timeZone,
    latest,
    previous,
    counters: counterRows(state, config, isShown),
    closedCounters: closedCounterNumbers(state, config, isShown),
    waiting: waitingCounts(state, services),
  };
}
