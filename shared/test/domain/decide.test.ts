// What `decide` does when it accepts a command: the events, and the state they fold into.
import { describe, expect, it } from 'vitest';
import {
  asFieldId,
  asServiceId,
  asTicketId,
  configProblems,
  counterOf,
  isClerkAllowedAt,
  type DomainEventType,
  type HallConfig,
  type Ticket,
} from '../../src/domain/index.ts';
import {
  CLERK,
  COUNTER,
  KIOSK,
  KIOSK_ACTOR,
  MANAGER,
  MINUTE,
  OTHER_KIOSK,
  PRIORITY,
  PROCEDURE,
  SERVICE,
  T0,
  TestHall,
  hallConfig,
  local,
  terminal,
  transferCommand,
} from '../fixtures/hall.ts';

const types = (events: readonly { type: DomainEventType }[]): DomainEventType[] =>
  events.map((event) => event.type);

/** Lan at q1, with `count` land tickets issued a minute apart. */
function staffedHall(count = 0): { hall: TestHall; tickets: Ticket[] } {
  const hall = new TestHall();
  hall.signIn(COUNTER.q1, CLERK.lan);
  const tickets: Ticket[] = [];
  for (let index = 0; index < count; index += 1) {
    tickets.push(hall.issue(SERVICE.land));
    hall.advance(MINUTE);
  }
  return { hall, tickets };
}

describe('issue', () => {
  it('numbers a service whose prefix is Đ: Đ001 (a valid, speakable prefix)', () => {
    const hall = new TestHall({ services: { land: { prefix: 'Đ' } } });
    expect(configProblems(hall.config)).toEqual([]);
    expect(hall.issue(SERVICE.land).number).toBe('Đ001');
  });

  it('numbers each service from its first number with its prefix, per service', () => {
    const hall = new TestHall();
    expect(hall.issue(SERVICE.land).number).toBe('A001');
    expect(hall.issue(SERVICE.land).number).toBe('A002');
    expect(hall.issue(SERVICE.civil).number).toBe('B001');
    expect(hall.issue(SERVICE.business).number).toBe('KD500');
    expect(hall.issue(SERVICE.business).number).toBe('KD501');
    expect(hall.issue(SERVICE.land).number).toBe('A003');
    expect(hall.state.lastSequence).toEqual({
      [SERVICE.land]: 3,
      [SERVICE.civil]: 1,
      [SERVICE.business]: 501,
    });
  });

  it('gives global ids in issue order, never reused across services', () => {
    const hall = new TestHall();
    const ids = [hall.issue(SERVICE.land), hall.issue(SERVICE.civil), hall.issue(SERVICE.land)].map(
      (t) => t.id,
    );
    expect(ids).toEqual([1, 2, 3]);
    expect(hall.state.nextTicketId).toBe(4);
  });

  it('records the kiosk, procedure, priority group, business day and queue time', () => {
    const hall = new TestHall();
    const events = hall.act(
      {
        type: 'issue',
        serviceId: SERVICE.land,
        procedureId: PROCEDURE.landCertificate,
        priorityGroupId: PRIORITY.merit,
      },
      KIOSK_ACTOR,
    );
    expect(events).toEqual([
      {
        type: 'ticket.issued',
        version: 1,
        at: T0,
        by: KIOSK_ACTOR,
        ticketId: 1,
        number: 'A001',
        sequence: 1,
        serviceId: SERVICE.land,
        businessDay: '2026-03-02',
        priorityGroupId: PRIORITY.merit,
        procedureId: PROCEDURE.landCertificate,
        kioskId: KIOSK,
      },
    ]);
    expect(hall.ticket(asTicketId(1))).toMatchObject({
      status: 'waiting',
      issuedAt: T0,
      queuedAt: T0,
      issuedServiceId: SERVICE.land,
      serviceId: SERVICE.land,
      printState: 'pending',
      callCount: 0,
    });
  });

  it('leaves the kiosk empty when a manager issues on behalf of a visitor', () => {
    const hall = new TestHall();
    const [event] = hall.act(
      { type: 'issue', serviceId: SERVICE.civil, procedureId: null, priorityGroupId: null },
      MANAGER,
    );
    expect(event).toMatchObject({ type: 'ticket.issued', kioskId: null });
  });

  it('issues up to the quota and no further, counting from the first number', () => {
    const hall = new TestHall({ services: { business: { dailyQuota: 3 } } });
    const numbers = [1, 2, 3].map(() => hall.issue(SERVICE.business).number);
    expect(numbers).toEqual(['KD500', 'KD501', 'KD502']);
    expect(
      hall.refusal(
        { type: 'issue', serviceId: SERVICE.business, procedureId: null, priorityGroupId: null },
        KIOSK_ACTOR,
      ),
    ).toBe('QUOTA_REACHED');
    // The quota is per service: land is unaffected.
    expect(hall.issue(SERVICE.land).number).toBe('A001');
  });

  it.each([
    ['Monday 07:30, opening', local(2026, 3, 2, 7, 30)],
    ['Monday 11:29', local(2026, 3, 2, 11, 29)],
    ['Monday 13:30, after lunch', local(2026, 3, 2, 13, 30)],
    ['Friday 16:59', local(2026, 3, 6, 16, 59)],
  ])('issues within opening hours: %s local', (_label, now) => {
    const hall = new TestHall({}, now);
    expect(hall.issue(SERVICE.insurance).number).toBe('D001');
  });
});

describe('call-next', () => {
  it('calls the longest-waiting ticket first and records the counter and clerk', () => {
    const { hall, tickets } = staffedHall(3);
    const events = hall.act({ type: 'call-next', counterId: COUNTER.q1 }, terminal(COUNTER.q1, CLERK.lan));
    expect(events).toEqual([
      expect.objectContaining({
        type: 'ticket.called',
        ticketId: tickets[0]!.id,
        counterId: COUNTER.q1,
        clerkId: CLERK.lan,
        isOutOfOrder: false,
        reason: null,
      }),
    ]);
    expect(hall.ticket(tickets[0]!.id)).toMatchObject({
      status: 'called',
      counterId: COUNTER.q1,
      clerkId: CLERK.lan,
      calledAt: hall.now,
      callCount: 1,
    });
    expect(counterOf(hall.state, COUNTER.q1).currentTicketId).toBe(tickets[0]!.id);
  });

  it('calls only the services the counter serves', () => {
    const hall = new TestHall();
    hall.issue(SERVICE.business);
    const land = hall.issue(SERVICE.land);
    hall.signIn(COUNTER.q1, CLERK.lan);
    expect(hall.callNext(COUNTER.q1).id).toBe(land.id);
  });

  it('calls a priority visitor ahead of normal visitors who came earlier', () => {
    const { hall } = staffedHall(2);
    const elderly = hall.issue(SERVICE.land, PRIORITY.elderly);
    expect(hall.callNext(COUNTER.q1).id).toBe(elderly.id);
  });

  it('after K priority calls in a row calls a normal visitor who waited longer', () => {
    const hall = new TestHall({ policy: { priorityBound: 2 } });
    hall.signIn(COUNTER.q1, CLERK.lan);
    const normal = hall.issue(SERVICE.land);
    const priority = [1, 2, 3].map(() => hall.advance(MINUTE).issue(SERVICE.land, PRIORITY.disabled));
    const called: number[] = [];
    for (let index = 0; index < 4; index += 1) {
      called.push(hall.callNext(COUNTER.q1).id);
      hall.act({ type: 'complete', counterId: COUNTER.q1 });
    }
    expect(called).toEqual([priority[0]!.id, priority[1]!.id, normal.id, priority[2]!.id]);
  });

  it('on a tie in queue time prefers the counter’s first service, then the issue order', () => {
    const hall = new TestHall();
    hall.signIn(COUNTER.q2, CLERK.minh); // q2 serves civil first, then business
    const business = hall.issue(SERVICE.business);
    const civil = hall.issue(SERVICE.civil); // same instant
    const civilLater = hall.issue(SERVICE.civil);
    expect(hall.callNext(COUNTER.q2).id).toBe(civil.id);
    hall.act({ type: 'complete', counterId: COUNTER.q2 });
    expect(hall.callNext(COUNTER.q2).id).toBe(civilLater.id);
    hall.act({ type: 'complete', counterId: COUNTER.q2 });
    expect(hall.callNext(COUNTER.q2).id).toBe(business.id);
  });

  it('completes a serving ticket first, with its service time, then calls the next', () => {
    const { hall, tickets } = staffedHall(2);
    hall.callNext(COUNTER.q1);
    hall.advance(MINUTE);
    hall.act({ type: 'start', counterId: COUNTER.q1 });
    hall.advance(7 * MINUTE);
    const events = hall.act({ type: 'call-next', counterId: COUNTER.q1 });
    expect(types(events)).toEqual(['ticket.completed', 'ticket.called']);
    expect(events[0]).toMatchObject({ ticketId: tickets[0]!.id, serviceMs: 7 * MINUTE });
    expect(events[1]).toMatchObject({ ticketId: tickets[1]!.id });
    expect(hall.ticket(tickets[0]!.id).status).toBe('done');
    expect(counterOf(hall.state, COUNTER.q1)).toMatchObject({
      currentTicketId: tickets[1]!.id,
      lastCompletedTicketId: tickets[0]!.id,
    });
  });

  it('completes a serving ticket even when nobody else is waiting', () => {
    const { hall, tickets } = staffedHall(1);
    hall.callNext(COUNTER.q1);
    hall.act({ type: 'start', counterId: COUNTER.q1 });
    const events = hall.act({ type: 'call-next', counterId: COUNTER.q1 });
    expect(types(events)).toEqual(['ticket.completed']);
    expect(hall.ticket(tickets[0]!.id).status).toBe('done');
    expect(counterOf(hall.state, COUNTER.q1).currentTicketId).toBeNull();
  });

  it('never gives two counters the same ticket', () => {
    const hall = new TestHall();
    hall.signIn(COUNTER.q1, CLERK.lan).signIn(COUNTER.q4, CLERK.minh);
    const ticket = hall.issue(SERVICE.land);
    expect(hall.callNext(COUNTER.q1).id).toBe(ticket.id);
    expect(hall.refusal({ type: 'call-next', counterId: COUNTER.q4 })).toBe('QUEUE_EMPTY');
  });
});

describe('call-specific', () => {
  it('calls a listed ticket out of order, records it and keeps the reason', () => {
    const { hall, tickets } = staffedHall(3);
    const events = hall.act({
      type: 'call-specific',
      counterId: COUNTER.q1,
      ticketId: tickets[2]!.id,
      reason: 'Hồ sơ bổ sung',
    });
    expect(events).toEqual([
      expect.objectContaining({
        type: 'ticket.called',
        ticketId: tickets[2]!.id,
        isOutOfOrder: true,
        reason: 'Hồ sơ bổ sung',
        clerkId: CLERK.lan,
      }),
    ]);
    expect(hall.ticket(tickets[2]!.id)).toMatchObject({ status: 'called', isCalledOutOfOrder: true });
    // The others keep their places.
    hall.act({ type: 'complete', counterId: COUNTER.q1 });
    expect(hall.callNext(COUNTER.q1).id).toBe(tickets[0]!.id);
  });

  it('does not count an out-of-order priority call towards the anti-starvation bound', () => {
    const hall = new TestHall({ policy: { priorityBound: 1 } });
    hall.signIn(COUNTER.q1, CLERK.lan);
    hall.issue(SERVICE.land);
    const elderly = hall.advance(MINUTE).issue(SERVICE.land, PRIORITY.elderly);
    const pregnant = hall.advance(MINUTE).issue(SERVICE.land, PRIORITY.pregnant);
    hall.act({ type: 'call-specific', counterId: COUNTER.q1, ticketId: pregnant.id, reason: 'Mệt' });
    expect(counterOf(hall.state, COUNTER.q1).priorityStreak).toBe(0);
    hall.act({ type: 'complete', counterId: COUNTER.q1 });
    expect(hall.callNext(COUNTER.q1).id).toBe(elderly.id);
  });

  it('completes a serving ticket before calling the chosen one', () => {
    const { hall, tickets } = staffedHall(2);
    hall.callNext(COUNTER.q1);
    hall.act({ type: 'start', counterId: COUNTER.q1 });
    const events = hall.act({
      type: 'call-specific',
      counterId: COUNTER.q1,
      ticketId: tickets[1]!.id,
      reason: 'Gấp',
    });
    expect(types(events)).toEqual(['ticket.completed', 'ticket.called']);
  });
});

describe('recall', () => {
  it('re-announces the current ticket and counts it', () => {
    const { hall, tickets } = staffedHall(1);
    hall.callNext(COUNTER.q1);
    const firstCalledAt = hall.now;
    hall.advance(MINUTE);
    const events = hall.act({ type: 'recall', counterId: COUNTER.q1 });
    expect(events).toEqual([
      expect.objectContaining({ type: 'ticket.recalled', ticketId: tickets[0]!.id, counterId: COUNTER.q1 }),
    ]);
    // calledAt stays the first call, so the recorded wait ends when the visitor was first called.
    expect(hall.ticket(tickets[0]!.id)).toMatchObject({
      status: 'called',
      callCount: 2,
      recallCount: 1,
      calledAt: firstCalledAt,
    });
  });

  it('turns the recall after the limit into an automatic no-show and frees the counter', () => {
    const { hall, tickets } = staffedHall(1); // recallLimit 2
    hall.callNext(COUNTER.q1);
    expect(types(hall.act({ type: 'recall', counterId: COUNTER.q1 }))).toEqual(['ticket.recalled']);
    expect(types(hall.act({ type: 'recall', counterId: COUNTER.q1 }))).toEqual(['ticket.recalled']);
    const events = hall.act({ type: 'recall', counterId: COUNTER.q1 });
    expect(events).toEqual([
      expect.objectContaining({ type: 'ticket.no-show', ticketId: tickets[0]!.id, isAutomatic: true }),
    ]);
    expect(hall.ticket(tickets[0]!.id)).toMatchObject({
      status: 'no_show',
      noShowAt: hall.now,
      callCount: 3,
    });
    expect(counterOf(hall.state, COUNTER.q1).currentTicketId).toBeNull();
  });

  it('honours a configured limit of zero recalls', () => {
    const hall = new TestHall({ policy: { recallLimit: 0 } });
    hall.signIn(COUNTER.q1, CLERK.lan);
    hall.issue(SERVICE.land);
    hall.callNext(COUNTER.q1);
    expect(hall.act({ type: 'recall', counterId: COUNTER.q1 })).toEqual([
      expect.objectContaining({ type: 'ticket.no-show', isAutomatic: true }),
    ]);
  });

  // BUG (shared/src/domain/decide.ts, case 'recall'): the limit is measured on `callCount`, which counts
  // every call in the ticket's life. A visitor who was recalled before, left, and came back (or was
  // transferred) gets fewer recalls, or none, on the next call. See the report for the fix.
  it('gives a returned visitor the full recall allowance again (fails until the recall count is per call)', () => {
    const { hall, tickets } = staffedHall(1);
    hall.callNext(COUNTER.q1);
    hall.act({ type: 'recall', counterId: COUNTER.q1 });
    hall.act({ type: 'recall', counterId: COUNTER.q1 });
    hall.act({ type: 'no-show', counterId: COUNTER.q1 });
    hall.advance(5 * MINUTE);
    hall.act({ type: 'return', ticketId: tickets[0]!.id, counterId: null });
    hall.callNext(COUNTER.q1);
    expect(types(hall.act({ type: 'recall', counterId: COUNTER.q1 }))).toEqual(['ticket.recalled']);
  });

  it('gives a transferred visitor the full recall allowance at the new counter (same bug)', () => {
    const hall = new TestHall();
    hall.signIn(COUNTER.q1, CLERK.lan).signIn(COUNTER.q2, CLERK.minh);
    const ticket = hall.issue(SERVICE.land);
    hall.callNext(COUNTER.q1);
    hall.act({ type: 'recall', counterId: COUNTER.q1 });
    hall.act({ type: 'start', counterId: COUNTER.q1 });
    hall.act({
      type: 'transfer',
      ticketId: ticket.id,
      fromCounterId: COUNTER.q1,
      toServiceId: SERVICE.business,
      toCounterId: null,
      note: null,
    });
    expect(hall.callNext(COUNTER.q2).id).toBe(ticket.id);
    // Called once at q2: its first recall there must not already be over the limit.
    expect(types(hall.act({ type: 'recall', counterId: COUNTER.q2 }))).toEqual(['ticket.recalled']);
  });
});

describe('start and complete', () => {
  it('starts a called ticket', () => {
    const { hall, tickets } = staffedHall(1);
    hall.callNext(COUNTER.q1);
    hall.advance(2 * MINUTE);
    expect(types(hall.act({ type: 'start', counterId: COUNTER.q1 }))).toEqual(['ticket.started']);
    expect(hall.ticket(tickets[0]!.id)).toMatchObject({ status: 'serving', startedAt: hall.now });
  });

  it('completes a serving ticket, timing the service from its start', () => {
    const { hall, tickets } = staffedHall(1);
    hall.callNext(COUNTER.q1);
    hall.advance(2 * MINUTE);
    hall.act({ type: 'start', counterId: COUNTER.q1 });
    hall.advance(9 * MINUTE);
    const events = hall.act({ type: 'complete', counterId: COUNTER.q1 });
    expect(events).toEqual([
      expect.objectContaining({ type: 'ticket.completed', ticketId: tickets[0]!.id, serviceMs: 9 * MINUTE }),
    ]);
    expect(hall.ticket(tickets[0]!.id)).toMatchObject({ status: 'done', completedAt: hall.now });
    expect(hall.state.serviceTimes[SERVICE.land]).toEqual([9 * MINUTE]);
    expect(counterOf(hall.state, COUNTER.q1)).toMatchObject({
      currentTicketId: null,
      lastCompletedTicketId: tickets[0]!.id,
    });
  });

  it('completes a ticket straight from called, timing the service from the call', () => {
    const { hall, tickets } = staffedHall(1);
    hall.callNext(COUNTER.q1);
    hall.advance(4 * MINUTE);
    const events = hall.act({ type: 'complete', counterId: COUNTER.q1 });
    // No `ticket.started` stamped at the completion: the service is counted from the call.
    expect(types(events)).toEqual(['ticket.completed']);
    expect(events[0]).toMatchObject({ ticketId: tickets[0]!.id, serviceMs: 4 * MINUTE });
    expect(hall.ticket(tickets[0]!.id).status).toBe('done');
  });

  it('keeps the folded ticket’s start in step with its ticket.started event, or with the call when never started', () => {
    const { hall, tickets } = staffedHall(2);
    // Completed straight from called: startedAt is the call, and no event claims another start.
    const called = hall.callNext(COUNTER.q1);
    hall.advance(4 * MINUTE);
    const direct = hall.act({ type: 'complete', counterId: COUNTER.q1 });
    const first = hall.ticket(tickets[0]!.id);
    expect(direct.some((event) => event.type === 'ticket.started')).toBe(false);
    expect(first.startedAt).toBe(first.calledAt);
    expect(first.startedAt).toBe(called.calledAt);
    expect(first.completedAt! - first.startedAt!).toBe(4 * MINUTE);
    // Started explicitly: startedAt is exactly the event's time, also after the completion.
    hall.callNext(COUNTER.q1);
    hall.advance(MINUTE);
    const [started] = hall.act({ type: 'start', counterId: COUNTER.q1 });
    hall.advance(6 * MINUTE);
    hall.act({ type: 'complete', counterId: COUNTER.q1 });
    const second = hall.ticket(tickets[1]!.id);
    expect(started).toMatchObject({ type: 'ticket.started' });
    expect(second.startedAt).toBe(started!.at);
    expect(second.completedAt! - second.startedAt!).toBe(6 * MINUTE);
  });
});

describe('no-show and return', () => {
  it('marks the called visitor absent and frees the counter', () => {
    const { hall, tickets } = staffedHall(2);
    hall.callNext(COUNTER.q1);
    const events = hall.act({ type: 'no-show', counterId: COUNTER.q1 });
    expect(events).toEqual([
      expect.objectContaining({ type: 'ticket.no-show', ticketId: tickets[0]!.id, isAutomatic: false }),
    ]);
    expect(hall.ticket(tickets[0]!.id)).toMatchObject({ status: 'no_show', noShowAt: hall.now });
    expect(hall.callNext(COUNTER.q1).id).toBe(tickets[1]!.id);
  });

  it.each([
    ['at once', 0],
    ['after 14 minutes', 14 * MINUTE],
    ['at exactly the grace period', 15 * MINUTE],
  ])('lets a no-show back in the queue %s, at its original queue time', (_label, delay) => {
    const { hall, tickets } = staffedHall(3);
    hall.callNext(COUNTER.q1);
    hall.act({ type: 'no-show', counterId: COUNTER.q1 });
    hall.advance(delay);
    expect(types(hall.act({ type: 'return', ticketId: tickets[0]!.id, counterId: null }))).toEqual([
      'ticket.returned',
    ]);
    expect(hall.ticket(tickets[0]!.id)).toMatchObject({
      status: 'waiting',
      counterId: null,
      noShowAt: null,
      queuedAt: tickets[0]!.queuedAt,
      number: 'A001',
    });
    // Having waited longest, the returned visitor is called next.
    expect(hall.callNext(COUNTER.q1).id).toBe(tickets[0]!.id);
  });

  it('uses the configured grace period', () => {
    const hall = new TestHall({ policy: { noShowGraceMinutes: 5 } });
    hall.signIn(COUNTER.q1, CLERK.lan);
    const ticket = hall.issue(SERVICE.land);
    hall.callNext(COUNTER.q1);
    hall.act({ type: 'no-show', counterId: COUNTER.q1 });
    hall.advance(5 * MINUTE + 1);
    expect(hall.refusal({ type: 'return', ticketId: ticket.id, counterId: null })).toBe('GRACE_EXPIRED');
  });
});

describe('transfer', () => {
  it('moves a serving ticket to another service, keeping its number and queue time', () => {
    const hall = new TestHall();
    hall.signIn(COUNTER.q1, CLERK.lan).signIn(COUNTER.q2, CLERK.minh);
    const ticket = hall.issue(SERVICE.land);
    hall.advance(MINUTE);
    const laterBusiness = hall.issue(SERVICE.business);
    hall.callNext(COUNTER.q1);
    hall.act({ type: 'start', counterId: COUNTER.q1 });
    hall.advance(3 * MINUTE);
    const events = hall.act(
      {
        type: 'transfer',
        ticketId: ticket.id,
        fromCounterId: COUNTER.q1,
        toServiceId: SERVICE.business,
        toCounterId: null,
        note: 'Cần đăng ký kinh doanh',
      },
      terminal(COUNTER.q1, CLERK.lan),
    );
    expect(events).toEqual([
      expect.objectContaining({
        type: 'ticket.transferred',
        ticketId: ticket.id,
        fromServiceId: SERVICE.land,
        toServiceId: SERVICE.business,
        fromCounterId: COUNTER.q1,
        toCounterId: null,
        note: 'Cần đăng ký kinh doanh',
      }),
    ]);
    expect(hall.ticket(ticket.id)).toMatchObject({
      status: 'waiting',
      number: 'A001',
      issuedServiceId: SERVICE.land,
      serviceId: SERVICE.business,
      queuedAt: ticket.queuedAt,
      counterId: null,
      calledAt: null,
      startedAt: null,
      transferCount: 1,
    });
    expect(counterOf(hall.state, COUNTER.q1).currentTicketId).toBeNull();
    // It keeps its place: called at the business counter before the business ticket issued after it.
    expect(hall.callNext(COUNTER.q2).id).toBe(ticket.id);
    expect(hall.ticket(laterBusiness.id).status).toBe('waiting');
    // Its own numbering is untouched by the move.
    expect(hall.issue(SERVICE.business).number).toBe('KD501');
  });

  it('moves a ticket to one chosen counter only: others serving the service leave it alone', () => {
    const hall = new TestHall();
    hall.signIn(COUNTER.q1, CLERK.lan).signIn(COUNTER.q4, CLERK.minh).signIn(COUNTER.q3, CLERK.hoa);
    const ticket = hall.issue(SERVICE.land);
    hall.callNext(COUNTER.q1);
    hall.act({
      type: 'transfer',
      ticketId: ticket.id,
      fromCounterId: COUNTER.q1,
      toServiceId: null,
      toCounterId: COUNTER.q3,
      note: null,
    });
    expect(hall.ticket(ticket.id)).toMatchObject({ serviceId: SERVICE.land, targetCounterId: COUNTER.q3 });
    // q4 serves land too, but the ticket was sent to q3.
    expect(hall.refusal({ type: 'call-next', counterId: COUNTER.q4 })).toBe('QUEUE_EMPTY');
    expect(hall.callNext(COUNTER.q3).id).toBe(ticket.id);
    expect(hall.ticket(ticket.id).targetCounterId).toBeNull();
  });

  it('carries the note with the ticket to the next counter, and starts its recall count afresh', () => {
    const hall = new TestHall();
    hall.signIn(COUNTER.q1, CLERK.lan).signIn(COUNTER.q3, CLERK.hoa);
    const ticket = hall.issue(SERVICE.land);
    hall.callNext(COUNTER.q1);
    hall.advance(MINUTE);
    hall.act({ type: 'recall', counterId: COUNTER.q1 });
    const calledAt = hall.ticket(ticket.id).lastCalledAt;
    hall.advance(MINUTE);
    const [event] = hall.act(
      transferCommand(ticket.id, COUNTER.q1, {
        counterId: COUNTER.q3,
        serviceId: SERVICE.business,
        note: 'Hồ sơ cần quầy 3 ký',
      }),
      terminal(COUNTER.q1, CLERK.lan),
    );
    expect(event).toMatchObject({ type: 'ticket.transferred', note: 'Hồ sơ cần quầy 3 ký' });
    expect(hall.ticket(ticket.id)).toMatchObject({
      recallCount: 0,
      lastCalledAt: calledAt,
      lastCalledCounterId: COUNTER.q1,
      lastTransfer: {
        at: hall.now,
        fromServiceId: SERVICE.land,
        fromCounterId: COUNTER.q1,
        note: 'Hồ sơ cần quầy 3 ký',
      },
    });
    hall.advance(MINUTE);
    hall.callNext(COUNTER.q3);
    expect(hall.ticket(ticket.id)).toMatchObject({
      recallCount: 0,
      callCount: 3,
      lastCalledCounterId: COUNTER.q3,
      lastTransfer: { note: 'Hồ sơ cần quầy 3 ký' },
    });
  });

  it('sends a ticket to a paused counter (it waits there until the counter reopens)', () => {
    const hall = new TestHall();
    hall.signIn(COUNTER.q1, CLERK.lan).signIn(COUNTER.q4, CLERK.minh);
    hall.act({ type: 'pause-counter', counterId: COUNTER.q4, reason: 'Họp' });
    const ticket = hall.issue(SERVICE.land);
    hall.callNext(COUNTER.q1);
    hall.act(transferCommand(ticket.id, COUNTER.q1, { counterId: COUNTER.q4 }));
    hall.act({ type: 'open-counter', counterId: COUNTER.q4 });
    expect(hall.callNext(COUNTER.q4).id).toBe(ticket.id);
  });

  it('lets a counter move a waiting ticket of its own services, and a manager move any open ticket', () => {
    const hall = new TestHall();
    const waiting = hall.issue(SERVICE.civil);
    expect(
      types(
        hall.act({
          type: 'transfer',
          ticketId: waiting.id,
          fromCounterId: COUNTER.q1,
          toServiceId: SERVICE.land,
          toCounterId: null,
          note: null,
        }),
      ),
    ).toEqual(['ticket.transferred']);
    hall.signIn(COUNTER.q4, CLERK.minh);
    hall.callNext(COUNTER.q4);
    const events = hall.act(
      {
        type: 'transfer',
        ticketId: waiting.id,
        fromCounterId: null,
        toServiceId: SERVICE.civil,
        toCounterId: null,
        note: null,
      },
      MANAGER,
    );
    expect(events[0]).toMatchObject({ fromCounterId: COUNTER.q4, fromServiceId: SERVICE.land });
    expect(hall.ticket(waiting.id)).toMatchObject({ serviceId: SERVICE.civil, transferCount: 2 });
    expect(counterOf(hall.state, COUNTER.q4).currentTicketId).toBeNull();
  });
});

describe('cancel', () => {
  it('cancels a waiting ticket and a no-show', () => {
    const { hall, tickets } = staffedHall(2);
    hall.callNext(COUNTER.q1);
    hall.act({ type: 'no-show', counterId: COUNTER.q1 });
    for (const ticket of tickets) {
      const events = hall.act({ type: 'cancel', ticketId: ticket.id, reason: 'Khách về' });
      expect(events).toEqual([expect.objectContaining({ type: 'ticket.cancelled', reason: 'Khách về' })]);
      expect(hall.ticket(ticket.id).status).toBe('cancelled');
    }
    expect(hall.refusal({ type: 'call-next', counterId: COUNTER.q1 })).toBe('QUEUE_EMPTY');
  });
});

describe('counter open, pause and close', () => {
  it('pauses with a reason, reopens, closes, and does nothing when already there', () => {
    const hall = new TestHall();
    hall.signIn(COUNTER.q1, CLERK.lan);
    expect(hall.act({ type: 'open-counter', counterId: COUNTER.q1 })).toEqual([]);
    expect(types(hall.act({ type: 'pause-counter', counterId: COUNTER.q1, reason: 'Nghỉ trưa' }))).toEqual([
      'counter.paused',
    ]);
    expect(counterOf(hall.state, COUNTER.q1)).toMatchObject({ status: 'paused', pauseReason: 'Nghỉ trưa' });
    expect(types(hall.act({ type: 'open-counter', counterId: COUNTER.q1 }))).toEqual(['counter.opened']);
    expect(counterOf(hall.state, COUNTER.q1)).toMatchObject({ status: 'open', pauseReason: null });
    expect(types(hall.act({ type: 'close-counter', counterId: COUNTER.q1 }))).toEqual(['counter.closed']);
    expect(counterOf(hall.state, COUNTER.q1)).toMatchObject({ status: 'closed', clerkId: CLERK.lan });
    expect(hall.act({ type: 'close-counter', counterId: COUNTER.q1 })).toEqual([]);
    expect(types(hall.act({ type: 'open-counter', counterId: COUNTER.q1 }))).toEqual(['counter.opened']);
  });

  it('lets a paused counter finish its current visitor', () => {
    const { hall } = staffedHall(1);
    hall.callNext(COUNTER.q1);
    hall.act({ type: 'pause-counter', counterId: COUNTER.q1, reason: 'Tra cứu' });
    expect(types(hall.act({ type: 'complete', counterId: COUNTER.q1 }))).toEqual(['ticket.completed']);
    expect(types(hall.act({ type: 'close-counter', counterId: COUNTER.q1 }))).toEqual(['counter.closed']);
  });
});

describe('sign-in and sign-out', () => {
  it('signs a clerk in and opens the closed counter', () => {
    const hall = new TestHall();
    const events = hall.act({ type: 'sign-in', counterId: COUNTER.q1, clerkId: CLERK.lan });
    expect(events).toEqual([
      expect.objectContaining({ type: 'clerk.signed-in', counterId: COUNTER.q1, clerkId: CLERK.lan }),
      expect.objectContaining({ type: 'counter.opened', counterId: COUNTER.q1 }),
    ]);
    expect(counterOf(hall.state, COUNTER.q1)).toMatchObject({ status: 'open', clerkId: CLERK.lan });
  });

  it('signs a clerk in at a counter on their list (the refusal elsewhere is in decide-refusals)', () => {
    const hall = new TestHall({ clerks: { lan: { counterIds: [COUNTER.q2, COUNTER.q3] } } });
    const events = hall.act({ type: 'sign-in', counterId: COUNTER.q3, clerkId: CLERK.lan });
    expect(events[0]).toMatchObject({ type: 'clerk.signed-in', counterId: COUNTER.q3, clerkId: CLERK.lan });
    expect(isClerkAllowedAt(hall.config.clerks[0]!, COUNTER.q1)).toBe(false);
    // No list means every counter, as configurations from before the list read.
    expect(Object.values(COUNTER).every((id) => isClerkAllowedAt(hallConfig().clerks[0]!, id))).toBe(true);
  });

  it('takes over a counter from another clerk, who is signed out as "takeover"', () => {
    const hall = new TestHall().signIn(COUNTER.q1, CLERK.lan);
    const events = hall.act({ type: 'sign-in', counterId: COUNTER.q1, clerkId: CLERK.minh });
    expect(events).toEqual([
      expect.objectContaining({
        type: 'clerk.signed-out',
        counterId: COUNTER.q1,
        clerkId: CLERK.lan,
        reason: 'takeover',
      }),
      expect.objectContaining({ type: 'clerk.signed-in', counterId: COUNTER.q1, clerkId: CLERK.minh }),
    ]);
    expect(counterOf(hall.state, COUNTER.q1)).toMatchObject({ status: 'open', clerkId: CLERK.minh });
  });

  it('moves a clerk between counters, signing them out of the first as "moved"', () => {
    const hall = new TestHall().signIn(COUNTER.q1, CLERK.lan);
    const events = hall.act({ type: 'sign-in', counterId: COUNTER.q2, clerkId: CLERK.lan });
    expect(types(events)).toEqual([
      'clerk.signed-out',
      'counter.closed',
      'clerk.signed-in',
      'counter.opened',
    ]);
    expect(events[0]).toMatchObject({ counterId: COUNTER.q1, clerkId: CLERK.lan, reason: 'moved' });
    expect(counterOf(hall.state, COUNTER.q1).clerkId).toBeNull();
    expect(counterOf(hall.state, COUNTER.q2)).toMatchObject({ status: 'open', clerkId: CLERK.lan });
  });

  // BUG? (shared/src/domain/decide.ts, case 'sign-in'): a clerk who moves leaves the first counter
  // 'open' with nobody signed in, where sign-out would have closed it; the hall's counter list then shows
  // it open although nobody can call there. See the report for the fix.
  it('closes the counter a clerk moved away from when no visitor is there, as sign-out does', () => {
    const hall = new TestHall().signIn(COUNTER.q1, CLERK.lan);
    hall.act({ type: 'sign-in', counterId: COUNTER.q2, clerkId: CLERK.lan });
    expect(counterOf(hall.state, COUNTER.q1)).toMatchObject({ status: 'closed', clerkId: null });
  });

  it('moves a clerk onto a counter held by another: moved out, taken over, signed in', () => {
    const hall = new TestHall().signIn(COUNTER.q1, CLERK.lan).signIn(COUNTER.q2, CLERK.minh);
    const events = hall.act({ type: 'sign-in', counterId: COUNTER.q2, clerkId: CLERK.lan });
    expect(events.map((event) => [event.type, 'reason' in event ? event.reason : null])).toEqual([
      ['clerk.signed-out', 'moved'],
      ['counter.closed', null],
      ['clerk.signed-out', 'takeover'],
      ['clerk.signed-in', null],
    ]);
  });

  it('does nothing when the clerk is already signed in there, and keeps a paused counter paused', () => {
    const hall = new TestHall().signIn(COUNTER.q1, CLERK.lan);
    expect(hall.act({ type: 'sign-in', counterId: COUNTER.q1, clerkId: CLERK.lan })).toEqual([]);
    hall.act({ type: 'pause-counter', counterId: COUNTER.q1, reason: 'Họp' });
    expect(types(hall.act({ type: 'sign-in', counterId: COUNTER.q1, clerkId: CLERK.minh }))).toEqual([
      'clerk.signed-out',
      'clerk.signed-in',
    ]);
    expect(counterOf(hall.state, COUNTER.q1).status).toBe('paused');
  });

  it('signs out and closes the counter', () => {
    const hall = new TestHall().signIn(COUNTER.q1, CLERK.lan);
    const events = hall.act({ type: 'sign-out', counterId: COUNTER.q1, reason: 'sign-out' });
    expect(events).toEqual([
      expect.objectContaining({ type: 'clerk.signed-out', clerkId: CLERK.lan, reason: 'sign-out' }),
      expect.objectContaining({ type: 'counter.closed', counterId: COUNTER.q1 }),
    ]);
    expect(counterOf(hall.state, COUNTER.q1)).toMatchObject({ status: 'closed', clerkId: null });
    expect(hall.act({ type: 'sign-out', counterId: COUNTER.q1, reason: 'sign-out' })).toEqual([]);
  });

  it('ends an idle session even with a visitor at the counter, keeping the visitor there', () => {
    const { hall, tickets } = staffedHall(1);
    hall.callNext(COUNTER.q1);
    expect(types(hall.act({ type: 'sign-out', counterId: COUNTER.q1, reason: 'idle' }))).toEqual([
      'clerk.signed-out',
    ]);
    expect(counterOf(hall.state, COUNTER.q1)).toMatchObject({
      clerkId: null,
      currentTicketId: tickets[0]!.id,
    });
  });
});

describe('record-print', () => {
  it('records the issuing kiosk’s print once, and a failure with its cause', () => {
    const hall = new TestHall();
    const printed = hall.issue(SERVICE.land);
    const jammed = hall.issue(SERVICE.land);
    expect(
      hall.act(
        { type: 'record-print', ticketId: printed.id, isPrinted: true, failure: 'ignored' },
        KIOSK_ACTOR,
      ),
    ).toEqual([
      expect.objectContaining({ type: 'ticket.print-recorded', printState: 'printed', failure: null }),
    ]);
    expect(
      hall.act(
        { type: 'record-print', ticketId: jammed.id, isPrinted: false, failure: 'Kẹt giấy' },
        KIOSK_ACTOR,
      ),
    ).toEqual([expect.objectContaining({ printState: 'failed', failure: 'Kẹt giấy' })]);
    expect(hall.ticket(printed.id).printState).toBe('printed');
    expect(hall.ticket(jammed.id).printState).toBe('failed');
  });

  it('lets a manager record the print of a kiosk ticket, but not another kiosk', () => {
    const hall = new TestHall();
    const ticket = hall.issue(SERVICE.land);
    expect(
      hall.refusal(
        { type: 'record-print', ticketId: ticket.id, isPrinted: true, failure: null },
        { role: 'kiosk', deviceId: OTHER_KIOSK, clerkId: null },
      ),
    ).toBe('FORBIDDEN');
    expect(
      types(hall.act({ type: 'record-print', ticketId: ticket.id, isPrinted: true, failure: null }, MANAGER)),
    ).toEqual(['ticket.print-recorded']);
  });
});

describe('rate', () => {
  it.each([4, 3, 2, 1])(
    'records rating %i for the ticket just served, with the clerk who served it',
    (rating) => {
      const { hall, tickets } = staffedHall(1);
      hall.callNext(COUNTER.q1);
      hall.act({ type: 'complete', counterId: COUNTER.q1 });
      const events = hall.act(
        { type: 'rate', ticketId: tickets[0]!.id, counterId: COUNTER.q1, rating, reasons: ['Chờ lâu'] },
        { role: 'feedback', deviceId: null, clerkId: null },
      );
      expect(events).toEqual([
        expect.objectContaining({
          type: 'feedback.rated',
          ticketId: tickets[0]!.id,
          counterId: COUNTER.q1,
          clerkId: CLERK.lan,
          rating,
          reasons: ['Chờ lâu'],
        }),
      ]);
      expect(hall.ticket(tickets[0]!.id).isRated).toBe(true);
      expect(counterOf(hall.state, COUNTER.q1).lastCompletedTicketId).toBeNull();
    },
  );
});

describe('configure', () => {
  it('records what changed, in words for the audit log, and changes no queue state', () => {
    const hall = new TestHall();
    hall.issue(SERVICE.land);
    const next: HallConfig = {
      ...hall.config,
      services: [
        ...hall.config.services.map((service) =>
          service.id === SERVICE.land ? { ...service, dailyQuota: 80 } : service,
        ),
        { ...hall.config.services[0]!, id: asServiceId('cong-chung'), prefix: 'E', procedures: [] },
      ],
      // Archived, never removed: a published counter keeps its name for reports and the audit.
      counters: hall.config.counters.map((counter) =>
        counter.id === COUNTER.q9 ? { ...counter, isArchived: true } : counter,
      ),
      policy: { ...hall.config.policy, priorityBound: 2 },
    };
    const before = hall.state;
    const events = hall.act({ type: 'configure', config: next });
    expect(events).toEqual([
      expect.objectContaining({
        type: 'hall.configured',
        changes: [
          'service dat-dai changed',
          'service cong-chung added',
          'counter q9 archived',
          'policy changed',
        ],
      }),
    ]);
    expect(hall.state).toEqual({ ...before, version: before.version + 1 });
  });

  it('records nothing when nothing changed', () => {
    const hall = new TestHall();
    expect(hall.act({ type: 'configure', config: structuredClone(hall.config) })).toEqual([]);
  });

  it('names the problems of an incoherent configuration', () => {
    const hall = new TestHall();
    const decision = hall.decide({
      type: 'configure',
      config: {
        ...hall.config,
        hall: { ...hall.config.hall, timeZone: 'Mars/Olympus' },
        services: hall.config.services.map((service, index) =>
          index === 0 ? { ...service, fieldId: asFieldId('khong-co') } : service,
        ),
      },
    });
    expect(decision.ok).toBe(false);
    if (!decision.ok) {
      expect(decision.error.code).toBe('CONFIG_INVALID');
      expect(decision.error.message).toContain('There is no time zone “Mars/Olympus”.');
      expect(decision.error.message).toContain('Service “Land”: choose a field');
      expect(decision.error.configIssues?.map((issue) => [issue.code, issue.path])).toEqual([
        ['unknown-time-zone', { entity: 'hall', id: null, field: 'timeZone' }],
        ['unknown-field', { entity: 'service', id: 'dat-dai', field: 'fieldId' }],
      ]);
    }
  });

  it('accepts the test hall itself as coherent', () => {
    expect(configProblems(hallConfig())).toEqual([]);
  });
});

describe('roll-day', () => {
  it('does nothing on the same business day', () => {
    const hall = new TestHall();
    hall.advance(15 * 60 * MINUTE); // 23:00 local
    expect(hall.act({ type: 'roll-day' })).toEqual([]);
  });
});
