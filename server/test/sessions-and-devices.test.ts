// Issue #15, "Sessions and devices", through a real server on port 0, real SQLite files and real
// Socket.IO clients: a clerk's session belongs to the terminal that signed in (across a revocation and a
// restart), `pnpm luot revoke` reaches the running server, who may return a no-show, what a feedback
// tablet may rate.
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { versionedEventSchema } from '@luot/shared/contracts';
import type { Ticket, VersionedEvent } from '@luot/shared/domain';
import { asCounterId, asDeviceId } from '@luot/shared/domain';
import { runCli } from '../src/cli/main.ts';
import { MIGRATIONS, migrate } from '../src/db/migrations.ts';
import type { TestClient } from './helpers.ts';
import { HallStore } from '../src/db/hall-store.ts';
import { hashToken } from '../src/app/credentials.ts';
import {
  CONSOLE,
  connectClient,
  pairAndConnect,
  requestId,
  startTestHall,
  tempDataDir,
  waitFor,
} from './helpers.ts';

type TestHall = Awaited<ReturnType<typeof startTestHall>>;

async function signedInCounter(hall: TestHall, counter: string, username: string): Promise<TestClient> {
  const terminal = await pairAndConnect(hall, 'counter', asCounterId(counter));
  const signIn = await terminal.send('clerk:sign-in', { requestId: requestId(), username, pin: '1234' });
  expect(signIn.ok).toBe(true);
  return terminal;
}

async function issue(kiosk: TestClient, serviceId: string): Promise<Ticket> {
  const answer = await kiosk.send('ticket:issue', { requestId: requestId(), serviceId });
  if (!answer.ok) throw new Error(answer.error.code);
  return answer.value.ticket;
}

describe('returning a no-show and rating a visit, through the socket', () => {
  let hall: TestHall;
  const clients: TestClient[] = [];
  beforeEach(async () => {
    hall = await startTestHall();
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.close();
    await hall.dispose();
  });

  it('only a counter serving the ticket’s service returns its no-show', async () => {
    const kiosk = await pairAndConnect(hall, 'kiosk');
    // q3 serves hộ tịch and chứng thực; q4 hộ tịch; q1 only đất đai and tài nguyên.
    const q3 = await signedInCounter(hall, 'q3', 'canbo3');
    const q4 = await signedInCounter(hall, 'q4', 'canbo4');
    const q1 = await signedInCounter(hall, 'q1', 'canbo1');
    clients.push(kiosk, q3, q4, q1);
    const ticket = await issue(kiosk, 'ho-tich');
    expect((await q3.send('ticket:call-next', { requestId: requestId() })).ok).toBe(true);
    expect((await q3.send('ticket:no-show', { requestId: requestId() })).ok).toBe(true);

    const refused = await q1.send('ticket:return', { requestId: requestId(), ticketId: ticket.id });
    expect(refused.ok ? null : refused.error.code).toBe('FORBIDDEN');
    expect(hall.service.state.tickets[ticket.id]?.status).toBe('no_show');

    const returned = await q4.send('ticket:return', { requestId: requestId(), ticketId: ticket.id });
    expect(returned.ok).toBe(true);
    expect(hall.service.state.tickets[ticket.id]?.status).toBe('waiting');
  });

  it('a feedback tablet rates only the visit just completed at its counter, with listed reasons', async () => {
    const kiosk = await pairAndConnect(hall, 'kiosk');
    const q3 = await signedInCounter(hall, 'q3', 'canbo3');
    const tablet = await pairAndConnect(hall, 'feedback', asCounterId('q3'));
    clients.push(kiosk, q3, tablet);
    const older = await issue(kiosk, 'ho-tich');
    const latest = await issue(kiosk, 'ho-tich');
    for (let visit = 0; visit < 2; visit += 1) {
      expect((await q3.send('ticket:call-next', { requestId: requestId() })).ok).toBe(true);
      expect((await q3.send('ticket:complete', { requestId: requestId() })).ok).toBe(true);
    }
    const rate = (ticketId: number, reasons: string[]) =>
      tablet.send('feedback:rate', { requestId: requestId(), ticketId, rating: 1, reasons });

    const olderVisit = await rate(older.id, []);
    expect(olderVisit.ok ? null : olderVisit.error.code).toBe('FORBIDDEN');
    const freeText = await rate(latest.id, ['Cán bộ nói chuyện điện thoại riêng']);
    expect(freeText.ok ? null : freeText.error.code).toBe('NOT_FOUND');
    expect(hall.store.db.prepare('SELECT COUNT(*) AS n FROM ratings').get()).toEqual({ n: 0 });

    const listed = hall.service.hallConfig.satisfaction.lowRatingReasons[0]!.vi;
    expect((await rate(latest.id, [listed])).ok).toBe(true);
    expect(hall.store.db.prepare('SELECT ticket_id AS ticketId, reasons FROM ratings').all()).toEqual([
      { ticketId: latest.id, reasons: JSON.stringify([listed]) },
    ]);
  });
});

/** Every clerk.signed-out a client folded, from its changes. */
function signedOutEvents(client: TestClient): VersionedEvent[] {
  const seen: VersionedEvent[] = [];
  client.socket.on('hall:changes', (changes) => {
    for (const event of changes.events) if (event.type === 'clerk.signed-out') seen.push(event);
  });
  return seen;
}

describe('a clerk session belongs to the terminal that signed in', () => {
  const data = tempDataDir();
  let hall: TestHall;
  const clients: TestClient[] = [];
  beforeEach(async () => {
    hall = await startTestHall({ dataDir: data.dir });
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.close();
    await hall.dispose();
    data.remove();
  });

  it('revoking the terminal from the console signs the clerk out; the second terminal is not the clerk', async () => {
    const first = hall.registerDevice('counter', 'Máy quầy 3', asCounterId('q3'));
    const second = hall.registerDevice('counter', 'Máy quầy 3 (dự phòng)', asCounterId('q3'));
    const kiosk = await pairAndConnect(hall, 'kiosk');
    const display = await pairAndConnect(hall, 'display');
    const signedOut = signedOutEvents(display);
    const terminal1 = await connectClient(hall.url, first.token);
    clients.push(kiosk, display, terminal1);
    await issue(kiosk, 'ho-tich');
    expect(
      (await terminal1.send('clerk:sign-in', { requestId: requestId(), username: 'canbo3', pin: '1234' })).ok,
    ).toBe(true);
    const terminal2 = await connectClient(hall.url, second.token);
    clients.push(terminal2);
    expect(terminal2.snapshot.identity.clerkId).toBeNull();

    const disconnected = new Promise<string>((resolve) => terminal1.socket.once('disconnect', resolve));
    expect(hall.service.revokeDevice(CONSOLE, asDeviceId(first.deviceId))).toBe(true);
    expect(await disconnected).toBe('io server disconnect');

    const call = await terminal2.send('ticket:call-next', { requestId: requestId() });
    expect(call.ok ? null : call.error.code).toBe('NOT_SIGNED_IN');
    await waitFor(() => signedOut.length === 1, 5_000, 'the display to see the clerk signed out');
    expect(signedOut[0]).toMatchObject({ counterId: 'q3', reason: 'revoked', by: { role: 'manager' } });
    await waitFor(() => display.state().counters.q3?.clerkId === null, 5_000, 'the display to fold it');
    expect(hall.service.state.counters.q3?.clerkId).toBeNull();
    expect(hall.store.loadCounterSessions()).toEqual([]);
    // The clerk signs in again, with the PIN, on the terminal that is left.
    expect(
      (await terminal2.send('clerk:sign-in', { requestId: requestId(), username: 'canbo3', pin: '1234' })).ok,
    ).toBe(true);
    expect((await terminal2.send('ticket:call-next', { requestId: requestId() })).ok).toBe(true);
  });

  it('after a restart the session is still the first terminal’s, never the second’s', async () => {
    const first = hall.registerDevice('counter', 'Máy quầy 3', asCounterId('q3'));
    const second = hall.registerDevice('counter', 'Máy quầy 3 (dự phòng)', asCounterId('q3'));
    const kiosk = await pairAndConnect(hall, 'kiosk');
    const terminal1 = await connectClient(hall.url, first.token);
    await issue(kiosk, 'ho-tich');
    expect(
      (await terminal1.send('clerk:sign-in', { requestId: requestId(), username: 'canbo3', pin: '1234' })).ok,
    ).toBe(true);
    kiosk.close();
    terminal1.close();
    await hall.close();

    hall = await startTestHall({ dataDir: data.dir });
    const terminal2 = await connectClient(hall.url, second.token);
    clients.push(terminal2);
    expect(terminal2.snapshot.identity.clerkId).toBeNull();
    const refused = await terminal2.send('ticket:call-next', { requestId: requestId() });
    expect(refused.ok ? null : refused.error.code).toBe('NOT_SIGNED_IN');
    const pause = await terminal2.send('counter:pause', { requestId: requestId(), reason: 'Nghỉ' });
    expect(pause.ok ? null : pause.error.code).toBe('NOT_SIGNED_IN');
    const signOut = await terminal2.send('clerk:sign-out', { requestId: requestId(), reason: 'sign-out' });
    expect(signOut.ok ? null : signOut.error.code).toBe('NOT_SIGNED_IN');

    const again = await connectClient(hall.url, first.token);
    clients.push(again);
    expect(again.snapshot.identity.clerkId).toBe(hall.service.state.counters.q3?.clerkId);
    expect((await again.send('ticket:call-next', { requestId: requestId() })).ok).toBe(true);
  });

  it('a terminal that loses its session gets the change first, then session:ended (moved, takeover)', async () => {
    const q3 = hall.registerDevice('counter', 'Máy quầy 3', asCounterId('q3'));
    const q3spare = hall.registerDevice('counter', 'Máy quầy 3 (dự phòng)', asCounterId('q3'));
    const q4 = hall.registerDevice('counter', 'Máy quầy 4', asCounterId('q4'));
    const [terminal3, spare3, terminal4] = await Promise.all(
      [q3, q3spare, q4].map((device) => connectClient(hall.url, device.token)),
    );
    clients.push(terminal3!, spare3!, terminal4!);
    const signIn = (terminal: TestClient, username: string) =>
      terminal.send('clerk:sign-in', { requestId: requestId(), username, pin: '1234' });
    /** What `terminal` receives, in order: changes that sign a clerk out, and session notices. */
    const arrivals = (terminal: TestClient): string[] => {
      const seen: string[] = [];
      terminal.socket.on('hall:changes', (changes) => {
        for (const event of changes.events) if (event.type === 'clerk.signed-out') seen.push(`signed-out`);
      });
      terminal.socket.on('session:ended', (notice) => seen.push(`session:ended ${notice.reason}`));
      return seen;
    };

    // Moved: the clerk of q3 signs in at q4; q3's terminal sees the change, then the notice.
    expect((await signIn(terminal3!, 'canbo3')).ok).toBe(true);
    const atQ3 = arrivals(terminal3!);
    expect((await signIn(terminal4!, 'canbo3')).ok).toBe(true);
    await waitFor(() => atQ3.length === 2, 5_000, 'the change and the notice at q3');
    expect(atQ3).toEqual(['signed-out', 'session:ended moved']);

    // Takeover: another clerk signs in on q3's spare terminal while q3's terminal holds the counter.
    expect((await signIn(terminal3!, 'canbo5')).ok).toBe(true);
    const atQ3again = arrivals(terminal3!);
    expect((await signIn(spare3!, 'canbo6')).ok).toBe(true);
    await waitFor(() => atQ3again.length === 2, 5_000, 'the change and the notice at q3 again');
    expect(atQ3again).toEqual(['signed-out', 'session:ended takeover']);
  });

  it('the same clerk signing in again on another terminal moves the session there, across a restart', async () => {
    const first = hall.registerDevice('counter', 'Máy quầy 3', asCounterId('q3'));
    const second = hall.registerDevice('counter', 'Máy quầy 3 (dự phòng)', asCounterId('q3'));
    const terminal1 = await connectClient(hall.url, first.token);
    const terminal2 = await connectClient(hall.url, second.token);
    const ended = new Promise((resolve) => terminal1.socket.once('session:ended', resolve));
    for (const terminal of [terminal1, terminal2]) {
      const signIn = { requestId: requestId(), username: 'canbo3', pin: '1234' };
      expect((await terminal.send('clerk:sign-in', signIn)).ok).toBe(true);
    }
    expect(await ended).toMatchObject({ reason: 'takeover' });
    terminal1.close();
    terminal2.close();
    await hall.close();

    hall = await startTestHall({ dataDir: data.dir });
    const old = await connectClient(hall.url, first.token);
    const current = await connectClient(hall.url, second.token);
    clients.push(old, current);
    expect(old.snapshot.identity.clerkId).toBeNull();
    expect(current.snapshot.identity.clerkId).not.toBeNull();
  });
});

describe('`pnpm luot revoke` reaches the running server', () => {
  let hall: TestHall;
  const clients: TestClient[] = [];
  const previousDataDir = process.env.LUOT_DATA_DIR;
  beforeEach(async () => {
    hall = await startTestHall({ revocationCheckIntervalMs: 250 });
    process.env.LUOT_DATA_DIR = hall.dataDir;
  });
  afterEach(async () => {
    if (previousDataDir === undefined) delete process.env.LUOT_DATA_DIR;
    else process.env.LUOT_DATA_DIR = previousDataDir;
    for (const client of clients.splice(0)) client.close();
    await hall.dispose();
  });

  it('drops the revoked display and terminal within seconds and signs the clerk out', async () => {
    const terminal = hall.registerDevice('counter', 'Máy quầy 3', asCounterId('q3'));
    const tv = hall.registerDevice('display', 'Màn hình gọi số');
    const watcher = await pairAndConnect(hall, 'display');
    const signedOut = signedOutEvents(watcher);
    const counter = await connectClient(hall.url, terminal.token);
    const display = await connectClient(hall.url, tv.token);
    clients.push(watcher, counter, display);
    expect(
      (await counter.send('clerk:sign-in', { requestId: requestId(), username: 'canbo3', pin: '1234' })).ok,
    ).toBe(true);
    const dropped = (client: TestClient): Promise<number> =>
      new Promise((resolve) => client.socket.once('disconnect', () => resolve(Date.now())));
    const displayDropped = dropped(display);
    const counterDropped = dropped(counter);

    const printed: string[] = [];
    const revokedAt = Date.now();
    expect(await runCli(['revoke', tv.deviceId], (line) => printed.push(line))).toBe(0);
    expect(await runCli(['revoke', terminal.deviceId], (line) => printed.push(line))).toBe(0);
    expect(printed[0]).toContain(`Revoked ${tv.deviceId}`);

    // Nothing is sent by either device: the server notices in the database.
    const [displayAt, counterAt] = await Promise.all([displayDropped, counterDropped]);
    expect(displayAt - revokedAt).toBeLessThan(10_000);
    expect(counterAt - revokedAt).toBeLessThan(10_000);
    await waitFor(() => signedOut.length === 1, 5_000, 'the clerk signed out');
    expect(signedOut[0]).toMatchObject({ counterId: 'q3', reason: 'revoked', by: { role: 'system' } });
    // The province hub takes the new reason when the hall ships it.
    expect(versionedEventSchema.safeParse(signedOut[0]).success).toBe(true);
    console.info(
      `luot revoke → dropped by the running server: display ${displayAt - revokedAt} ms, terminal ${counterAt - revokedAt} ms`,
    );
    await expect(connectClient(hall.url, tv.token)).rejects.toMatchObject({
      data: { code: 'UNAUTHORIZED' },
    });
  });
});

describe('a terminal revoked with the CLI while the server was off', () => {
  it('has its clerk signed out soon after the next start; the other terminal is not the clerk', async () => {
    const data = tempDataDir();
    const previousDataDir = process.env.LUOT_DATA_DIR;
    process.env.LUOT_DATA_DIR = data.dir;
    let hall = await startTestHall({ dataDir: data.dir, revocationCheckIntervalMs: 250 });
    try {
      const first = hall.registerDevice('counter', 'Máy quầy 3', asCounterId('q3'));
      const second = hall.registerDevice('counter', 'Máy quầy 3 (dự phòng)', asCounterId('q3'));
      const terminal = await connectClient(hall.url, first.token);
      const signIn = { requestId: requestId(), username: 'canbo3', pin: '1234' };
      expect((await terminal.send('clerk:sign-in', signIn)).ok).toBe(true);
      terminal.close();
      await hall.close();

      expect(await runCli(['revoke', first.deviceId], () => {})).toBe(0);
      hall = await startTestHall({ dataDir: data.dir, revocationCheckIntervalMs: 250 });
      const display = await pairAndConnect(hall, 'display');
      const other = await connectClient(hall.url, second.token);
      await waitFor(() => hall.service.state.counters.q3?.clerkId === null, 5_000, 'the clerk signed out');
      const events = hall.store.eventsSince(0).filter((event) => event.type === 'clerk.signed-out');
      expect(events.at(-1)).toMatchObject({ counterId: 'q3', reason: 'revoked', by: { role: 'system' } });
      await waitFor(() => display.state().counters.q3?.clerkId === null, 5_000, 'the display to see it');
      const refused = await other.send('ticket:call-next', { requestId: requestId() });
      expect(refused.ok ? null : refused.error.code).toBe('NOT_SIGNED_IN');
      display.close();
      other.close();
    } finally {
      if (previousDataDir === undefined) delete process.env.LUOT_DATA_DIR;
      else process.env.LUOT_DATA_DIR = previousDataDir;
      await hall.close();
      data.remove();
    }
  });
});

describe('migration 003: sessions open at the upgrade keep their terminal', () => {
  it('binds each staffed counter to the device of its latest clerk.signed-in for that clerk', () => {
    const db = new BetterSqlite3(':memory:');
    for (const [index, migration] of MIGRATIONS.slice(0, 2).entries()) {
      migration.up(db);
      db.pragma(`user_version = ${index + 1}`);
    }
    const insertEvent = db.prepare(
      `INSERT INTO events (version, type, at, actor_role, device_id, clerk_id, ticket_id, counter_id, body)
       VALUES (?, ?, ?, 'counter', ?, NULL, NULL, ?, ?)`,
    );
    const signedIn = (version: number, device: string, counter: string, clerkId: string): void => {
      insertEvent.run(
        version,
        'clerk.signed-in',
        version * 1000,
        device,
        counter,
        JSON.stringify({ clerkId }),
      );
    };
    signedIn(1, 'old-terminal', 'q1', 'cb1');
    signedIn(2, 'terminal-q1', 'q1', 'cb1'); // the latest for q1: it holds the session
    signedIn(3, 'terminal-q2', 'q2', 'cb2'); // q2 has since been left: no session
    signedIn(4, 'terminal-q3', 'q3', 'cb9'); // q3 is staffed by another clerk now: nobody holds it
    const counter = db.prepare('INSERT INTO counters (id, body) VALUES (?, ?)');
    counter.run('q1', JSON.stringify({ id: 'q1', clerkId: 'cb1' }));
    counter.run('q2', JSON.stringify({ id: 'q2', clerkId: null }));
    counter.run('q3', JSON.stringify({ id: 'q3', clerkId: 'cb3' }));

    expect(migrate(db)).toEqual({ from: 2, to: MIGRATIONS.length });
    expect(db.prepare('SELECT * FROM counter_sessions').all()).toEqual([
      { counter_id: 'q1', device_id: 'terminal-q1', clerk_id: 'cb1', signed_in_at: 2000 },
    ]);
    db.close();
  });
});

describe('there is no manager device kind', () => {
  let hall: TestHall;
  const clients: TestClient[] = [];
  const previousDataDir = process.env.LUOT_DATA_DIR;
  beforeEach(async () => {
    hall = await startTestHall();
    process.env.LUOT_DATA_DIR = hall.dataDir;
  });
  afterEach(async () => {
    if (previousDataDir === undefined) delete process.env.LUOT_DATA_DIR;
    else process.env.LUOT_DATA_DIR = previousDataDir;
    for (const client of clients.splice(0)) client.close();
    await hall.dispose();
  });

  it('neither the console nor the CLI makes a manager pairing code; a console session still manages', async () => {
    const console = await pairAndConnect(hall, 'manager');
    clients.push(console);
    expect(console.snapshot.identity.role).toBe('manager');
    const refused = await console.send('device:create-pairing', {
      requestId: requestId(),
      // A hostile console client: the contract no longer has the kind, so the type is forced.
      kind: 'manager' as 'kiosk',
      name: 'Máy quản lý',
    });
    expect(refused.ok ? null : refused.error.code).toBe('VALIDATION_FAILED');
    const printed: string[] = [];
    expect(await runCli(['pair', '--kind', 'manager'], (line) => printed.push(line))).toBe(2);
    expect(printed.join(' ')).toContain('kiosk, counter, feedback, display');
    expect(hall.store.db.prepare('SELECT COUNT(*) AS n FROM pairing_codes').get()).toEqual({ n: 0 });
    const kiosk = await console.send('device:create-pairing', {
      requestId: requestId(),
      kind: 'kiosk',
      name: 'Kiosk 2',
    });
    expect(kiosk.ok).toBe(true);
  });
});

describe('migration 004: manager devices of an older hall are revoked on upgrade', () => {
  it('revokes their tokens, deletes their unused codes, records it in the audit log, leaves the rest', () => {
    const db = new BetterSqlite3(':memory:');
    for (const [index, migration] of MIGRATIONS.slice(0, 3).entries()) {
      migration.up(db);
      db.pragma(`user_version = ${index + 1}`);
    }
    const device = db.prepare(
      'INSERT INTO devices (id, kind, name, counter_id, token_hash, created_at) VALUES (?, ?, ?, NULL, ?, 1)',
    );
    device.run('dev_manager', 'manager', 'Máy quản lý', hashToken('manager-token-0123456789'));
    device.run('dev_kiosk', 'kiosk', 'Kiosk 1', hashToken('kiosk-token-0123456789abc'));
    const code = db.prepare(
      'INSERT INTO pairing_codes (code, kind, name, counter_id, created_at, expires_at) VALUES (?, ?, ?, NULL, 1, ?)',
    );
    code.run('111111', 'manager', 'Quản lý', Number.MAX_SAFE_INTEGER);
    code.run('222222', 'display', 'Màn hình', Number.MAX_SAFE_INTEGER);

    migrate(db);
    const rows = db.prepare('SELECT id, revoked_at AS revokedAt FROM devices ORDER BY id').all() as {
      id: string;
      revokedAt: number | null;
    }[];
    expect(rows.map((row) => [row.id, row.revokedAt === null ? 'active' : 'revoked'])).toEqual([
      ['dev_kiosk', 'active'],
      ['dev_manager', 'revoked'],
    ]);
    expect(db.prepare('SELECT code FROM pairing_codes').all()).toEqual([{ code: '222222' }]);
    expect(
      db.prepare("SELECT type, json_extract(detail, '$.deviceId') AS deviceId FROM admin_actions").all(),
    ).toEqual([{ type: 'device.revoked', deviceId: 'dev_manager' }]);
    const store = new HallStore(db);
    expect(store.findDeviceByTokenHash(hashToken('manager-token-0123456789'))).toBeUndefined();
    expect(store.listDevices().map((row) => row.kind)).toEqual(['kiosk']);
    db.close();
  });
});
