import type {
  ClerkId,
  CounterId,
  DeviceId,
  PriorityGroupId,
  ProcedureId,
  ServiceId,
  TicketId,
} from './ids.ts';
import type { PrintState } from './state.ts';

/** Who may send what; the server derives it from the device token and the clerk session. */
export const ROLES = ['kiosk', 'counter', 'feedback', 'display', 'manager', 'system'] as const;
/** A sender's role. */
export type Role = (typeof ROLES)[number];

/** Who caused an event. */
export interface Actor {
  readonly role: Role;
  readonly deviceId: DeviceId | null;
  readonly clerkId: ClerkId | null;
}

/** Fields every event has. */
interface EventBase {
  /** Epoch ms on the server when it was decided. */
  readonly at: number;
  readonly by: Actor;
}

/**
 * Why a clerk session ended: the clerk signed out, another clerk took the counter, the terminal was idle,
 * the clerk signed in at another counter, or the terminal holding the session was revoked.
 */
export const SIGN_OUT_REASONS = ['sign-out', 'takeover', 'idle', 'moved', 'revoked'] as const;
/** Why a clerk session ended. */
export type SignOutReason = (typeof SIGN_OUT_REASONS)[number];

/** Every domain event, past tense. The union is closed: `evolve` switches over all of it. */
export type DomainEvent = EventBase &
  (
    | {
        readonly type: 'day.started';
        readonly businessDay: string;
        readonly expiredTicketIds: readonly TicketId[];
      }
    | {
        readonly type: 'ticket.issued';
        readonly ticketId: TicketId;
        readonly number: string;
        readonly sequence: number;
        readonly serviceId: ServiceId;
        readonly businessDay: string;
        readonly priorityGroupId: PriorityGroupId | null;
        readonly procedureId: ProcedureId | null;
        readonly kioskId: DeviceId | null;
      }
    | {
        readonly type: 'ticket.called';
        readonly ticketId: TicketId;
        readonly counterId: CounterId;
        readonly clerkId: ClerkId | null;
        /** Called out of order by the clerk ("gọi số cụ thể"), with the reason. */
        readonly isOutOfOrder: boolean;
        readonly reason: string | null;
      }
    | { readonly type: 'ticket.recalled'; readonly ticketId: TicketId; readonly counterId: CounterId }
    | { readonly type: 'ticket.started'; readonly ticketId: TicketId; readonly counterId: CounterId }
    | {
        readonly type: 'ticket.completed';
        readonly ticketId: TicketId;
        readonly counterId: CounterId;
        readonly serviceMs: number;
      }
    | {
        readonly type: 'ticket.no-show';
        readonly ticketId: TicketId;
        readonly counterId: CounterId;
        /** True when the recall limit, not the clerk, decided it. */
        readonly isAutomatic: boolean;
      }
    | { readonly type: 'ticket.returned'; readonly ticketId: TicketId }
    | {
        readonly type: 'ticket.transferred';
        readonly ticketId: TicketId;
        readonly fromServiceId: ServiceId;
        readonly toServiceId: ServiceId;
        readonly fromCounterId: CounterId | null;
        readonly toCounterId: CounterId | null;
        readonly note: string | null;
      }
    | { readonly type: 'ticket.cancelled'; readonly ticketId: TicketId; readonly reason: string }
    | {
        readonly type: 'ticket.print-recorded';
        readonly ticketId: TicketId;
        readonly printState: Exclude<PrintState, 'pending'>;
        readonly failure: string | null;
      }
    | { readonly type: 'counter.opened'; readonly counterId: CounterId }
    | { readonly type: 'counter.paused'; readonly counterId: CounterId; readonly reason: string }
    | { readonly type: 'counter.closed'; readonly counterId: CounterId }
    | { readonly type: 'clerk.signed-in'; readonly counterId: CounterId; readonly clerkId: ClerkId }
    | {
        readonly type: 'clerk.signed-out';
        readonly counterId: CounterId;
        readonly clerkId: ClerkId;
        readonly reason: SignOutReason;
      }
    | {
        /** The configuration changed (the new one is in the snapshot; `changes` is for the audit log). */
        readonly type: 'hall.configured';
        readonly changes: readonly string[];
      }
    | {
        readonly type: 'feedback.rated';
        readonly ticketId: TicketId;
        readonly counterId: CounterId;
        readonly clerkId: ClerkId | null;
        readonly rating: number;
        readonly reasons: readonly string[];
      }
  );

/** The type tag of a domain event. */
export type DomainEventType = DomainEvent['type'];

/** An event as stored and sent: stamped with its hall-wide version. */
export type VersionedEvent = DomainEvent & { readonly version: number };
