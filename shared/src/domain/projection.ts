import type { VersionedEvent } from './events.ts';
import type { TicketId } from './ids.ts';
import type { QueueState, Ticket } from './state.ts';

/** The tickets an event may change (a new day expires the open tickets it lists). */
export function ticketsTouchedBy(event: VersionedEvent): readonly TicketId[] {
  if (event.type === 'day.started') return event.expiredTicketIds;
  return 'ticketId' in event ? [event.ticketId] : [];
}

/**
 * Each ticket that events changed, as it is after them: what a ticket projection stores. A ticket that
 * left the state at a day's start expired there. The hall's SQLite projection and the province hub's
 * PostgreSQL one are both written from this, so they cannot disagree on a ticket's status.
 */
export function changedTickets(
  events: readonly VersionedEvent[],
  before: QueueState,
  after: QueueState,
): Ticket[] {
  const ids = new Set<TicketId>();
  for (const event of events) for (const id of ticketsTouchedBy(event)) ids.add(id);
  const changed: Ticket[] = [];
  for (const id of ids) {
    const now = after.tickets[id];
    const then = before.tickets[id];
    const ticket = now ?? (then ? { ...then, status: 'expired' as const } : undefined);
    if (ticket) changed.push(ticket);
  }
  return changed;
}
