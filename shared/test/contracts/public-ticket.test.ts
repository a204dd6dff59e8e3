// What a visitor's phone is told about their ticket (`GET /api/tickets/<code>`).
import { describe, expect, it } from 'vitest';
import { describePublicTicket } from '../../src/contracts/index.ts';
import { CLERK, COUNTER, MINUTE, SERVICE, TestHall, terminal } from '../fixtures/hall.ts';

describe('describePublicTicket', () => {
  it('counts people ahead in the call order of the counters, not only the same service', () => {
    // q1 serves land then civil: a civil visitor waits behind the land visitors q1 calls first.
    const hall = new TestHall().signIn(COUNTER.q1, CLERK.lan);
    for (let index = 0; index < 3; index += 1) hall.advance(MINUTE).issue(SERVICE.land);
    const civil = hall.advance(MINUTE).issue(SERVICE.civil);
    // q2 (civil, business) is closed: q1's order decides.
    expect(describePublicTicket(hall.state, hall.config, civil)).toMatchObject({
      status: 'waiting',
      peopleAhead: 3,
      peopleAheadMax: 3,
      transfer: null,
    });
    // q2 opens: it would call the civil visitor first. A range: 0 at q2, 3 at q1.
    hall.signIn(COUNTER.q2, CLERK.minh);
    expect(describePublicTicket(hall.state, hall.config, civil)).toMatchObject({
      peopleAhead: 0,
      peopleAheadMax: 3,
    });
  });

  it('after a transfer, says where the ticket went until it is called again', () => {
    const hall = new TestHall().signIn(COUNTER.q1, CLERK.lan).signIn(COUNTER.q3, CLERK.hoa);
    const ticket = hall.issue(SERVICE.land);
    hall.callNext(COUNTER.q1);
    hall.act(
      {
        type: 'transfer',
        ticketId: ticket.id,
        fromCounterId: COUNTER.q1,
        toServiceId: SERVICE.business,
        toCounterId: COUNTER.q3,
        note: 'Cần đăng ký kinh doanh',
      },
      terminal(COUNTER.q1, CLERK.lan),
    );
    expect(describePublicTicket(hall.state, hall.config, hall.ticket(ticket.id))).toMatchObject({
      status: 'waiting',
      service: { vi: 'Kinh doanh', en: 'Business' },
      transfer: { toService: { vi: 'Kinh doanh', en: 'Business' }, toCounter: 3 },
      peopleAhead: 0,
    });
    hall.callNext(COUNTER.q3);
    expect(describePublicTicket(hall.state, hall.config, hall.ticket(ticket.id))).toMatchObject({
      status: 'called',
      transfer: null,
      counter: { number: 3 },
    });
  });
});
