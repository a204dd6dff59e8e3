import type { HallView } from '@luot/client';
import type { QueueState } from '@luot/shared/domain';
import { describe, expect, it } from 'vitest';
import type { Announcement, Speaker } from '../src/announcer.ts';
import { Announcer } from '../src/announcer.ts';
import { CallWatcher } from '../src/call-watcher.ts';
import { detectCalls } from '../src/calls.ts';
import {
  buildDisplayModel,
  counterRows,
  latestCall,
  recentCalls,
  serviceMatcher,
  shownServices,
  waitingCounts,
} from '../src/display-model.ts';
import { BUSINESS, CIVIL, LAND, Q1, Q2, Q5, TestHall, hallConfig } from './hall-fixture.ts';

const all = (): boolean => true;

/** A morning: A001–A003, B001–B002 and E001 issued; q1 and q2 open; A001 served at q1, B001 called to q2. */
function morning(): TestHall {
  const hall = new TestHall();
  for (const service of [LAND, LAND, CIVIL, LAND, CIVIL, BUSINESS]) {
    hall.issue(service);
    hall.tick(10_000);
  }
  hall.open(Q1, 'lan');
  hall.open(Q2, 'minh');
  hall.callNext(Q1);
  hall.tick(5_000);
  hall.start(Q1);
  hall.tick(5_000);
  hall.callNext(Q2);
  hall.tick(5_000);
  return hall;
}

describe('what the display shows', () => {
  it('features the newest call, and a recall brings a ticket back to the top', () => {
    const hall = morning();
    expect(latestCall(hall.state, hall.config, all)).toMatchObject({
      ticketNumber: 'B001',
      counterNumber: 2,
      isRecall: false,
    });
    hall.callNext(Q1); // A001 done, A002 called to q1
    hall.tick(5_000);
    hall.recall(Q2); // B001 again at q2: newest
    const latest = latestCall(hall.state, hall.config, all);
    expect(latest).toMatchObject({ ticketNumber: 'B001', counterNumber: 2, isRecall: true });
    expect(recentCalls(hall.state, hall.config, all, 10).map((call) => call.ticketNumber)).toEqual([
      'B001',
      'A002',
      'A001',
    ]);
  });

  it('lists nothing before the first call of the day', () => {
    const hall = new TestHall();
    hall.issue(LAND);
    expect(latestCall(hall.state, hall.config, all)).toBeNull();
    expect(buildDisplayModel(hall.state, hall.config, null).previous).toEqual([]);
  });

  it('tabulates the working counters by number with what each serves now; closed ones on one line', () => {
    const hall = morning();
    expect(counterRows(hall.state, hall.config, all)).toEqual([
      {
        counterId: Q1,
        number: 1,
        name: { vi: 'Quầy 1', en: 'Counter 1' },
        status: 'open',
        ticketNumber: 'A001',
        ticketStatus: 'serving',
      },
      {
        counterId: Q2,
        number: 2,
        name: { vi: 'Quầy 2', en: 'Counter 2' },
        status: 'open',
        ticketNumber: 'B001',
        ticketStatus: 'called',
      },
    ]);
    expect(buildDisplayModel(hall.state, hall.config, null).closedCounters).toEqual([3, 5]);
    hall.pause(Q2);
    expect(counterRows(hall.state, hall.config, all).map((row) => [row.number, row.status])).toEqual([
      [1, 'open'],
      [2, 'paused'],
    ]);
    // A clerk signed out for idleness leaves the counter closed for the hall, whatever it last said.
    hall.signOutIdle(Q1);
    expect(counterRows(hall.state, hall.config, all).map((row) => row.number)).toEqual([2]);
    expect(buildDisplayModel(hall.state, hall.config, null).closedCounters).toEqual([1, 3, 5]);
  });

  it('after the newest call is transferred or missed, features the newest call still standing, never an older served one', () => {
    const hall = morning(); // A001 served at q1 (called 08:01:00), B001 called to q2 (08:01:10)
    hall.open(Q5, 'hoa');
    hall.callNext(Q5); // A002 to q5 at 08:01:15
    hall.tick(5_000);
    hall.transfer(Q5, Q1);
    let model = buildDisplayModel(hall.state, hall.config, null);
    expect(model.latest?.ticketNumber).toBe('B001');
    expect(
      model.previous.map((call) => [call.ticketNumber, call.outcome, call.transferredToCounter]),
    ).toEqual([
      ['A002', 'transferred', 1],
      ['A001', 'serving', null],
    ]);
    hall.noShow(Q2);
    model = buildDisplayModel(hall.state, hall.config, null);
    // A001 is still being served at q1: it is the newest call still standing.
    expect(model.latest?.ticketNumber).toBe('A001');
    expect(model.previous.map((call) => [call.ticketNumber, call.outcome])).toEqual([
      ['A002', 'transferred'],
      ['B001', 'no-show'],
    ]);
    // Every clerk leaves: nothing is featured (a closed counter invites nobody).
    hall.signOutIdle(Q1);
    hall.signOutIdle(Q5);
    expect(buildDisplayModel(hall.state, hall.config, null).latest).toBeNull();
  });

  it('counts waiting tickets per active service, in kiosk order', () => {
    const hall = morning();
    const counts = waitingCounts(hall.state, shownServices(hall.config, null));
    expect(counts.map((count) => [count.prefix, count.waiting])).toEqual([
      ['A', 2],
      ['B', 1],
      ['E', 1],
    ]);
  });

  it('narrows everything to the services a display is set to show', () => {
    const hall = morning();
    const model = buildDisplayModel(hall.state, hall.config, ['ho-tich']);
    expect(model.waiting.map((count) => count.serviceId)).toEqual([CIVIL]);
    // Counters serving civil status: q2, q3 (business + civil) and q5 (land + civil); not q1.
    expect(model.counters.map((row) => row.number)).toEqual([2]);
    expect(model.closedCounters).toEqual([3, 5]);
    expect(model.latest?.ticketNumber).toBe('B001');
    expect(model.previous).toEqual([]);

    const landOnly = buildDisplayModel(hall.state, hall.config, ['dat-dai']);
    expect(landOnly.latest?.ticketNumber).toBe('A001');
    expect(landOnly.counters.map((row) => row.number)).toEqual([1]);
    expect(landOnly.closedCounters).toEqual([5]);
  });

  it('shows every active service when the filter names none it knows (a mistyped address)', () => {
    const config = hallConfig();
    expect(shownServices(config, ['nonexistent']).map((service) => service.id)).toEqual([
      LAND,
      CIVIL,
      BUSINESS,
    ]);
    expect(shownServices(config, ['thue']).map((service) => service.id)).toEqual([LAND, CIVIL, BUSINESS]);
    expect(shownServices(config, ['kinh-doanh', 'dat-dai']).map((service) => service.id)).toEqual([
      LAND,
      BUSINESS,
    ]);
  });

  it('carries the hall name, notice line and time zone for the header and ticker', () => {
    const hall = morning();
    expect(buildDisplayModel(hall.state, hall.config, null)).toMatchObject({
      hallName: 'Trung tâm Hành chính công quận Ba Đình',
      noticeLine: 'Vui lòng giữ phiếu.',
      timeZone: 'Asia/Ho_Chi_Minh',
    });
  });
});

describe('detectCalls', () => {
  it('finds a call and a recall between two states, each once, with the call event version', () => {
    const hall = morning();
    const before = hall.state;
    hall.recall(Q2);
    const recalled = detectCalls(before, hall.state, hall.config, all);
    expect(recalled).toHaveLength(1);
    expect(recalled[0]).toMatchObject({ ticketNumber: 'B001', counterNumber: 2, isRecall: true });
    expect(recalled[0]?.version).toBe(hall.events.at(-1)?.version);
    expect(hall.events.at(-1)?.type).toBe('ticket.recalled');
    expect(detectCalls(hall.state, hall.state, hall.config, all)).toEqual([]);
  });

  it('ignores changes that are not calls (issue, start)', () => {
    const hall = morning();
    const before = hall.state;
    hall.issue(LAND);
    hall.start(Q2);
    expect(detectCalls(before, hall.state, hall.config, all)).toEqual([]);
  });

  it('after a gap, offers each missed call once, oldest first, and skips tickets already at the counter', () => {
    const hall = morning();
    const lastSeen = hall.state;
    hall.callNext(Q1); // A002 to q1
    hall.tick(1_000);
    hall.open(Q5, 'hoa');
    hall.callNext(Q5); // A003 to q5
    hall.tick(1_000);
    hall.recall(Q5); // A003 again: one missed call, said once
    hall.tick(1_000);
    hall.start(Q2);
    hall.callNext(Q2); // B002 to q2 (B001 done)
    hall.tick(1_000);
    hall.start(Q2); // B002 already being served: no point calling
    const missed = detectCalls(lastSeen, hall.state, hall.config, all);
    expect(missed.map((call) => [call.ticketNumber, call.counterNumber])).toEqual([
      ['A002', 1],
      ['A003', 5],
    ]);
    expect(missed.every((call) => call.version === hall.state.version)).toBe(true);
  });

  it('on a first snapshot, offers the tickets still called, for the announcer to judge', () => {
    const hall = morning();
    expect(detectCalls(null, hall.state, hall.config, all).map((call) => call.ticketNumber)).toEqual([
      'B001',
    ]);
  });

  it('leaves out calls of services this display does not show', () => {
    const hall = morning();
    const before = hall.state;
    hall.callNext(Q1);
    const isCivil = serviceMatcher(shownServices(hall.config, ['ho-tich']));
    expect(detectCalls(before, hall.state, hall.config, isCivil)).toEqual([]);
  });
});

describe('CallWatcher', () => {
  class Recorder implements Speaker {
    readonly said: string[] = [];
    play(announcement: Announcement): Promise<void> {
      this.said.push(announcement.key);
      return Promise.resolve();
    }
  }
  const view = (hall: TestHall, state: QueueState, status: HallView['status'] = 'online'): HallView => ({
    status,
    state,
    config: hall.config,
    identity: null,
    clockOffsetMs: 0,
    sessionEnded: null,
    devices: {},
  });

  it('announces live calls once, repeats nothing on a resync, and says calls missed offline once', async () => {
    const hall = morning();
    const speaker = new Recorder();
    let now = hall.now;
    const announcer = new Announcer({ speaker, now: () => now });
    const watcher = new CallWatcher(announcer, () => null);

    const firstVersion = hall.state.version;
    watcher.observe(view(hall, hall.state)); // first snapshot: B001 was called 5 s ago
    hall.callNext(Q1);
    watcher.observe(view(hall, hall.state)); // live: A002
    watcher.observe(view(hall, hall.state, 'offline'));
    const beforeOffline = hall.state;
    hall.tick(20_000);
    hall.recall(Q1); // missed while offline
    now = hall.now + 3_000;
    // The reconnect snapshot is a fresh object with the same content plus the missed recall.
    watcher.observe(view(hall, structuredClone(hall.state)));
    watcher.observe(view(hall, structuredClone(hall.state))); // a second resync changes nothing
    await announcer.whenIdle();

    const a002 = Object.values(hall.state.tickets).find((ticket) => ticket.number === 'A002')!;
    const b001 = Object.values(hall.state.tickets).find((ticket) => ticket.number === 'B001')!;
    expect(speaker.said).toEqual([`${b001.id}#1`, `${a002.id}#1`, `${a002.id}#2`]);
    expect(announcer.records.map((record) => record.version)).toEqual([
      firstVersion,
      beforeOffline.version,
      hall.state.version,
    ]);
  });
});
