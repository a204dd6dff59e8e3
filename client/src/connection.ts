import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import type {
  Ack,
  ClientToServerEvents,
  DeviceStatus,
  ErrorCode,
  ServerToClientEvents,
  SessionEnded,
  Snapshot,
} from '@luot/shared/contracts';
import { PROTOCOL_VERSION, applyChanges } from '@luot/shared/contracts';
import type { HallConfig, QueueState } from '@luot/shared/domain';
import type { Identity } from '@luot/shared/contracts';

/** How long to wait before asking again for a snapshot refused by the server's budget. */
const SNAPSHOT_RETRY_MS = 3_000;

/** Our own reconnection's first wait and its cap (socket.io's own covers only a lost transport). */
const RECONNECT_FIRST_MS = 500;
const RECONNECT_MAX_MS = 5_000;

/**
 * How long to wait before reconnection attempt `attempt` (0 first): doubling from 0.5 s up to 5 s, each
 * wait drawn between half and all of that ("equal jitter"), so the devices of a hall whose server came
 * back do not all knock at the same instant. `random` is Math.random but for tests.
 */
export function reconnectDelayMs(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(RECONNECT_MAX_MS, RECONNECT_FIRST_MS * 2 ** Math.max(0, attempt));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** How the connection stands, for the UI's banner. */
export type ConnectionStatus =
  | 'connecting'
  | 'online'
  | 'offline'
  /** The token is unknown or revoked: the device must be paired again. */
  | 'unauthorized'
  /** The server speaks another protocol version: reload the app. */
  | 'mismatch';

/** Everything a screen renders from. Replaced (never mutated) on every change. */
export interface HallView {
  readonly status: ConnectionStatus;
  readonly state: QueueState | null;
  readonly config: HallConfig | null;
  readonly identity: Identity | null;
  /** Server time minus local time, from the last snapshot (for "waited 5 min" on a skewed PC). */
  readonly clockOffsetMs: number;
  /** The last clerk session notice (takeover, idle, moved). */
  readonly sessionEnded: SessionEnded | null;
  /** Managers: device statuses as they arrive. */
  readonly devices: Readonly<Record<string, DeviceStatus>>;
}

type EventName = keyof ClientToServerEvents;
type PayloadOf<E extends EventName> = Parameters<ClientToServerEvents[E]>[0];
type ResultOf<E extends EventName> = Parameters<Parameters<ClientToServerEvents[E]>[1]>[0];

/** A short random id; unique enough per device for idempotency. */
export function newRequestId(): string {
  const random =
    globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  return random.replace(/[^A-Za-z0-9_-]/g, '');
}

/** Options of a hall connection. */
export interface ConnectionOptions {
  readonly url: string;
  readonly token: string;
  /** How long one attempt at a command waits for its ack before retrying with the same requestId. */
  readonly ackTimeoutMs?: number;
  /** How long a command keeps retrying (while reconnecting) before it gives up. */
  readonly commandDeadlineMs?: number;
}

/**
 * One device's link to the hall server: keeps a replica of the queue by folding changes with the
 * shared `evolve`, resyncs on any version gap or reconnect, and sends commands that are safe to retry
 * (each carries one requestId through all its attempts, so a network blip never calls two tickets).
 */
export class HallConnection {
  private view: HallView = {
    status: 'connecting',
    state: null,
    config: null,
    identity: null,
    clockOffsetMs: 0,
    sessionEnded: null,
    devices: {},
  };
  private readonly listeners = new Set<(view: HallView) => void>();
  private readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  /** Set for good by `close()` and by a refusal that no retry can cure (token gone, other protocol). */
  private isStopped = false;
  private reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  /** Our reconnection attempts since the last snapshot (the back-off's exponent). */
  private reconnectAttempts = 0;

  constructor(private readonly options: ConnectionOptions) {
    this.socket = io(options.url, {
      auth: { token: options.token, protocolVersion: PROTOCOL_VERSION },
      transports: ['websocket', 'polling'],
      reconnectionDelay: 500,
      reconnectionDelayMax: 3_000,
      // An attempt that gets no answer (Wi-Fi dropped silently: the request vanishes) is given up after
      // this long, not socket.io's default 20 s: a link that comes back while an attempt hangs must be
      // used within 10 s (issue #7; e2e/test/display-network.test.ts). Opening takes milliseconds on a LAN.
      timeout: 4_000,
    });
    this.socket.on('connect', () => this.update({ status: 'connecting' }));
    this.socket.on('disconnect', () => {
      this.update({ status: 'offline' });
      this.reconnectIfAbandoned();
    });
    this.socket.on('connect_error', (error: Error & { data?: { code?: ErrorCode } }) => {
      const code = error.data?.code;
      if (code === 'UNAUTHORIZED') {
        this.stop();
        this.update({ status: 'unauthorized' });
      } else if (code === 'PROTOCOL_MISMATCH') {
        this.stop();
        this.update({ status: 'mismatch' });
      } else {
        this.update({ status: 'offline' });
        this.reconnectIfAbandoned();
      }
    });
    this.socket.on('hall:snapshot', (snapshot) => this.takeSnapshot(snapshot));
    this.socket.on('hall:changes', (changes) => {
      const state = this.view.state;
      if (!state) return;
      const result = applyChanges(state, changes);
      if (result.outcome === 'gap') this.resync();
      else if (result.outcome === 'applied') {
        this.update({ state: result.state });
        // The new configuration travels in a snapshot, not in the event.
        if (changes.events.some((event) => event.type === 'hall.configured')) this.resync();
      }
    });
    this.socket.on('session:ended', (notice) => this.update({ sessionEnded: notice }));
    this.socket.on('device:status', (status) =>
      this.update({ devices: { ...this.view.devices, [status.deviceId]: status } }),
    );
  }

  /** The current view. */
  get current(): HallView {
    return this.view;
  }

  /** Be told of every new view; returns the unsubscribe function. */
  subscribe(listener: (view: HallView) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Clear a session notice once the screen has shown it. */
  acknowledgeSessionEnded(): void {
    this.update({ sessionEnded: null });
  }

  /** Ask for a fresh snapshot (on a gap; also after a long sleep). */
  resync(): void {
    this.socket.emit('sync:snapshot', {}, (ack: Ack<Snapshot>) => {
      if (ack.ok) this.takeSnapshot(ack.value);
      // Snapshots have a budget per device (PROTOCOL.md §11): after a burst of gaps, ask again shortly
      // rather than wait for the next change to notice the gap.
      else if (ack.error.code === 'RATE_LIMITED') {
        setTimeout(() => {
          if (this.socket.connected) this.resync();
        }, SNAPSHOT_RETRY_MS);
      }
    });
  }

  /**
   * Send a command and resolve with its ack. While offline it waits and retries with the same
   * requestId until the deadline; then it resolves with a refusal rather than hanging the UI.
   */
  async send<E extends EventName>(event: E, payload: Omit<PayloadOf<E>, 'requestId'>): Promise<ResultOf<E>> {
    const body = { ...payload, requestId: newRequestId() } as PayloadOf<E>;
    const deadline = Date.now() + (this.options.commandDeadlineMs ?? 15_000);
    const timeout = this.options.ackTimeoutMs ?? 4_000;
    while (Date.now() < deadline) {
      if (this.socket.connected) {
        try {
          const emit = this.socket.timeout(timeout).emitWithAck.bind(this.socket.timeout(timeout)) as (
            name: string,
            data: unknown,
          ) => Promise<unknown>;
          return (await emit(event, body)) as ResultOf<E>;
        } catch {
          // No ack in time: the same requestId goes again; the server answers a repeat with the first result.
        }
      } else {
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
    return {
      ok: false,
      error: { code: 'INTERNAL', message: 'no answer from the hall server' },
    } as ResultOf<E>;
  }

  /** Close the link for good. */
  close(): void {
    this.stop();
    this.listeners.clear();
  }

  /** No more attempts: close the socket and forget a pending reconnection. */
  private stop(): void {
    this.isStopped = true;
    clearTimeout(this.reconnectTimer);
    this.reconnectTimer = undefined;
    this.socket.close();
  }

  /**
   * socket.io reconnects by itself after a lost transport (`socket.active` stays true), but not after a
   * disconnect by the server (`io server disconnect`: a revocation, an ended session, a server that
   * drops its sockets) nor after a handshake refused by its middleware (`RATE_LIMITED` while a restarted
   * hall is flooded with reconnections): those would leave a TV offline until someone reloads it. Here
   * we try again, with back-off; a revoked token is then refused at the handshake, which stops us.
   */
  private reconnectIfAbandoned(): void {
    if (this.isStopped || this.socket.active || this.reconnectTimer !== undefined) return;
    const delay = reconnectDelayMs(this.reconnectAttempts);
    this.reconnectAttempts += 1;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      if (!this.isStopped && !this.socket.active) this.socket.connect();
    }, delay);
  }

  private takeSnapshot(snapshot: Snapshot): void {
    this.reconnectAttempts = 0;
    this.update({
      status: 'online',
      state: snapshot.state,
      config: snapshot.config,
      identity: snapshot.identity,
      clockOffsetMs: snapshot.serverTime - Date.now(),
    });
  }

  private update(patch: Partial<HallView>): void {
    this.view = { ...this.view, ...patch };
    for (const listener of this.listeners) listener(this.view);
  }
}
