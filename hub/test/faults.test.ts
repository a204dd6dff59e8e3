import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { existsSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { HallConfig, VersionedEvent } from '@luot/shared/domain';
import { computeReport } from '@luot/shared/reports';
import { AdminStore } from '../../server/src/db/admin-store.ts';
import { HallStore } from '../../server/src/db/hall-store.ts';
import { openDatabase } from '../../server/src/db/open.ts';
import { HubShipper } from '../../server/src/hub-link/hub-shipper.ts';
import { silentLogger } from '../../server/src/log.ts';
import { DATABASE_FILE } from '../../server/src/hall-server.ts';
import { connectClient, requestId, startTestHall } from '../../server/test/helpers.ts';
import { startHallChild } from '../../server/test/support/hall-child-process.ts';
import { HallRegistry } from '../src/app/halls.ts';
import { hallReportFromHub } from '../src/app/province-report.ts';
import { openHubDatabase } from '../src/db/database.ts';
import type { HubDatabase } from '../src/db/database.ts';
import { runHallWorkload, seededRandom } from './support/hall-workload.ts';
import {
  FAST_SHIPPING,
  eventually,
  freshDatabaseUrl,
  hallEvents,
  hallOwnReport,
  hubEvents,
  shippedVersion,
} from './support/hub-fixtures.ts';
import { startHubChild } from './support/hub-child-process.ts';
import { WanProxy } from './support/wan-proxy.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function hubDatabase(url: string): Promise<HubDatabase> {
  const db = await openHubDatabase({ databaseUrl: url, dataDir: '/nonexistent-unused' });
  cleanups.push(() => db.close());
  return db;
}

/** The hall's own log, configuration and report, read from its SQLite file after it stopped. */
function hallFromFile(dataDir: string): {
  log: VersionedEvent[];
  report: ReturnType<typeof computeReport>;
  day: string;
} {
  const { db } = openDatabase(path.join(dataDir, DATABASE_FILE));
  try {
    const store = new HallStore(db);
    const config = store.loadConfig() as HallConfig;
    const log = store.eventsSince(0, 10_000_000);
    const day = store.loadQueueState('2000-01-01').businessDay;
    const admin = new AdminStore(db);
    const report = computeReport({
      from: '2000-01-01',
      to: day,
      config,
      tickets: admin.ticketFacts('2000-01-01', day),
      ratings: admin.ratingFacts('2000-01-01', day),
      targetWaitMinutes: 30,
      now: 0,
    });
    return { log, report, day };
  } finally {
    db.close();
  }
}

async function expectEqual(
  db: HubDatabase,
  hallId: string,
  own: { log: VersionedEvent[]; report: ReturnType<typeof computeReport>; day: string },
): Promise<void> {
  await eventually(
    async () => (await shippedVersion(db.pool, hallId)) === own.log.length,
    60_000,
    `hub at ${own.log.length}`,
  );
  const stored = await hubEvents(db.pool, hallId);
  expect(stored.length).toBe(own.log.length);
  expect(stored).toEqual(own.log);
  const count = await db.pool.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM events WHERE hall_id = $1',
    [hallId],
  );
  expect(count.rows[0]!.n).toBe(own.log.length);
  expect(
    await hallReportFromHub(db.pool, hallId, { from: '2000-01-01', to: own.day, targetWaitMinutes: 30 }, 0),
  ).toEqual(own.report);
}

describe('faults between halls and hubs', () => {
  // Three hub restarts (each a new process) on a CI machine that runs other suites at the same time.
  it(
    'loses nothing when the hub is killed with SIGKILL in the middle of batches, three times',
    { timeout: 240_000 },
    async () => {
      const url = await freshDatabaseUrl();
      const db = await hubDatabase(url);
      const { hallId, key } = await new HallRegistry(db.pool).addHall('Trung tâm hub bị tắt');
      let hub = await startHubChild({ DATABASE_URL: url });
      cleanups.push(() => hub.kill());
      const wan = await WanProxy.start([hub.port]);
      cleanups.push(() => wan.close());
      const hall = await startTestHall({ hubLink: { url: wan.url, key, timing: FAST_SHIPPING } });
      cleanups.push(() => hall.dispose());
      const random = seededRandom(77);
      for (let kill = 0; kill < 3; kill += 1) {
        // A backlog of more than a full batch (500 events), built while the hub's address refuses
        // connections; then the catch-up starts, and the hub dies at a random moment of it.
        wan.cut('refuse');
        const head = hall.service.state.version;
        await runHallWorkload(hall.service, { steps: 1_600, seed: 41 + kill });
        expect(hall.service.state.version - head).toBeGreaterThan(500);
        const before = await shippedVersion(db.pool, hallId);
        wan.restore();
        await eventually(
          async () => (await shippedVersion(db.pool, hallId)) > before || undefined,
          30_000,
          'shipping',
        );
        await new Promise((resolve) => setTimeout(resolve, Math.floor(random() * 60)));
        await hub.kill();
        await runHallWorkload(hall.service, { steps: 100, seed: 60 + kill });
        hub = await startHubChild({ DATABASE_URL: url });
        wan.setUpstreams([hub.port]);
      }
      await expectEqual(db, hallId, {
        log: hallEvents(hall),
        report: hallOwnReport(hall, '2000-01-01', hall.service.state.businessDay),
        day: hall.service.state.businessDay,
      });
    },
  );

  it('loses nothing when the hall is killed with SIGKILL after the hub committed a batch it never acknowledged', async () => {
    const url = await freshDatabaseUrl();
    const db = await hubDatabase(url);
    const { hallId, key } = await new HallRegistry(db.pool).addHall('Trung tâm bị tắt máy');
    const hub = await startHubChild({ DATABASE_URL: url });
    cleanups.push(() => hub.kill());
    const wan = await WanProxy.start([hub.port]);
    cleanups.push(() => wan.close());
    const dataDir = mkdtempSync(path.join(tmpdir(), 'luot-hub-hall-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const env = { LUOT_HUB_URL: wan.url, LUOT_HUB_KEY: key, LUOT_HUB_TIMING: JSON.stringify(FAST_SHIPPING) };
    let hall = await startHallChild({ dataDir, terminals: ['q1', 'q2'], kiosks: 1, env });
    cleanups.push(() => hall.kill());
    const drive = async (tickets: number): Promise<void> => {
      const kiosk = await connectClient(hall.url, hall.devices.kiosks[0]!.token);
      const counters = await Promise.all(
        hall.devices.counters.map((device) => connectClient(hall.url, device.token)),
      );
      try {
        for (const [index, counter] of counters.entries()) {
          await counter.send('clerk:sign-in', {
            requestId: requestId(),
            username: hall.devices.counters[index]!.username,
            pin: '1234',
          });
        }
        for (let index = 0; index < tickets; index += 1) {
          await kiosk.send('ticket:issue', {
            requestId: requestId(),
            serviceId: kiosk.snapshot.config.services[index % 3]!.id,
          });
          const counter = counters[index % counters.length]!;
          const called = await counter.send('ticket:call-next', { requestId: requestId() });
          if (called.ok) await counter.send('ticket:complete', { requestId: requestId() });
        }
      } finally {
        kiosk.close();
        for (const counter of counters) counter.close();
      }
    };
    await drive(30);
    await eventually(
      async () => (await shippedVersion(db.pool, hallId)) > 0 || undefined,
      20_000,
      'first shipment',
    );
    // The hub commits what arrives but its answers never reach the hall; the hall dies meanwhile.
    wan.holdResponses();
    const heldFrom = await shippedVersion(db.pool, hallId);
    await drive(40);
    await eventually(
      async () => (await shippedVersion(db.pool, hallId)) > heldFrom || undefined,
      20_000,
      'a committed, unacknowledged batch',
    );
    await hall.kill();
    wan.restore();
    // Restarted on the same data and port, it asks the hub where it stands and goes on from there.
    hall = await startHallChild({ dataDir, terminals: ['q1', 'q2'], kiosks: 1, env, port: hall.port });
    await drive(20);
    const head = await eventually(
      async () => {
        const response = await fetch(`${hall.url}/health`);
        return ((await response.json()) as { hallVersion: number }).hallVersion;
      },
      5_000,
      'hall version',
    );
    await eventually(async () => (await shippedVersion(db.pool, hallId)) === head, 30_000, `hub at ${head}`);
    await hall.stop();
    await expectEqual(db, hallId, hallFromFile(dataDir));
  });

  it('has two hub processes ingest the same hall at once: no duplicate, no gap', async () => {
    const url = await freshDatabaseUrl();
    const db = await hubDatabase(url);
    const { hallId, key } = await new HallRegistry(db.pool).addHall('Trung tâm hai hub');
    const hubs = await Promise.all([
      startHubChild({ DATABASE_URL: url }),
      startHubChild({ DATABASE_URL: url }),
    ]);
    for (const hub of hubs) cleanups.push(() => hub.kill());
    // A load balancer sharing connections between the two.
    const balancer = await WanProxy.start(hubs.map((hub) => hub.port));
    cleanups.push(() => balancer.close());
    const hall = await startTestHall({ hubLink: { url: balancer.url, key, timing: FAST_SHIPPING } });
    cleanups.push(() => hall.dispose());
    // Two more shippers of the same hall's log, one straight at each hub, racing the hall's own.
    const racers = hubs.map(
      (hub, index) =>
        new HubShipper(
          { url: hub.url, key },
          {
            eventsSince: (version, limit) => hall.store.eventsSince(version, limit),
            codeOfTicket: (id) => hall.store.codeOfTicket(id),
            headVersion: () => hall.service.state.version,
            config: () => hall.service.hallConfig,
          },
          silentLogger,
          { ...FAST_SHIPPING, settleMs: 5 + index * 7 },
        ),
    );
    for (const racer of racers) {
      racer.start();
      hall.service.onChanges(() => racer.nudge());
      cleanups.push(() => racer.stop());
    }
    for (let round = 0; round < 6; round += 1)
      await runHallWorkload(hall.service, { steps: 250, seed: 90 + round });
    await expectEqual(db, hallId, {
      log: hallEvents(hall),
      report: hallOwnReport(hall, '2000-01-01', hall.service.state.businessDay),
      day: hall.service.state.businessDay,
    });
  });

  it('restarts after SIGKILL with its embedded PostgreSQL still running, and takes it over', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'luot-hub-embedded-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    let hub = await startHubChild({ HUB_DATA_DIR: dataDir });
    cleanups.push(async () => {
      await hub.kill();
      // Whatever happened, the test's PostgreSQL does not outlive it.
      const pidFile = path.join(dataDir, 'postgres', 'postmaster.pid');
      const pid = existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8').split('\n')[0]) : 0;
      if (pid > 0) {
        try {
          process.kill(pid, 'SIGINT');
        } catch {
          // already gone
        }
        await new Promise((resolve) => setTimeout(resolve, 1_000));
      }
    });
    const health = (await (await fetch(`${hub.url}/health`)).json()) as { database: string };
    expect(health.database).toBe('embedded');
    const port = String(hub.port);
    // The operator's tool works beside the running hub (it borrows the same PostgreSQL).
    const db = await openHubDatabase({ dataDir });
    cleanups.push(() => db.close({ keepEmbedded: true }));
    expect(db.embedded?.isAdopted).toBe(true);
    const { hallId, key } = await new HallRegistry(db.pool).addHall('Trung tâm nhúng');
    const hall = await startTestHall({
      hubLink: { url: `http://127.0.0.1:${port}`, key, timing: FAST_SHIPPING },
    });
    cleanups.push(() => hall.dispose());
    await runHallWorkload(hall.service, { steps: 200, seed: 3 });
    await eventually(
      async () => (await shippedVersion(db.pool, hallId)) === hall.service.state.version,
      20_000,
      'shipped',
    );
    await hub.kill();
    await runHallWorkload(hall.service, { steps: 200, seed: 4 });
    hub = await startHubChild({ HUB_DATA_DIR: dataDir, HUB_PORT: port });
    await expectEqual(db, hallId, {
      log: hallEvents(hall),
      report: hallOwnReport(hall, '2000-01-01', hall.service.state.businessDay),
      day: hall.service.state.businessDay,
    });
    const pid = db.embedded!.pid;
    // A clean stop of the hub stops its PostgreSQL too.
    hub.process.kill('SIGTERM');
    await hub.exited;
    await eventually(
      () => {
        try {
          process.kill(pid, 0);
          return false;
        } catch {
          return true;
        }
      },
      30_000,
      'PostgreSQL to stop',
    );
  });
});
