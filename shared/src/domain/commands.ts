import type { HallConfig } from './config.ts';
import type { ClerkId, CounterId, PriorityGroupId, ProcedureId, ServiceId, TicketId } from './ids.ts';

/**
 * What someone asks the queue to do. The counter a command acts on comes from the sender's paired
 * device on the server, never from a payload the sender could forge.
 */
export type Command =
  | {
      readonly type: 'issue';
      readonly serviceId: ServiceId;
      readonly procedureId: ProcedureId | null;
      readonly priorityGroupId: PriorityGroupId | null;
    }
  | { readonly type: 'call-next'; readonly counterId: CounterId }
  | {
      readonly type: 'call-specific';
      readonly counterId: CounterId;
      readonly ticketId: TicketId;
      readonly reason: string;
    }
  | { readonly type: 'recall'; readonly counterId: CounterId }
  | { readonly type: 'start'; readonly counterId: CounterId }
  | { readonly type: 'complete'; readonly counterId: CounterId }
  | { readonly type: 'no-show'; readonly counterId: CounterId }
  | {
      readonly type: 'return';
      readonly ticketId: TicketId;
      /** Set when a counter sends it: that counter must serve the ticket's service. Null for a manager. */
      readonly counterId: CounterId | null;
    }
  | {
      readonly type: 'transfer';
      /** The ticket to move; a counter may move only its current ticket or one waiting in its services. */
      readonly ticketId: TicketId;
      /** Set when a counter sends it: the ticket must be that counter's. */
      readonly fromCounterId: CounterId | null;
      readonly toServiceId: ServiceId | null;
      readonly toCounterId: CounterId | null;
      readonly note: string | null;
    }
  | { readonly type: 'cancel'; readonly ticketId: TicketId; readonly reason: string }
  | { readonly type: 'open-counter'; readonly counterId: CounterId }
  | { readonly type: 'pause-counter'; readonly counterId: CounterId; readonly reason: string }
  | { readonly type: 'close-counter'; readonly counterId: CounterId }
  | { readonly type: 'sign-in'; readonly counterId: CounterId; readonly clerkId: ClerkId }
  | {
      readonly type: 'sign-out';
      readonly counterId: CounterId;
      /** `revoked`: the server ends the session of a terminal whose token was revoked. */
      readonly reason: 'sign-out' | 'idle' | 'revoked';
    }
  | {
      readonly type: 'record-print';
      readonly ticketId: TicketId;
      readonly isPrinted: boolean;
      readonly failure: string | null;
    }
  | {
      readonly type: 'rate';
      readonly ticketId: TicketId;
      readonly counterId: CounterId;
      readonly rating: number;
      readonly reasons: readonly string[];
    }
  /** The server's clock reached the rollover hour: start the new business day even if nobody acts. */
  | { readonly type: 'roll-day' }
  /** A manager replaces the hall configuration; it takes effect as soon as it is recorded. */
  | { readonly type: 'configure'; readonly config: HallConfig };

/** The type tag of a command. */
export type CommandType = Command['type'];
