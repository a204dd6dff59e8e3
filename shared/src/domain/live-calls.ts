import type { ServiceId } from './ids.ts';
import type { QueueState, Ticket } from './state.ts';
import { counterOf } from './state.ts';

/**
 * Whether a ticket's latest call still stands: the ticket is called or being served, and the counter
 * it was called to still holds it and is open with a clerk. A call ends when the ticket is done,
 * transferred, marked absent, or when its counter pauses or closes (a closed counter invites nobody).
 */
export function isLiveCall(state: QueueState, ticket: Ticket): boolean {
  if (ticket.status !== 'called' && ticket.status !== 'serving') return false;
  if (ticket.counterId === null || ticket.lastCalledAt === null) return false;
  const counter = counterOf(state, ticket.counterId);
  return counter.currentTicketId === ticket.id && counter.status === 'open' && counter.clerkId !== null;
}

/**
 * The call the hall display features: the newest live call ({@link isLiveCall}) of the services it
 * shows, newest by its latest call or recall; ties go to the ticket issued later. Undefined when no call
 * is live: the display then shows a calm empty state, never an older call that is over.
 */
export function featuredCall(
  state: QueueState,
  isShown: (serviceId: ServiceId) => boolean = () => true,
): Ticket | undefined {
  let featured: Ticket | undefined;
  for (const ticket of Object.values(state.tickets)) {
    if (!isShown(ticket.serviceId) || !isLiveCall(state, ticket)) continue;
    if (
      featured === undefined ||
      (ticket.lastCalledAt ?? 0) > (featured.lastCalledAt ?? 0) ||
      (ticket.lastCalledAt === featured.lastCalledAt && ticket.id > featured.id)
    ) {
      featured = ticket;
    }
  }
  return featured;
}
