import { describe, expect, it } from 'vitest';
import { asCounterId, callOrder } from '@luot/shared/domain';
import { describeOutcome } from '../src/terminal-actions.ts';
import { asServiceId } from '@luot/shared/domain';
import { actionForKey, ACTION_KEYS, dayStats, deriveTerminal } from '../src/terminal-model.ts';
import { formatDuration } from '../src/text.ts';
import { CONFIG, HallScenario, Q1, Q2 } from './hall-fixture.ts';

const online = { isOnline: true, isBusy: false };

function model(hall: HallScenario, options = online) {
  const derived = deriveTerminal(hall.state, hall.config, Q1, hall.now, options);
  if (!derived) throw new Error('q1 is configured');
  return derived;
}

describe('deriveTerminal: which actions make sense', () => {
  it('with nobody at the counter and people waiting: only next, call-specific and pause', () => {
    const hall = new HallScenario().signIn(Q1, 'cb1');
    hall.issue('dat-dai');
    const { availability, current } = model(hall);
    expect(current).toBeUndefined();
    expect(availability).toEqual({
      next: true,
      recall: false,
      start: false,
      complete: false,
      noShow: false,
      transfer: false,
      callSpecific: true,
      pauseOrResume: true,
    });
  });

  it('with an empty queue and nobody served, "next" is disabled (the server would say QUEUE_EMPTY)', () => {
    const hall = new HallScenario().signIn(Q1, 'cb1');
    expect(model(hall).availability.next).toBe(false);
    expect(model(hall).availability.callSpecific).toBe(false);
  });

  it('while a ticket is only called: next and call-specific are disabled (server: COUNTER_BUSY)', () => {
    const hall = new HallScenario().signIn(Q1, 'cb1');
    hall.issue('dat-dai');
    hall.issue('dat-dai');
    hall.act({ type: 'call-next', counterId: Q1 });
    const { availability, current, recalls, isRecallAtLimit } = model(hall);
    expect(current?.number).toBe('A001');
    expect(current?.status).toBe('called');
    expect({ recalls, isRecallAtLimit }).toEqual({ recalls: 0, isRecallAtLimit: false });
    expect(availability).toMatchObject({
      next: false,
      callSpecific: false,
      recall: true,
      start: true,
      complete: true,
      noShow: true,
      transfer: true,
    });
  });

  it('counts recalls and knows when one more recall becomes a no-show', () => {
    const hall = new HallScenario().signIn(Q1, 'cb1');
    hall.issue('dat-dai');
    hall.act({ type: 'call-next', counterId: Q1 });
    for (let i = 0; i < CONFIG.policy.recallLimit; i += 1) hall.act({ type: 'recall', counterId: Q1 });
    const derived = model(hall);
    expect(derived.recalls).toBe(CONFIG.policy.recallLimit);
    expect(derived.isRecallAtLimit).toBe(true);
    // And the domain agrees: the next recall is an automatic no-show.
    const events = hall.act({ type: 'recall', counterId: Q1 });
    expect(events.map((event) => event.type)).toEqual(['ticket.no-show']);
  });

  it('while serving: next (which completes first) and complete, but not start, recall or no-show', () => {
    const hall = new HallScenario().signIn(Q1, 'cb1');
    hall.issue('dat-dai');
    hall.act({ type: 'call-next', counterId: Q1 });
    hall.act({ type: 'start', counterId: Q1 });
    expect(model(hall).availability).toMatchObject({
      next: true,
      complete: true,
      transfer: true,
      start: false,
      recall: false,
      noShow: false,
      callSpecific: false,
    });
  });

  it('paused: no calling, resume stays possible', () => {
    const hall = new HallScenario().signIn(Q1, 'cb1');
    hall.issue('dat-dai');
    hall.act({ type: 'pause-counter', counterId: Q1, reason: 'Nghỉ giải lao' });
    const derived = model(hall);
    expect(derived.counter.status).toBe('paused');
    expect(derived.availability).toMatchObject({ next: false, callSpecific: false, pauseOrResume: true });
  });

  it('offline or with an action in flight: everything is disabled', () => {
    const hall = new HallScenario().signIn(Q1, 'cb1');
    hall.issue('dat-dai');
    hall.act({ type: 'call-next', counterId: Q1 });
    for (const options of [
      { isOnline: false, isBusy: false },
      { isOnline: true, isBusy: true },
    ]) {
      expect(Object.values(model(hall, options).availability)).toEqual(Array(8).fill(false));
    }
  });
});

describe('deriveTerminal: waiting list and the day', () => {
  it('lists tickets in the policy order (priority first) with per-service counts and longest waits', () => {
    const hall = new HallScenario().signIn(Q1, 'cb1');
    hall.issue('dat-dai'); // A001 at 0
    hall.wait(60_000);
    hall.issue('ho-tich'); // B001 at 1 min
    hall.wait(60_000);
    hall.issue('dat-dai', 'nguoi-cao-tuoi'); // A002 priority at 2 min
    hall.issue('chung-thuc'); // C001: not a service of q1
    hall.wait(3 * 60_000);
    const derived = model(hall);
    expect(derived.order.map((ticket) => ticket.number)).toEqual(['A002', 'A001', 'B001']);
    expect(derived.order).toEqual(callOrder(hall.state, hall.config, Q1));
    expect(derived.queues.map((queue) => [queue.service.prefix, queue.count, queue.longestWaitMs])).toEqual([
      ['A', 2, 5 * 60_000],
      ['B', 1, 4 * 60_000],
    ]);
  });

  it('shows a ticket transferred to this very counter from another service', () => {
    const hall = new HallScenario().signIn(Q1, 'cb1').signIn(Q2, 'cb2');
    const ticket = hall.issue('chung-thuc');
    hall.act({
      type: 'transfer',
      ticketId: ticket.id,
      fromCounterId: null,
      toServiceId: asServiceId('ho-tich'),
      toCounterId: Q1,
      note: null,
    });
    const derived = model(hall);
    expect(derived.order.map((t) => [t.number, t.targetCounterId])).toEqual([['C001', Q1]]);
    expect(derived.queues.map((queue) => [queue.service.prefix, queue.count])).toEqual([
      ['A', 0],
      ['B', 1],
    ]);
  });

  it("counts today's served tickets, no-shows and the average service time of this counter only", () => {
    const hall = new HallScenario().signIn(Q1, 'cb1').signIn(Q2, 'cb2');
    for (let i = 0; i < 4; i += 1) hall.issue('ho-tich');
    hall.act({ type: 'call-next', counterId: Q1 });
    hall.act({ type: 'start', counterId: Q1 });
    hall.wait(4 * 60_000);
    hall.act({ type: 'complete', counterId: Q1 }); // 4 min
    hall.act({ type: 'call-next', counterId: Q1 });
    hall.wait(60_000);
    hall.act({ type: 'start', counterId: Q1 });
    hall.wait(2 * 60_000);
    hall.act({ type: 'complete', counterId: Q1 }); // 2 min
    hall.act({ type: 'call-next', counterId: Q1 });
    hall.act({ type: 'no-show', counterId: Q1 });
    hall.act({ type: 'call-next', counterId: Q2 });
    hall.act({ type: 'complete', counterId: Q2 });
    expect(dayStats(hall.state, Q1)).toEqual({ served: 2, noShows: 1, averageServiceMs: 3 * 60_000 });
    expect(dayStats(hall.state, Q2).served).toBe(1);
    expect(dayStats(hall.state, asCounterId('q3'))).toEqual({
      served: 0,
      noShows: 0,
      averageServiceMs: null,
    });
  });
});

describe('helpers', () => {
  it('maps the digits 1–8 to the eight actions and nothing else', () => {
    expect(Object.values(ACTION_KEYS)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    expect(actionForKey('1')).toBe('next');
    expect(actionForKey('5')).toBe('noShow');
    expect(actionForKey('8')).toBe('pauseOrResume');
    expect(actionForKey('9')).toBeUndefined();
    expect(actionForKey('n')).toBeUndefined();
  });

  it('formats every duration the one way', () => {
    expect(formatDuration('vi', 45_000)).toBe('45 giây');
    expect(formatDuration('vi', 12 * 60_000 + 59_000)).toBe('12 phút');
    expect(formatDuration('vi', 65 * 60_000)).toBe('1 giờ 5 phút');
    expect(formatDuration('en', 65 * 60_000)).toBe('1 h 5 min');
  });

  it('tells what an action did from the events the server answered with', () => {
    const hall = new HallScenario().signIn(Q1, 'cb1').signIn(Q2, 'cb2');
    hall.issue('dat-dai');
    hall.issue('dat-dai');
    const called = hall.act({ type: 'call-next', counterId: Q1 });
    expect(describeOutcome('vi', 'next', called, hall.state, hall.config)).toBe('Đã gọi số A001.');
    hall.act({ type: 'start', counterId: Q1 });
    const nextWhileServing = hall.act({ type: 'call-next', counterId: Q1 });
    expect(nextWhileServing.map((event) => event.type)).toEqual(['ticket.completed', 'ticket.called']);
    expect(describeOutcome('vi', 'next', nextWhileServing, hall.state, hall.config)).toBe('Đã gọi số A002.');
    hall.act({ type: 'recall', counterId: Q1 });
    hall.act({ type: 'recall', counterId: Q1 });
    const automatic = hall.act({ type: 'recall', counterId: Q1 });
    expect(describeOutcome('vi', 'recall', automatic, hall.state, hall.config)).toBe(
      'Số A002 đã quá số lần gọi lại và được đánh dấu vắng mặt.',
    );
    const ticket = hall.issue('ho-tich');
    hall.act({ type: 'call-next', counterId: Q1 });
    const moved = hall.act({
      type: 'transfer',
      ticketId: ticket.id,
      fromCounterId: Q1,
      toServiceId: null,
      toCounterId: Q2,
      note: null,
    });
    expect(describeOutcome('en', 'transfer', moved, hall.state, hall.config)).toBe(
      'Transferred B001 to Counter 2.',
    );
  });
});
