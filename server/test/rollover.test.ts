import { afterEach, describe, expect, it } from 'vitest';
import type { IssueOutcome } from '@luot/shared/contracts';
import { asCounterId } from '@luot/shared/domain';
import type { TestClient } from './helpers.ts';
import { pairAndConnect, requestId, startTestHall, tempDataDir, waitFor } from './helpers.ts';

/** A clock the test moves by hand (the only fake: the hardware edge of time). */
function manualClock(start: string): { now: () => number; set: (iso: string) => void } {
  let now = Date.parse(start);
  return { now: () => now, set: (iso) => (now = Date.parse(iso)) };
}

const issue = async (kiosk: TestClient, serviceId = 'ho-tich'): Promise<IssueOutcome['ticket']> => {
  const ack = await kiosk.send('ticket:issue', { requestId: requestId(), serviceId });
  if (!ack.ok) throw new Error(ack.error.code);
  return ack.value.ticket;
};

describe('business-day rollover', () => {
  const data = tempDataDir();
  afterEach(() => {});

  it('restarts numbering at the hall’s midnight (UTC+7) and expires open tickets, with the server running', async () => {
    // 16:59 UTC is 23:59 in Hà Nội.
    const clock = manualClock('2026-11-29T16:59:00Z');
    const hall = await startTestHall({ clock, tickIntervalMs: 20 });
    const kiosk = await pairAndConnect(hall, 'kiosk');
    const display = await pairAndConnect(hall, 'display');
    const first = await issue(kiosk);
    const second = await issue(kiosk);
    expect([first.number, second.number, first.businessDay]).toEqual(['B001', 'B002', '2026-11-29']);

    clock.set('2026-11-29T17:00:30Z'); // 00:00:30 on the 30th in Hà Nội
    await waitFor(() => hall.service.state.businessDay === '2026-11-30', 2_000, 'the tick to roll the day');
    await waitFor(
      () => display.state().businessDay === '2026-11-30',
      2_000,
      'the display to see the new day',
    );
    expect(Object.keys(display.state().tickets)).toEqual([]);
    const expired = hall.store.db
      .prepare("SELECT COUNT(*) AS n FROM tickets WHERE status = 'expired'")
      .get() as { n: number };
    expect(expired.n).toBe(2);

    const next = await issue(kiosk);
    expect([next.number, next.businessDay]).toEqual(['B001', '2026-11-30']);
    expect(next.id).toBeGreaterThan(second.id); // ids are never reused
    kiosk.close();
    display.close();
    await hall.dispose();
  });

  it('starts the new day on restart when the server was down across the rollover', async () => {
    const clock = manualClock('2026-11-29T09:00:00Z');
    let hall = await startTestHall({ clock, dataDir: data.dir, tickIntervalMs: 60_000 });
    let kiosk = await pairAndConnect(hall, 'kiosk');
    const counter = await pairAndConnect(hall, 'counter', asCounterId('q3'));
    await counter.send('clerk:sign-in', { requestId: requestId(), username: 'canbo3', pin: '1234' });
    for (let index = 0; index < 3; index += 1) await issue(kiosk);
    expect((await counter.send('ticket:call-next', { requestId: requestId() })).ok).toBe(true);
    kiosk.close();
    counter.close();
    await hall.close();

    // Two days later, mid-morning.
    clock.set('2026-12-01T02:30:00Z');
    hall = await startTestHall({ clock, dataDir: data.dir, tickIntervalMs: 60_000 });
    expect(hall.service.state.businessDay).toBe('2026-12-01');
    kiosk = await pairAndConnect(hall, 'kiosk');
    expect(kiosk.snapshot.state.businessDay).toBe('2026-12-01');
    const fresh = await issue(kiosk);
    expect([fresh.number, fresh.businessDay]).toEqual(['B001', '2026-12-01']);
    // Yesterday's called ticket is released from its counter.
    expect(hall.service.state.counters.q3?.currentTicketId).toBeNull();

    // A restart mid-day keeps the day's numbering going.
    kiosk.close();
    await hall.close();
    clock.set('2026-12-01T05:00:00Z');
    hall = await startTestHall({ clock, dataDir: data.dir });
    kiosk = await pairAndConnect(hall, 'kiosk');
    expect((await issue(kiosk)).number).toBe('B002');
    kiosk.close();
    await hall.close();
    data.remove();
  });
});
