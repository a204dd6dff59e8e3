import type { HallConfig } from '../domain/config.ts';
import type { Role, VersionedEvent } from '../domain/events.ts';
import type { ClerkId, CounterId, DeviceId } from '../domain/ids.ts';
import type { QueueState, Ticket } from '../domain/state.ts';
import type { WaitEstimate } from '../domain/wait-estimate.ts';
import type { PrinterState } from './schemas.ts';

/**
 * The device kinds a manager pairs; each is one role. There is no manager device: a manager connects
 * with the session of their console sign-in, which expires and ends with a password change (issue #15
 * removed the manager device token, which did neither).
 */
export const DEVICE_KINDS = ['kiosk', 'counter', 'feedback', 'display'] as const;
/** A device kind. */
export type DeviceKind = (typeof DEVICE_KINDS)[number];

/** Who a connection acts as: a paired device of one kind, or a manager's console session. */
export type ConnectionRole = Identity['role'];

/** Who this connection is, as the server sees it. */
export interface Identity {
  readonly role: Exclude<Role, 'system'>;
  readonly deviceId: DeviceId;
  readonly deviceName: string;
  /** The counter a counter terminal or feedback tablet is paired to. */
  readonly counterId: CounterId | null;
  /** The clerk signed in on this terminal, if any. */
  readonly clerkId: ClerkId | null;
}

/**
 * The whole picture a client needs, at one version. Sent on every (re)connect and on `sync:snapshot`;
 * afterwards the client folds `hall:changes` into `state` with the shared `evolve`.
 */
export interface Snapshot {
  readonly protocolVersion: number;
  readonly version: number;
  readonly serverTime: number;
  readonly state: QueueState;
  readonly config: HallConfig;
  readonly identity: Identity;
}

/**
 * Changes after a version: apply only if `fromVersion` is the version you hold, otherwise ask for a
 * snapshot (`sync:snapshot`). `events` are exactly versions fromVersion+1 … toVersion.
 */
export interface Changes {
  readonly fromVersion: number;
  readonly toVersion: number;
  readonly events: readonly VersionedEvent[];
}

/** What a command returns when it was carried out. */
export interface CommandOutcome {
  /** The hall version after the command (unchanged when it caused no event). */
  readonly version: number;
  readonly events: readonly VersionedEvent[];
}

/** What `ticket:issue` returns: everything the kiosk prints. */
export interface IssueOutcome extends CommandOutcome {
  readonly ticket: Ticket;
  /** The unguessable code of the ticket's public status page `/t/<code>`. */
  readonly publicCode: string;
  /**
   * Where the QR code points when not at the hall's own `/t/<publicCode>`: the province hub's status
   * page, given while the hall's link to a hub with a public address is up (absent otherwise).
   */
  readonly statusUrl?: string;
  readonly wait: WaitEstimate;
}

/** What `clerk:sign-in` returns. */
export interface SignInOutcome extends CommandOutcome {
  readonly clerkId: ClerkId;
  readonly counterId: CounterId;
}

/** A device as the manager sees it. */
export interface DeviceStatus {
  readonly deviceId: DeviceId;
  readonly kind: DeviceKind;
  readonly name: string;
  readonly counterId: CounterId | null;
  readonly isOnline: boolean;
  readonly lastSeenAt: number | null;
  /**
   * When the device was revoked (its token no longer works: it must be paired again), or null while it
   * may connect. A revoked device stays listed so the console can show what was cut off and when.
   */
  readonly revokedAt: number | null;
  /**
   * How the device's newest connection reaches the server (absent while offline): over TLS or plain
   * HTTP, and from which address. The console warns while staff devices use plain HTTP from another
   * machine (issue 15).
   */
  readonly transport?: { readonly isSecure: boolean; readonly isLoopback: boolean; readonly address: string };
  readonly printer: {
    readonly state: PrinterState;
    readonly detail: string | null;
    readonly at: number;
  } | null;
}

/** Why a server closed a clerk session on a terminal. */
export interface SessionEnded {
  readonly reason: 'takeover' | 'moved' | 'idle' | 'sign-out';
  readonly clerkId: ClerkId;
}

/** A one-time pairing code for a new device. */
export interface PairingCode {
  readonly code: string;
  readonly expiresAt: number;
}
