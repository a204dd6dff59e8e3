import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { IssueOutcome } from '@luot/shared/contracts';
import type { ServiceId } from '@luot/shared/domain';
import { asCounterId, asDeviceId, asServiceId } from '@luot/shared/domain';
import { DEMO_CLERK_PIN } from '../src/app/demo-hall.ts';
import type { HallServer } from '../src/hall-server.ts';
import { DATABASE_FILE } from '../src/hall-server.ts';
import { pairAndConnect, startTestHall, tempDataDir, waitFor } from './helpers.ts';
import { auditDatabase } from './support/database-audit.ts';
import type { Operation } from './support/recording-client.ts';
import { RecordingClient } from './support/recording-client.ts';

// The business day rolls over at the hall's rollover hour (midnight in Hà Nội, UTC+7 here): with the
// server running, with the server down across midnight, and not at all on a restart in the middle of a
// day. Every command goes through a recording client, and each test ends with the history audit
// (support/database-audit.ts): nothing acknowledged lost, nothing called twice, nothing never issued,
// numbering contiguous per service and day, integrity_check ok.

/** A clock the test moves by hand (the only fake: the hardware edge of time). */
function manualClock(start: string): { now: () => number; set: (iso: string) => void } {
  let now = Date.parse(start);
  return { now: () => now, set: (iso) => (now = Date.parse(iso)) };
}

const HO_TICH = asServiceId('ho-tich');
const Q3 = asCounterId('q3');

/** A kiosk and counter q3's terminal, registered once; each server life connects them anew. */
function hallDevices(hall: HallServer): {
  kiosk: { deviceId: ReturnType<typeof asDeviceId>; token: string };
  counter: { deviceId: ReturnType<typeof asDeviceId>; token: string };
} {
  const register = (...args: Parameters<HallServer['registerDevice']>) => {
    const { deviceId, token } = hall.registerDevice(...args);
    return { deviceId: asDeviceId(deviceId), token };
  };
  return { kiosk: register('kiosk', 'Kiosk 1'), counter: register('counter', 'Máy quầy 3', Q3) };
}

async function issue(
  kiosk: RecordingClient,
  life: number,
  serviceId: ServiceId = HO_TICH,
): Promise<IssueOutcome['ticket']> {
  const outcome = await kiosk.run('ticket:issue', { serviceId }, life);
  if (outcome.kind !== 'ok') throw new Error(`issue refused: ${JSON.stringify(outcome)}`);
  return outcome.value.ticket;
}

function expectSoundHistory(dataDir: string, history: readonly Operation[]): void {
  const { violations } = auditDatabase(path.join(dataDir, DATABASE_FILE), history);
  expect(violations).toEqual([]);
}

/** Every ticket row as `number day: status`, from the database itself. */
const ticketRows = (hall: HallServer): string[] =>
  (
    hall.store.db.prepare('SELECT number, business_day, status FROM tickets ORDER BY id').all() as {
      number: string;
      business_day: string;
      status: string;
    }[]
  ).map((row) => `${row.number} ${row.business_day}: ${row.status}`);

describe('business-day rollover', () => {
  it('restarts numbering at the hall’s midnight (UTC+7) and expires open tickets, with the server running', async () => {
    const data = tempDataDir();
    const history: Operation[] = [];
    // 16:59 UTC is 23:59 in Hà Nội.
    const clock = manualClock('2026-11-29T16:59:00Z');
    const hall = await startTestHall({ clock, tickIntervalMs: 20, dataDir: data.dir });
    try {
      const devices = hallDevices(hall);
      const kiosk = await RecordingClient.connect(hall.url, devices.kiosk, 'kiosk', history, 'rollover');
      // A display sends no commands; it keeps a replica, which must roll over with the server.
      const display = await pairAndConnect(hall, 'display');
      const first = await issue(kiosk, 0);
      const second = await issue(kiosk, 0);
      expect([first.number, second.number, first.businessDay]).toEqual(['B001', 'B002', '2026-11-29']);

      clock.set('2026-11-29T17:00:30Z'); // 00:00:30 on the 30th in Hà Nội
      await waitFor(() => hall.service.state.businessDay === '2026-11-30', 2_000, 'the tick to roll the day');
      await waitFor(
        () => display.state().businessDay === '2026-11-30',
        2_000,
        'the display to see the new day',
      );
      expect(Object.keys(display.state().tickets)).toEqual([]);
      expect(display.state()).toEqual(hall.service.state);
      const expired = hall.store.db
        .prepare("SELECT COUNT(*) AS n FROM tickets WHERE status = 'expired'")
        .get() as { n: number };
      expect(expired.n).toBe(2);

      const next = await issue(kiosk, 0);
      expect([next.number, next.businessDay]).toEqual(['B001', '2026-11-30']);
      expect(next.id).toBeGreaterThan(second.id); // ids are never reused
      kiosk.close();
      display.close();
    } finally {
      await hall.close();
    }
    expectSoundHistory(data.dir, history);
    data.remove();
  });

  it('starts the new day on restart when the server was down across midnight, then keeps it through a restart mid-day', async () => {
    const data = tempDataDir();
    const history: Operation[] = [];
    // 22:30 in Hà Nội on the 29th: the evening's last tickets are still open when the server goes down.
    const clock = manualClock('2026-11-29T15:30:00Z');
    let hall = await startTestHall({ clock, dataDir: data.dir, tickIntervalMs: 60_000 });
    const devices = hallDevices(hall);
    let life = 0;
    const connect = async (): Promise<{ kiosk: RecordingClient; counter: RecordingClient }> => ({
      kiosk: await RecordingClient.connect(hall.url, devices.kiosk, 'kiosk', history, `rollover-l${life}`),
      counter: await RecordingClient.connect(hall.url, devices.counter, 'q3', history, `rollover-l${life}`),
    });
    let { kiosk, counter } = await connect();
    try {
      const signIn = await counter.run('clerk:sign-in', { username: 'canbo3', pin: DEMO_CLERK_PIN }, life);
      expect(signIn.kind).toBe('ok');
      const evening = [await issue(kiosk, life), await issue(kiosk, life), await issue(kiosk, life)];
      expect((await counter.run('ticket:call-next', {}, life)).kind).toBe('ok');
      expect(hall.service.state.businessDay).toBe('2026-11-29');
      kiosk.close();
      counter.close();
      await hall.close();
      // The server really was down before midnight, with tickets open.
      expect(clock.now()).toBeLessThan(Date.parse('2026-11-29T17:00:00Z'));
      const open = Object.values(hall.service.state.tickets).filter((ticket) =>
        ['waiting', 'called'].includes(ticket.status),
      );
      expect(open.map((ticket) => ticket.number)).toEqual(evening.map((ticket) => ticket.number));

      // 07:30 next morning in Hà Nội.
      clock.set('2026-11-30T00:30:00Z');
      life += 1;
      hall = await startTestHall({ clock, dataDir: data.dir, tickIntervalMs: 60_000 });
      expect(hall.service.state.businessDay).toBe('2026-11-30');
      ({ kiosk, counter } = await connect());
      expect(kiosk.snapshot.state.businessDay).toBe('2026-11-30');
      // Last evening's open tickets expired, the counter let go of its called one; the clerk stays.
      expect(ticketRows(hall)).toEqual(evening.map((ticket) => `${ticket.number} 2026-11-29: expired`));
      expect(hall.service.state.counters.q3).toMatchObject({ currentTicketId: null, clerkId: 'cb3' });
      const morning = [await issue(kiosk, life), await issue(kiosk, life), await issue(kiosk, life)];
      expect(morning.map((ticket) => [ticket.number, ticket.businessDay])).toEqual([
        ['B001', '2026-11-30'],
        ['B002', '2026-11-30'],
        ['B003', '2026-11-30'],
      ]);
      expect(morning[0]!.id).toBe(evening.at(-1)!.id + 1);
      // q3 calls B001 and starts serving it; B002 and B003 wait.
      expect((await counter.run('ticket:call-next', {}, life)).kind).toBe('ok');
      expect((await counter.run('ticket:start', {}, life)).kind).toBe('ok');
      const before = hall.service.state;
      const rowsBefore = ticketRows(hall);
      expect(rowsBefore.slice(-3)).toEqual([
        'B001 2026-11-30: serving',
        'B002 2026-11-30: waiting',
        'B003 2026-11-30: waiting',
      ]);
      kiosk.close();
      counter.close();
      await hall.close();

      // A restart mid-day (13:00 in Hà Nội): same day, numbering goes on, nothing expires.
      clock.set('2026-11-30T06:00:00Z');
      life += 1;
      hall = await startTestHall({ clock, dataDir: data.dir, tickIntervalMs: 60_000 });
      ({ kiosk, counter } = await connect());
      expect(hall.service.state.businessDay).toBe('2026-11-30');
      expect(hall.service.state.version).toBe(before.version); // no day.started, nothing else either
      expect(hall.service.state.tickets).toEqual(before.tickets);
      expect(hall.service.state.counters).toEqual(before.counters);
      expect(ticketRows(hall)).toEqual(rowsBefore);
      const afterRestart = await issue(kiosk, life);
      expect([afterRestart.number, afterRestart.businessDay]).toEqual(['B004', '2026-11-30']);
      // The open tickets are still callable: next completes B001 and calls B002, then B003, then B004.
      const called: string[] = [];
      for (let index = 0; index < 3; index += 1) {
        const next = await counter.run('ticket:call-next', {}, life);
        if (next.kind !== 'ok') throw new Error(`call-next refused: ${JSON.stringify(next)}`);
        const event = next.value.events.find((candidate) => candidate.type === 'ticket.called');
        called.push(
          hall.service.state.tickets[event && 'ticketId' in event ? event.ticketId : -1]?.number ?? '',
        );
        expect((await counter.run('ticket:start', {}, life)).kind).toBe('ok');
      }
      expect(called).toEqual(['B002', 'B003', 'B004']);
      const expired = hall.store.db
        .prepare("SELECT COUNT(*) AS n FROM tickets WHERE status = 'expired'")
        .get() as { n: number };
      expect(expired.n).toBe(evening.length);
    } finally {
      kiosk.close();
      counter.close();
      await hall.close();
    }
    expectSoundHistory(data.dir, history);
    data.remove();
  });

  it('forgets stored answers two days after they were given, and the audit still accounts for every old event', async () => {
    const data = tempDataDir();
    const history: Operation[] = [];
    const clock = manualClock('2026-11-29T02:00:00Z'); // 09:00 in Hà Nội
    const hall = await startTestHall({ clock, tickIntervalMs: 20, dataDir: data.dir });
    const storedAnswers = (): number =>
      (
        hall.store.db
          .prepare("SELECT COUNT(*) AS n FROM command_results WHERE device_id != 'system'")
          .get() as {
          n: number;
        }
      ).n;
    try {
      const devices = hallDevices(hall);
      const kiosk = await RecordingClient.connect(hall.url, devices.kiosk, 'kiosk', history, 'retention');
      const counter = await RecordingClient.connect(hall.url, devices.counter, Q3, history, 'retention');
      expect((await counter.run('clerk:sign-in', { username: 'canbo3', pin: DEMO_CLERK_PIN }, 0)).kind).toBe(
        'ok',
      );
      await issue(kiosk, 0);
      await issue(kiosk, 0);
      expect((await counter.run('ticket:call-next', {}, 0)).kind).toBe('ok');
      expect((await counter.run('ticket:complete', {}, 0)).kind).toBe('ok');
      const firstDay = storedAnswers();
      expect(firstDay).toBe(5);

      // Next day: the answers are one day old and kept.
      clock.set('2026-11-30T02:00:00Z');
      await waitFor(() => hall.service.state.businessDay === '2026-11-30', 2_000, 'the second day');
      await issue(kiosk, 0);
      expect(storedAnswers()).toBe(firstDay + 1);
      // Three days later the first day's answers are past COMMAND_RESULT_RETENTION_MS and deleted.
      clock.set('2026-12-02T02:00:00Z');
      await waitFor(() => hall.service.state.businessDay === '2026-12-02', 2_000, 'the fourth day');
      await waitFor(() => storedAnswers() === 1, 2_000, 'the first day’s answers to be forgotten');
      await issue(kiosk, 0);
      kiosk.close();
      counter.close();
    } finally {
      await hall.close();
    }
    // Sound: the first day's events are checked against what the clients were told.
    expectSoundHistory(data.dir, history);
    // And the audit still catches a first-day ticket no client was given.
    const withoutFirstIssue = history.filter((operation) => operation.requestId !== 'retention-kiosk-1');
    expect(
      auditDatabase(path.join(data.dir, DATABASE_FILE), withoutFirstIssue).violations.join('\n'),
    ).toMatch(/was not issued by an invoked ticket:issue/);
    data.remove();
  });
});
