import type { HallConfig } from './config.ts';
import { findCounter, findService } from './config.ts';
import type { ServiceId, TicketId } from './ids.ts';
import type { QueueState, Ticket } from './state.ts';

/** What a visitor is told about their wait. */
export interface WaitEstimate {
  /** Waiting tickets of the same queue that will be called before this one. */
  readonly peopleAhead: number;
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
  return Object.values(state.counters).filter((counter) => {
    if (counter.status !== 'open' || counter.clerkId === null) return false;
    return findCounter(config, counter.id)?.serviceIds.includes(serviceId) ?? false;
  }).length;
}

function isAhead(other: Ticket, ticket: Ticket | undefined): boolean {
  if (ticket === undefined) return true; // a ticket not yet issued waits behind everyone
  if (other.id === ticket.id) return false;
  const otherPriority = other.priorityGroupId !== null;
  const ticketPriority = ticket.priorityGroupId !== null;
  if (otherPriority !== ticketPriority) return otherPriority;
  return other.queuedAt < ticket.queuedAt || (other.queuedAt === ticket.queuedAt && other.id < ticket.id);
}

/**
 * People ahead and a time range for a ticket (or for a new ticket of the service when `ticketId` is
 * omitted). The range is (people ahead + ½) × typical service time ÷ counters, widened by 30% either
 * way, because arrivals and service times vary.
 */
export function estimateWait(
  state: QueueState,
  config: HallConfig,
  serviceId: ServiceId,
  ticketId?: TicketId,
): WaitEstimate {
  const ticket = ticketId === undefined ? undefined : state.tickets[ticketId];
  const peopleAhead = Object.values(state.tickets).filter(
    (other) => other.status === 'waiting' && other.serviceId === serviceId && isAhead(other, ticket),
  ).length;
  const servingCounters = servingCounterCount(state, config, serviceId);
  if (servingCounters === 0) return { peopleAhead, servingCounters, minutes: null };
  const expected = ((peopleAhead + 0.5) * typicalServiceMinutes(state, config, serviceId)) / servingCounters;
  return {
    peopleAhead,
    servingCounters,
    minutes: { min: Math.floor(expected * 0.7), max: Math.max(1, Math.ceil(expected * 1.3)) },
  };
}
