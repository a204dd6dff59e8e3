// Issue #15, "Sessions and devices", through a real server on port 0, real SQLite and real Socket.IO
// clients: who may return a no-show, what a feedback tablet may rate.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Ticket } from '@luot/shared/domain';
import { asCounterId } from '@luot/shared/domain';
import type { TestClient } from './helpers.ts';
import { pairAndConnect, requestId, startTestHall } from './helpers.ts';

type TestHall = Awaited<ReturnType<typeof startTestHall>>;

async function signedInCounter(hall: TestHall, counter: string, username: string): Promise<TestClient> {
  const terminal = await pairAndConnect(hall, 'counter', asCounterId(counter));
  const signIn = await terminal.send('clerk:sign-in', { requestId: requestId(), username, pin: '1234' });
  expect(signIn.ok).toBe(true);
  return terminal;
}

async function issue(kiosk: TestClient, serviceId: string): Promise<Ticket> {
  const answer = await kiosk.send('ticket:issue', { requestId: requestId(), serviceId });
  if (!answer.ok) throw new Error(answer.error.code);
  return answer.value.ticket;
}

describe('returning a no-show and rating a visit, through the socket', () => {
  let hall: TestHall;
  const clients: TestClient[] = [];
  beforeEach(async () => {
    hall = await startTestHall();
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.close();
    await hall.dispose();
  });

  it('only a counter serving the ticket’s service returns its no-show', async () => {
    const kiosk = await pairAndConnect(hall, 'kiosk');
    // q3 serves hộ tịch and chứng thực; q4 hộ tịch; q1 only đất đai and tài nguyên.
    const q3 = await signedInCounter(hall, 'q3', 'canbo3');
    const q4 = await signedInCounter(hall, 'q4', 'canbo4');
    const q1 = await signedInCounter(hall, 'q1', 'canbo1');
    clients.push(kiosk, q3, q4, q1);
    const ticket = await issue(kiosk, 'ho-tich');
    expect((await q3.send('ticket:call-next', { requestId: requestId() })).ok).toBe(true);
    expect((await q3.send('ticket:no-show', { requestId: requestId() })).ok).toBe(true);

    const refused = await q1.send('ticket:return', { requestId: requestId(), ticketId: ticket.id });
    expect(refused.ok ? null : refused.error.code).toBe('FORBIDDEN');
    expect(hall.service.state.tickets[ticket.id]?.status).toBe('no_show');

    const returned = await q4.send('ticket:return', { requestId: requestId(), ticketId: ticket.id });
    expect(returned.ok).toBe(true);
    expect(hall.service.state.tickets[ticket.id]?.status).toBe('waiting');
  });

  it('a feedback tablet rates only the visit just completed at its counter, with listed reasons', async () => {
    const kiosk = await pairAndConnect(hall, 'kiosk');
    const q3 = await signedInCounter(hall, 'q3', 'canbo3');
    const tablet = await pairAndConnect(hall, 'feedback', asCounterId('q3'));
    clients.push(kiosk, q3, tablet);
    const older = await issue(kiosk, 'ho-tich');
    const latest = await issue(kiosk, 'ho-tich');
    for (let visit = 0; visit < 2; visit += 1) {
      expect((await q3.send('ticket:call-next', { requestId: requestId() })).ok).toBe(true);
      expect((await q3.send('ticket:complete', { requestId: requestId() })).ok).toBe(true);
    }
    const rate = (ticketId: number, reasons: string[]) =>
      tablet.send('feedback:rate', { requestId: requestId(), ticketId, rating: 1, reasons });

    const olderVisit = await rate(older.id, []);
    expect(olderVisit.ok ? null : olderVisit.error.code).toBe('FORBIDDEN');
    const freeText = await rate(latest.id, ['Cán bộ nói chuyện điện thoại riêng']);
    expect(freeText.ok ? null : freeText.error.code).toBe('NOT_FOUND');
    expect(hall.store.db.prepare('SELECT COUNT(*) AS n FROM ratings').get()).toEqual({ n: 0 });

    const listed = hall.service.hallConfig.satisfaction.lowRatingReasons[0]!.vi;
    expect((await rate(latest.id, [listed])).ok).toBe(true);
    expect(hall.store.db.prepare('SELECT ticket_id AS ticketId, reasons FROM ratings').all()).toEqual([
      { ticketId: latest.id, reasons: JSON.stringify([listed]) },
    ]);
  });
});
