import { existsSync } from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QueueState } from '@luot/shared/domain';
import { asCounterId, emptyQueueState, evolveAll, isOpenTicket } from '@luot/shared/domain';
import { MIGRATIONS, migrate } from '../src/db/migrations.ts';
import { PAGE_CACHE_KIB, openDatabase } from '../src/db/open.ts';
import { HallStore, readTicket } from '../src/db/hall-store.ts';
import { DATABASE_FILE } from '../src/hall-server.ts';
import { runCli } from '../src/cli/main.ts';
import type { TestClient } from './helpers.ts';
import { pairAndConnect, requestId, startTestHall, tempDataDir } from './helpers.ts';

describe('the database', () => {
  it('opens with WAL and synchronous=FULL and records the schema in user_version', () => {
    const data = tempDataDir();
    const { db, state } = openDatabase(path.join(data.dir, 'a.sqlite'));
    expect(state).toMatchObject({ journalMode: 'wal', synchronous: 2, schemaVersion: MIGRATIONS.length });
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    // Tables are STRICT: a wrong type is refused by SQLite itself.
    expect(() => db.prepare("INSERT INTO counters (id, body) VALUES (1, x'00')").run()).toThrow();
    db.close();
    data.remove();
  });

  it('keeps one index for lookups of events by ticket (each index is one more WAL page per event)', () => {
    const data = tempDataDir();
    const { db } = openDatabase(path.join(data.dir, 'indexes.sqlite'));
    const eventIndexes = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'events' ORDER BY name")
      .all()
      .map((row) => (row as { name: string }).name);
    expect(eventIndexes).toEqual(['events_at', 'events_ticket_type', 'events_type_at']);
    // A ticket's history and its first call are still found through the index, not by a scan.
    const plan = (sql: string): string =>
      db
        .prepare(`EXPLAIN QUERY PLAN ${sql}`)
        .all()
        .map((row) => (row as { detail: string }).detail)
        .join(' | ');
    expect(plan('SELECT * FROM events WHERE ticket_id = 5 ORDER BY version')).toContain(
      'USING INDEX events_ticket_type (ticket_id=?)',
    );
    expect(plan("SELECT MIN(at) FROM events WHERE ticket_id = 5 AND type = 'ticket.called'")).toContain(
      'USING COVERING INDEX events_ticket_type (ticket_id=? AND type=?)',
    );
    db.close();
    data.remove();
  });

  it('bounds its page cache at PAGE_CACHE_KIB, not the 16 MB better-sqlite3 is built with', () => {
    const data = tempDataDir();
    const { db } = openDatabase(path.join(data.dir, 'cache.sqlite'));
    expect(PAGE_CACHE_KIB).toBeLessThan(16_000);
    // A negative cache_size is in KiB; a positive one would be pages.
    expect(db.pragma('cache_size', { simple: true })).toBe(-PAGE_CACHE_KIB);
    db.close();
    data.remove();
  });

  it('reads a ticket stored before lastCalledCounterId and lastTransfer existed as evolve would have made it', () => {
    const stored = {
      id: 7,
      number: 'A007',
      status: 'called',
      counterId: 'q3',
      lastCalledAt: 1_000,
      transferCount: 0,
    };
    expect(readTicket(JSON.stringify(stored))).toMatchObject({
      lastCalledCounterId: 'q3',
      lastTransfer: null,
    });
    expect(
      readTicket(JSON.stringify({ ...stored, status: 'waiting', counterId: null, lastCalledAt: null })),
    ).toMatchObject({ lastCalledCounterId: null, lastTransfer: null });
  });

  it('refuses a database written by a newer Lượt', () => {
    const data = tempDataDir();
    const file = path.join(data.dir, 'future.sqlite');
    const raw = new BetterSqlite3(file);
    raw.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    raw.close();
    expect(() => openDatabase(file)).toThrow(/newer than this server/);
    data.remove();
  });

  it('migrates idempotently: running again changes nothing', () => {
    const db = new BetterSqlite3(':memory:');
    expect(migrate(db)).toEqual({ from: 0, to: MIGRATIONS.length });
    expect(migrate(db)).toEqual({ from: MIGRATIONS.length, to: MIGRATIONS.length });
    db.close();
  });

  it('uses an index for the hot queries', () => {
    const db = new BetterSqlite3(':memory:');
    migrate(db);
    const plan = (sql: string): string =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[])
        .map((row) => row.detail)
        .join(' | ');
    expect(plan("SELECT id FROM tickets WHERE status IN ('waiting','called','serving')")).toMatch(
      /tickets_open/,
    );
    expect(plan("SELECT id FROM tickets WHERE business_day = '2026-11-29'")).toMatch(
      /tickets_day|sqlite_autoindex/,
    );
    expect(plan('SELECT body FROM events WHERE version > 10 ORDER BY version')).toMatch(
      /INTEGER PRIMARY KEY|rowid/i,
    );
    expect(plan('SELECT version FROM events WHERE ticket_id = 5')).toMatch(/events_ticket/);
    expect(plan("SELECT * FROM tickets WHERE public_code = 'abc'")).toMatch(/sqlite_autoindex_tickets/);
    db.close();
  });
});

describe('projections agree with the event log', () => {
  let hall: Awaited<ReturnType<typeof startTestHall>>;
  let kiosk: TestClient;
  let counter: TestClient;
  let feedback: TestClient;
  beforeAll(async () => {
    hall = await startTestHall();
    kiosk = await pairAndConnect(hall, 'kiosk');
    counter = await pairAndConnect(hall, 'counter', asCounterId('q3'));
    feedback = await pairAndConnect(hall, 'feedback', asCounterId('q3'));
    await counter.send('clerk:sign-in', { requestId: requestId(), username: 'canbo3', pin: '1234' });
    for (let index = 0; index < 6; index += 1) {
      await kiosk.send('ticket:issue', {
        requestId: requestId(),
        serviceId: index % 2 ? 'ho-tich' : 'chung-thuc',
        priorityGroupId: index === 4 ? 'phu-nu-mang-thai' : null,
      });
    }
    for (let index = 0; index < 3; index += 1) {
      await counter.send('ticket:call-next', { requestId: requestId() });
      await counter.send('ticket:start', { requestId: requestId() });
      await counter.send('ticket:complete', { requestId: requestId() });
    }
    const rated = hall.service.state.counters.q3!.lastCompletedTicketId!;
    await feedback.send('feedback:rate', {
      requestId: requestId(),
      ticketId: rated,
      rating: 1,
      reasons: ['Thời gian chờ lâu'],
    });
    await counter.send('ticket:call-next', { requestId: requestId() });
    await counter.send('ticket:no-show', { requestId: requestId() });
    await counter.send('ticket:call-next', { requestId: requestId() });
    await counter.send('ticket:transfer', {
      requestId: requestId(),
      ticketId: hall.service.state.counters.q3!.currentTicketId!,
      toServiceId: 'dat-dai',
    });
  });
  afterAll(async () => {
    kiosk.close();
    counter.close();
    feedback.close();
    await hall.dispose();
  });

  it('replaying every event through the shared evolve gives the state the server holds and reloads', () => {
    const events = hall.store.eventsSince(0);
    expect(events.map((event) => event.version)).toEqual(events.map((_, index) => index + 1));
    const replayed = evolveAll(emptyQueueState(hall.service.state.businessDay), events);
    expect(replayed).toEqual(hall.service.state);
    const reloaded = new HallStore(hall.store.db).loadQueueState('1970-01-01');
    const comparable = (state: QueueState): unknown => ({
      ...state,
      tickets: Object.fromEntries(
        Object.entries(state.tickets).filter(
          ([, ticket]) => ticket.businessDay === state.businessDay || isOpenTicket(ticket),
        ),
      ),
    });
    expect(comparable(reloaded)).toEqual(comparable(hall.service.state));
    const ratings = hall.store.db.prepare('SELECT rating, reasons FROM ratings').all();
    expect(ratings).toEqual([{ rating: 1, reasons: '["Thời gian chờ lâu"]' }]);
  });

  it('backs up while running, and the CLI pairs, resets PINs and lists devices', async () => {
    const target = path.join(hall.dataDir, 'backup-test.sqlite');
    const previous = process.env.LUOT_DATA_DIR;
    process.env.LUOT_DATA_DIR = hall.dataDir;
    const lines: string[] = [];
    try {
      expect(await runCli(['backup', '--to', target], (line) => lines.push(line))).toBe(0);
      expect(existsSync(target)).toBe(true);
      const copy = new BetterSqlite3(target, { readonly: true });
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      expect((copy.prepare('SELECT MAX(version) AS v FROM events').get() as { v: number }).v).toBe(
        hall.service.state.version,
      );
      copy.close();

      expect(await runCli(['pair', '--kind', 'counter', '--counter', 'q7'], (line) => lines.push(line))).toBe(
        0,
      );
      const code = /Pairing code: (\d{6})/.exec(lines.join('\n'))?.[1];
      const paired = await fetch(`${hall.url}/api/pair`, { method: 'POST', body: JSON.stringify({ code }) });
      expect(paired.status).toBe(200);
      expect(await runCli(['pair', '--kind', 'counter'], (line) => lines.push(line))).toBe(2);
      // Weak PINs are refused; a PIN set here must be replaced by the clerk at the next sign-in.
      expect(await runCli(['reset-pin', 'canbo4', '--pin', '1234'], (line) => lines.push(line))).toBe(2);
      expect(await runCli(['reset-pin', 'canbo4', '--pin', '8642'], (line) => lines.push(line))).toBe(0);
      const terminal = await pairAndConnect(hall, 'counter', asCounterId('q4'));
      const first = await terminal.send('clerk:sign-in', {
        requestId: requestId(),
        username: 'canbo4',
        pin: '8642',
      });
      expect(first.ok || first.error.code).toBe('PIN_CHANGE_REQUIRED');
      expect(
        (
          await terminal.send('clerk:sign-in', {
            requestId: requestId(),
            username: 'canbo4',
            pin: '8642',
            newPin: '730519',
          })
        ).ok,
      ).toBe(true);
      terminal.close();
      expect(await runCli(['devices'], (line) => lines.push(line))).toBe(0);
      expect(lines.join('\n')).toMatch(/counter\s+q7\s+active/);
      expect(path.basename(path.join(hall.dataDir, DATABASE_FILE))).toBe(DATABASE_FILE);
    } finally {
      if (previous === undefined) delete process.env.LUOT_DATA_DIR;
      else process.env.LUOT_DATA_DIR = previous;
    }
  });
});
