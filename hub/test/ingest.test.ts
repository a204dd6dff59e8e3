import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IngestRequest } from '@luot/shared/contracts';
import type { VersionedEvent } from '@luot/shared/domain';
import { businessDayOf } from '@luot/shared/domain';
import type { HallServer } from '../../server/src/hall-server.ts';
import { startTestHall } from '../../server/test/helpers.ts';
import { MIGRATIONS, migrate, monthBounds } from '../src/db/migrations.ts';
import { hallReportFromHub, provinceReport } from '../src/app/province-report.ts';
import type { HubServer } from '../src/hub-server.ts';
import { runHallWorkload, seededRandom } from './support/hall-workload.ts';
import {
  freshDatabaseUrl,
  hallEvents,
  hallOwnReport,
  hubEvents,
  shippedVersion,
  startTestHub,
} from './support/hub-fixtures.ts';

const DAY_MS = 24 * 60 * 60_000;
// 30 November 2026, 09:00 in Hà Nội: the run crosses a month's end, so events land in two partitions.
const START = Date.UTC(2026, 10, 30, 2, 0, 0);

/** A hall that lives through three business days (and a month's end), with no hub: its log is the input. */
async function hallWithThreeDays(seed: number): Promise<HallServer & { dispose: () => Promise<void> }> {
  let now = START;
  const hall = await startTestHall({ clock: { now: () => now } });
  for (let day = 0; day < 3; day += 1) {
    if (day > 0) {
      now += DAY_MS;
      await hall.service.tick();
    }
    const steps = 300;
    for (let step = 0; step < steps; step += 10) {
      now += 47_000;
      await runHallWorkload(hall.service, { steps: 10, seed: seed + day * 1000 + step });
    }
  }
  return hall;
}

async function post(hub: HubServer, key: string, body: unknown): Promise<Response> {
  return fetch(`${hub.url}/api/v1/ingest`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify(body),
  });
}

function batchOf(hall: HallServer, events: readonly VersionedEvent[], withConfig: boolean): IngestRequest {
  const codes = events.flatMap((event) =>
    event.type === 'ticket.issued'
      ? [{ ticketId: event.ticketId, code: hall.store.codeOfTicket(event.ticketId)! }]
      : [],
  );
  return {
    events,
    codes,
    headVersion: hall.service.state.version,
    ...(withConfig ? { config: hall.service.hallConfig } : {}),
  };
}

describe('migrations', () => {
  it('build the schema once, refuse a newer database, and run safely from two processes at once', async () => {
    const url = await freshDatabaseUrl();
    const pools = [new pg.Pool({ connectionString: url }), new pg.Pool({ connectionString: url })];
    try {
      const clients = await Promise.all(pools.map((pool) => pool.connect()));
      const results = await Promise.all(clients.map((client) => migrate(client)));
      expect(results.map((result) => result.to)).toEqual([MIGRATIONS.length, MIGRATIONS.length]);
      // Exactly one of the two applied them.
      expect(results.map((result) => result.from).sort()).toEqual([0, MIGRATIONS.length]);
      const applied = await clients[0]!.query('SELECT version, name FROM hub_schema ORDER BY version');
      expect(applied.rows.map((row: { name: string }) => row.name)).toEqual(MIGRATIONS.map((m) => m.name));
      expect((await migrate(clients[0]!)).from).toBe(MIGRATIONS.length);
      // Events are partitioned by month of their time.
      const partitioned = await clients[0]!.query(
        "SELECT partstrat FROM pg_partitioned_table WHERE partrelid = 'events'::regclass",
      );
      expect(partitioned.rows).toEqual([{ partstrat: 'r' }]);
      await clients[0]!.query("INSERT INTO hub_schema (version, name) VALUES (99, 'from the future')");
      await expect(migrate(clients[1]!)).rejects.toThrow(/newer than this hub/);
      for (const client of clients) client.release();
    } finally {
      await Promise.all(pools.map((pool) => pool.end()));
    }
  });

  it('give each calendar month (UTC) its own partition bounds', () => {
    expect(monthBounds(Date.UTC(2026, 11, 31, 23, 59))).toEqual({
      from: Date.UTC(2026, 11, 1),
      to: Date.UTC(2027, 0, 1),
      name: 'events_2026_12',
    });
  });
});

describe('idempotent ingest', () => {
  let hub: HubServer;
  let hall: HallServer & { dispose: () => Promise<void> };
  let log: VersionedEvent[];

  beforeAll(async () => {
    hub = await startTestHub(await freshDatabaseUrl());
    hall = await hallWithThreeDays(7);
    log = hallEvents(hall);
  });
  afterAll(async () => {
    await hall?.dispose();
    await hub?.close();
  });

  it('stores every version exactly once whatever order and duplicates the batches come in', async () => {
    expect(log.length).toBeGreaterThan(400);
    // A real day's mix: every kind of ticket event, several days, a month's end.
    const types = new Set(log.map((event) => event.type));
    for (const type of [
      'day.started',
      'ticket.issued',
      'ticket.called',
      'ticket.recalled',
      'ticket.started',
      'ticket.completed',
      'ticket.no-show',
      'ticket.transferred',
      'ticket.cancelled',
      'feedback.rated',
      'clerk.signed-in',
    ])
      expect(types, type).toContain(type);
    const { hallId, key } = await hub.halls.addHall('Trung tâm thử');
    // Overlapping batches of 1–60 events, each sent once or twice, shuffled: at-least-once, out of order.
    const random = seededRandom(42);
    const batches: VersionedEvent[][] = [];
    for (let start = 0; start < log.length;) {
      const size = 1 + Math.floor(random() * 60);
      const overlap = Math.floor(random() * 5);
      batches.push(log.slice(Math.max(0, start - overlap), start + size));
      if (random() < 0.3) batches.push(log.slice(start, start + size));
      start += size;
    }
    for (let index = batches.length - 1; index > 0; index -= 1) {
      const other = Math.floor(random() * (index + 1));
      [batches[index], batches[other]] = [batches[other]!, batches[index]!];
    }
    let acknowledged = 0;
    for (const [index, events] of batches.entries()) {
      const response = await post(hub, key, batchOf(hall, events, index === 0));
      expect(response.status).toBe(200);
      const body = (await response.json()) as { value: { acknowledged: number } };
      // The acknowledgement only grows, and only over versions held with no gap below.
      expect(body.value.acknowledged).toBeGreaterThanOrEqual(acknowledged);
      acknowledged = body.value.acknowledged;
    }
    expect(acknowledged).toBe(log.length);
    expect(await shippedVersion(hub.db.pool, hallId)).toBe(log.length);
    expect(await hubEvents(hub.db.pool, hallId)).toEqual(log);

    // The hub's projections give the hall's own report, figure for figure.
    const from = businessDayOf(START, 'Asia/Ho_Chi_Minh', 0);
    const to = businessDayOf(START + 3 * DAY_MS, 'Asia/Ho_Chi_Minh', 0);
    const own = hallOwnReport(hall, from, to);
    const fromHub = await hallReportFromHub(hub.db.pool, hallId, { from, to, targetWaitMinutes: 30 }, 0);
    expect(fromHub).toEqual(own);
    // The province report gives the same figures before and after the finished days are rolled up.
    const before = await provinceReport(hub.db.pool, { from, to, targetWaitMinutes: 30 }, 0);
    expect(await hub.rollups.runOnce()).toBe(2);
    const after = await provinceReport(hub.db.pool, { from, to, targetWaitMinutes: 30 }, 0);
    expect(after).toEqual(before);
    const { key: _key, label: _label, ...hallRow } = after.by.hall[0]!;
    const { key: _ownKey, label: _ownLabel, ...ownTotal } = own.total;
    expect(hallRow).toEqual(ownTotal);
    // Replaying the whole log again changes nothing.
    const again = await post(hub, key, batchOf(hall, log.slice(0, 400), false));
    expect(((await again.json()) as { value: { acknowledged: number } }).value.acknowledged).toBe(log.length);
    expect(await hubEvents(hub.db.pool, hallId)).toEqual(log);
    // Both months got their partition.
    const partitions = await hub.db.pool.query(
      "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'events'::regclass ORDER BY 1",
    );
    expect(partitions.rows.map((row: { relname: string }) => row.relname)).toEqual([
      'events_2026_11',
      'events_2026_12',
    ]);
  });

  it('refuses a bad payload, an unknown key and a revoked key, changing nothing', async () => {
    const { hallId, key } = await hub.halls.addHall('Trung tâm khóa');
    const bad = await post(hub, key, {
      events: [{ ...log[0], type: 'ticket.exploded' }],
      codes: [],
      headVersion: 1,
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('VALIDATION_FAILED');
    const extra = await post(hub, key, { events: [], codes: [], headVersion: 1, hallId: 'someone-else' });
    expect(extra.status).toBe(400);
    const unknown = await post(
      hub,
      'lhk_not-a-real-key-at-all-000000',
      batchOf(hall, log.slice(0, 5), false),
    );
    expect(unknown.status).toBe(401);
    expect(await shippedVersion(hub.db.pool, hallId)).toBe(0);
    expect(await hub.halls.revokeKey(hallId)).toBe(true);
    const revoked = await post(hub, key, batchOf(hall, log.slice(0, 5), false));
    expect(revoked.status).toBe(401);
    expect(await hubEvents(hub.db.pool, hallId)).toEqual([]);
  });

  it("writes a hall's events only under the hall its key belongs to", async () => {
    const a = await hub.halls.addHall('Trung tâm A');
    const b = await hub.halls.addHall('Trung tâm B');
    const response = await post(hub, a.key, batchOf(hall, log.slice(0, 20), true));
    expect(response.status).toBe(200);
    expect(await hubEvents(hub.db.pool, a.hallId)).toEqual(log.slice(0, 20));
    expect(await hubEvents(hub.db.pool, b.hallId)).toEqual([]);
  });

  it('exchanges a one-time enrolment code for a key, once', async () => {
    const { hallId, code } = await hub.halls.enrolmentCode({ name: 'Trung tâm mới' });
    const enrol = (body: unknown): Promise<Response> =>
      fetch(`${hub.url}/api/v1/enrol`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const first = await enrol({ code: code.toLowerCase() });
    expect(first.status).toBe(200);
    const { value } = (await first.json()) as { value: { hallId: string; key: string } };
    expect(value.hallId).toBe(hallId);
    expect(await hub.halls.hallOfKey(value.key)).toBe(hallId);
    expect((await enrol({ code })).status).toBe(401);
    expect((await enrol({ code: 'AAAA-BBBB-CCCC' })).status).toBe(401);
  });
});
