import type { HallConfig } from './config.ts';
import { findCounter, findService, isInService } from './config.ts';
import type { ServiceId, TicketId } from './ids.ts';
import { asTicketId } from './ids.ts';
import { isEligible, positionInCallOrder, waitingInQueueOrder, withTicketIn } from './policy.ts';
import type { QueueState, Ticket } from './state.ts';
import { counterOf, waitingTicket } from './state.ts';

/** What a visitor is told about their wait. */
export interface WaitEstimate {
  /**
   * People the counters will call before this ticket, in the counters' own call order (`callOrder`):
   * the fewest over the counters that may call it. Tickets of other services that share a counter count
   * when that counter calls them first.
   */
  readonly peopleAhead: number;
  /** The most over those counters; equal to `peopleAhead` when one counter's order decides. */
  readonly peopleAheadMax: number;
  /** Counters open now with a clerk, serving this service. */
  readonly servingCounters: number;
  /** Expected minutes until called; null when no counter serves the service now. */
  readonly minutes: { readonly min: number; readonly max: number } | null;
}

/** Median of recent service durations in minutes, or the configured expectation until there are 3. */
export function typicalServiceMinutes(state: QueueState, config: HallConfig, serviceId: ServiceId): number {
  const recent = state.serviceTimes[serviceId] ?? [];
  const expected = findService(config, serviceId)?.expectedServiceMinutes ?? 10;
  if (recent.length < 3) return expected;
  const sorted = [...recent].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return Math.max(median / 60_000, 0.5);
}

/** How many counters are open, staffed and serve this service. */
export function servingCounterCount(state: QueueState, config: HallConfig, serviceId: ServiceId): number {
  // Counted over the map, without a list of its values: every issue's wait estimate asks.
  let count = 0;
  for (const id in state.counters) {
    const counter = state.counters[id];
    if (counter?.status !== 'open' || counter.clerkId === null) continue;
    if (findCounter(config, counter.id)?.serviceIds.includes(serviceId)) count += 1;
  }
  return count;
}

/**
 * The ticket as it would stand if a visitor took one of `serviceId` now: behind everyone already waiting,
 * as a normal (not priority) visitor.
 */
function newTicket(state: QueueState, serviceId: ServiceId): Ticket {
  // Queued after every ticket there is: later than any real queue time.
  const now = Number.MAX_SAFE_INTEGER;
  return waitingTicket({
    id: asTicketId(state.nextTicketId),
    number: '',
    sequence: 0,
    serviceId,
    businessDay: state.businessDay,
    priorityGroupId: null,
    procedureId: null,
    issuedAt: now,
    kioskId: null,
  });
}

/**
 * People ahead of a waiting ticket in the call order of each counter that may call it: the counters
 * open with a clerk, or, when none is, every active counter that may call it (their order is what it
 * will be once they open). Empty when no counter may ever call it.
 */
function positionsInCallOrder(state: QueueState, config: HallConfig, ticket: Ticket): number[] {
  const candidates = config.counters.filter((counter) => isInService(counter) && isEligible(ticket, counter));
  const working = candidates.filter((counter) => {
    const current = counterOf(state, counter.id);
    return current.status === 'open' && current.clerkId !== null;
  });
  return (working.length > 0 ? working : candidates).map((counter) =>
    positionInCallOrder(state, config, counter.id, ticket.id),
  );
}

/**
 * People ahead and a time range for a waiting ticket (or, when `ticketId` is omitted, for a ticket a
 * visitor would take now). People ahead come from the counters' real call order, as a range when
 * several counters with different orders may call the ticket. The minutes are (people ahead + ½) ×
 * typical service time ÷ counters serving the service, for the fewest and the most ahead, widened by 30%
 * either way because arrivals and service times vary.
 */
export function estimateWait(
  state: QueueState,
  config: HallConfig,
  serviceId: ServiceId,
  ticketId?: TicketId,
): WaitEstimate {
  const existing = ticketId === undefined ? undefined : state.tickets[ticketId];
  const ticket = existing ?? newTicket(state, serviceId);
  const withTicket =
    existing === undefined ? { ...state, tickets: withTicketIn(state.tickets, ticket) } : state;
  const positions = positionsInCallOrder(withTicket, config, ticket).filter((index) => index >= 0);
  // No counter may call it (a service nobody serves): everyone waiting for the service is ahead.
  let sameService = 0;
  for (const other of waitingInQueueOrder(state.tickets))
    if (other.serviceId === serviceId && other.id !== ticket.id) sameService += 1;
  const peopleAhead = positions.length > 0 ? Math.min(...positions) : sameService;
  const peopleAheadMax = positions.length > 0 ? Math.max(...positions) : sameService;
  const servingCounters = servingCounterCount(state, config, serviceId);
  if (servingCounters === 0) return { peopleAhead, peopleAheadMax, servingCounters, minutes: null };
  const typical = typicalServiceMinutes(state, config, serviceId);
  const expected = (ahead: number): number => ((ahead + 0.5) * typical) / servingCounters;
  return {
    peopleAhead,
    peopleAheadMax,
    servingCounters,
    minutes: {
      min: Math.floor(expected(peopleAhead) * 0.7),
      max: Math.max(1, Math.ceil(expected(peopleAheadMax) * 1.3)),
    },
  };
}
