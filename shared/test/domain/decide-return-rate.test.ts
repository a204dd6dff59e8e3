// Who may return a no-show and what a feedback tablet may rate (issue #15, "Sessions and devices"): a
// counter returns only a visitor of a service it serves; a tablet rates only the visit just completed at
// its own counter, with reasons from the hall's list. One row per rule, through the real decide/evolve.
import { describe, expect, it } from 'vitest';
import type { Actor, Command, CounterId, DomainErrorCode, Ticket } from '../../src/domain/index.ts';
import { asDeviceId } from '../../src/domain/index.ts';
import { CLERK, COUNTER, MANAGER, SERVICE, TestHall, terminal, transferCommand } from '../fixtures/hall.ts';

const tablet = (counterId: CounterId): Actor => ({
  role: 'feedback',
  deviceId: asDeviceId(`tablet-${counterId}`),
  clerkId: null,
});

/** A land ticket (served by q1, q3, q4; not q2) called at q1 and marked absent there. */
function landNoShow(hall: TestHall): Ticket {
  hall.issue(SERVICE.land);
  hall.signIn(COUNTER.q1, CLERK.lan);
  const ticket = hall.callNext(COUNTER.q1);
  hall.act({ type: 'no-show', counterId: COUNTER.q1 }, terminal(COUNTER.q1, CLERK.lan));
  return hall.ticket(ticket.id);
}

const returnBy = (ticket: Ticket, counterId: CounterId | null): Command => ({
  type: 'return',
  ticketId: ticket.id,
  counterId,
});

describe('return a no-show: only a counter that serves its service', () => {
  const rows: readonly {
    readonly name: string;
    readonly counterId: CounterId | null;
    readonly outcome: 'ticket.returned' | DomainErrorCode;
  }[] = [
    { name: 'the counter that called it (serves land)', counterId: COUNTER.q1, outcome: 'ticket.returned' },
    { name: 'another counter serving land', counterId: COUNTER.q3, outcome: 'ticket.returned' },
    { name: 'a counter that does not serve land', counterId: COUNTER.q2, outcome: 'FORBIDDEN' },
    { name: 'a manager (no counter)', counterId: null, outcome: 'ticket.returned' },
  ];
  it.each(rows)('$name → $outcome', ({ counterId, outcome }) => {
    const hall = new TestHall();
    const ticket = landNoShow(hall);
    const actor = counterId === null ? MANAGER : terminal(counterId);
    if (outcome === 'ticket.returned') {
      expect(hall.act(returnBy(ticket, counterId), actor).map((event) => event.type)).toEqual([
        'ticket.returned',
      ]);
      expect(hall.ticket(ticket.id).status).toBe('waiting');
    } else {
      expect(hall.refusal(returnBy(ticket, counterId), actor)).toBe(outcome);
      expect(hall.ticket(ticket.id).status).toBe('no_show');
    }
  });

  it("judges by the ticket's service now: after a transfer, the new service's counters", () => {
    const hall = new TestHall();
    const ticket = hall.issue(SERVICE.land);
    hall.signIn(COUNTER.q2, CLERK.minh);
    hall.act(transferCommand(ticket.id, null, { serviceId: SERVICE.civil }));
    expect(hall.callNext(COUNTER.q2).id).toBe(ticket.id);
    hall.act({ type: 'no-show', counterId: COUNTER.q2 }, terminal(COUNTER.q2));
    // q3 serves land (the issuing service) but not civil status, where the ticket is now.
    expect(hall.refusal(returnBy(ticket, COUNTER.q3), terminal(COUNTER.q3))).toBe('FORBIDDEN');
    expect(hall.act(returnBy(ticket, COUNTER.q2), terminal(COUNTER.q2)).map((e) => e.type)).toEqual([
      'ticket.returned',
    ]);
  });

  it('refuses an unknown counter', () => {
    const hall = new TestHall();
    const ticket = landNoShow(hall);
    expect(hall.refusal(returnBy(ticket, 'q99' as CounterId), terminal(COUNTER.q1))).toBe('FORBIDDEN');
  });
});

describe('rate: only the visit just completed at this counter, reasons from the hall list', () => {
  /** Two visits completed at q1, A001 then A002: A002 is the one just completed. */
  function twoVisits(hall: TestHall): { older: Ticket; latest: Ticket } {
    hall.issue(SERVICE.land);
    hall.issue(SERVICE.land);
    hall.signIn(COUNTER.q1, CLERK.lan);
    const older = hall.callNext(COUNTER.q1);
    hall.act({ type: 'complete', counterId: COUNTER.q1 });
    const latest = hall.callNext(COUNTER.q1);
    hall.act({ type: 'complete', counterId: COUNTER.q1 });
    return { older: hall.ticket(older.id), latest: hall.ticket(latest.id) };
  }

  const rate = (ticket: Ticket, rating: number, reasons: readonly string[]): Command => ({
    type: 'rate',
    ticketId: ticket.id,
    counterId: COUNTER.q1,
    rating,
    reasons,
  });

  const rows: readonly {
    readonly name: string;
    readonly pick: 'older' | 'latest';
    readonly rating: number;
    readonly reasons: readonly string[];
    readonly outcome: 'feedback.rated' | DomainErrorCode;
  }[] = [
    { name: 'the visit just completed', pick: 'latest', rating: 4, reasons: [], outcome: 'feedback.rated' },
    {
      name: 'the visit just completed, with a listed reason',
      pick: 'latest',
      rating: 1,
      reasons: ['Chờ lâu'],
      outcome: 'feedback.rated',
    },
    {
      name: 'an older visit at the same counter',
      pick: 'older',
      rating: 4,
      reasons: [],
      outcome: 'FORBIDDEN',
    },
    {
      name: 'free text that is not in the list',
      pick: 'latest',
      rating: 1,
      reasons: ['=HYPERLINK("http://x")'],
      outcome: 'NOT_FOUND',
    },
    {
      name: 'a listed reason beside an unlisted one',
      pick: 'latest',
      rating: 1,
      reasons: ['Chờ lâu', 'Cán bộ nói chuyện riêng'],
      outcome: 'NOT_FOUND',
    },
    {
      name: 'a reason in English (the list is stored in the hall language)',
      pick: 'latest',
      rating: 1,
      reasons: ['Long wait'],
      outcome: 'NOT_FOUND',
    },
    {
      name: 'the same reason twice',
      pick: 'latest',
      rating: 1,
      reasons: ['Chờ lâu', 'Chờ lâu'],
      outcome: 'INVALID_STATE',
    },
  ];
  it.each(rows)('$name → $outcome', ({ pick, rating, reasons, outcome }) => {
    const hall = new TestHall();
    const visits = twoVisits(hall);
    const command = rate(visits[pick], rating, reasons);
    if (outcome === 'feedback.rated') {
      expect(hall.act(command, tablet(COUNTER.q1)).map((event) => event.type)).toEqual(['feedback.rated']);
      expect(hall.ticket(visits[pick].id).isRated).toBe(true);
    } else {
      expect(hall.refusal(command, tablet(COUNTER.q1))).toBe(outcome);
      expect(hall.ticket(visits[pick].id).isRated).toBe(false);
    }
  });

  it('still rates the visit just completed while the clerk already calls the next visitor', () => {
    const hall = new TestHall();
    hall.issue(SERVICE.land);
    const { latest } = twoVisits(hall);
    hall.callNext(COUNTER.q1);
    expect(hall.act(rate(latest, 3, []), tablet(COUNTER.q1)).map((event) => event.type)).toEqual([
      'feedback.rated',
    ]);
  });
});
