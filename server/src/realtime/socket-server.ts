import type { Server as HttpServer, IncomingMessage } from 'node:http';
import { Server } from 'socket.io';
import type { Socket } from 'socket.io';
import type { ClientToServerEvents, Identity, ServerToClientEvents, WireError } from '@luot/shared/contracts';
import {
  EVENT_ROLES,
  MAX_CONFIG_PAYLOAD_BYTES,
  MAX_PAYLOAD_BYTES,
  PROTOCOL_VERSION,
  handshakeSchema,
} from '@luot/shared/contracts';
import type { DeviceId } from '@luot/shared/domain';
import { handleClientEvent, isClientEvent } from '../app/command-router.ts';
import { hallHostList, isHallHost, isHallOrigin } from '../app/hall-hosts.ts';
import type { LimitRefusal, SocketLimits } from '../app/limits.ts';
import { SocketLimiter } from '../app/limits.ts';
import type { HallService } from '../app/hall-service.ts';
import { ChangeFanout } from './change-fanout.ts';
import { OneFrameAdapter } from './one-frame-adapter.ts';
import type { Logger } from '../log.ts';

interface SocketData {
  identity: Identity;
  /** The credential it connected with, checked again before every command (it may have been revoked). */
  token: string;
}

type HallSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/** Realtime options; the heartbeat notices a dead device within pingInterval + pingTimeout. */
export interface RealtimeOptions {
  readonly pingIntervalMs?: number;
  readonly pingTimeoutMs?: number;
  /** Extra origins allowed besides the server's own (e.g. a kiosk app served elsewhere). */
  readonly allowedOrigins?: readonly string[];
  /** The hall's host names (`hallHostList`); a handshake naming another host is refused (DNS rebinding). */
  readonly allowedHosts?: readonly string[];
  /** Connections and costly events per device token and per address (default `SOCKET_LIMITS`). */
  readonly limits?: SocketLimits;
  /** The hall clock, for the limits' budgets (default Date.now). */
  readonly now?: () => number;
  /** Sockets a change is written to per turn of the event loop (default `FANOUT_SOCKETS_PER_TURN`). */
  readonly fanoutSocketsPerTurn?: number;
}

/** Rooms: every queue client, one per device (session notices), managers (device status). */
const QUEUE_ROOM = 'queue';
const MANAGER_ROOM = 'role:manager';
const deviceRoom = (deviceId: DeviceId): string => `device:${deviceId}`;

/** Anything above this closes the connection in engine.io; below it but above MAX_PAYLOAD_BYTES gets a clear refusal. */
const HARD_LIMIT_BYTES = 2 * MAX_CONFIG_PAYLOAD_BYTES;

function connectError(error: WireError): Error & { data: WireError } {
  return Object.assign(new Error(error.message), { data: error });
}

/**
 * Why a handshake's protocol version is not this server's (missing, malformed or another number), or
 * null when it is. Read as an own property only: a `__proto__` key in the auth object proves nothing.
 */
function protocolMismatch(auth: unknown): string | null {
  const offered =
    typeof auth === 'object' && auth !== null && Object.hasOwn(auth, 'protocolVersion')
      ? (auth as { protocolVersion: unknown }).protocolVersion
      : undefined;
  if (offered === PROTOCOL_VERSION) return null;
  if (offered === undefined) {
    return `send protocolVersion ${PROTOCOL_VERSION} in the handshake auth; reload the app`;
  }
  const shown = typeof offered === 'number' ? String(offered) : `a ${typeof offered}`;
  return `server speaks protocol ${PROTOCOL_VERSION}, client ${shown.slice(0, 40)}; reload the app`;
}

/**
 * Socket.IO on the hall server's own HTTP port. The handshake carries a device token and the protocol
 * version; both are checked before a connection is accepted. Each event is routed to the command
 * service; committed changes are written to every socket after the sender's ack, by the ChangeFanout.
 */
export function attachRealtime(
  httpServer: HttpServer,
  service: HallService,
  logger: Logger,
  options: RealtimeOptions = {},
): {
  io: Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
  close: () => Promise<void>;
  /** Check the credentials of a device's open connections again and drop those no longer valid. */
  revalidate: (deviceId: DeviceId) => Promise<void>;
  /** Run once every change so far has been written to every socket (ChangeFanout.whenDelivered). */
  whenDelivered: (then: () => void) => void;
} {
  const allowed = options.allowedOrigins ?? [];
  const hosts = options.allowedHosts ?? hallHostList(undefined);
  const limiter = new SocketLimiter(options.limits);
  const now = options.now ?? Date.now;
  const refusedByLimit = (refusal: NonNullable<LimitRefusal>): WireError => ({
    code: 'RATE_LIMITED',
    message:
      refusal.retryAt === null
        ? refusal.message
        : `${refusal.message}; try again in ${Math.max(1, Math.ceil((refusal.retryAt - now()) / 1_000))} s`,
  });
  const io = new Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>(
    httpServer,
    {
      pingInterval: options.pingIntervalMs ?? 5_000,
      pingTimeout: options.pingTimeoutMs ?? 5_000,
      maxHttpBufferSize: HARD_LIMIT_BYTES,
      serveClient: false,
      // Each broadcast's frame in one buffer: one write per socket (one-frame-adapter.ts).
      adapter: OneFrameAdapter,
      // Browsers from other sites must not drive a hall; devices without an Origin (Node, Electron main) may.
      // The Host must name the hall in every case: a rebound name (evil.example → the hall's address)
      // with a matching Origin is still another site.
      allowRequest: (request: IncomingMessage, callback) => {
        const origin = request.headers.origin;
        const host = request.headers.host;
        const isAccepted =
          isHallHost(host, hosts) && (origin === undefined || isHallOrigin(origin, host, hosts, allowed));
        if (!isAccepted) {
          logger.warn(
            {
              result: 'FORBIDDEN',
              address: request.socket.remoteAddress ?? null,
              host: host?.slice(0, 100) ?? null,
              origin: origin?.slice(0, 100) ?? null,
            },
            'socket handshake from another host refused',
          );
        }
        callback(null, isAccepted);
      },
    },
  );

  // One message encoded once per slice of sockets (each socket is in the room of its own id), or once
  // for the queue room, whose members are the fan-out's (both joined on connection, left on disconnect).
  const fanout = new ChangeFanout(
    (socketIds, changes) => io.to(socketIds ?? QUEUE_ROOM).emit('hall:changes', changes),
    options.fanoutSocketsPerTurn,
  );

  io.use((socket, next) => {
    // The protocol version is checked first and on its own: a client that sends none, or a malformed
    // one, is told PROTOCOL_MISMATCH (reload the app), never UNAUTHORIZED, which tells it to forget its token.
    const mismatch = protocolMismatch(socket.handshake.auth);
    if (mismatch !== null) {
      next(connectError({ code: 'PROTOCOL_MISMATCH', message: mismatch }));
      return;
    }
    // Limits per address before the token is even looked up: a flood of handshakes costs no query.
    const address = socket.handshake.address;
    const addressRefusal = limiter.admitAddress(address, now());
    if (addressRefusal !== null) {
      logger.warn({ result: 'RATE_LIMITED', address }, 'connection refused');
      next(connectError(refusedByLimit(addressRefusal)));
      return;
    }
    const handshake = handshakeSchema.safeParse(socket.handshake.auth);
    if (!handshake.success) {
      next(
        connectError({
          code: 'UNAUTHORIZED',
          message: 'send { token, protocolVersion } in the handshake auth',
        }),
      );
      return;
    }
    const identity = service.authenticate(handshake.data.token);
    if (!identity) {
      logger.warn({ result: 'UNAUTHORIZED', address: socket.handshake.address }, 'connection refused');
      next(
        connectError({
          code: 'UNAUTHORIZED',
          message: 'unknown or revoked device token; pair this device again',
        }),
      );
      return;
    }
    const deviceRefusal = limiter.admitDevice(identity.deviceId, address, identity.role === 'manager', now());
    if (deviceRefusal !== null) {
      logger.warn({ result: 'RATE_LIMITED', address, device: identity.deviceId }, 'connection refused');
      next(connectError(refusedByLimit(deviceRefusal)));
      return;
    }
    socket.data.identity = identity;
    socket.data.token = handshake.data.token;
    // Counted from now until the transport closes, whether or not the connection completes.
    socket.conn.once('close', limiter.opened(identity.deviceId, address));
    next();
  });

  io.on('connection', (socket: HallSocket) => {
    const identity = socket.data.identity;
    void socket.join([QUEUE_ROOM, deviceRoom(identity.deviceId)]);
    if (identity.role === 'manager') void socket.join(MANAGER_ROOM);
    service.deviceConnected(identity, {
      isSecure: socket.handshake.secure,
      address: socket.handshake.address,
    });
    logger.info({ role: identity.role, device: identity.deviceId, counter: identity.counterId }, 'connected');
    socket.emit('hall:snapshot', service.snapshot(identity));
    fanout.join(socket.id);

    // Garbage, unknown events and oversized payloads are answered (when there is an ack) and dropped.
    socket.use((packet, next) => {
      const [event, ...args] = packet as unknown[];
      const ack = args.at(-1);
      const answer = (error: WireError): void => {
        if (typeof ack === 'function') (ack as (result: unknown) => void)({ ok: false, error });
      };
      if (typeof event !== 'string' || !isClientEvent(event)) {
        answer({ code: 'VALIDATION_FAILED', message: `unknown event ${String(event).slice(0, 40)}` });
        return;
      }
      if (typeof ack !== 'function') return; // every command answers through its ack; no ack, no command
      // Costly events over their budget are refused before anything is read or written.
      const eventRefusal = limiter.admitEvent(event, identity.deviceId, socket.handshake.address, now());
      if (eventRefusal !== null) {
        answer(refusedByLimit(eventRefusal));
        return;
      }
      // A manager session signed out, expired or ended by a password change acts no more.
      if (!service.authenticate(socket.data.token)) {
        answer({ code: 'UNAUTHORIZED', message: 'this session or device token is no longer valid' });
        socket.disconnect(true);
        return;
      }
      if (args.length !== 2) {
        answer({ code: 'VALIDATION_FAILED', message: 'send exactly one payload and an ack' });
        return;
      }
      let size = 0;
      try {
        size = JSON.stringify(args[0] ?? null).length;
      } catch {
        answer({ code: 'VALIDATION_FAILED', message: 'payload is not JSON' });
        return;
      }
      const limit = event === 'config:update' ? MAX_CONFIG_PAYLOAD_BYTES : MAX_PAYLOAD_BYTES;
      if (size > limit) {
        answer({ code: 'PAYLOAD_TOO_LARGE', message: `payloads are limited to ${limit} bytes` });
        return;
      }
      next();
    });

    // Payloads arrive untyped whatever the contract says: the handler parses them, so listen untyped.
    const untyped = socket as unknown as {
      on(event: string, listener: (payload: unknown, ack: (result: unknown) => void) => void): void;
    };
    const listen = (event: keyof ClientToServerEvents): void => {
      untyped.on(event, (payload, ack) => {
        handleClientEvent(service, identity, event, payload).then(
          (result) => {
            // A refused sign-in names where it came from (the terminal and its address), never the PIN.
            if (event === 'clerk:sign-in' && !result.ok) {
              logger.warn(
                { result: result.error.code, device: identity.deviceId, address: socket.handshake.address },
                'clerk sign-in refused',
              );
            }
            ack(result);
          },
          (error: unknown) => {
            logger.error(
              {
                event,
                device: identity.deviceId,
                error: error instanceof Error ? error.message : String(error),
              },
              'unhandled',
            );
            ack({ ok: false, error: { code: 'INTERNAL', message: 'internal error; nothing was changed' } });
          },
        );
      });
    };
    for (const event of CLIENT_EVENTS) listen(event);

    socket.on('disconnect', (reason) => {
      fanout.leave(socket.id);
      service.deviceDisconnected(identity);
      logger.info({ role: identity.role, device: identity.deviceId, reason }, 'disconnected');
    });
  });

  const stopChanges = service.onChanges((changes) => fanout.publish(changes));
  // A session notice never overtakes a change written before it (as when every change was written at once).
  const stopSessions = service.onSessionEnded((deviceId, notice) =>
    fanout.whenDelivered(() => io.to(deviceRoom(deviceId)).emit('session:ended', notice)),
  );
  const stopDevices = service.onDeviceStatus((status) => io.to(MANAGER_ROOM).emit('device:status', status));
  // A revoked device is dropped at once, not at its next reconnect.
  const stopRevocations = service.onDeviceRevoked((deviceId) =>
    io.in(deviceRoom(deviceId)).disconnectSockets(true),
  );

  // Checking a console's session is not a use of it: it must not extend the session.
  const revalidate = async (deviceId: DeviceId): Promise<void> => {
    for (const socket of await io.in(deviceRoom(deviceId)).fetchSockets()) {
      if (!service.authenticate(socket.data.token, { slide: false })) socket.disconnect(true);
    }
  };

  return {
    io,
    revalidate,
    whenDelivered: (then) => fanout.whenDelivered(then),
    close: async () => {
      stopChanges();
      stopSessions();
      stopDevices();
      stopRevocations();
      fanout.close();
      await io.close();
    },
  };
}

/** Every client event, from the one role table of the contract (a new event cannot be forgotten here). */
const CLIENT_EVENTS = Object.keys(EVENT_ROLES) as (keyof typeof EVENT_ROLES)[];
