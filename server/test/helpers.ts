import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { io as connect } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import type {
  Ack,
  Changes,
  ClientToServerEvents,
  ConnectionRole,
  Identity,
  ServerToClientEvents,
  Snapshot,
} from '@luot/shared/contracts';
import { PROTOCOL_VERSION, applyChanges } from '@luot/shared/contracts';
import type { CounterId, QueueState } from '@luot/shared/domain';
import { asDeviceId } from '@luot/shared/domain';
import type { HallServer, HallServerOptions } from '../src/hall-server.ts';
import { startHallServer } from '../src/hall-server.ts';
import { silentLogger } from '../src/log.ts';

/** Who acts from the console in app-layer calls (a revocation, as the console's route and socket event make it). */
export const CONSOLE: Identity = {
  role: 'manager',
  deviceId: asDeviceId('mgr_1'),
  deviceName: 'Quản lý',
  counterId: null,
  clerkId: null,
};

/** A typed Socket.IO client of the hall protocol. */
export type HallClient = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A fresh temporary data folder, removed by the returned cleanup. */
export function tempDataDir(prefix = 'luot-test-'): { dir: string; remove: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Start a real hall server on port 0 with a real SQLite file in a temp folder. */
export async function startTestHall(
  options: Partial<HallServerOptions> = {},
): Promise<HallServer & { dataDir: string; dispose: () => Promise<void> }> {
  const data = options.dataDir ? { dir: options.dataDir, remove: () => {} } : tempDataDir();
  const server = await startHallServer({
    dataDir: data.dir,
    port: 0,
    host: '127.0.0.1',
    logger: silentLogger,
    kioskIssueLimit: { burst: 10_000, perMinute: 100_000 },
    // Tests build on the demo hall (clerks canbo1…8 with PIN 1234, manager admin/admin) unless they say
    // otherwise: a production start gets an empty hall (first-start.test.ts).
    seedDemo: true,
    ...options,
  });
  return Object.assign(server, {
    dataDir: data.dir,
    dispose: async () => {
      await server.close();
      data.remove();
    },
  });
}

/** A connected client that keeps a replica of the queue by folding changes. */
export interface TestClient {
  readonly socket: HallClient;
  readonly snapshot: Snapshot;
  /** The replica as folded from changes (resyncing on gaps). */
  state(): QueueState;
  /** Send a command and wait for its ack. */
  send<E extends keyof ClientToServerEvents>(
    event: E,
    payload: Parameters<ClientToServerEvents[E]>[0],
  ): Promise<Parameters<Parameters<ClientToServerEvents[E]>[1]>[0]>;
  close(): void;
}

let requestCounter = 0;
/** A unique requestId. */
export const requestId = (): string =>
  `req-${process.pid}-${Date.now().toString(36)}-${(requestCounter += 1)}`;

/** Connect a client with a token and wait for its first snapshot. */
export async function connectClient(url: string, token: string): Promise<TestClient> {
  const socket: HallClient = connect(url, {
    auth: { token, protocolVersion: PROTOCOL_VERSION },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
  let replica: QueueState | undefined;
  const snapshot = await new Promise<Snapshot>((resolve, reject) => {
    socket.once('hall:snapshot', resolve);
    socket.once('connect_error', reject);
  });
  replica = snapshot.state;
  socket.on('hall:snapshot', (next) => {
    replica = next.state;
  });
  socket.on('hall:changes', (changes) => {
    if (!replica) return;
    const result = applyChanges(replica, changes);
    if (result.outcome === 'gap') {
      socket.emit('sync:snapshot', {}, (ack: Ack<Snapshot>) => {
        if (ack.ok) replica = ack.value.state;
      });
    } else {
      replica = result.state;
    }
  });
  return {
    socket,
    snapshot,
    state: () => replica!,
    send: (event, payload) =>
      new Promise((resolve, reject) => {
        // Socket.IO drops a pending ack silently when the connection goes: say so at once, with the
        // reason, instead of leaving the test to time out without one.
        const dropped = (reason: string): void =>
          reject(new Error(`${String(event)}: the connection closed before its ack (${reason})`));
        socket.once('disconnect', dropped);
        const emit = socket.emit.bind(socket) as (
          name: string,
          body: unknown,
          ack: (result: unknown) => void,
        ) => void;
        emit(event, payload, (result: unknown) => {
          socket.off('disconnect', dropped);
          (resolve as (result: unknown) => void)(result);
        });
      }),
    close: () => socket.close(),
  };
}

/** Pair a device directly on the server and connect it; a manager connects with a console session. */
export async function pairAndConnect(
  server: HallServer,
  role: ConnectionRole,
  counterId: CounterId | null = null,
): Promise<TestClient> {
  if (role === 'manager') return connectClient(server.url, await managerSessionToken(server));
  const { token } = server.registerDevice(role, `${role} test`, counterId);
  return connectClient(server.url, token);
}

/** A display paired and connected, with every `hall:changes` message it received, in order. */
export interface RecordingDisplay {
  readonly client: TestClient;
  readonly received: Changes[];
}

/** Pair `count` displays (`màn hình 1` …) and connect them one after the other, each recording its changes. */
export async function connectDisplays(server: HallServer, count: number): Promise<RecordingDisplay[]> {
  const displays: RecordingDisplay[] = [];
  for (let index = 0; index < count; index += 1) {
    const { token } = server.registerDevice('display', `màn hình ${index + 1}`);
    const client = await connectClient(server.url, token);
    const received: Changes[] = [];
    client.socket.on('hall:changes', (changes) => received.push(changes));
    displays.push({ client, received });
  }
  return displays;
}

let managerCount = 0;
/** A console session of a new manager account (there are no manager devices): its token connects. */
export async function managerSessionToken(server: HallServer): Promise<string> {
  managerCount += 1;
  const username = `quan-ly-${process.pid}-${managerCount}`;
  const password = `mat-khau-kiem-thu-${managerCount}-dai`;
  await server.accounts.create(username, `Quản lý ${managerCount}`, password, false);
  const login = await server.accounts.login(username, password);
  if (!login.ok) throw new Error(`test manager sign-in refused: ${login.code}`);
  return login.token;
}

/** Wait until a condition holds (polling), or fail after a timeout. */
export async function waitFor(
  condition: () => boolean,
  timeoutMs = 5_000,
  what = 'condition',
): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
