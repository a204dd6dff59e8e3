import type { HallConfig, LocalizedText, QueueState, Ticket, TicketStatus } from '../domain/index.ts';
import { estimateWait, findCounter, findService } from '../domain/index.ts';

/**
 * What `GET /api/tickets/<code>` answers about one ticket: this ticket and counts, nothing about other
 * visitors. The hall server and the province hub answer with the same shape (the same status page
 * reads both); the hub adds `asOf`, the time of the newest event it holds from the hall.
 */
export interface PublicTicketStatus {
  readonly number: string;
  readonly status: TicketStatus;
  readonly service: LocalizedText | null;
  readonly counter: { readonly number: number; readonly name: LocalizedText } | null;
  readonly peopleAhead: number | null;
  readonly waitMinutes: { readonly min: number; readonly max: number } | null;
  readonly issuedAt: number;
  readonly calledAt: number | null;
  readonly hallName: string;
  readonly version: number;
  /** Only from the hub: epoch ms of the newest hall event it holds (the page says how fresh it is). */
  readonly asOf?: number | null;
}

/** The public view of a ticket, from a hall's state and configuration (the ticket as stored if it left the state). */
export function publicTicketStatus(
  state: QueueState,
  config: HallConfig,
  stored: Ticket,
): PublicTicketStatus {
  const ticket = state.tickets[stored.id] ?? stored;
  const service = findService(config, ticket.serviceId);
  const counter = ticket.counterId === null ? undefined : findCounter(config, ticket.counterId);
  const wait = ticket.status === 'waiting' ? estimateWait(state, config, ticket.serviceId, ticket.id) : null;
  return {
    number: ticket.number,
    status: ticket.status,
    service: service?.name ?? null,
    counter: counter ? { number: counter.number, name: counter.name } : null,
    peopleAhead: wait?.peopleAhead ?? null,
    waitMinutes: wait?.minutes ?? null,
    issuedAt: ticket.issuedAt,
    calledAt: ticket.calledAt,
    hallName: config.hall.name,
    version: state.version,
  };
}
