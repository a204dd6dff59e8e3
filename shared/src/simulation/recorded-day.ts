import type { DomainEvent } from '../domain/events.ts';
import type { CounterId, PriorityGroupId, ServiceId } from '../domain/ids.ts';

// What really happened on a business day, as the simulator needs it, read from the hall's own event
// log: every arrival (as it came: time, service, priority group), how its first visit to a counter went
// (called when, by which counter, how long the walk-up and the service took, or that the visitor did
// not come), and when each counter was open.

/** How a ticket's first visit to a counter ended (or that it never had one). */
export type VisitOutcome = 'served' | 'no-show' | 'transferred' | 'cancelled' | 'unserved';

/** One arrival of the day and its first visit. */
export interface RecordedTicket {
  /** The hall's ticket id. */
  readonly id: number;
  /** The service the visitor asked for at the kiosk (transfers later do not change it). */
  readonly serviceId: ServiceId;
  readonly priorityGroupId: PriorityGroupId | null;
  readonly issuedAt: number;
  readonly firstCalledAt: number | null;
  readonly firstCounterId: CounterId | null;
  /** Called → the clerk started serving (null when the visit never started). */
  readonly walkUpMs: number | null;
  /** Started (or called, when completed straight away) → completed or transferred away. */
  readonly serviceMs: number | null;
  /** Called → marked a no-show (null unless the first visit ended that way). */
  readonly noShowAfterMs: number | null;
  /** When the visitor left the queue without being called (a cancelled ticket), else null. */
  readonly leftAt: number | null;
  readonly outcome: VisitOutcome;
  /**
   * After this visit, how long the clerk took to call the next visitor while someone was waiting for
   * that counter (null when nobody was, or the counter called nobody after it).
   */
  readonly pauseAfterMs: number | null;
}

/** A stretch of time in which a counter was open and calling. */
export interface OpenSpan {
  readonly counterId: CounterId;
  readonly from: number;
  readonly to: number;
}

/** A business day as it really went. */
export interface RecordedDay {
  readonly businessDay: string;
  readonly tickets: readonly RecordedTicket[];
  readonly openSpans: readonly OpenSpan[];
  /** Counter → services as the hall's configuration had them that day (the last configuration seen). */
  readonly counterServices: Readonly<Record<string, readonly ServiceId[]>>;
  /** The hall's anti-starvation bound that day. */
  readonly priorityBound: number;
  /** The end of the day's activity (the last event), where simulated counters close at the latest. */
  readonly endsAt: number;
  /** Every clerk pause between a visit and the next call while someone was waiting (ms). */
  readonly pauses: readonly number[];
  /** How long a free counter took to call a visitor who arrived while it had nobody (ms). */
  readonly responses: readonly number[];
}

interface TicketDraft {
  id: number;
  serviceId: ServiceId;
  priorityGroupId: PriorityGroupId | null;
  issuedAt: number;
  firstCalledAt: number | null;
  firstCounterId: CounterId | null;
  startedAt: number | null;
  endedAt: number | null;
  outcome: VisitOutcome;
  leftAt: number | null;
}

/**
 * Fold a day's events (in version order) into what the simulator replays. `counterServices` and
 * `priorityBound` are the configuration in force (the caller passes the hall's configuration; a
 * `hall.configured` event during the day does not carry the whole configuration).
 */
export function recordDay(input: {
  readonly businessDay: string;
  readonly events: readonly DomainEvent[];
  readonly counterServices: Readonly<Record<string, readonly ServiceId[]>>;
  readonly priorityBound: number;
}): RecordedDay {
  const tickets = new Map<number, TicketDraft>();
  const openSince = new Map<string, number>();
  const spans: OpenSpan[] = [];
  /** Counters that opened, closed or called on this day. */
  const seen = new Set<string>();
  let endsAt = 0;
  const closeSpan = (counterId: CounterId, at: number): void => {
    seen.add(counterId);
    const from = openSince.get(counterId);
    if (from === undefined) return;
    openSince.delete(counterId);
    if (at > from) spans.push({ counterId, from, to: at });
  };
  const endVisit = (ticketId: number, at: number, outcome: VisitOutcome): void => {
    const ticket = tickets.get(ticketId);
    if (!ticket || ticket.endedAt !== null || ticket.firstCalledAt === null) return;
    ticket.endedAt = at;
    ticket.outcome = outcome;
  };
  let firstAt: number | null = null;
  for (const event of input.events) {
    firstAt ??= event.at;
    endsAt = Math.max(endsAt, event.at);
    switch (event.type) {
      case 'ticket.issued':
        tickets.set(event.ticketId, {
          id: event.ticketId,
          serviceId: event.serviceId,
          priorityGroupId: event.priorityGroupId,
          issuedAt: event.at,
          firstCalledAt: null,
          firstCounterId: null,
          startedAt: null,
          endedAt: null,
          outcome: 'unserved',
          leftAt: null,
        });
        break;
      case 'ticket.called': {
        // A counter left open across the rollover calls without an opening on this day: open since the
        // day's first event.
        if (!openSince.has(event.counterId))
          openSince.set(event.counterId, seen.has(event.counterId) ? event.at : (firstAt ?? event.at));
        seen.add(event.counterId);
        const ticket = tickets.get(event.ticketId);
        if (ticket && ticket.firstCalledAt === null) {
          ticket.firstCalledAt = event.at;
          ticket.firstCounterId = event.counterId;
        }
        break;
      }
      case 'ticket.started': {
        const ticket = tickets.get(event.ticketId);
        if (ticket && ticket.startedAt === null && ticket.endedAt === null) ticket.startedAt = event.at;
        break;
      }
      case 'ticket.completed':
        endVisit(event.ticketId, event.at, 'served');
        break;
      case 'ticket.no-show':
        endVisit(event.ticketId, event.at, 'no-show');
        break;
      case 'ticket.transferred':
        endVisit(event.ticketId, event.at, 'transferred');
        break;
      case 'ticket.cancelled': {
        const ticket = tickets.get(event.ticketId);
        if (ticket && ticket.firstCalledAt === null) {
          ticket.leftAt = event.at;
          ticket.outcome = 'cancelled';
        }
        break;
      }
      case 'counter.opened':
        seen.add(event.counterId);
        if (!openSince.has(event.counterId)) openSince.set(event.counterId, event.at);
        break;
      case 'counter.paused':
      case 'counter.closed':
      case 'clerk.signed-out':
        closeSpan(event.counterId, event.at);
        break;
      case 'day.started':
      case 'clerk.signed-in':
      case 'ticket.recalled':
      case 'ticket.returned':
      case 'ticket.print-recorded':
      case 'feedback.rated':
      case 'hall.configured':
        // Nothing the replay needs: a recall or a return is part of the visit already measured.
        break;
    }
  }
  for (const counterId of [...openSince.keys()]) closeSpan(counterId as CounterId, endsAt);
  const { pauseAfter, pauses, responses } = clerkRhythm([...tickets.values()], input.counterServices);
  return {
    businessDay: input.businessDay,
    tickets: [...tickets.values()]
      .sort((a, b) => a.issuedAt - b.issuedAt || a.id - b.id)
      .map((ticket) => {
        const hasVisit = ticket.firstCalledAt !== null && ticket.endedAt !== null;
        const visitStart = ticket.startedAt ?? ticket.firstCalledAt;
        return {
          id: ticket.id,
          serviceId: ticket.serviceId,
          priorityGroupId: ticket.priorityGroupId,
          issuedAt: ticket.issuedAt,
          firstCalledAt: ticket.firstCalledAt,
          firstCounterId: ticket.firstCounterId,
          walkUpMs:
            ticket.startedAt !== null && ticket.firstCalledAt !== null
              ? ticket.startedAt - ticket.firstCalledAt
              : ticket.outcome === 'served' || ticket.outcome === 'transferred'
                ? 0
                : null,
          serviceMs:
            hasVisit &&
            visitStart !== null &&
            (ticket.outcome === 'served' || ticket.outcome === 'transferred')
              ? ticket.endedAt! - visitStart
              : null,
          noShowAfterMs:
            ticket.outcome === 'no-show' && ticket.firstCalledAt !== null && ticket.endedAt !== null
              ? ticket.endedAt - ticket.firstCalledAt
              : null,
          leftAt: ticket.leftAt,
          outcome: ticket.firstCalledAt !== null && ticket.endedAt === null ? 'unserved' : ticket.outcome,
          pauseAfterMs: pauseAfter.get(ticket.id) ?? null,
        };
      }),
    openSpans: spans.sort((a, b) => a.from - b.from),
    counterServices: input.counterServices,
    priorityBound: input.priorityBound,
    endsAt,
    pauses,
    responses,
  };
}

/**
 * The clerks' rhythm, measured: between the end of one visit and the next call at the same counter,
 * either someone was waiting for that counter (a pause: paperwork, a word with the visitor) or nobody
 * was, and then the time from the next visitor's arrival to the call is how quickly a free clerk
 * noticed. The simulator's clerks keep both, so a replay keeps the day's pace.
 */
function clerkRhythm(
  tickets: readonly TicketDraft[],
  counterServices: Readonly<Record<string, readonly ServiceId[]>>,
): { pauseAfter: Map<number, number>; pauses: number[]; responses: number[] } {
  const pauseAfter = new Map<number, number>();
  const pauses: number[] = [];
  const responses: number[] = [];
  const visitsByCounter = new Map<string, TicketDraft[]>();
  for (const ticket of tickets) {
    if (ticket.firstCalledAt === null || ticket.firstCounterId === null) continue;
    const visits = visitsByCounter.get(ticket.firstCounterId) ?? [];
    visits.push(ticket);
    visitsByCounter.set(ticket.firstCounterId, visits);
  }
  for (const [counterId, visits] of visitsByCounter) {
    const served = new Set<string>(counterServices[counterId] ?? []);
    visits.sort((a, b) => a.firstCalledAt! - b.firstCalledAt!);
    for (let index = 0; index + 1 < visits.length; index += 1) {
      const visit = visits[index]!;
      const next = visits[index + 1]!;
      if (visit.endedAt === null || next.firstCalledAt! < visit.endedAt) continue;
      const end = visit.endedAt;
      const wasWaiting = tickets.some(
        (ticket) =>
          served.has(ticket.serviceId) &&
          ticket.issuedAt <= end &&
          (ticket.firstCalledAt === null || ticket.firstCalledAt > end) &&
          (ticket.leftAt === null || ticket.leftAt > end),
      );
      if (wasWaiting) {
        const pause = next.firstCalledAt! - end;
        pauseAfter.set(visit.id, pause);
        pauses.push(pause);
      } else if (next.issuedAt > end) responses.push(next.firstCalledAt! - next.issuedAt);
    }
  }
  return { pauseAfter, pauses, responses };
}
