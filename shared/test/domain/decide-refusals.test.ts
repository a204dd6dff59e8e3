// Every refusal `decide` can give, one row each: how the hall got there, what was asked, which code came
// back. `TestHall.refusal` also checks that a refused command left the state untouched.
import { describe, expect, it } from 'vitest';
import {
  asClerkId,
  asCounterId,
  asPriorityGroupId,
  asProcedureId,
  asServiceId,
  asTicketId,
  type Actor,
  type Command,
  type DomainErrorCode,
  type HallConfig,
} from '../../src/domain/index.ts';
import {
  CLERK,
  COUNTER,
  KIOSK_ACTOR,
  MINUTE,
  OTHER_KIOSK,
  PRIORITY,
  PROCEDURE,
  SERVICE,
  TestHall,
  MANAGER,
  local,
  terminal,
  transferCommand,
  type HallOptions,
} from '../fixtures/hall.ts';

interface RefusalCase {
  readonly name: string;
  readonly options?: HallOptions;
  readonly now?: number;
  /** Bring the hall into the situation and return the command (and its sender) to refuse. */
  readonly arrange: (hall: TestHall) => Command | { command: Command; actor: Actor };
  readonly code: DomainErrorCode;
}

const issue = (serviceId = SERVICE.land): Command => ({
  type: 'issue',
  serviceId,
  procedureId: null,
  priorityGroupId: null,
});

/** q1 staffed by Lan with A001 called there. */
function withCalledTicket(hall: TestHall): ReturnType<TestHall['ticket']> {
  hall.issue(SERVICE.land);
  hall.signIn(COUNTER.q1, CLERK.lan);
  return hall.callNext(COUNTER.q1);
}

/** A001 served and completed at q1. */
function withDoneTicket(hall: TestHall): ReturnType<TestHall['ticket']> {
  const ticket = withCalledTicket(hall);
  hall.act({ type: 'complete', counterId: COUNTER.q1 });
  return hall.ticket(ticket.id);
}

function withNoShow(hall: TestHall): ReturnType<TestHall['ticket']> {
  const ticket = withCalledTicket(hall);
  hall.act({ type: 'no-show', counterId: COUNTER.q1 });
  return hall.ticket(ticket.id);
}

const cases: readonly RefusalCase[] = [
  // issue
  { name: 'issue: unknown service', arrange: () => issue(asServiceId('khong-co')), code: 'NOT_FOUND' },
  { name: 'issue: inactive service', arrange: () => issue(SERVICE.tax), code: 'SERVICE_INACTIVE' },
  {
    name: 'issue: outside opening hours (lunch break, Monday 12:00 local)',
    now: local(2026, 3, 2, 12, 0),
    arrange: () => issue(SERVICE.insurance),
    code: 'SERVICE_CLOSED',
  },
  {
    name: 'issue: before opening (07:29 local)',
    now: local(2026, 3, 2, 7, 29),
    arrange: () => issue(SERVICE.insurance),
    code: 'SERVICE_CLOSED',
  },
  {
    name: 'issue: at closing time (11:30 local, end exclusive)',
    now: local(2026, 3, 2, 11, 30),
    arrange: () => issue(SERVICE.insurance),
    code: 'SERVICE_CLOSED',
  },
  {
    // 20:00 UTC on Friday is 03:00 on Saturday in Hà Nội: the weekday must be the local one.
    name: 'issue: Saturday 03:00 local (still Friday in UTC)',
    now: local(2026, 3, 7, 3, 0),
    arrange: () => issue(SERVICE.insurance),
    code: 'SERVICE_CLOSED',
  },
  {
    name: 'issue: Saturday 09:00 local',
    now: local(2026, 3, 7, 9, 0),
    arrange: () => issue(SERVICE.insurance),
    code: 'SERVICE_CLOSED',
  },
  {
    name: 'issue: unknown procedure',
    arrange: () => ({ ...issue(), procedureId: asProcedureId('khong-co') }) as Command,
    code: 'NOT_FOUND',
  },
  {
    name: "issue: another service's procedure",
    arrange: () => ({ ...issue(SERVICE.land), procedureId: PROCEDURE.birth }) as Command,
    code: 'NOT_FOUND',
  },
  {
    name: 'issue: unknown priority group',
    arrange: () => ({ ...issue(), priorityGroupId: asPriorityGroupId('vip') }) as Command,
    code: 'NOT_FOUND',
  },
  {
    name: 'issue: daily quota reached',
    options: { services: { land: { dailyQuota: 2 } } },
    arrange: (hall) => {
      hall.issue(SERVICE.land);
      hall.issue(SERVICE.land);
      return issue();
    },
    code: 'QUOTA_REACHED',
  },
  {
    name: 'issue: daily quota reached when numbering starts at 500',
    options: { services: { business: { dailyQuota: 2 } } },
    arrange: (hall) => {
      hall.issue(SERVICE.business);
      hall.issue(SERVICE.business);
      return issue(SERVICE.business);
    },
    code: 'QUOTA_REACHED',
  },
  // call-next
  {
    name: 'call-next: unknown counter',
    arrange: () => ({ type: 'call-next', counterId: asCounterId('q42') }),
    code: 'NOT_FOUND',
  },
  {
    name: 'call-next: inactive counter',
    arrange: () => ({ type: 'call-next', counterId: COUNTER.q9 }),
    code: 'NOT_FOUND',
  },
  {
    name: 'call-next: nobody signed in',
    arrange: (hall) => {
      hall.issue(SERVICE.land);
      return { type: 'call-next', counterId: COUNTER.q1 };
    },
    code: 'NOT_SIGNED_IN',
  },
  {
    name: 'call-next: counter paused',
    arrange: (hall) => {
      hall.issue(SERVICE.land);
      hall.signIn(COUNTER.q1, CLERK.lan);
      hall.act({ type: 'pause-counter', counterId: COUNTER.q1, reason: 'Nghỉ trưa' });
      return { type: 'call-next', counterId: COUNTER.q1 };
    },
    code: 'COUNTER_CLOSED',
  },
  {
    name: 'call-next: counter closed with the clerk still signed in',
    arrange: (hall) => {
      hall.issue(SERVICE.land);
      hall.signIn(COUNTER.q1, CLERK.lan);
      hall.act({ type: 'close-counter', counterId: COUNTER.q1 });
      return { type: 'call-next', counterId: COUNTER.q1 };
    },
    code: 'COUNTER_CLOSED',
  },
  {
    name: 'call-next: nobody waiting',
    arrange: (hall) => {
      hall.signIn(COUNTER.q1, CLERK.lan);
      return { type: 'call-next', counterId: COUNTER.q1 };
    },
    code: 'QUEUE_EMPTY',
  },
  {
    name: "call-next: only other counters' services are waiting",
    arrange: (hall) => {
      hall.issue(SERVICE.business);
      hall.signIn(COUNTER.q1, CLERK.lan);
      return { type: 'call-next', counterId: COUNTER.q1 };
    },
    code: 'QUEUE_EMPTY',
  },
  {
    name: 'call-next: current ticket called but neither served nor marked absent',
    arrange: (hall) => {
      withCalledTicket(hall);
      hall.issue(SERVICE.land);
      return { type: 'call-next', counterId: COUNTER.q1 };
    },
    code: 'COUNTER_BUSY',
  },
  // call-specific
  {
    name: 'call-specific: unknown ticket',
    arrange: (hall) => {
      hall.signIn(COUNTER.q1, CLERK.lan);
      return { type: 'call-specific', counterId: COUNTER.q1, ticketId: asTicketId(99), reason: 'Khẩn' };
    },
    code: 'NOT_FOUND',
  },
  {
    name: 'call-specific: a service the counter does not serve',
    arrange: (hall) => {
      const ticket = hall.issue(SERVICE.business);
      hall.signIn(COUNTER.q1, CLERK.lan);
      return { type: 'call-specific', counterId: COUNTER.q1, ticketId: ticket.id, reason: 'Khẩn' };
    },
    code: 'INVALID_STATE',
  },
  {
    name: 'call-specific: a ticket another counter already called',
    arrange: (hall) => {
      const ticket = withCalledTicket(hall);
      hall.signIn(COUNTER.q4, CLERK.minh);
      return { type: 'call-specific', counterId: COUNTER.q4, ticketId: ticket.id, reason: 'Khẩn' };
    },
    code: 'INVALID_STATE',
  },
  {
    name: 'call-specific: a finished ticket',
    arrange: (hall) => {
      const ticket = withDoneTicket(hall);
      return { type: 'call-specific', counterId: COUNTER.q1, ticketId: ticket.id, reason: 'Khẩn' };
    },
    code: 'INVALID_STATE',
  },
  {
    name: 'call-specific: nobody signed in',
    arrange: (hall) => {
      const ticket = hall.issue(SERVICE.land);
      return { type: 'call-specific', counterId: COUNTER.q1, ticketId: ticket.id, reason: 'Khẩn' };
    },
    code: 'NOT_SIGNED_IN',
  },
  {
    name: 'call-specific: current ticket only called',
    arrange: (hall) => {
      withCalledTicket(hall);
      const other = hall.issue(SERVICE.land);
      return { type: 'call-specific', counterId: COUNTER.q1, ticketId: other.id, reason: 'Khẩn' };
    },
    code: 'COUNTER_BUSY',
  },
  // recall, start, complete, no-show act on the counter's current ticket
  ...(['recall', 'start', 'complete', 'no-show'] as const).map((type): RefusalCase => ({
    name: `${type}: no current ticket`,
    arrange: (hall) => {
      hall.signIn(COUNTER.q1, CLERK.lan);
      return { type, counterId: COUNTER.q1 };
    },
    code: 'INVALID_STATE',
  })),
  ...(['recall', 'start', 'no-show'] as const).map((type): RefusalCase => ({
    name: `${type}: the visitor is already being served`,
    arrange: (hall) => {
      withCalledTicket(hall);
      hall.act({ type: 'start', counterId: COUNTER.q1 });
      return { type, counterId: COUNTER.q1 };
    },
    code: 'INVALID_STATE',
  })),
  // return
  {
    name: 'return: unknown ticket',
    arrange: () => ({ type: 'return', ticketId: asTicketId(7), counterId: null }),
    code: 'NOT_FOUND',
  },
  {
    name: 'return: a waiting ticket is not a no-show',
    arrange: (hall) => ({ type: 'return', ticketId: hall.issue(SERVICE.land).id, counterId: null }),
    code: 'INVALID_STATE',
  },
  {
    name: 'return: after the grace period',
    arrange: (hall) => {
      const ticket = withNoShow(hall);
      hall.advance(15 * MINUTE + 1);
      return { type: 'return', ticketId: ticket.id, counterId: null };
    },
    code: 'GRACE_EXPIRED',
  },
  // transfer
  {
    name: 'transfer: unknown ticket',
    arrange: () => ({
      type: 'transfer',
      ticketId: asTicketId(9),
      fromCounterId: null,
      toServiceId: SERVICE.civil,
      toCounterId: null,
      note: null,
    }),
    code: 'NOT_FOUND',
  },
  {
    name: 'transfer: a finished ticket',
    arrange: (hall) => ({
      type: 'transfer',
      ticketId: withDoneTicket(hall).id,
      fromCounterId: null,
      toServiceId: SERVICE.civil,
      toCounterId: null,
      note: null,
    }),
    code: 'INVALID_STATE',
  },
  {
    name: "transfer: a counter moving another counter's current ticket",
    arrange: (hall) => {
      const ticket = withCalledTicket(hall); // called at q1; q4 serves the same service
      hall.signIn(COUNTER.q4, CLERK.minh);
      return {
        command: {
          type: 'transfer',
          ticketId: ticket.id,
          fromCounterId: COUNTER.q4,
          toServiceId: SERVICE.civil,
          toCounterId: null,
          note: null,
        },
        actor: terminal(COUNTER.q4, CLERK.minh),
      };
    },
    code: 'FORBIDDEN',
  },
  {
    name: 'transfer: a counter moving a waiting ticket of a service it does not serve',
    arrange: (hall) => ({
      type: 'transfer',
      ticketId: hall.issue(SERVICE.business).id,
      fromCounterId: COUNTER.q1,
      toServiceId: SERVICE.land,
      toCounterId: null,
      note: null,
    }),
    code: 'FORBIDDEN',
  },
  {
    name: 'transfer: no destination',
    arrange: (hall) => ({
      type: 'transfer',
      ticketId: hall.issue(SERVICE.land).id,
      fromCounterId: null,
      toServiceId: null,
      toCounterId: null,
      note: null,
    }),
    code: 'INVALID_STATE',
  },
  {
    name: 'transfer: unknown service',
    arrange: (hall) => ({
      type: 'transfer',
      ticketId: hall.issue(SERVICE.land).id,
      fromCounterId: null,
      toServiceId: asServiceId('khong-co'),
      toCounterId: null,
      note: null,
    }),
    code: 'NOT_FOUND',
  },
  {
    name: 'transfer: inactive service',
    arrange: (hall) => ({
      type: 'transfer',
      ticketId: hall.issue(SERVICE.land).id,
      fromCounterId: null,
      toServiceId: SERVICE.tax,
      toCounterId: null,
      note: null,
    }),
    code: 'NOT_FOUND',
  },
  {
    name: 'transfer: inactive counter',
    arrange: (hall) => ({
      type: 'transfer',
      ticketId: hall.issue(SERVICE.land).id,
      fromCounterId: null,
      toServiceId: null,
      toCounterId: COUNTER.q9,
      note: null,
    }),
    code: 'NOT_FOUND',
  },
  {
    name: 'transfer: to a closed counter (no clerk signed in)',
    arrange: (hall) => transferCommand(withCalledTicket(hall).id, COUNTER.q1, { counterId: COUNTER.q4 }),
    code: 'COUNTER_CLOSED',
  },
  {
    name: 'transfer: to a counter whose clerk closed it',
    arrange: (hall) => {
      const ticket = withCalledTicket(hall);
      hall.signIn(COUNTER.q4, CLERK.minh);
      hall.act({ type: 'close-counter', counterId: COUNTER.q4 });
      return transferCommand(ticket.id, COUNTER.q1, { counterId: COUNTER.q4 });
    },
    code: 'COUNTER_CLOSED',
  },
  {
    name: 'transfer: to an open counter that does not serve the service (land to q5, insurance only)',
    arrange: (hall) => {
      const ticket = withCalledTicket(hall);
      hall.signIn(COUNTER.q5, CLERK.minh);
      return transferCommand(ticket.id, COUNTER.q1, { counterId: COUNTER.q5, note: 'Quầy 5 xem giúp' });
    },
    code: 'NOT_SERVED',
  },
  {
    name: 'transfer: to an open counter that does not serve the new service (business to q4, land only)',
    arrange: (hall) => {
      const ticket = withCalledTicket(hall);
      hall.signIn(COUNTER.q4, CLERK.minh);
      return transferCommand(ticket.id, COUNTER.q1, { counterId: COUNTER.q4, serviceId: SERVICE.business });
    },
    code: 'NOT_SERVED',
  },
  {
    name: 'transfer: to a service no active counter serves',
    options: { counters: { q5: { isActive: false } } },
    arrange: (hall) => ({
      command: transferCommand(withCalledTicket(hall).id, null, { serviceId: SERVICE.insurance }),
      actor: MANAGER,
    }),
    code: 'NOT_SERVED',
  },
  // cancel
  {
    name: 'cancel: unknown ticket',
    arrange: () => ({ type: 'cancel', ticketId: asTicketId(5), reason: 'Trùng số' }),
    code: 'NOT_FOUND',
  },
  {
    name: 'cancel: a ticket being called',
    arrange: (hall) => ({ type: 'cancel', ticketId: withCalledTicket(hall).id, reason: 'Trùng số' }),
    code: 'INVALID_STATE',
  },
  {
    name: 'cancel: a finished ticket',
    arrange: (hall) => ({ type: 'cancel', ticketId: withDoneTicket(hall).id, reason: 'Trùng số' }),
    code: 'INVALID_STATE',
  },
  // counters
  {
    name: 'open-counter: nobody signed in',
    arrange: () => ({ type: 'open-counter', counterId: COUNTER.q1 }),
    code: 'NOT_SIGNED_IN',
  },
  {
    name: 'open-counter: inactive counter',
    arrange: () => ({ type: 'open-counter', counterId: COUNTER.q9 }),
    code: 'NOT_FOUND',
  },
  {
    name: 'pause-counter: a closed counter',
    arrange: () => ({ type: 'pause-counter', counterId: COUNTER.q1, reason: 'Nghỉ trưa' }),
    code: 'COUNTER_CLOSED',
  },
  {
    name: 'close-counter: a ticket is still at the counter',
    arrange: (hall) => {
      withCalledTicket(hall);
      return { type: 'close-counter', counterId: COUNTER.q1 };
    },
    code: 'COUNTER_BUSY',
  },
  {
    name: 'close-counter: a paused counter still serving its visitor',
    arrange: (hall) => {
      withCalledTicket(hall);
      hall.act({ type: 'start', counterId: COUNTER.q1 });
      hall.act({ type: 'pause-counter', counterId: COUNTER.q1, reason: 'Tra cứu hồ sơ' });
      return { type: 'close-counter', counterId: COUNTER.q1 };
    },
    code: 'COUNTER_BUSY',
  },
  // clerks
  {
    name: 'sign-in: unknown clerk',
    arrange: () => ({ type: 'sign-in', counterId: COUNTER.q1, clerkId: asClerkId('ai-do') }),
    code: 'NOT_FOUND',
  },
  {
    name: 'sign-in: inactive clerk',
    arrange: () => ({ type: 'sign-in', counterId: COUNTER.q1, clerkId: CLERK.former }),
    code: 'NOT_FOUND',
  },
  {
    name: 'sign-in: a counter the clerk may not work at',
    options: { clerks: { lan: { counterIds: [COUNTER.q2, COUNTER.q3] } } },
    arrange: () => ({ type: 'sign-in', counterId: COUNTER.q1, clerkId: CLERK.lan }),
    code: 'COUNTER_NOT_ALLOWED',
  },
  {
    name: 'sign-in: a clerk whose list is empty',
    options: { clerks: { lan: { counterIds: [] } } },
    arrange: () => ({ type: 'sign-in', counterId: COUNTER.q1, clerkId: CLERK.lan }),
    code: 'COUNTER_NOT_ALLOWED',
  },
  {
    name: 'sign-in: inactive counter',
    arrange: () => ({ type: 'sign-in', counterId: COUNTER.q9, clerkId: CLERK.lan }),
    code: 'NOT_FOUND',
  },
  {
    name: 'sign-out: a ticket is still at the counter',
    arrange: (hall) => {
      withCalledTicket(hall);
      return { type: 'sign-out', counterId: COUNTER.q1, reason: 'sign-out' };
    },
    code: 'COUNTER_BUSY',
  },
  // printing
  {
    name: 'record-print: unknown ticket',
    arrange: () => ({
      command: { type: 'record-print', ticketId: asTicketId(3), isPrinted: true, failure: null },
      actor: KIOSK_ACTOR,
    }),
    code: 'NOT_FOUND',
  },
  {
    name: 'record-print: from a kiosk that did not issue the ticket',
    arrange: (hall) => ({
      command: {
        type: 'record-print',
        ticketId: hall.issue(SERVICE.land).id,
        isPrinted: true,
        failure: null,
      },
      actor: { role: 'kiosk', deviceId: OTHER_KIOSK, clerkId: null },
    }),
    code: 'FORBIDDEN',
  },
  {
    name: 'record-print: a second time',
    arrange: (hall) => {
      const ticket = hall.issue(SERVICE.land);
      hall.act({ type: 'record-print', ticketId: ticket.id, isPrinted: true, failure: null }, KIOSK_ACTOR);
      return {
        command: { type: 'record-print', ticketId: ticket.id, isPrinted: false, failure: 'Hết giấy' },
        actor: KIOSK_ACTOR,
      };
    },
    code: 'INVALID_STATE',
  },
  // rating
  {
    name: 'rate: unknown ticket',
    arrange: () => ({ type: 'rate', ticketId: asTicketId(4), counterId: COUNTER.q1, rating: 4, reasons: [] }),
    code: 'NOT_FOUND',
  },
  {
    name: 'rate: a second time',
    arrange: (hall) => {
      const ticket = withDoneTicket(hall);
      hall.act({ type: 'rate', ticketId: ticket.id, counterId: COUNTER.q1, rating: 4, reasons: [] });
      return { type: 'rate', ticketId: ticket.id, counterId: COUNTER.q1, rating: 1, reasons: ['Chờ lâu'] };
    },
    code: 'ALREADY_RATED',
  },
  {
    name: 'rate: from the tablet of a counter that did not serve it',
    arrange: (hall) => ({
      type: 'rate',
      ticketId: withDoneTicket(hall).id,
      counterId: COUNTER.q4,
      rating: 4,
      reasons: [],
    }),
    code: 'FORBIDDEN',
  },
  {
    name: 'rate: a ticket not yet done',
    arrange: (hall) => ({
      type: 'rate',
      ticketId: withCalledTicket(hall).id,
      counterId: COUNTER.q1,
      rating: 4,
      reasons: [],
    }),
    code: 'FORBIDDEN',
  },
  {
    name: 'rate: a no-show',
    arrange: (hall) => ({
      type: 'rate',
      ticketId: withNoShow(hall).id,
      counterId: COUNTER.q1,
      rating: 4,
      reasons: [],
    }),
    code: 'FORBIDDEN',
  },
  ...[0, 5, 2.5].map((rating): RefusalCase => ({
    name: `rate: ${rating} is not on the four-level scale`,
    arrange: (hall) => ({
      type: 'rate',
      ticketId: withDoneTicket(hall).id,
      counterId: COUNTER.q1,
      rating,
      reasons: [],
    }),
    code: 'NOT_FOUND',
  })),
  // configure: a configuration must be coherent before it replaces the hall's
  ...(
    [
      [
        'two active services with one prefix',
        (c) => ({ ...c, services: c.services.map((s) => ({ ...s, prefix: 'A' })) }),
      ],
      ['a service in an unknown field', (c) => ({ ...c, fields: [] })],
      [
        'a counter serving an unknown service',
        (c) => ({
          ...c,
          counters: [
            ...c.counters,
            { ...c.counters[0]!, id: asCounterId('q7'), number: 7, serviceIds: [asServiceId('khong-co')] },
          ],
        }),
      ],
      [
        'two counters with one number',
        (c) => ({ ...c, counters: c.counters.map((counter) => ({ ...counter, number: 1 })) }),
      ],
      [
        'two clerks with one username',
        (c) => ({ ...c, clerks: c.clerks.map((clerk) => ({ ...clerk, username: 'Lan' })) }),
      ],
      [
        'an opening window that ends before it starts',
        (c) => ({
          ...c,
          services: c.services.map((s) => ({
            ...s,
            openingHours: [{ weekdays: [1], from: '17:00', to: '07:30' }],
          })),
        }),
      ],
      ['an unknown time zone', (c) => ({ ...c, hall: { ...c.hall, timeZone: 'Asia/Sai_Gon' } })],
      [
        'a call template the displays cannot speak (words with no clip)',
        (c) => ({
          ...c,
          announcement: { ...c.announcement, template: 'Mời ông bà có số {ticket} đến quầy {counter}' },
        }),
      ],
      [
        'a call template without {counter}',
        (c) => ({ ...c, announcement: { ...c.announcement, template: 'Mời công dân có số {ticket}' } }),
      ],
      [
        'no satisfaction level counted as satisfied',
        (c) => ({
          ...c,
          satisfaction: {
            ...c.satisfaction,
            levels: c.satisfaction.levels.map((l) => ({ ...l, isSatisfied: false })),
          },
        }),
      ],
    ] as const satisfies readonly (readonly [string, (config: HallConfig) => HallConfig])[]
  ).map(([problem, change]): RefusalCase => ({
    name: `configure: ${problem}`,
    arrange: (hall) => ({ type: 'configure', config: change(hall.config) }),
    code: 'CONFIG_INVALID',
  })),
];

describe('decide refuses', () => {
  it.each(cases)('$name → $code', ({ options, now, arrange, code }) => {
    const hall = new TestHall(options, now);
    const arranged = arrange(hall);
    const { command, actor } = 'type' in arranged ? { command: arranged, actor: undefined } : arranged;
    expect(hall.refusal(command, actor)).toBe(code);
  });

  it('covers every command type at least once', () => {
    const commandTypes = new Set(
      cases.map((row) => {
        const hall = new TestHall(row.options, row.now);
        const arranged = row.arrange(hall);
        return 'type' in arranged ? arranged.type : arranged.command.type;
      }),
    );
    // roll-day never refuses; every other command has at least one refusal row.
    expect([...commandTypes].sort()).toEqual(
      [
        'call-next',
        'call-specific',
        'cancel',
        'close-counter',
        'complete',
        'configure',
        'issue',
        'no-show',
        'open-counter',
        'pause-counter',
        'rate',
        'recall',
        'record-print',
        'return',
        'sign-in',
        'sign-out',
        'start',
        'transfer',
      ].sort(),
    );
  });

  it('drops a due day.started together with a refused command (the next accepted command starts the day)', () => {
    const hall = new TestHall();
    hall.signIn(COUNTER.q1, CLERK.lan);
    hall.issue(SERVICE.land);
    hall.advance(24 * 60 * MINUTE);
    // Yesterday's A001 expires in the new day, so there is nobody to call.
    expect(hall.refusal({ type: 'call-next', counterId: COUNTER.q1 }, terminal(COUNTER.q1))).toBe(
      'QUEUE_EMPTY',
    );
    expect(hall.state.businessDay).toBe('2026-03-02');
    const events = hall.act({ type: 'roll-day' }, { role: 'system', deviceId: null, clerkId: null });
    expect(events.map((event) => event.type)).toEqual(['day.started']);
    expect(hall.state.businessDay).toBe('2026-03-03');
  });

  it('names the refused subject in the message for the logs', () => {
    const hall = new TestHall();
    const decision = hall.decide(issue(SERVICE.tax), KIOSK_ACTOR);
    expect(decision.ok ? null : decision.error.code).toBe('SERVICE_INACTIVE');
    expect(decision.ok ? '' : decision.error.message).toContain('thue');
  });

  it('refuses a priority ticket for an unknown group even when the service is fine', () => {
    const hall = new TestHall();
    expect(
      hall.refusal(
        {
          type: 'issue',
          serviceId: SERVICE.land,
          procedureId: null,
          priorityGroupId: asPriorityGroupId('vip'),
        },
        KIOSK_ACTOR,
      ),
    ).toBe('NOT_FOUND');
    expect(hall.issue(SERVICE.land, PRIORITY.elderly).priorityGroupId).toBe(PRIORITY.elderly);
  });
});
