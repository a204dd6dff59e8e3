import type {
  CounterId,
  CounterStatus,
  HallConfig,
  LocalizedText,
  QueueState,
  ServiceConfig,
  ServiceId,
  Ticket,
} from '@luot/shared/domain';
import { counterOf, findCounter, findService } from '@luot/shared/domain';
import { callKey } from './calls.ts';

// What the hall display shows, derived from the replica by pure functions: the screen only lays it out.

/**
 * The services this display shows: the active ones in kiosk order, narrowed to `filter` (service ids from
 * the settings or `?services=`). A filter that names no known active service shows everything: a
 * mistyped URL must not leave a blank TV on the wall.
 */
export function shownServices(config: HallConfig, filter: readonly string[] | null): ServiceConfig[] {
  const active = config.services
    .filter((service) => service.isActive)
    .sort((a, b) => a.kioskOrder - b.kioskOrder);
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

/** One call as the screen lists it. */
export interface CallView {
  /** `<ticketId>#<callCount>`: changes on a recall, so the screen flashes again. */
  readonly key: string;
  readonly ticketNumber: string;
  readonly counterNumber: number;
  readonly counterName: LocalizedText;
  readonly serviceName: LocalizedText;
  readonly calledAt: number;
  readonly isRecall: boolean;
}

// A no-show, cancelled or transferred ticket is no longer "called to a counter"; one being served or done
// stays in the list of calls until newer calls push it out.
const LISTED_STATUSES: ReadonlySet<Ticket['status']> = new Set(['called', 'serving', 'done']);

/**
 * Today's calls of the shown services, newest first (a recall moves a ticket back to the top), at most
 * `limit`. The first one is the call the screen features.
 */
export function recentCalls(
  state: QueueState,
  config: HallConfig,
  isShown: (serviceId: ServiceId) => boolean,
  limit: number,
): CallView[] {
  const calls: CallView[] = [];
  for (const ticket of Object.values(state.tickets)) {
    if (ticket.lastCalledAt === null || ticket.counterId === null || !LISTED_STATUSES.has(ticket.status))
      continue;
    if (ticket.businessDay !== state.businessDay || !isShown(ticket.serviceId)) continue;
    const counter = findCounter(config, ticket.counterId);
    if (counter === undefined) continue;
    calls.push({
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
    });
  }
  calls.sort((a, b) => b.calledAt - a.calledAt || b.key.localeCompare(a.key, 'en', { numeric: true }));
  return calls.slice(0, limit);
}

/** The newest call of the shown services, or null before the first call of the day. */
export function latestCall(
  state: QueueState,
  config: HallConfig,
  isShown: (serviceId: ServiceId) => boolean,
): CallView | null {
  return recentCalls(state, config, isShown, 1)[0] ?? null;
}

/** One row of the counters table. */
export interface CounterRow {
  readonly counterId: CounterId;
  readonly number: number;
  readonly name: LocalizedText;
  readonly status: CounterStatus;
  /** The ticket called to or served at the counter now, if any. */
  readonly ticketNumber: string | null;
  readonly ticketStatus: 'called' | 'serving' | null;
}

/** The active counters that serve at least one shown service, by number, with what each serves now. */
export function counterRows(
  state: QueueState,
  config: HallConfig,
  isShown: (serviceId: ServiceId) => boolean,
): CounterRow[] {
  return config.counters
    .filter((counter) => counter.isActive && counter.serviceIds.some(isShown))
    .sort((a, b) => a.number - b.number)
    .map((counter) => {
      const current = counterOf(state, counter.id);
      const ticket = current.currentTicketId === null ? undefined : state.tickets[current.currentTicketId];
      const isAtCounter = ticket !== undefined && (ticket.status === 'called' || ticket.status === 'serving');
      return {
        counterId: counter.id,
        number: counter.number,
        name: counter.name,
        status: current.status,
        ticketNumber: isAtCounter ? ticket.number : null,
        ticketStatus: isAtCounter ? ticket.status : null,
      };
    });
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
  readonly latest: CallView | null;
  /** Calls before the latest one, newest first. */
  readonly previous: readonly CallView[];
  readonly counters: readonly CounterRow[];
  readonly waiting: readonly WaitingCount[];
}

/** How many earlier calls the screen lists beside the featured one. */
export const PREVIOUS_CALLS_SHOWN = 6;

/** Derive the whole screen from the replica and this display's service filter. */
export function buildDisplayModel(
  state: QueueState,
  config: HallConfig,
  filter: readonly string[] | null,
): DisplayModel {
  const services = shownServices(config, filter);
  const isShown = serviceMatcher(services);
  const calls = recentCalls(state, config, isShown, PREVIOUS_CALLS_SHOWN + 1);
  return {
    hallName: config.hall.name,
    noticeLine: config.hall.noticeLine,
    timeZone: config.hall.timeZone,
    latest: calls[0] ?? null,
    previous: calls.slice(1),
    counters: counterRows(state, config, isShown),
    waiting: waitingCounts(state, services),
  };
}
