// Issue #15, idempotency: the same requestId from the same device always gets the same answer — a
// refusal too, after thousands of other refusals and after a restart — and a requestId reused for
// another payload is refused with REQUEST_ID_REUSED and changes nothing. Real server on port 0, real
// SQLite file, real Socket.IO clients.
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { Ack, CommandOutcome } from '@luot/shared/contracts';
import type { DeviceId, VersionedEvent } from '@luot/shared/domain';
import { asCounterId, asDeviceId } from '@luot/shared/domain';
import { DEMO_CLERK_PIN } from '../src/app/demo-hall.ts';
import { HallStore, REFUSALS_KEPT_PER_DEVICE } from '../src/db/hall-store.ts';
import { MIGRATIONS, migrate } from '../src/db/migrations.ts';
import { openDatabase } from '../src/db/open.ts';
import type { TestClient } from './helpers.ts';
import { connectClient, requestId, startTestHall, tempDataDir } from './helpers.ts';

type TestHall = Awaited<ReturnType<typeof startTestHall>>;

const Q3 = asCounterId('q3');
const Q4 = asCounterId('q4');

const open: { hall?: TestHall; clients: TestClient[]; cleanups: (() => void)[] } = {
  clients: [],
  cleanups: [],
};
afterEach(async () => {
  for (const client of open.clients.splice(0)) client.close();
  await open.hall?.close();
  open.hall = undefined;
  for (const cleanup of open.cleanups.splice(0)) cleanup();
});

async function hallIn(dir: string): Promise<TestHall> {
  open.hall = await startTestHall({ dataDir: dir });
  return open.hall;
}

async function connect(hall: TestHall, token: string): Promise<TestClient> {
  const client = await connectClient(hall.url, token);
  open.clients.push(client);
  return client;
}

function closeClients(): void {
  for (const client of open.clients.splice(0)) client.close();
}

/** Send many commands at once (they share group commits) and return their answers. */
function sendAll(
  client: TestClient,
  event: 'ticket:no-show' | 'ticket:call-next',
  count: number,
): Promise<Ack<CommandOutcome>[]> {
  return Promise.all(Array.from({ length: count }, () => client.send(event, { requestId: requestId() })));
}

describe('the same requestId always gets the same answer', { timeout: 120_000 }, () => {
  it('a COUNTER_BUSY call-next resent after 2,000 other refusals and after a restart is still COUNTER_BUSY', async () => {
    const data = tempDataDir();
    open.cleanups.push(data.remove);
    let hall = await hallIn(data.dir);
    const kioskToken = hall.registerDevice('kiosk', 'Kiosk 1').token;
    const q3Token = hall.registerDevice('counter', 'Máy quầy 3', Q3).token;
    const q4Token = hall.registerDevice('counter', 'Máy quầy 4', Q4).token;
    const kiosk = await connect(hall, kioskToken);
    const q3 = await connect(hall, q3Token);
    const q4 = await connect(hall, q4Token);
    expect(
      (await q3.send('clerk:sign-in', { requestId: requestId(), username: 'canbo3', pin: DEMO_CLERK_PIN }))
        .ok,
    ).toBe(true);
    for (let index = 0; index < 3; index += 1)
      expect((await kiosk.send('ticket:issue', { requestId: requestId(), serviceId: 'ho-tich' })).ok).toBe(
        true,
      );

    expect((await q3.send('ticket:call-next', { requestId: requestId() })).ok).toBe(true);
    const busyId = requestId();
    const busy = await q3.send('ticket:call-next', { requestId: busyId });
    expect(busy).toMatchObject({ ok: false, error: { code: 'COUNTER_BUSY' } });
    // Now the clerk starts serving: judged again, the same call-next would complete and call the next.
    expect((await q3.send('ticket:start', { requestId: requestId() })).ok).toBe(true);

    // 2,000 other refusals: 1,000 from another terminal (no clerk signed in) and 1,000 from this one.
    const others = await sendAll(q4, 'ticket:call-next', 1_000);
    expect(new Set(others.map((answer) => (answer.ok ? 'ok' : answer.error.code)))).toEqual(
      new Set(['NOT_SIGNED_IN']),
    );
    const own = await sendAll(q3, 'ticket:no-show', 1_000);
    expect(new Set(own.map((answer) => (answer.ok ? 'ok' : answer.error.code)))).toEqual(
      new Set(['INVALID_STATE']),
    );

    const version = hall.service.state.version;
    expect(await q3.send('ticket:call-next', { requestId: busyId })).toEqual(busy);
    expect(hall.service.state.version).toBe(version);

    // A restart of the server: the refusal was on disk before it was answered.
    closeClients();
    await hall.close();
    hall = await hallIn(data.dir);
    const q3Again = await connect(hall, q3Token);
    expect(await q3Again.send('ticket:call-next', { requestId: busyId })).toEqual(busy);
    expect(hall.service.state.version).toBe(version);
    // The same requestId with another payload (here: the counter named) is another request.
    expect(await q3Again.send('ticket:call-next', { requestId: busyId, counterId: Q3 })).toMatchObject({
      ok: false,
      error: { code: 'REQUEST_ID_REUSED' },
    });
    expect(hall.service.state.version).toBe(version);
  });

  it('a requestId reused for another payload or event is refused with REQUEST_ID_REUSED and changes nothing', async () => {
    const data = tempDataDir();
    open.cleanups.push(data.remove);
    let hall = await hallIn(data.dir);
    const kioskToken = hall.registerDevice('kiosk', 'Kiosk 1').token;
    let kiosk = await connect(hall, kioskToken);
    const digest = (): string => JSON.stringify(hall.store.eventsSince(0));

    // In flight: the same request twice at once is answered once; another payload with its id is refused.
    const id = requestId();
    const [first, repeat, other] = await Promise.all([
      kiosk.send('ticket:issue', { requestId: id, serviceId: 'ho-tich' }),
      kiosk.send('ticket:issue', { requestId: id, serviceId: 'ho-tich' }),
      kiosk.send('ticket:issue', { requestId: id, serviceId: 'dat-dai' }),
    ]);
    expect(first.ok).toBe(true);
    expect(repeat).toEqual(first);
    expect(other).toMatchObject({ ok: false, error: { code: 'REQUEST_ID_REUSED' } });
    const issuedOnce = hall.store
      .eventsSince(0)
      .filter((event: VersionedEvent) => event.type === 'ticket.issued');
    expect(issuedOnce).toHaveLength(1);

    // After the answer: another service, another priority group, another event with the same id.
    const before = digest();
    for (const attempt of [
      kiosk.send('ticket:issue', { requestId: id, serviceId: 'dat-dai' }),
      kiosk.send('ticket:issue', { requestId: id, serviceId: 'ho-tich', priorityGroupId: 'nguoi-cao-tuoi' }),
      kiosk.send('ticket:print-result', { requestId: id, ticketId: 1, isPrinted: true }),
    ])
      expect(await attempt).toMatchObject({ ok: false, error: { code: 'REQUEST_ID_REUSED' } });
    expect(digest()).toBe(before);

    // A refusal is guarded the same way: the unknown service refused, then the id reused for a known one.
    const refusedId = requestId();
    const refused = await kiosk.send('ticket:issue', { requestId: refusedId, serviceId: 'khong-co' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await kiosk.send('ticket:issue', { requestId: refusedId, serviceId: 'ho-tich' })).toMatchObject({
      ok: false,
      error: { code: 'REQUEST_ID_REUSED' },
    });
    expect(digest()).toBe(before);

    // After a restart, the same holds, and the same payload still gets its first answer.
    closeClients();
    await hall.close();
    hall = await hallIn(data.dir);
    kiosk = await connect(hall, kioskToken);
    expect(await kiosk.send('ticket:issue', { requestId: id, serviceId: 'ho-tich' })).toEqual(first);
    expect(await kiosk.send('ticket:issue', { requestId: id, serviceId: 'dat-dai' })).toMatchObject({
      ok: false,
      error: { code: 'REQUEST_ID_REUSED' },
    });
    expect(await kiosk.send('ticket:issue', { requestId: refusedId, serviceId: 'khong-co' })).toEqual(
      refused,
    );
    expect(digest()).toBe(before);
  });

  it('a success that changed nothing is kept too: a repeat never carries out what the first did not', async () => {
    const data = tempDataDir();
    open.cleanups.push(data.remove);
    const hall = await hallIn(data.dir);
    const q3 = await connect(hall, hall.registerDevice('counter', 'Máy quầy 3', Q3).token);
    expect(
      (await q3.send('clerk:sign-in', { requestId: requestId(), username: 'canbo3', pin: DEMO_CLERK_PIN }))
        .ok,
    ).toBe(true);
    // The counter is open since the sign-in: opening it again changes nothing.
    const openId = requestId();
    const first = await q3.send('counter:open', { requestId: openId });
    expect(first).toMatchObject({ ok: true, value: { events: [] } });
    expect((await q3.send('counter:close', { requestId: requestId() })).ok).toBe(true);
    const version = hall.service.state.version;
    // Judged again, the repeat would now open the closed counter.
    expect(await q3.send('counter:open', { requestId: openId })).toEqual(first);
    expect(hall.service.state.version).toBe(version);
    expect(hall.service.state.counters[Q3]?.status).toBe('closed');
  });

  it('another device may use the same requestId: answers are kept per device', async () => {
    const data = tempDataDir();
    open.cleanups.push(data.remove);
    const hall = await hallIn(data.dir);
    const one = await connect(hall, hall.registerDevice('kiosk', 'Kiosk 1').token);
    const two = await connect(hall, hall.registerDevice('kiosk', 'Kiosk 2').token);
    const id = requestId();
    const first = await one.send('ticket:issue', { requestId: id, serviceId: 'ho-tich' });
    const second = await two.send('ticket:issue', { requestId: id, serviceId: 'dat-dai' });
    expect(first.ok && second.ok).toBe(true);
    if (first.ok && second.ok) expect(second.value.ticket.id).not.toBe(first.value.ticket.id);
  });
});

describe('kept refusals are bounded per device', () => {
  /** A store over a real, migrated SQLite file, keeping `bound` refusals per device. */
  function storeWithBound(bound: number): HallStore {
    const data = tempDataDir();
    const { db } = openDatabase(`${data.dir}/luot.sqlite`);
    open.cleanups.push(() => {
      db.close();
      data.remove();
    });
    return new HallStore(db, bound);
  }

  const refusal = (store: HallStore, deviceId: DeviceId, request: string): void => {
    const state = store.loadQueueState('2026-12-06');
    store.commitAll([
      {
        events: [],
        before: state,
        after: state,
        publicCodes: new Map(),
        idempotency: {
          deviceId,
          requestId: request,
          at: Date.now(),
          result: JSON.stringify({ ok: false, error: { code: 'QUEUE_EMPTY', message: 'nobody waiting' } }),
          fingerprint: `fp-${request}`,
          isRefusal: true,
        },
      },
    ]);
  };

  it('a device keeps its newest refusals only, and its flood never pushes out another device’s', () => {
    const store = storeWithBound(10);
    const noisy = asDeviceId('dev_noisy');
    const quiet = asDeviceId('dev_quiet');
    refusal(store, quiet, 'quiet-0');
    for (let index = 0; index < 40; index += 1) refusal(store, noisy, `noisy-${index}`);
    const kept = (
      store.db
        .prepare('SELECT request_id FROM command_results WHERE device_id = ? ORDER BY rowid')
        .all(noisy) as { request_id: string }[]
    ).map((row) => row.request_id);
    expect(kept).toEqual(Array.from({ length: 10 }, (_, index) => `noisy-${30 + index}`));
    expect(store.findCommandAnswer(quiet, 'quiet-0')).toMatchObject({ fingerprint: 'fp-quiet-0' });
    expect(store.findCommandAnswer(noisy, 'noisy-29')).toBeUndefined();
  });

  it('the hall keeps thousands per device (the bound a retrying client never reaches)', () => {
    expect(REFUSALS_KEPT_PER_DEVICE).toBeGreaterThanOrEqual(5_000);
  });

  it('answers stored before fingerprints existed are kept, without one, and still answered', () => {
    const data = tempDataDir();
    const raw = new BetterSqlite3(`${data.dir}/old.sqlite`);
    open.cleanups.push(() => {
      raw.close();
      data.remove();
    });
    // A database at schema 2 (before this issue) holding one stored answer.
    for (const [index, migration] of MIGRATIONS.slice(0, 2).entries()) {
      migration.up(raw);
      raw.pragma(`user_version = ${index + 1}`);
    }
    const answer = JSON.stringify({ ok: true, value: { version: 1, events: [] } });
    raw
      .prepare('INSERT INTO command_results (device_id, request_id, at, result) VALUES (?, ?, ?, ?)')
      .run('dev_old', 'old-request-1', 0, answer);
    expect(migrate(raw)).toEqual({ from: 2, to: MIGRATIONS.length });
    const store = new HallStore(raw);
    expect(store.findCommandAnswer(asDeviceId('dev_old'), 'old-request-1')).toEqual({
      result: answer,
      fingerprint: null,
    });
  });
});
