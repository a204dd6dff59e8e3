import type { CounterConfig, HallConfig } from './config.ts';
import { findCounter } from './config.ts';
import type { CounterId, ServiceId, TicketId } from './ids.ts';
import type { QueueState, Ticket } from './state.ts';
import { counterOf } from './state.ts';

/** Whether a waiting ticket may be called by this counter. */
export function isEligible(ticket: Ticket, counter: CounterConfig): boolean {
  if (ticket.status !== 'waiting') return false;
  if (ticket.targetCounterId !== null) return ticket.targetCounterId === counter.id;
  return counter.serviceIds.includes(ticket.serviceId);
}

/** Each ticket map's waiting tickets in queue order, computed once per map (see `waitingInQueueOrder`). */
const waitingByTickets = new WeakMap<QueueState['tickets'], readonly Ticket[]>();

/**
 * Ticket maps made by `withTicketIn` from a map whose waiting list was known: that list, and the ids of
 * the tickets put in since. Never the earlier map itself: a state holding its predecessor's whole map
 * (thousands of tickets) would make every map survive the young generation's collections.
 */
const madeFromKnownList = new WeakMap<
  QueueState['tickets'],
  { readonly base: readonly Ticket[]; readonly ids: readonly TicketId[] }
>();

/** How many tickets put in since a known list `waitingInQueueOrder` patches before walking the map. */
const MAX_PATCHES = 16;

/**
 * A new ticket map with `ticket` put in (added or replaced); the maps are never changed in place. It
 * remembers the waiting list it came from (when that list was known) and which tickets changed since, so
 * its own list is that list with those tickets taken out and, when they wait, put back in their place:
 * proportional to the waiting tickets, not to every ticket of the day (6,000 in a busy hall's evening,
 * against ≈ 100 waiting).
 */
export function withTicketIn(tickets: QueueState['tickets'], ticket: Ticket): QueueState['tickets'] {
  const next = { ...tickets, [ticket.id]: ticket };
  const known = waitingByTickets.get(tickets);
  const link = known ? { base: known, ids: [ticket.id] } : madeFromKnownList.get(tickets);
  if (known) madeFromKnownList.set(next, link!);
  else if (link && link.ids.length < MAX_PATCHES)
    madeFromKnownList.set(next, { base: link.base, ids: [...link.ids, ticket.id] });
  return next;
}

/** Queue order: queue time, then id (a total order: ids are unique). */
const byQueueOrder = (a: Ticket, b: Ticket): number => a.queuedAt - b.queuedAt || a.id - b.id;

/** `base` (in queue order) with the tickets `ids` taken out and put back as `tickets` has them, if they wait. */
function patchedWaiting(
  base: readonly Ticket[],
  ids: readonly TicketId[],
  tickets: QueueState['tickets'],
): Ticket[] {
  const changed = new Set(ids);
  const next = base.filter((other) => !changed.has(other.id));
  for (const id of changed) {
    const ticket = tickets[id];
    if (ticket?.status !== 'waiting') continue;
    let low = 0;
    let high = next.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (byQueueOrder(next[middle]!, ticket) < 0) low = middle + 1;
      else high = middle;
    }
    next.splice(low, 0, ticket);
  }
  return next;
}

/**
 * The waiting tickets of a state in queue order (queue time, then id). A state's ticket map is never
 * changed in place (evolve makes a new one for every change), so the list is computed once per map and
 * shared by everything that orders the queue in that state: the call order of each counter, "call
 * next", and the wait estimate of an issued ticket, which asks every counter that may call it. A map made
 * by `withTicketIn` from a known list (within MAX_PATCHES tickets) gets that list patched; any other map
 * (a new business day, a snapshot) is walked whole once.
 */
export function waitingInQueueOrder(tickets: QueueState['tickets']): readonly Ticket[] {
  const known = waitingByTickets.get(tickets);
  if (known) return known;
  const link = madeFromKnownList.get(tickets);
  const waiting = link
    ? patchedWaiting(link.base, link.ids, tickets)
    : Object.values(tickets)
        .filter((ticket) => ticket.status === 'waiting')
        .sort(byQueueOrder);
  waitingByTickets.set(tickets, waiting);
  return waiting;
}

/**
 * First come, first served by the original queue time; the counter's service order breaks ties
 * (a counter's first service is its main one), then the ticket id (issue order).
 */
function byQueueTime(counter: CounterConfig): (a: Ticket, b: Ticket) => number {
  const rank = (ticket: Ticket): number => {
    const index = counter.serviceIds.indexOf(ticket.serviceId);
    return index === -1 ? -1 : index; // tickets sent to this very counter first among equals
  };
  return (a, b) => a.queuedAt - b.queuedAt || rank(a) - rank(b) || a.id - b.id;
}

/**
 * `derive` computed once per waiting list (so once per state: lists are never changed in place, see
 * `waitingInQueueOrder`), kept only while the list lives.
 */
function oncePerList<T>(derive: (waiting: readonly Ticket[]) => T): (waiting: readonly Ticket[]) => T {
  const derived = new WeakMap<readonly Ticket[], { readonly value: T }>();
  return (waiting) => {
    let entry = derived.get(waiting);
    if (entry === undefined) {
      entry = { value: derive(waiting) };
      derived.set(waiting, entry);
    }
    return entry.value;
  };
}

/** Whether two tickets of a waiting list (in queue order) share a queue time. */
const hasSharedQueueTime = oncePerList((waiting) =>
  waiting.some((ticket, index) => index > 0 && ticket.queuedAt === waiting[index - 1]!.queuedAt),
);

/**
 * Walk the order in which this counter would call the waiting tickets it may serve, if nothing else
 * happened, until `visit` returns true: priority groups first, except that after `priorityBound`
 * priority calls in a row a normal visitor who has waited longer than the next priority visitor is
 * called. The wait estimate of every issued ticket walks the order of each counter that may call it, so
 * nothing is built per walk: two cursors go down the day's waiting list (queue order), one for the
 * priority visitors this counter may call and one for the others. The counter's own order differs from
 * queue order only among tickets queued at the same time (its service order comes next); only when the
 * list has such tickets are the two lists built and sorted.
 */
function walkCallOrder(
  state: QueueState,
  config: HallConfig,
  counterId: CounterId,
  visit: (ticket: Ticket) => boolean,
): void {
  const counter = findCounter(config, counterId);
  if (!counter) return;
  const isPriority = (ticket: Ticket): boolean =>
    ticket.priorityGroupId !== null && isEligible(ticket, counter);
  const isNormal = (ticket: Ticket): boolean =>
    ticket.priorityGroupId === null && isEligible(ticket, counter);
  let priority = waitingInQueueOrder(state.tickets);
  let normal = priority;
  if (hasSharedQueueTime(priority)) {
    const compare = byQueueTime(counter);
    normal = priority.filter(isNormal).sort(compare);
    priority = priority.filter(isPriority).sort(compare);
  }
  /** The index of the first ticket at or after `from` that `wanted` takes (the list's length if none). */
  const seek = (list: readonly Ticket[], from: number, wanted: (ticket: Ticket) => boolean): number => {
    let index = from;
    while (index < list.length && !wanted(list[index]!)) index += 1;
    return index;
  };

  let streak = counterOf(state, counterId).priorityStreak;
  let p = seek(priority, 0, isPriority);
  let n = seek(normal, 0, isNormal);
  while (p < priority.length || n < normal.length) {
    const nextPriority = priority[p];
    const nextNormal = normal[n];
    const takeNormal =
      nextPriority === undefined ||
      (nextNormal !== undefined &&
        streak >= config.policy.priorityBound &&
        nextNormal.queuedAt < nextPriority.queuedAt);
    if (takeNormal && nextNormal !== undefined) {
      n = seek(normal, n + 1, isNormal);
      streak = 0;
      if (visit(nextNormal)) return;
    } else if (nextPriority !== undefined) {
      p = seek(priority, p + 1, isPriority);
      streak += 1;
      if (visit(nextPriority)) return;
    }
  }
}

/** The order in which this counter would call the waiting tickets it may serve (`walkCallOrder`). */
export function callOrder(state: QueueState, config: HallConfig, counterId: CounterId): Ticket[] {
  const order: Ticket[] = [];
  walkCallOrder(state, config, counterId, (ticket) => {
    order.push(ticket);
    return false;
  });
  return order;
}

/** Waiting tickets sent to one counter, and the others by service: who each counter may call, counted. */
interface EligibleCounts {
  readonly sentTo: ReadonlyMap<CounterId, number>;
  readonly byService: ReadonlyMap<ServiceId, number>;
}

/** The counts of a waiting list. */
const eligibleCounts = oncePerList((waiting): EligibleCounts => {
  const sentTo = new Map<CounterId, number>();
  const byService = new Map<ServiceId, number>();
  for (const ticket of waiting) {
    if (ticket.targetCounterId !== null)
      sentTo.set(ticket.targetCounterId, (sentTo.get(ticket.targetCounterId) ?? 0) + 1);
    else byService.set(ticket.serviceId, (byService.get(ticket.serviceId) ?? 0) + 1);
  }
  return { sentTo, byService };
});

/**
 * Where the newest visitor stands, without walking: a normal (not priority) ticket queued strictly after
 * every other waiting ticket is called after everyone else this counter may call (priority visitors first
 * anyway, and the fairness rule only lets a normal visitor who waited *longer* than a priority one go
 * first), so its position is how many others the counter may call. That is the ticket a kiosk has just
 * issued, whose wait estimate asks every counter that may call it. Undefined when the shortcut does not
 * apply (a priority ticket, a queue time shared with another ticket, any ticket but the newest).
 */
function positionOfNewest(
  state: QueueState,
  config: HallConfig,
  counterId: CounterId,
  ticketId: TicketId,
): number | undefined {
  const waiting = waitingInQueueOrder(state.tickets);
  const newest = waiting.at(-1);
  if (newest === undefined || newest.id !== ticketId || newest.priorityGroupId !== null) return undefined;
  const before = waiting.at(-2);
  if (before !== undefined && before.queuedAt >= newest.queuedAt) return undefined;
  const counter = findCounter(config, counterId);
  if (!counter || !isEligible(newest, counter)) return -1;
  const counts = eligibleCounts(waiting);
  let mayCall = counts.sentTo.get(counter.id) ?? 0;
  for (const serviceId of counter.serviceIds) mayCall += counts.byService.get(serviceId) ?? 0;
  return mayCall - 1;
}

/**
 * How many tickets this counter would call before `ticketId` (its index in `callOrder`, without building
 * the order), or -1 when the counter would never call it.
 */
export function positionInCallOrder(
  state: QueueState,
  config: HallConfig,
  counterId: CounterId,
  ticketId: TicketId,
): number {
  const newest = positionOfNewest(state, config, counterId, ticketId);
  if (newest !== undefined) return newest;
  let ahead = 0;
  let position = -1;
  walkCallOrder(state, config, counterId, (ticket) => {
    if (ticket.id === ticketId) {
      position = ahead;
      return true;
    }
    ahead += 1;
    return false;
  });
  return position;
}

/**
 * The ticket "call next" would take at this counter, if any: the first step of `walkCallOrder`, so the
 * fairness rule is written once. The walk stops there: two cursors to the first priority and the first
 * normal visitor (the lists are sorted only when two waiting tickets share a queue time).
 */
export function pickNext(state: QueueState, config: HallConfig, counterId: CounterId): Ticket | undefined {
  let next: Ticket | undefined;
  walkCallOrder(state, config, counterId, (ticket) => {
    next = ticket;
    return true;
  });
  return next;
}
