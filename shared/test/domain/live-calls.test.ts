// The featured call of the hall display, one row per situation a hall lives through: which call is
// featured after the newest one ends (transfer, no-show, done, pause, sign-out), and what a transfer
// dialog may offer.
import { describe, expect, it } from 'vitest';
import { featuredCall, isLiveCall, transferCounterOptions, type CounterId } from '../../src/domain/index.ts';
import { CLERK, COUNTER, MINUTE, SERVICE, TestHall, terminal } from '../fixtures/hall.ts';

/**
 * A morning: q1 (Lan) served A001 and then called A003; q3 (Hoa) serves A002; q4 (Tuấn) called A004
 * last. Calls a minute apart, so the order of calls is A001, A002, A003, A004.
 */
function morning(): TestHall {
  const hall = new TestHall();
  hall.signIn(COUNTER.q1, CLERK.lan).signIn(COUNTER.q3, CLERK.hoa).signIn(COUNTER.q4, CLERK.tuan);
  for (let index = 0; index < 5; index += 1) hall.issue(SERVICE.land);
  hall.callNext(COUNTER.q1); // A001
  hall.act({ type: 'complete', counterId: COUNTER.q1 });
  hall.advance(MINUTE);
  hall.callNext(COUNTER.q3); // A002
  hall.act({ type: 'start', counterId: COUNTER.q3 });
  hall.advance(MINUTE);
  hall.callNext(COUNTER.q1); // A003
  hall.advance(MINUTE);
  hall.callNext(COUNTER.q4); // A004
  hall.advance(MINUTE);
  return hall;
}

const numberOf = (hall: TestHall): string | undefined => featuredCall(hall.state)?.number;

interface FeaturedCase {
  readonly name: string;
  readonly then: (hall: TestHall) => void;
  readonly featured: string | undefined;
}

const cases: readonly FeaturedCase[] = [
  { name: 'the newest call', then: () => undefined, featured: 'A004' },
  {
    name: 'the newest call transferred: the next newest live call, not an older one already served',
    then: (hall) =>
      hall.act({
        type: 'transfer',
        ticketId: featuredCall(hall.state)!.id,
        fromCounterId: COUNTER.q4,
        toServiceId: null,
        toCounterId: COUNTER.q1,
        note: null,
      }),
    featured: 'A003',
  },
  {
    name: 'the newest call marked absent',
    then: (hall) => hall.act({ type: 'no-show', counterId: COUNTER.q4 }, terminal(COUNTER.q4)),
    featured: 'A003',
  },
  {
    name: 'the newest call completed: its counter holds nobody, the next newest stands',
    then: (hall) => hall.act({ type: 'complete', counterId: COUNTER.q4 }, terminal(COUNTER.q4)),
    featured: 'A003',
  },
  {
    name: 'a recall brings an older call back to the top',
    then: (hall) => hall.act({ type: 'recall', counterId: COUNTER.q1 }, terminal(COUNTER.q1)),
    featured: 'A003',
  },
  {
    name: 'the counters of the two newest calls pause: the one being served at q3 is featured',
    then: (hall) => {
      hall.act({ type: 'pause-counter', counterId: COUNTER.q4, reason: 'Họp' });
      hall.act({ type: 'pause-counter', counterId: COUNTER.q1, reason: 'Họp' });
    },
    featured: 'A002',
  },
  {
    name: 'every clerk signs out when idle (their tickets stay, their counters invite nobody)',
    then: (hall) => {
      for (const counterId of [COUNTER.q1, COUNTER.q3, COUNTER.q4])
        hall.act({ type: 'sign-out', counterId, reason: 'idle' }, terminal(counterId));
    },
    featured: undefined,
  },
  {
    name: 'a paused counter reopens: its call stands again',
    then: (hall) => {
      hall.act({ type: 'pause-counter', counterId: COUNTER.q4, reason: 'Họp' });
      hall.act({ type: 'open-counter', counterId: COUNTER.q4 });
    },
    featured: 'A004',
  },
];

describe('featured call', () => {
  it.each(cases)('$name → $featured', ({ then, featured }) => {
    const hall = morning();
    then(hall);
    expect(numberOf(hall)).toBe(featured);
  });

  it('is nothing before the first call of the day, and only the shown services count', () => {
    const hall = new TestHall();
    hall.signIn(COUNTER.q1, CLERK.lan).signIn(COUNTER.q2, CLERK.minh);
    hall.issue(SERVICE.land);
    hall.issue(SERVICE.business);
    expect(featuredCall(hall.state)).toBeUndefined();
    hall.callNext(COUNTER.q1);
    hall.advance(MINUTE);
    hall.callNext(COUNTER.q2);
    expect(featuredCall(hall.state)?.number).toBe('KD500');
    expect(featuredCall(hall.state, (serviceId) => serviceId === SERVICE.land)?.number).toBe('A001');
    expect(isLiveCall(hall.state, hall.ticket(featuredCall(hall.state)!.id))).toBe(true);
  });
});

describe('transfer dialog options', () => {
  it('marks each other active counter as allowed, paused, closed or not serving the service', () => {
    const hall = new TestHall();
    hall.signIn(COUNTER.q1, CLERK.lan).signIn(COUNTER.q2, CLERK.minh).signIn(COUNTER.q4, CLERK.tuan);
    hall.act({ type: 'pause-counter', counterId: COUNTER.q4, reason: 'Họp' });
    const options = transferCounterOptions(hall.state, hall.config, SERVICE.land, COUNTER.q1);
    const summary = options.map((option): [CounterId, string, boolean, string | null, boolean] => [
      option.counter.id,
      option.status,
      option.servesService,
      option.refusal,
      option.isPaused,
    ]);
    // q9 is inactive and q1 is the sender: neither is offered.
    expect(summary).toEqual([
      [COUNTER.q2, 'open', false, 'not-serving', false],
      [COUNTER.q3, 'closed', true, 'closed', false],
      [COUNTER.q4, 'paused', true, null, true],
      [COUNTER.q5, 'closed', false, 'closed', false],
    ]);
  });
});
