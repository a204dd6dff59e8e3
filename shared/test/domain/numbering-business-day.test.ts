// Ticket numbers and business days: the hall's day is local (UTC+7), starts at the rollover hour, and a
// new day restarts every service's numbering and expires yesterday's open tickets.
import { describe, expect, it } from 'vitest';
import {
  businessDayOf,
  counterOf,
  formatTicketNumber,
  isQuotaReached,
  isWithinOpeningHours,
  issuedToday,
  localClock,
  nextSequence,
} from '../../src/domain/index.ts';
import {
  CLERK,
  COUNTER,
  DAY,
  HOUR,
  MINUTE,
  PRIORITY,
  SERVICE,
  TestHall,
  ZONE,
  hallConfig,
  local,
} from '../fixtures/hall.ts';

describe('formatTicketNumber', () => {
  it.each([
    ['A', 1, 'A001'],
    ['A', 42, 'A042'],
    ['A', 999, 'A999'],
    ['A', 1000, 'A1000'],
    ['AB', 12345, 'AB12345'],
    ['KD', 500, 'KD500'],
  ])('%s + %i → %s', (prefix, sequence, expected) => {
    expect(formatTicketNumber(prefix, sequence)).toBe(expected);
  });
});

describe('sequences and quotas', () => {
  const land = hallConfig({ services: { land: { firstNumber: 1, dailyQuota: 3 } } }).services[0]!;
  const business = hallConfig({ services: { business: { dailyQuota: 2 } } }).services[2]!;

  it('starts at the first number and counts on', () => {
    expect(nextSequence(land, undefined)).toBe(1);
    expect(nextSequence(land, 7)).toBe(8);
    expect(nextSequence(business, undefined)).toBe(500);
  });

  it('counts issued tickets from the first number', () => {
    expect(issuedToday(land, undefined)).toBe(0);
    expect(issuedToday(land, 3)).toBe(3);
    expect(issuedToday(business, 501)).toBe(2);
  });

  it('reaches the quota exactly at the quota', () => {
    expect(isQuotaReached(land, 2)).toBe(false);
    expect(isQuotaReached(land, 3)).toBe(true);
    expect(isQuotaReached(business, 500)).toBe(false);
    expect(isQuotaReached(business, 501)).toBe(true);
    expect(isQuotaReached({ ...land, dailyQuota: null }, 10_000)).toBe(false);
  });

  it('runs past 999 without truncating the number', () => {
    const hall = new TestHall();
    hall.state = { ...hall.state, lastSequence: { [SERVICE.land]: 998 } };
    expect([hall.issue(SERVICE.land), hall.issue(SERVICE.land)].map((ticket) => ticket.number)).toEqual([
      'A999',
      'A1000',
    ]);
  });
});

describe('businessDayOf in Asia/Ho_Chi_Minh (UTC+7)', () => {
  it.each([
    // [what, instant, rolloverHour, business day]
    ['23:59 local, still 1 March', local(2026, 3, 1, 23, 59), 0, '2026-03-01'],
    ['00:00 local is 2 March although UTC is still 1 March 17:00', local(2026, 3, 2, 0, 0), 0, '2026-03-02'],
    ['06:59 local on 2 March (UTC 23:59 on 1 March)', local(2026, 3, 2, 6, 59), 0, '2026-03-02'],
    ['07:00 local on 2 March (UTC midnight)', local(2026, 3, 2, 7, 0), 0, '2026-03-02'],
    ['02:59 local with rollover at 03:00 belongs to yesterday', local(2026, 3, 2, 2, 59), 3, '2026-03-01'],
    ['03:00 local with rollover at 03:00 starts the day', local(2026, 3, 2, 3, 0), 3, '2026-03-02'],
    ['00:30 local with rollover at 03:00 belongs to yesterday', local(2026, 3, 2, 0, 30), 3, '2026-03-01'],
    ['23:59 local with rollover at 03:00 is still today', local(2026, 3, 2, 23, 59), 3, '2026-03-02'],
    ['new year at 00:00 local (UTC still 31 December)', local(2027, 1, 1, 0, 0), 0, '2027-01-01'],
    ['new year night at 02:00 local with rollover 3', local(2027, 1, 1, 2, 0), 3, '2026-12-31'],
    ['29 February of a leap year', local(2028, 2, 29, 12, 0), 0, '2028-02-29'],
  ])('%s', (_what, instant, rolloverHour, expected) => {
    expect(businessDayOf(instant, ZONE, rolloverHour)).toBe(expected);
  });

  it('answers exactly when asked millisecond by millisecond across the rollover, for two zones in turn', () => {
    // Each answer is kept for the second it was given in: the day must still turn at the exact instant.
    for (const [rolloverHour, before, after] of [
      [0, '2026-03-01', '2026-03-02'],
      [3, '2026-03-01', '2026-03-02'],
    ] as const) {
      const turn = local(2026, 3, 2, rolloverHour, 0);
      for (let instant = turn - 1_500; instant <= turn + 1_500; instant += 1) {
        expect(businessDayOf(instant, ZONE, rolloverHour)).toBe(instant < turn ? before : after);
        // Another zone and another rollover hour asked in between keep their own answers.
        expect(businessDayOf(instant, 'UTC', 0)).toBe('2026-03-01');
        expect(businessDayOf(instant, ZONE, rolloverHour === 0 ? 3 : 0)).toBe(
          rolloverHour === 0 ? '2026-03-01' : '2026-03-02',
        );
      }
    }
  });
});

describe('local clock and opening hours', () => {
  it('reads the weekday and time in the hall’s zone', () => {
    expect(localClock(local(2026, 3, 2, 8, 5), ZONE)).toEqual({ weekday: 1, time: '08:05' });
    expect(localClock(local(2026, 3, 7, 0, 15), ZONE)).toEqual({ weekday: 6, time: '00:15' });
    expect(localClock(local(2026, 3, 8, 23, 59), ZONE)).toEqual({ weekday: 0, time: '23:59' });
  });

  it('opens a window that starts at midnight (00:xx, never 24:xx)', () => {
    const night = [{ weekdays: [6], from: '00:00', to: '06:00' }];
    expect(isWithinOpeningHours(night, local(2026, 3, 7, 0, 0), ZONE)).toBe(true);
    expect(isWithinOpeningHours(night, local(2026, 3, 7, 6, 0), ZONE)).toBe(false);
    expect(isWithinOpeningHours([], local(2026, 3, 7, 3, 0), ZONE)).toBe(true);
  });
});

describe('a new business day in decide', () => {
  /** A busy Monday: q1 serving, q4 with a called visitor, tickets waiting, one done, one no-show. */
  function busyMonday(rolloverHour = 0): TestHall {
    const hall = new TestHall({ rolloverHour });
    hall.signIn(COUNTER.q1, CLERK.lan).signIn(COUNTER.q4, CLERK.minh);
    for (let index = 0; index < 6; index += 1) hall.issue(SERVICE.land);
    hall.issue(SERVICE.civil, PRIORITY.elderly);
    hall.issue(SERVICE.business);
    hall.callNext(COUNTER.q1); // A001
    hall.act({ type: 'complete', counterId: COUNTER.q1 }); // A001 done
    hall.callNext(COUNTER.q1); // B001 (priority)
    hall.act({ type: 'no-show', counterId: COUNTER.q1 }); // B001 no-show
    hall.callNext(COUNTER.q1); // A002
    hall.act({ type: 'start', counterId: COUNTER.q1 }); // A002 serving
    hall.callNext(COUNTER.q4); // A003 called
    return hall;
  }

  it('starts the day first, expiring yesterday’s open tickets, then numbers from the first number', () => {
    const hall = busyMonday();
    const open = Object.values(hall.state.tickets)
      .filter((ticket) => ['waiting', 'called', 'serving'].includes(ticket.status))
      .map((ticket) => ticket.id);
    expect(open).toHaveLength(6); // A002 serving, A003 called, A004–A006 waiting, KD500 waiting
    hall.now = local(2026, 3, 3, 7, 45);
    const events = hall.act({
      type: 'issue',
      serviceId: SERVICE.land,
      procedureId: null,
      priorityGroupId: null,
    });
    expect(events.map((event) => event.type)).toEqual(['day.started', 'ticket.issued']);
    expect(events[0]).toMatchObject({ businessDay: '2026-03-03', expiredTicketIds: open });
    expect(events[1]).toMatchObject({ number: 'A001', sequence: 1, businessDay: '2026-03-03', ticketId: 9 });
    expect(hall.issue(SERVICE.business).number).toBe('KD500');
    expect(Object.values(hall.state.tickets).map((ticket) => ticket.businessDay)).toEqual([
      '2026-03-03',
      '2026-03-03',
    ]);
    expect(counterOf(hall.state, COUNTER.q1)).toMatchObject({
      currentTicketId: null,
      status: 'open',
      clerkId: CLERK.lan,
    });
    expect(counterOf(hall.state, COUNTER.q4).currentTicketId).toBeNull();
  });

  it('never calls yesterday’s tickets after midnight', () => {
    const hall = busyMonday();
    hall.now = local(2026, 3, 3, 7, 30);
    // q4 still held yesterday's A003 and A004–A006 were waiting: all expired with the new day.
    expect(hall.refusal({ type: 'call-next', counterId: COUNTER.q4 })).toBe('QUEUE_EMPTY');
    const today = hall.issue(SERVICE.land);
    expect(hall.callNext(COUNTER.q4).id).toBe(today.id);
  });

  it('starts only one new day after a jump of several days (server down), numbering from the first number', () => {
    const hall = busyMonday();
    hall.now = local(2026, 3, 6, 9, 0); // Friday
    const events = hall.act({
      type: 'issue',
      serviceId: SERVICE.civil,
      procedureId: null,
      priorityGroupId: null,
    });
    expect(events.map((event) => event.type)).toEqual(['day.started', 'ticket.issued']);
    expect(events[0]).toMatchObject({ type: 'day.started', businessDay: '2026-03-06' });
    expect(events[1]).toMatchObject({ number: 'B001', businessDay: '2026-03-06' });
    expect(hall.state.lastSequence).toEqual({ [SERVICE.civil]: 1 });
  });

  it('with rollover at 03:00, a ticket at 01:00 continues yesterday’s numbering and 03:00 restarts it', () => {
    const hall = busyMonday(3);
    hall.now = local(2026, 3, 3, 1, 0);
    const night = hall.issue(SERVICE.land);
    expect(night).toMatchObject({ number: 'A007', businessDay: '2026-03-02' });
    hall.now = local(2026, 3, 3, 3, 0);
    const events = hall.act({ type: 'roll-day' });
    expect(events).toEqual([expect.objectContaining({ type: 'day.started', businessDay: '2026-03-03' })]);
    expect(hall.issue(SERVICE.land).number).toBe('A001');
  });

  it('starts the day on the first command after midnight with rollover 0 (UTC is still the day before)', () => {
    const hall = new TestHall();
    hall.issue(SERVICE.land);
    hall.now = local(2026, 3, 2, 23, 59);
    expect(hall.issue(SERVICE.land).number).toBe('A002');
    hall.advance(MINUTE); // 00:00 local on 3 March = 17:00 UTC on 2 March
    const events = hall.act({ type: 'roll-day' });
    expect(events).toEqual([expect.objectContaining({ type: 'day.started', businessDay: '2026-03-03' })]);
    expect(hall.issue(SERVICE.land).number).toBe('A001');
  });

  it('does not start a day when the clock is set back across midnight', () => {
    const hall = new TestHall();
    hall.now = local(2026, 3, 3, 0, 10);
    expect(hall.issue(SERVICE.land)).toMatchObject({ number: 'A001', businessDay: '2026-03-03' });
    hall.now = local(2026, 3, 2, 23, 55); // the PC's clock corrected backwards
    const events = hall.act({
      type: 'issue',
      serviceId: SERVICE.land,
      procedureId: null,
      priorityGroupId: null,
    });
    expect(events.map((event) => event.type)).toEqual(['ticket.issued']);
    expect(events[0]).toMatchObject({ number: 'A002', businessDay: '2026-03-03' });
  });

  it('starts a day once: a second command that day adds no day.started', () => {
    const hall = new TestHall();
    hall.advance(DAY);
    expect(hall.act({ type: 'roll-day' }).map((event) => event.type)).toEqual(['day.started']);
    hall.advance(HOUR);
    expect(hall.act({ type: 'roll-day' })).toEqual([]);
  });
});
