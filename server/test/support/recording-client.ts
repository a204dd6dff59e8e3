import { io as connect } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import type {
  Ack,
  ClientToServerEvents,
  ServerToClientEvents,
  Snapshot,
  WireError,
} from '@luot/shared/contracts';
import { PROTOCOL_VERSION } from '@luot/shared/contracts';
import type { DeviceId } from '@luot/shared/domain';
import type { OutcomeOf } from '../../src/app/command-router.ts';

/** What became of one command, as its sender saw it. */
export type Outcome<T> =
  | { readonly kind: 'ok'; readonly value: T }
  | { readonly kind: 'failed'; readonly error: WireError }
  /** The connection died before the ack: the command may or may not have been carried out. */
  | { readonly kind: 'unknown' };

/** The commands the crash test sends. */
export type TrackedEvent =
  'ticket:issue' | 'ticket:call-next' | 'ticket:start' | 'ticket:complete' | 'clerk:sign-in';

type PayloadOf<E extends TrackedEvent> = Omit<Parameters<ClientToServerEvents[E]>[0], 'requestId'>;

/** One history entry: invoked, then settled once. */
export interface OperationOf<E extends TrackedEvent> {
  /** Which server life (0 = first start) the command was sent to. */
  readonly life: number;
  readonly actor: string;
  readonly deviceId: DeviceId;
  readonly event: E;
  readonly requestId: string;
  /** What was sent besides the requestId, so that the command can be retried as it was. */
  readonly payload?: PayloadOf<E>;
  outcome: Outcome<OutcomeOf<E>> | 'pending';
}

/** Any history entry; narrow on `event` to read its typed outcome. */
export type Operation = { [E in TrackedEvent]: OperationOf<E> }[TrackedEvent];

/**
 * A protocol client that writes every command it sends into a shared history, like a Jepsen client:
 * the entry is added before the emit, and settles as ok / failed with the ack, or as unknown when the
 * socket disconnects first. Never reconnects: after a crash the test connects a new one.
 */
export class RecordingClient {
  private readonly pending = new Set<() => void>();
  private sent = 0;

  private constructor(
    private readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>,
    readonly snapshot: Snapshot,
    readonly actor: string,
    readonly deviceId: DeviceId,
    private readonly history: Operation[],
    private readonly requestPrefix: string,
  ) {
    socket.on('disconnect', () => {
      for (const settleUnknown of [...this.pending]) settleUnknown();
    });
  }

  /** Connect with a device token and wait for the first snapshot. */
  static async connect(
    url: string,
    device: { readonly deviceId: DeviceId; readonly token: string },
    actor: string,
    history: Operation[],
    requestPrefix: string,
  ): Promise<RecordingClient> {
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = connect(url, {
      auth: { token: device.token, protocolVersion: PROTOCOL_VERSION },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    const snapshot = await new Promise<Snapshot>((resolve, reject) => {
      socket.once('hall:snapshot', resolve);
      socket.once('connect_error', reject);
    });
    return new RecordingClient(socket, snapshot, actor, device.deviceId, history, requestPrefix);
  }

  get isConnected(): boolean {
    return this.socket.connected;
  }

  /** Send one command, recording it; resolves with its outcome (never rejects). */
  run<E extends TrackedEvent>(event: E, payload: PayloadOf<E>, life: number): Promise<Outcome<OutcomeOf<E>>> {
    this.sent += 1;
    return this.record(event, payload, `${this.requestPrefix}-${this.actor}-${this.sent}`, life);
  }

  /**
   * Send a command again with the requestId of an earlier one whose outcome was unknown, as a real
   * client does after a reconnect: the server must answer the stored result if the first attempt was
   * committed, or carry it out now if not. Recorded as a new history entry with the same requestId
   * (the audit keys on the requestId, so its settled outcome is the one that counts).
   */
  retry<E extends TrackedEvent>(earlier: OperationOf<E>, life: number): Promise<Outcome<OutcomeOf<E>>> {
    if (earlier.deviceId !== this.deviceId) throw new Error('retry a command from the device that sent it');
    if (!earlier.payload) throw new Error(`${earlier.requestId} has no recorded payload`);
    return this.record(earlier.event, earlier.payload, earlier.requestId, life);
  }

  private record<E extends TrackedEvent>(
    event: E,
    payload: PayloadOf<E>,
    requestId: string,
    life: number,
  ): Promise<Outcome<OutcomeOf<E>>> {
    const entry: OperationOf<E> = {
      life,
      actor: this.actor,
      deviceId: this.deviceId,
      event,
      requestId,
      payload,
      outcome: 'pending',
    };
    // TypeScript cannot see that OperationOf<E> is a member of the union for a generic E.
    this.history.push(entry as unknown as Operation);
    return new Promise((resolve) => {
      const settle = (outcome: Outcome<OutcomeOf<E>>): void => {
        if (entry.outcome !== 'pending') return;
        entry.outcome = outcome;
        this.pending.delete(settleUnknown);
        resolve(outcome);
      };
      const settleUnknown = (): void => settle({ kind: 'unknown' });
      if (!this.socket.connected) {
        settleUnknown();
        return;
      }
      this.pending.add(settleUnknown);
      const emit = this.socket.emit.bind(this.socket) as (
        name: string,
        body: unknown,
        ack: (result: Ack<OutcomeOf<E>>) => void,
      ) => void;
      emit(event, { ...payload, requestId: entry.requestId }, (ack) =>
        settle(ack.ok ? { kind: 'ok', value: ack.value } : { kind: 'failed', error: ack.error }),
      );
    });
  }

  close(): void {
    this.socket.close();
  }
}
