import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENT_ROLES } from '@luot/shared/contracts';
import { asCounterId } from '@luot/shared/domain';
import type { TestClient } from '../helpers.ts';
import { connectClient, pairAndConnect, requestId, startTestHall } from '../helpers.ts';
import { CLIENT_EVENTS, goodPayload } from './support.ts';

const EVENTS = CLIENT_EVENTS;

describe('bad input changes nothing and gets a clear error code', { timeout: 60_000 }, () => {
  let hall: Awaited<ReturnType<typeof startTestHall>>;
  const clients: Record<string, TestClient> = {};

  beforeAll(async () => {
    hall = await startTestHall();
    clients.kiosk = await pairAndConnect(hall, 'kiosk');
    clients.display = await pairAndConnect(hall, 'display');
    clients.counter = await pairAndConnect(hall, 'counter', asCounterId('q3'));
    clients.feedback = await pairAndConnect(hall, 'feedback', asCounterId('q3'));
    clients.manager = await pairAndConnect(hall, 'manager');
    // Some state to protect.
    await clients.kiosk.send('ticket:issue', { requestId: requestId(), serviceId: 'ho-tich' });
  });
  afterAll(async () => {
    for (const client of Object.values(clients)) client.close();
    await hall.dispose();
  });

  const corruptions: [string, (good: Record<string, unknown>) => unknown][] = [
    ['null', () => null],
    ['a string', () => 'ticket please'],
    ['an array', (good) => [good]],
    ['a number', () => 42],
    ['an unknown field', (good) => ({ ...good, isAdmin: true })],
    [
      'a prototype-polluting key',
      () => JSON.parse(`{"__proto__": {"polluted": true}, "requestId": "${requestId()}"}`) as unknown,
    ],
    ['oversized', (good) => ({ ...good, padding: 'x'.repeat(20_000) })],
    [
      'wrong types',
      (good) => Object.fromEntries(Object.keys(good).map((key) => [key, { nested: [1, 2, 3] }])),
    ],
    ['a too-long string', (good) => ({ ...good, requestId: 'r'.repeat(5_000) })],
  ];

  for (const event of EVENTS) {
    it(`${event}: every corruption is refused with a code, nothing changes`, async () => {
      const sender = clients[EVENT_ROLES[event][0]]!;
      for (const [name, corrupt] of corruptions) {
        const payload = corrupt(goodPayload(event));
        const before = hall.service.state.version;
        const ack = (await sender.send(event, payload as never)) as { ok: boolean; error?: { code: string } };
        // The snapshot request's good payload is `{}`: "wrong types" of no fields leaves it valid.
        const isStillValid =
          (event === 'sync:snapshot' || event === 'device:list') && JSON.stringify(payload) === '{}';
        if (isStillValid) {
          expect(ack.ok).toBe(true);
          continue;
        }
        expect({ name, ok: ack.ok }).toEqual({ name, ok: false });
        expect(['VALIDATION_FAILED', 'PAYLOAD_TOO_LARGE']).toContain(ack.error?.code);
        expect(hall.service.state.version).toBe(before);
      }
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });

    it(`${event}: a role that may not send it gets FORBIDDEN`, async () => {
      const allowed = EVENT_ROLES[event] as readonly string[];
      for (const role of ['kiosk', 'display', 'counter', 'feedback', 'manager']) {
        if (allowed.includes(role)) continue;
        const before = hall.service.state.version;
        const ack = (await clients[role]!.send(event, goodPayload(event) as never)) as {
          ok: boolean;
          error?: { code: string };
        };
        expect({ role, ok: ack.ok, code: ack.error?.code }).toEqual({ role, ok: false, code: 'FORBIDDEN' });
        expect(hall.service.state.version).toBe(before);
      }
    });
  }

  it('a counter cannot act on another counter', async () => {
    const ack = await clients.counter!.send('ticket:call-next', { requestId: requestId(), counterId: 'q4' });
    expect(ack.ok || ack.error.code).toBe('FORBIDDEN');
  });

  it('unknown events, missing acks and garbage frames do not take the server down', async () => {
    const raw = clients.kiosk!.socket as unknown as {
      emit: (...args: unknown[]) => void;
      io: { engine: { write: (data: string) => void } };
    };
    const unknownAck = await new Promise((resolve) =>
      raw.emit('ticket:steal', { requestId: requestId() }, resolve),
    );
    expect(unknownAck).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    raw.emit('ticket:issue', { requestId: requestId(), serviceId: 'ho-tich' }); // no ack: ignored
    const victim = await pairAndConnect(hall, 'kiosk');
    const victimRaw = victim.socket as unknown as { io: { engine: { write: (data: string) => void } } };
    for (const garbage of ['42["ticket:issue",', '4{{{{', '99999', '\u0000\u0001binary', '42[1,2,3]']) {
      victimRaw.io.engine.write(garbage);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    // The server still answers everybody.
    const fresh = await connectClient(hall.url, hall.registerDevice('kiosk', 'after garbage').token);
    const ack = await fresh.send('ticket:issue', { requestId: requestId(), serviceId: 'ho-tich' });
    expect(ack.ok).toBe(true);
    fresh.close();
    victim.close();
    const health = (await (await fetch(`${hall.url}/health`)).json()) as { ok: boolean };
    expect(health.ok).toBe(true);
  });
});
