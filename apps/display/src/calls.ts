import type { CounterId, HallConfig, QueueState, ServiceId, Ticket, TicketId } from '@luot/shared/domain';
import { findCounter } from '@luot/shared/domain';

/**
 * One call of a ticket to a counter, as the display learns of it.
 *
 * The display sees the queue through its replica (`HallView.state`), not through the raw events, so a call
 * is found by comparing two states: a ticket whose `callCount` went up was called (or recalled). The pair
 * (ticket id, call count) names exactly one `ticket.called`/`ticket.recalled` event, because ticket ids are
 * never reused and the count only grows; that pair is the call's identity (`key`).
 */
export interface CallNotice {
  /** `<ticketId>#<callCount>`: one-to-one with the call event; the announcer's deduplication key. */
  readonly key: string;
  /**
   * The hall version of the state in which the display first saw the call. For a live change it is the
   * call event's own version (a call is always the last event of its command); for a call found in a
   * snapshot after a gap it is the snapshot's version.
   */
  readonly version: number;
  readonly ticketId: TicketId;
  readonly ticketNumber: string;
  readonly serviceId: ServiceId;
  readonly counterId: CounterId;
  readonly counterNumber: number;
  /** Server time of the (latest) call. */
  readonly calledAt: number;
  /** True for the second and later calls of a ticket. */
  readonly isRecall: boolean;
}

/** The identity of the latest call of a ticket. */
export const callKey = (ticket: Pick<Ticket, 'id' | 'callCount'>): string =>
  `${ticket.id}#${ticket.callCount}`;

/**
 * The calls that happened between two states of the replica, oldest first. `previous` is null on the
 * first snapshot after the page loaded: then every ticket still waiting at a counter ("called") is a
 * candidate, and the announcer decides from its memory and the call's age whether to speak it.
 *
 * Only tickets still in `called` count: one already being served (or finished) has reached the counter,
 * so a call the display missed while offline is not worth saying any more. Several missed calls of one
 * ticket (called, then recalled) collapse into its latest call: a missed call is said at most once.
 */
export function detectCalls(
  previous: QueueState | null,
  next: QueueState,
  config: HallConfig,
  isShown: (serviceId: ServiceId) => boolean,
): CallNotice[] {
  if (previous === next) return [];
  const calls: CallNotice[] = [];
  for (const ticket of Object.values(next.tickets)) {
    if (ticket.status !== 'called' || ticket.counterId === null || ticket.lastCalledAt === null) continue;
    const before = previous?.tickets[ticket.id];
    if (before !== undefined && before.callCount >= ticket.callCount) continue;
    if (!isShown(ticket.serviceId)) continue;
    const counter = findCounter(config, ticket.counterId);
    if (counter === undefined) continue;
    calls.push({
      key: callKey(ticket),
      version: next.version,
      ticketId: ticket.id,
      ticketNumber: ticket.number,
      serviceId: ticket.serviceId,
      counterId: ticket.counterId,
      counterNumber: counter.number,
      calledAt: ticket.lastCalledAt,
      isRecall: ticket.callCount > 1,
    });
  }
  return calls.sort((a, b) => a.calledAt - b.calledAt || a.ticketId - b.ticketId);
}
