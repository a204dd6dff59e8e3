import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { asCounterId, asServiceId } from '@luot/shared/domain';
import type { TestClient } from './helpers.ts';
import { pairAndConnect, requestId, startTestHall, waitFor } from './helpers.ts';

describe('the full lifecycle through the socket', () => {
  let hall: Awaited<ReturnType<typeof startTestHall>>;
  const clients: TestClient[] = [];
  beforeEach(async () => {
    hall = await startTestHall();
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.close();
    await hall.dispose();
  });

  it('a kiosk issues, two counters call, the display receives each call', async () => {
    const kiosk = await pairAndConnect(hall, 'kiosk');
    const display = await pairAndConnect(hall, 'display');
    const counter1 = await pairAndConnect(hall, 'counter', asCounterId('q3'));
    const counter2 = await pairAndConnect(hall, 'counter', asCounterId('q4'));
    clients.push(kiosk, display, counter1, counter2);

    const first = await kiosk.send('ticket:issue', { requestId: requestId(), serviceId: 'ho-tich' });
    const second = await kiosk.send('ticket:issue', { requestId: requestId(), serviceId: 'ho-tich' });
    expect(first.ok && first.value.ticket.number).toBe('B001');
    expect(second.ok && second.value.ticket.number).toBe('B002');
    expect(first.ok && first.value.publicCode.length).toBeGreaterThanOrEqual(16);

    expect(
      (await counter1.send('clerk:sign-in', { requestId: requestId(), username: 'canbo3', pin: '1234' })).ok,
    ).toBe(true);
    expect(
      (await counter2.send('clerk:sign-in', { requestId: requestId(), username: 'canbo4', pin: '1234' })).ok,
    ).toBe(true);

    const call1 = await counter1.send('ticket:call-next', { requestId: requestId() });
    const call2 = await counter2.send('ticket:call-next', { requestId: requestId() });
    expect(call1.ok && call2.ok).toBe(true);

    await waitFor(
      () => Object.values(display.state().tickets).filter((t) => t.status === 'called').length === 2,
    );
    const called = Object.values(display.state().tickets).filter((t) => t.status === 'called');
    expect(called.map((t) => [t.number, t.counterId]).sort()).toEqual([
      ['B001', 'q3'],
      ['B002', 'q4'],
    ]);

    expect((await counter1.send('ticket:start', { requestId: requestId() })).ok).toBe(true);
    expect((await counter1.send('ticket:complete', { requestId: requestId() })).ok).toBe(true);
    await waitFor(() => display.state().version === hall.service.state.version);
    expect(display.state()).toEqual(hall.service.state);
    expect(Object.values(display.state().tickets).find((t) => t.number === 'B001')?.status).toBe('done');
    expect(asServiceId('ho-tich')).toBe('ho-tich');
  });
});
