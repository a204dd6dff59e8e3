import type { HallConfig, LocalizedText } from '../domain/config.ts';
import { findCounter, findService } from '../domain/config.ts';
import type { Ticket, TicketStatus } from '../domain/state.ts';
import type { QueueState } from '../domain/state.ts';
import { estimateWait } from '../domain/wait-estimate.ts';

/**
 * What `GET /api/tickets/<code>` tells a visitor about their own ticket: its number, state and counter,
 * and only counts about anybody else. The public status page (`/t/<code>`) parses exactly this, from
 * the hall server or from the province hub (which answers from the shipped events, with `asOf`).
 */
export interface PublicTicketStatus {
  readonly number: string;
  readonly status: TicketStatus;
  /** The service it is in now (after a transfer, the new one). */
  readonly service: LocalizedText | null;
  /** The counter that called or serves it. */
  readonly counter: { readonly number: number; readonly name: LocalizedText } | null;
  /** While waiting: people the counters will call first (the fewest and the most, see `estimateWait`). */
  readonly peopleAhead: number | null;
  readonly peopleAheadMax: number | null;
  readonly waitMinutes: { readonly min: number; readonly max: number } | null;
  /** Set while it waits after being transferred: where it was sent. */
  readonly transfer: {
    readonly toService: LocalizedText | null;
    /** The one counter it was sent to, if the clerk chose one. */
    readonly toCounter: number | null;
  } | null;
  readonly issuedAt: number;
  readonly calledAt: number | null;
  readonly hallName: string;
  readonly version: number;
  /**
   * Only from the province hub (docs/HUB.md): epoch ms up to which its copy of the hall is complete; the
   * page shows it as its update time. The hall itself is always current and leaves it out.
   */
  readonly asOf?: number | null;
}

/** Whether the ticket is waiting because it was just transferred (not yet called since). */
function isWaitingAfterTransfer(ticket: Ticket): boolean {
  return (
    ticket.status === 'waiting' &&
    ticket.lastTransfer !== null &&
    (ticket.lastCalledAt === null || ticket.lastTransfer.at >= ticket.lastCalledAt)
  );
}

/** The public status of one ticket, from the hall's state and configuration. */
export function describePublicTicket(
  state: QueueState,
  config: HallConfig,
  ticket: Ticket,
): PublicTicketStatus {
  const service = findService(config, ticket.serviceId);
  const counter = ticket.counterId === null ? undefined : findCounter(config, ticket.counterId);
  const wait = ticket.status === 'waiting' ? estimateWait(state, config, ticket.serviceId, ticket.id) : null;
  const target = ticket.targetCounterId === null ? undefined : findCounter(config, ticket.targetCounterId);
  return {
    number: ticket.number,
    status: ticket.status,
    service: service?.name ?? null,
    counter: counter ? { number: counter.number, name: counter.name } : null,
    peopleAhead: wait?.peopleAhead ?? null,
    peopleAheadMax: wait?.peopleAheadMax ?? null,
    waitMinutes: wait?.minutes ?? null,
    transfer: isWaitingAfterTransfer(ticket)
      ? { toService: service?.name ?? null, toCounter: target?.number ?? null }
      : null,
    issuedAt: ticket.issuedAt,
    calledAt: ticket.calledAt,
    hallName: config.hall.name,
    version: state.version,
  };
}
