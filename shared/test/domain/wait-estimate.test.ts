// What a visitor is told: people ahead of them in their queue, and a minute range from recent service
// times and the counters serving that queue now.
import { describe, expect, it } from 'vitest';
import { estimateWait, servingCounterCount, typicalServiceMinutes } from '../../src/domain/index.ts';
import { CLERK, COUNTER, MINUTE, PRIORITY, SERVICE, TestHall } from '../fixtures/hall.ts';

/** Serve and complete one land ticket at q4 taking `minutes`. */
function serveOne(hall: TestHall, minutes: number): void {
  hall.issue(SERVICE.land);
  hall.callNext(COUNTER.q4);
  hall.act({ type: 'start', counterId: COUNTER.q4 });
  hall.advance(minutes * MINUTE);
  hall.act({ type: 'complete', counterId: COUNTER.q4 });
}

describe('estimateWait', () => {
  it('counts the waiting tickets of the same queue ahead, priority visitors ahead of normal ones', () => {
    const hall = new TestHall();
    const first = hall.issue(SERVICE.land);
    hall.issue(SERVICE.civil); // another queue: never ahead
    hall.advance(MINUTE);
    const second = hall.issue(SERVICE.land);
    hall.advance(MINUTE);
    const elderly = hall.issue(SERVICE.land, PRIORITY.elderly);
    hall.advance(MINUTE);
    const pregnant = hall.issue(SERVICE.land, PRIORITY.pregnant);
    expect(estimateWait(hall.state, hall.config, SERVICE.land, first.id).peopleAhead).toBe(2); // both priority
    expect(estimateWait(hall.state, hall.config, SERVICE.land, second.id).peopleAhead).toBe(3);
    expect(estimateWait(hall.state, hall.config, SERVICE.land, elderly.id).peopleAhead).toBe(0);
    expect(estimateWait(hall.state, hall.config, SERVICE.land, pregnant.id).peopleAhead).toBe(1);
    // A visitor about to take a ticket waits behind everyone already waiting.
    expect(estimateWait(hall.state, hall.config, SERVICE.land).peopleAhead).toBe(4);
  });

  it('counts in the call order of the counter: tickets of other services it calls first are ahead too', () => {
    // q5 serves insurance only; make it serve land then insurance: a visitor of insurance is behind the
    // land visitors q5 will call first (they came earlier), not "0 ahead" because nobody else waits for
    // insurance.
    const hall = new TestHall({
      counters: { q5: { serviceIds: [SERVICE.land, SERVICE.insurance] } },
      services: { insurance: { openingHours: [] } },
    }).signIn(COUNTER.q5, CLERK.thu);
    for (let index = 0; index < 3; index += 1) hall.advance(MINUTE).issue(SERVICE.land);
    const insurance = hall.advance(MINUTE).issue(SERVICE.insurance);
    expect(estimateWait(hall.state, hall.config, SERVICE.insurance, insurance.id)).toMatchObject({
      peopleAhead: 3,
      peopleAheadMax: 3,
    });
  });

  it('gives a range when counters with different orders may call the ticket', () => {
    // q1 serves land and civil, q4 land only: a land ticket is 3rd at q1 (two civil tickets came earlier)
    // and 1st at q4.
    const hall = new TestHall().signIn(COUNTER.q1, CLERK.lan).signIn(COUNTER.q4, CLERK.tuan);
    hall.advance(MINUTE).issue(SERVICE.civil);
    hall.advance(MINUTE).issue(SERVICE.civil);
    const land = hall.advance(MINUTE).issue(SERVICE.land);
    const estimate = estimateWait(hall.state, hall.config, SERVICE.land, land.id);
    expect(estimate).toMatchObject({ peopleAhead: 0, peopleAheadMax: 2, servingCounters: 2 });
    // (0 + ½) × 10 ÷ 2 × 0.7 = 1.75 → 1; (2 + ½) × 10 ÷ 2 × 1.3 = 16.25 → 17.
    expect(estimate.minutes).toEqual({ min: 1, max: 17 });
  });

  it('orders tickets issued in the same instant by their id', () => {
    const hall = new TestHall();
    const first = hall.issue(SERVICE.land);
    const second = hall.issue(SERVICE.land);
    expect(estimateWait(hall.state, hall.config, SERVICE.land, first.id).peopleAhead).toBe(0);
    expect(estimateWait(hall.state, hall.config, SERVICE.land, second.id).peopleAhead).toBe(1);
  });

  it('no longer counts tickets that were called', () => {
    const hall = new TestHall().signIn(COUNTER.q4, CLERK.minh);
    hall.issue(SERVICE.land);
    const mine = hall.advance(MINUTE).issue(SERVICE.land);
    expect(estimateWait(hall.state, hall.config, SERVICE.land, mine.id).peopleAhead).toBe(1);
    hall.callNext(COUNTER.q4);
    expect(estimateWait(hall.state, hall.config, SERVICE.land, mine.id).peopleAhead).toBe(0);
  });

  it('gives no time range while no open, staffed counter serves the queue', () => {
    const hall = new TestHall();
    hall.issue(SERVICE.land);
    expect(estimateWait(hall.state, hall.config, SERVICE.land)).toEqual({
      peopleAhead: 1,
      peopleAheadMax: 1,
      servingCounters: 0,
      minutes: null,
    });
    // Open but for other services only.
    hall.signIn(COUNTER.q2, CLERK.minh);
    expect(estimateWait(hall.state, hall.config, SERVICE.land).minutes).toBeNull();
    // Staffed but paused.
    hall.signIn(COUNTER.q4, CLERK.lan);
    hall.act({ type: 'pause-counter', counterId: COUNTER.q4, reason: 'Nghỉ trưa' });
    expect(estimateWait(hall.state, hall.config, SERVICE.land).minutes).toBeNull();
    // Open, with a visitor at the counter, but the clerk's session ended for idleness.
    hall.act({ type: 'open-counter', counterId: COUNTER.q4 });
    hall.issue(SERVICE.land);
    hall.callNext(COUNTER.q4);
    expect(servingCounterCount(hall.state, hall.config, SERVICE.land)).toBe(1);
    hall.act({ type: 'sign-out', counterId: COUNTER.q4, reason: 'idle' });
    expect(hall.state.counters[COUNTER.q4]).toMatchObject({ status: 'open', clerkId: null });
    expect(servingCounterCount(hall.state, hall.config, SERVICE.land)).toBe(0);
    expect(estimateWait(hall.state, hall.config, SERVICE.land).minutes).toBeNull();
  });

  it('uses the configured expected minutes, and divides the range by the counters serving', () => {
    const hall = new TestHall(); // land: 10 expected minutes
    for (let index = 0; index < 4; index += 1) hall.issue(SERVICE.land);
    hall.signIn(COUNTER.q4, CLERK.lan);
    // (4 ahead + ½) × 10 min ÷ 1 counter = 45 min, widened by 30% each way.
    expect(estimateWait(hall.state, hall.config, SERVICE.land)).toEqual({
      peopleAhead: 4,
      peopleAheadMax: 4,
      servingCounters: 1,
      minutes: { min: 31, max: 59 },
    });
    hall.signIn(COUNTER.q1, CLERK.minh);
    // ÷ 2 counters = 22.5 min.
    expect(estimateWait(hall.state, hall.config, SERVICE.land)).toEqual({
      peopleAhead: 4,
      peopleAheadMax: 4,
      servingCounters: 2,
      minutes: { min: 15, max: 30 },
    });
    hall.signIn(COUNTER.q3, CLERK.hoa);
    expect(estimateWait(hall.state, hall.config, SERVICE.land).minutes).toEqual({ min: 10, max: 20 });
  });

  it('promises at least a minute when nobody is ahead', () => {
    const hall = new TestHall({ services: { land: { expectedServiceMinutes: 1 } } }).signIn(
      COUNTER.q4,
      CLERK.lan,
    );
    expect(estimateWait(hall.state, hall.config, SERVICE.land).minutes).toEqual({ min: 0, max: 1 });
  });
});

describe('typicalServiceMinutes', () => {
  it('uses the configured expectation until three service times are known, then their median', () => {
    const hall = new TestHall({ services: { land: { expectedServiceMinutes: 12 } } }).signIn(
      COUNTER.q4,
      CLERK.lan,
    );
    expect(typicalServiceMinutes(hall.state, hall.config, SERVICE.land)).toBe(12);
    serveOne(hall, 2);
    serveOne(hall, 9);
    expect(typicalServiceMinutes(hall.state, hall.config, SERVICE.land)).toBe(12);
    serveOne(hall, 4);
    expect(hall.state.serviceTimes[SERVICE.land]).toEqual([2 * MINUTE, 9 * MINUTE, 4 * MINUTE]);
    expect(typicalServiceMinutes(hall.state, hall.config, SERVICE.land)).toBe(4);
    serveOne(hall, 6);
    expect(typicalServiceMinutes(hall.state, hall.config, SERVICE.land)).toBe(5); // (4 + 6) / 2
    // And the estimate follows: 1 ahead + ½ → 1.5 × 5 = 7.5 min.
    hall.issue(SERVICE.land);
    expect(estimateWait(hall.state, hall.config, SERVICE.land).minutes).toEqual({ min: 5, max: 10 });
  });

  it('does not let instant completions promise a zero wait', () => {
    const hall = new TestHall().signIn(COUNTER.q4, CLERK.lan);
    serveOne(hall, 0);
    serveOne(hall, 0);
    serveOne(hall, 0);
    expect(typicalServiceMinutes(hall.state, hall.config, SERVICE.land)).toBe(0.5);
  });

  it('keeps each service’s times apart', () => {
    const hall = new TestHall().signIn(COUNTER.q4, CLERK.lan);
    for (const minutes of [1, 1, 1]) serveOne(hall, minutes);
    expect(typicalServiceMinutes(hall.state, hall.config, SERVICE.land)).toBe(1);
    expect(typicalServiceMinutes(hall.state, hall.config, SERVICE.civil)).toBe(10);
  });
});
