import type { CounterConfig, HallConfig } from './config.ts';
import { findCounter } from './config.ts';
import type { CounterId } from './ids.ts';
import type { QueueState, Ticket } from './state.ts';
import { counterOf } from './state.ts';

/** Whether a waiting ticket may be called by this counter. */
export function isEligible(ticket: Ticket, counter: CounterConfig): boolean {
  if (ticket.status !== 'waiting') return false;
  if (ticket.targetCounterId !== null) return ticket.targetCounterId === counter.id;
  return counter.serviceIds.includes(ticket.serviceId);
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
 * The order in which this counter would call the waiting tickets it may serve, if nothing else
 * happened: priority groups first, except that after `priorityBound` priority calls in a row a normal
 * visitor who has waited longer than the next priority visitor is called. The head of the list is what
 * "call next" takes.
 */
export function callOrder(state: QueueState, config: HallConfig, counterId: CounterId): Ticket[] {
  const counter = findCounter(config, counterId);
  if (!counter) return [];
  const compare = byQueueTime(counter);
  const eligible = Object.values(state.tickets).filter((ticket) => isEligible(ticket, counter));
  const priority = eligible.filter((ticket) => ticket.priorityGroupId !== null).sort(compare);
  const normal = eligible.filter((ticket) => ticket.priorityGroupId === null).sort(compare);

  const order: Ticket[] = [];
  let streak = counterOf(state, counterId).priorityStreak;
  let p = 0;
  let n = 0;
  while (p < priority.length || n < normal.length) {
    const nextPriority = priority[p];
    const nextNormal = normal[n];
    const takeNormal =
      nextPriority === undefined ||
      (nextNormal !== undefined &&
        streak >= config.policy.priorityBound &&
        nextNormal.queuedAt < nextPriority.queuedAt);
    if (takeNormal && nextNormal !== undefined) {
      order.push(nextNormal);
      n += 1;
      streak = 0;
    } else if (nextPriority !== undefined) {
      order.push(nextPriority);
      p += 1;
      streak += 1;
    }
  }
  return order;
}

/** The ticket "call next" would take at this counter, if any. */
export function pickNext(state: QueueState, config: HallConfig, counterId: CounterId): Ticket | undefined {
  return callOrder(state, config, counterId)[0];
}
