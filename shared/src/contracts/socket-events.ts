import type { Ack } from './errors.ts';
import type { ConfigUpdatePayload } from './config-schema.ts';
import type {
  Changes,
  CommandOutcome,
  DeviceStatus,
  IssueOutcome,
  PairingCode,
  SessionEnded,
  SignInOutcome,
  Snapshot,
} from './messages.ts';
import type {
  CallSpecificPayload,
  CancelTicketPayload,
  CounterActionPayload,
  CreatePairingPayload,
  IssueTicketPayload,
  PauseCounterPayload,
  PrintResultPayload,
  PrinterStatusPayload,
  RatePayload,
  ReturnTicketPayload,
  RevokeDevicePayload,
  SignInPayload,
  SignOutPayload,
  TransferTicketPayload,
} from './schemas.ts';

type Command<P, R> = (payload: P, ack: (result: Ack<R>) => void) => void;

/**
 * Client → server. Every command is `noun:verb`, carries a `requestId`, and answers through its ack
 * with `Ack<…>`. Which role may send which event is listed in docs/PROTOCOL.md and enforced by the server.
 */
export interface ClientToServerEvents {
  'ticket:issue': Command<IssueTicketPayload, IssueOutcome>;
  'ticket:call-next': Command<CounterActionPayload, CommandOutcome>;
  'ticket:call': Command<CallSpecificPayload, CommandOutcome>;
  'ticket:recall': Command<CounterActionPayload, CommandOutcome>;
  'ticket:start': Command<CounterActionPayload, CommandOutcome>;
  'ticket:complete': Command<CounterActionPayload, CommandOutcome>;
  'ticket:no-show': Command<CounterActionPayload, CommandOutcome>;
  'ticket:return': Command<ReturnTicketPayload, CommandOutcome>;
  'ticket:transfer': Command<TransferTicketPayload, CommandOutcome>;
  'ticket:cancel': Command<CancelTicketPayload, CommandOutcome>;
  'ticket:print-result': Command<PrintResultPayload, CommandOutcome>;
  'counter:open': Command<CounterActionPayload, CommandOutcome>;
  'counter:pause': Command<PauseCounterPayload, CommandOutcome>;
  'counter:close': Command<CounterActionPayload, CommandOutcome>;
  'clerk:sign-in': Command<SignInPayload, SignInOutcome>;
  'clerk:sign-out': Command<SignOutPayload, CommandOutcome>;
  'feedback:rate': Command<RatePayload, CommandOutcome>;
  'printer:status': Command<PrinterStatusPayload, { readonly recorded: true }>;
  'sync:snapshot': Command<Record<string, never>, Snapshot>;
  'config:update': Command<ConfigUpdatePayload, CommandOutcome>;
  'device:create-pairing': Command<CreatePairingPayload, PairingCode>;
  'device:revoke': Command<RevokeDevicePayload, { readonly revoked: true }>;
  'device:list': Command<Record<string, never>, readonly DeviceStatus[]>;
}

/** The names of all client → server events. */
export type ClientEventName = keyof ClientToServerEvents;

/** Server → client. */
export interface ServerToClientEvents {
  /** Sent right after connect, before any change. */
  'hall:snapshot': (snapshot: Snapshot) => void;
  /** Every committed change, in version order, to the rooms that may see it. */
  'hall:changes': (changes: Changes) => void;
  /** This terminal's clerk session was ended elsewhere (takeover, idle, moved). */
  'session:ended': (notice: SessionEnded) => void;
  /** Managers only: a device came online, went offline or reported its printer. */
  'device:status': (status: DeviceStatus) => void;
}
