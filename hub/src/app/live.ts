import type { LiveFigures } from '@luot/shared/contracts';
import type { QueueState } from '@luot/shared/domain';

export type { LiveFigures };

/**
 * The live figures of a hall's state. Its business day is the state's, or (before the hall's first
 * `day.started`, which a hall's very first day never has) the newest day of its tickets.
 */
export function liveFigures(state: QueueState): LiveFigures {
  const tickets = Object.values(state.tickets);
  let businessDay = state.businessDay;
  for (const ticket of tickets) if (ticket.businessDay > businessDay) businessDay = ticket.businessDay;
  let issued = 0;
  let called = 0;
  let served = 0;
  let noShow = 0;
  let waiting = 0;
  let oldestWaitingQueuedAt: number | null = null;
  for (const ticket of tickets) {
    if (ticket.status === 'waiting') {
      waiting += 1;
      if (oldestWaitingQueuedAt === null || ticket.queuedAt < oldestWaitingQueuedAt)
        oldestWaitingQueuedAt = ticket.queuedAt;
    }
    if (ticket.businessDay !== businessDay) continue;
    issued += 1;
    if (ticket.callCount > 0) called += 1;
    if (ticket.status === 'done') served += 1;
    if (ticket.status === 'no_show') noShow += 1;
  }
  const counters = Object.values(state.counters);
  return {
    businessDay,
    issued,
    called,
    served,
    noShow,
    waiting,
    countersOpen: counters.filter((counter) => counter.status === 'open').length,
    countersServing: counters.filter((counter) => counter.currentTicketId !== null).length,
    oldestWaitingQueuedAt,
  };
}
