import type { VersionedEvent } from './events.ts';
import type { CounterId, TicketId } from './ids.ts';
import type { CounterState, QueueState, Ticket } from './state.ts';
import { RECENT_SERVICE_TIMES, counterOf, isOpenTicket, waitingTicket } from './state.ts';
import { withTicketIn } from './policy.ts';

function withTicket(state: QueueState, id: TicketId, change: (ticket: Ticket) => Ticket): QueueState {
  const ticket = state.tickets[id];
  // A client that joined after the day's finished tickets were pruned may not know an old ticket.
  if (!ticket) return state;
  return { ...state, tickets: withTicketIn(state.tickets, change(ticket)) };
}

function withCounter(
  state: QueueState,
  id: CounterId,
  change: (counter: CounterState) => CounterState,
): QueueState {
  return { ...state, counters: { ...state.counters, [id]: change(counterOf(state, id)) } };
}

/** Free the counter that held this ticket, if any. */
function releaseCounterOf(state: QueueState, ticketId: TicketId): QueueState {
  // A loop over the map rather than a list of its values: this runs for every visit that ends.
  for (const id in state.counters) {
    const holder = state.counters[id];
    if (holder?.currentTicketId === ticketId)
      return withCounter(state, holder.id, (counter) => ({ ...counter, currentTicketId: null }));
  }
  return state;
}

/**
 * Fold one event into the state. Pure and total: the server and every client run exactly this, so
 * they agree on the state for a version. Events are facts that were already decided; evolve never refuses.
 */
export function evolve(state: QueueState, event: VersionedEvent): QueueState {
  const next = apply(state, event);
  return { ...next, version: event.version };
}

function apply(state: QueueState, event: VersionedEvent): QueueState {
  switch (event.type) {
    case 'day.started': {
      // Open tickets of the previous day expire; finished ones leave memory (storage keeps them).
      const tickets: Record<number, Ticket> = {};
      for (const ticket of Object.values(state.tickets)) {
        if (event.expiredTicketIds.includes(ticket.id)) continue;
        if (ticket.businessDay === event.businessDay || isOpenTicket(ticket)) tickets[ticket.id] = ticket;
      }
      const counters: Record<string, CounterState> = {};
      for (const counter of Object.values(state.counters)) {
        counters[counter.id] = {
          ...counter,
          currentTicketId: null,
          lastCompletedTicketId: null,
          priorityStreak: 0,
        };
      }
      return { ...state, businessDay: event.businessDay, tickets, counters, lastSequence: {} };
    }
    case 'ticket.issued': {
      const ticket = waitingTicket({
        id: event.ticketId,
        number: event.number,
        sequence: event.sequence,
        serviceId: event.serviceId,
        businessDay: event.businessDay,
        priorityGroupId: event.priorityGroupId,
        procedureId: event.procedureId,
        issuedAt: event.at,
        kioskId: event.kioskId,
      });
      return {
        ...state,
        nextTicketId: Math.max(state.nextTicketId, event.ticketId + 1),
        tickets: withTicketIn(state.tickets, ticket),
        lastSequence: { ...state.lastSequence, [event.serviceId]: event.sequence },
      };
    }
    case 'ticket.called': {
      const ticket = state.tickets[event.ticketId];
      const isPriority = ticket?.priorityGroupId != null;
      const called = withTicket(state, event.ticketId, (t) => ({
        ...t,
        status: 'called',
        counterId: event.counterId,
        targetCounterId: null,
        clerkId: event.clerkId,
        calledAt: event.at,
        lastCalledAt: event.at,
        lastCalledCounterId: event.counterId,
        callCount: t.callCount + 1,
        recallCount: 0,
        isCalledOutOfOrder: t.isCalledOutOfOrder || event.isOutOfOrder,
      }));
      return withCounter(called, event.counterId, (counter) => ({
        ...counter,
        currentTicketId: event.ticketId,
        // Only the policy's own picks count towards the bound; an out-of-order call leaves it alone.
        priorityStreak: event.isOutOfOrder
          ? counter.priorityStreak
          : isPriority
            ? counter.priorityStreak + 1
            : 0,
      }));
    }
    case 'ticket.recalled':
      // `calledAt` stays the first call of this turn: waits are measured to when the visitor was first called.
      return withTicket(state, event.ticketId, (t) => ({
        ...t,
        lastCalledAt: event.at,
        callCount: t.callCount + 1,
        recallCount: t.recallCount + 1,
      }));
    case 'ticket.started':
      return withTicket(state, event.ticketId, (t) => ({ ...t, status: 'serving', startedAt: event.at }));
    case 'ticket.completed': {
      const ticket = state.tickets[event.ticketId];
      // The service began serviceMs before the end (at the call, when the clerk never pressed start).
      const done = withTicket(state, event.ticketId, (t) => ({
        ...t,
        status: 'done',
        startedAt: event.at - event.serviceMs,
        completedAt: event.at,
      }));
      const withTimes = ticket
        ? {
            ...done,
            serviceTimes: {
              ...done.serviceTimes,
              [ticket.serviceId]: [...(done.serviceTimes[ticket.serviceId] ?? []), event.serviceMs].slice(
                -RECENT_SERVICE_TIMES,
              ),
            },
          }
        : done;
      return withCounter(withTimes, event.counterId, (counter) => ({
        ...counter,
        currentTicketId: counter.currentTicketId === event.ticketId ? null : counter.currentTicketId,
        lastCompletedTicketId: event.ticketId,
      }));
    }
    case 'ticket.no-show': {
      const missed = withTicket(state, event.ticketId, (t) => ({
        ...t,
        status: 'no_show',
        noShowAt: event.at,
      }));
      return releaseCounterOf(missed, event.ticketId);
    }
    case 'ticket.returned':
      return withTicket(state, event.ticketId, (t) => ({
        ...t,
        status: 'waiting',
        counterId: null,
        noShowAt: null,
      }));
    case 'ticket.transferred': {
      const released = releaseCounterOf(state, event.ticketId);
      // The next counter starts afresh: no call, no start, the full recall allowance. The latest call
      // (`lastCalledAt`, `lastCalledCounterId`) stays, so the display can list it as transferred.
      return withTicket(released, event.ticketId, (t) => ({
        ...t,
        status: 'waiting',
        serviceId: event.toServiceId,
        counterId: null,
        targetCounterId: event.toCounterId,
        calledAt: null,
        startedAt: null,
        recallCount: 0,
        transferCount: t.transferCount + 1,
        lastTransfer: {
          at: event.at,
          fromServiceId: event.fromServiceId,
          fromCounterId: event.fromCounterId,
          note: event.note,
        },
      }));
    }
    case 'ticket.cancelled':
      return withTicket(releaseCounterOf(state, event.ticketId), event.ticketId, (t) => ({
        ...t,
        status: 'cancelled',
      }));
    case 'ticket.print-recorded':
      return withTicket(state, event.ticketId, (t) => ({ ...t, printState: event.printState }));
    case 'counter.opened':
      return withCounter(state, event.counterId, (counter) => ({
        ...counter,
        status: 'open',
        pauseReason: null,
      }));
    case 'counter.paused':
      return withCounter(state, event.counterId, (counter) => ({
        ...counter,
        status: 'paused',
        pauseReason: event.reason,
      }));
    case 'counter.closed':
      return withCounter(state, event.counterId, (counter) => ({
        ...counter,
        status: 'closed',
        pauseReason: null,
      }));
    case 'clerk.signed-in':
      return withCounter(state, event.counterId, (counter) => ({ ...counter, clerkId: event.clerkId }));
    case 'clerk.signed-out':
      return withCounter(state, event.counterId, (counter) => ({
        ...counter,
        clerkId: counter.clerkId === event.clerkId ? null : counter.clerkId,
      }));
    case 'hall.configured':
      // Configuration is not queue state: clients fetch the new one with a snapshot.
      return state;
    case 'feedback.rated':
      return withCounter(
        withTicket(state, event.ticketId, (t) => ({ ...t, isRated: true })),
        event.counterId,
        (counter) => ({
          ...counter,
          lastCompletedTicketId:
            counter.lastCompletedTicketId === event.ticketId ? null : counter.lastCompletedTicketId,
        }),
      );
  }
}

/** Fold many events, in order. */
export const evolveAll = (state: QueueState, events: readonly VersionedEvent[]): QueueState =>
  events.reduce(evolve, state);
