import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import BetterSqlite3 from 'better-sqlite3';
import { io as connect } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HallConnection } from '@luot/client';
import type { Ack, Snapshot } from '@luot/shared/contracts';
import { PROTOCOL_VERSION } from '@luot/shared/contracts';
import type { CounterId, ServiceId, Ticket, VersionedEvent } from '@luot/shared/domain';
import { asServiceId } from '@luot/shared/domain';
import { DEMO_CLERK_PIN } from '../../src/app/demo-hall.ts';
import { FIRST_MANAGER } from '../../src/app/managers.ts';
import { DATABASE_FILE } from '../../src/hall-server.ts';
import type { HallClient } from '../helpers.ts';
import { tempDataDir, waitFor } from '../helpers.ts';
import type { HallChildBundle } from '../support/hall-child-bundle.ts';
import { buildHallChildBundle } from '../support/hall-child-bundle.ts';
import type { HallChild } from '../support/hall-child-process.ts';
import { startHallChild } from '../support/hall-child-process.ts';
import type { SeededRandom } from '../support/seeded-random.ts';
import { seedFrom, seededRandom } from '../support/seeded-random.ts';
import { configForRole } from '../../src/app/visible-config.ts';

// The hall server is restarted twice — a clean stop, then a SIGKILL — with every kind of client
// connected through the real client library the apps use (@luot/client's HallConnection: replica,
// reconnect with back-off, resync, commands retried with one requestId): two kiosks issuing, two counter
// terminals with their clerk signed in calling, starting and completing, two hall displays and the
// manager's console (signed in over the admin REST API; its session token opens the socket, as in the
// admin app). Calls go on throughout. From the moment the restarted server listens again, each client's
// replica must equal the server's own snapshot (same version, same state, same configuration) within
// 10 s — the bound, measured per client. At the end every acknowledged ticket and call is in the
// server's state, no ticket was called by two acknowledged commands, and the database is sound.

const SYNC_BOUND_MS = 10_000;
const KIOSK_SERVICES: readonly ServiceId[] = ['ho-tich', 'chung-thuc', 'dat-dai'].map(asServiceId);
const COUNTER_IDS = ['q3', 'q4'] as const;
const NEW_PASSWORD = 'mat-khau-moi-2026';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

type Step = 'call' | 'start' | 'complete';

function stepAfter(events: readonly VersionedEvent[], counterId: CounterId): Step | undefined {
  let step: Step | undefined;
  for (const event of events) {
    if (!('counterId' in event) || event.counterId !== counterId) continue;
    if (event.type === 'ticket.called') step = 'start';
    else if (event.type === 'ticket.started') step = 'complete';
    else if (event.type === 'ticket.completed') step = 'call';
  }
  return step;
}

interface Driven {
  readonly issued: Ticket[];
  readonly acknowledgedEvents: VersionedEvent[];
  readonly surprises: string[];
}

/** The manager's console: sign in as the first manager, change the demo password, keep the session token. */
async function managerSessionToken(url: string): Promise<string> {
  const post = async (route: string, body: unknown, token?: string): Promise<Response> =>
    fetch(new URL(route, url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
  const login = (await (
    await post('/api/admin/login', { username: FIRST_MANAGER.username, password: FIRST_MANAGER.password })
  ).json()) as Ack<{ token: string }>;
  if (!login.ok) throw new Error(`manager login: ${login.error.code}`);
  const changed = await post(
    '/api/admin/password',
    { currentPassword: FIRST_MANAGER.password, newPassword: NEW_PASSWORD },
    login.value.token,
  );
  expect(changed.status, 'the demo password is changed').toBe(200);
  return login.value.token;
}

async function kioskLoop(
  kiosk: HallConnection,
  random: SeededRandom,
  driven: Driven,
  isRunning: () => boolean,
): Promise<void> {
  while (isRunning()) {
    const ack = await kiosk.send('ticket:issue', { serviceId: random.pick(KIOSK_SERVICES) });
    if (ack.ok) {
      driven.issued.push(ack.value.ticket);
      driven.acknowledgedEvents.push(...ack.value.events);
    } else driven.surprises.push(`issue: ${ack.error.code}`);
    await sleep(random.int(60, 160));
  }
}

async function counterLoop(
  counter: HallConnection,
  counterId: CounterId,
  random: SeededRandom,
  driven: Driven,
  isRunning: () => boolean,
): Promise<void> {
  const current = counter.current.state?.counters[counterId]?.currentTicketId;
  const status = current == null ? undefined : counter.current.state?.tickets[current]?.status;
  let step: Step = status === 'called' ? 'start' : status === 'serving' ? 'complete' : 'call';
  while (isRunning()) {
    const event =
      step === 'call' ? 'ticket:call-next' : step === 'start' ? 'ticket:start' : 'ticket:complete';
    const ack = await counter.send(event, {});
    if (ack.ok) {
      driven.acknowledgedEvents.push(...ack.value.events);
      step = stepAfter(ack.value.events, counterId) ?? step;
    } else if (ack.error.code !== 'QUEUE_EMPTY')
      driven.surprises.push(`${counterId} ${event}: ${ack.error.code}`);
    await sleep(random.int(40, 120));
  }
}

describe('server restart with every client connected', () => {
  let data: ReturnType<typeof tempDataDir> | undefined;
  let bundle: HallChildBundle | undefined;
  let child: HallChild | undefined;
  const connections: HallConnection[] = [];
  let probe: HallClient | undefined;
  beforeAll(async () => {
    bundle = await buildHallChildBundle();
  });
  afterAll(async () => {
    probe?.close();
    for (const connection of connections) connection.close();
    await child?.kill();
    data?.remove();
    bundle?.remove();
  });

  it('brings kiosks, counters, displays and the manager back in sync within 10 s, after a clean stop and a SIGKILL', async ({
    onTestFailed,
  }) => {
    const seed = seedFrom(process.env, 'LUOT_RESTART_SEED');
    const random = seededRandom(seed);
    onTestFailed(() => console.error(`restart test failed with seed ${seed} (LUOT_RESTART_SEED=${seed})`));
    data = tempDataDir('luot-restart-');
    const start = async (port: number): Promise<HallChild> =>
      startHallChild({
        dataDir: data!.dir,
        hall: 'demo',
        terminals: [...COUNTER_IDS],
        kiosks: 2,
        displays: 3, // the third is the test's probe of the server's own snapshot
        bundle: bundle!.file,
        ipc: true,
        port,
      });
    child = await start(0);
    const { url, port, devices } = child;

    const open = (token: string): HallConnection => {
      const connection = new HallConnection({ url, token });
      connections.push(connection);
      return connection;
    };
    const kiosks = devices.kiosks.map((device) => open(device.token));
    const counters = COUNTER_IDS.map((counterId) => {
      const device = devices.counters.find((candidate) => candidate.counterId === counterId)!;
      return { counterId: device.counterId, username: device.username, connection: open(device.token) };
    });
    const displays = devices.displays.slice(0, 2).map((device) => open(device.token));
    const manager = open(await managerSessionToken(url));
    const clients = [
      ...kiosks.map((connection, index) => ({ name: `kiosk ${index + 1}`, connection })),
      ...counters.map(({ counterId, connection }) => ({ name: `counter ${counterId}`, connection })),
      ...displays.map((connection, index) => ({ name: `display ${index + 1}`, connection })),
      { name: 'manager', connection: manager },
    ];
    await waitFor(
      () => clients.every(({ connection }) => connection.current.status === 'online'),
      10_000,
      'every client online',
    );
    expect(manager.current.identity?.role).toBe('manager');
    for (const { counterId, username, connection } of counters) {
      const ack = await connection.send('clerk:sign-in', { username, pin: DEMO_CLERK_PIN });
      expect(ack.ok, `${counterId} signs in`).toBe(true);
    }

    // The probe: a plain socket that asks the server for its snapshot (the truth to compare with).
    const openProbe = (): HallClient =>
      connect(url, {
        auth: { token: devices.displays[2]!.token, protocolVersion: PROTOCOL_VERSION },
        transports: ['websocket'],
        reconnectionDelay: 100,
        reconnectionDelayMax: 200,
        forceNew: true,
      });
    probe = openProbe();
    const serverSnapshot = async (): Promise<Snapshot | undefined> => {
      if (!probe?.connected) return undefined;
      try {
        const ack = (await probe.timeout(1_000).emitWithAck('sync:snapshot', {})) as Ack<Snapshot>;
        return ack.ok ? ack.value : undefined;
      } catch {
        return undefined;
      }
    };

    const driven: Driven = { issued: [], acknowledgedEvents: [], surprises: [] };
    let isRunning = true;
    const running = (): boolean => isRunning;
    const loops = [
      ...kiosks.map((kiosk) => kioskLoop(kiosk, random, driven, running)),
      ...counters.map(({ counterId, connection }) =>
        counterLoop(connection, counterId, random, driven, running),
      ),
    ];

    const figures: string[] = [];
    try {
      for (const kind of ['clean stop', 'SIGKILL'] as const) {
        await sleep(random.int(800, 1_500)); // calls flowing before the restart
        const versionBefore = (await serverSnapshot())?.version ?? 0;
        if (kind === 'clean stop') await child.stop();
        else await child.kill();
        await waitFor(
          () => clients.every(({ connection }) => connection.current.status !== 'online'),
          5_000,
          'every client to notice the server is gone',
        );
        await sleep(random.int(200, 800)); // the server is down for a moment
        child = await start(port);
        const listeningAt = Date.now();

        // Each client is in sync once its replica equals the server's snapshot at the same version.
        const syncedAfter = new Map<string, number>();
        while (syncedAfter.size < clients.length && Date.now() - listeningAt <= SYNC_BOUND_MS + 2_000) {
          const truth = await serverSnapshot();
          if (truth) {
            for (const { name, connection } of clients) {
              const view = connection.current;
              if (syncedAfter.has(name) || view.status !== 'online' || view.state?.version !== truth.version)
                continue;
              // The probe is a display: each role sees its own view of the configuration (a display no
              // clerks, a counter no usernames), so compare every replica as a display would see it.
              const asDisplaySees = view.config ? configForRole(view.config, 'display') : view.config;
              if (
                isDeepStrictEqual(view.state, truth.state) &&
                isDeepStrictEqual(asDisplaySees, truth.config)
              )
                syncedAfter.set(name, Date.now() - listeningAt);
            }
          }
          await sleep(20);
        }
        const slowest = Math.max(...syncedAfter.values());
        figures.push(
          `${kind}: all ${syncedAfter.size} clients in sync ${slowest} ms after the server listened`,
        );
        expect(
          clients.filter(({ name }) => !syncedAfter.has(name)).map(({ name }) => name),
          `clients not in sync ${SYNC_BOUND_MS} ms after the ${kind}`,
        ).toEqual([]);
        expect(slowest, `slowest resync after the ${kind}`).toBeLessThanOrEqual(SYNC_BOUND_MS);
        // Calls went on after the restart, from commands retried across it and new ones.
        await waitFor(
          () => {
            const versions = driven.acknowledgedEvents.map((event) => event.version);
            return versions.some((version) => version > versionBefore + 2);
          },
          10_000,
          `calls to continue after the ${kind}`,
        );
      }
    } finally {
      isRunning = false;
      await Promise.all(loops);
    }
    console.info(`restart-with-every-client (seed ${seed}): ${figures.join('; ')}`);

    // Quiet now: every replica equals the server's final snapshot.
    const final = (await serverSnapshot())!;
    await waitFor(
      () => clients.every(({ connection }) => connection.current.state?.version === final.version),
      5_000,
      'every replica at the final version',
    );
    for (const { name, connection } of clients)
      expect(connection.current.state, `${name}'s replica at the end`).toEqual(final.state);

    expect(driven.surprises).toEqual([]);
    // Nothing acknowledged lost: each acknowledged ticket and event is the server's.
    const tickets = final.state.tickets;
    for (const ticket of driven.issued)
      expect(tickets[ticket.id], `ticket ${ticket.number}`).toMatchObject({ number: ticket.number });
    // Nothing called twice: each ticket in at most one acknowledged call (no returns or transfers here).
    const calls = driven.acknowledgedEvents.filter((event) => event.type === 'ticket.called');
    const calledTickets = calls.map((event) => event.ticketId);
    expect(new Set(calledTickets).size, 'tickets called by two acknowledged commands').toBe(
      calledTickets.length,
    );
    expect(driven.issued.length).toBeGreaterThan(10);
    expect(calls.length).toBeGreaterThan(3);

    await child.stop();
    const db = new BetterSqlite3(path.join(data.dir, DATABASE_FILE), { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const versions = db.prepare('SELECT COUNT(*) AS n, MAX(version) AS top FROM events').get() as {
        n: number;
        top: number;
      };
      expect(versions.n, 'event versions gap-free').toBe(versions.top);
      expect(versions.top).toBe(final.version);
      for (const event of driven.acknowledgedEvents) {
        const row = db.prepare('SELECT body FROM events WHERE version = ?').get(event.version) as
          { body: string } | undefined;
        expect(
          row && (JSON.parse(row.body) as VersionedEvent),
          `acknowledged event ${event.version}`,
        ).toEqual(event);
      }
    } finally {
      db.close();
    }
  }, 90_000);
});
