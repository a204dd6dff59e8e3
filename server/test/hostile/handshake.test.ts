import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import { PROTOCOL_VERSION } from '@luot/shared/contracts';
import { asCounterId, asDeviceId } from '@luot/shared/domain';
import type { HallClient } from '../helpers.ts';
import { connectClient, pairAndConnect, requestId, startTestHall } from '../helpers.ts';

function refusal(
  url: string,
  auth: unknown,
  extraHeaders?: Record<string, string>,
): Promise<{ code?: string; message: string }> {
  const socket: HallClient = io(url, {
    auth: auth as Record<string, unknown>,
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    ...(extraHeaders ? { extraHeaders } : {}),
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => reject(new Error('connected')));
    socket.once('connect_error', (error: Error & { data?: { code?: string } }) => {
      socket.close();
      resolve({ code: error.data?.code, message: error.message });
    });
  });
}

describe('the handshake', { timeout: 60_000 }, () => {
  let hall: Awaited<ReturnType<typeof startTestHall>>;
  beforeAll(async () => {
    hall = await startTestHall();
  });
  afterAll(async () => {
    await hall.dispose();
  });

  it('refuses a wrong protocol version', async () => {
    const { token } = hall.registerDevice('display', 'd');
    expect((await refusal(hall.url, { token, protocolVersion: PROTOCOL_VERSION + 1 })).code).toBe(
      'PROTOCOL_MISMATCH',
    );
  });

  it('answers a missing or malformed protocol version with PROTOCOL_MISMATCH, not UNAUTHORIZED', async () => {
    // UNAUTHORIZED tells a client to forget its token; a client with an unreadable version must reload instead.
    const { token } = hall.registerDevice('display', 'd');
    const malformed: [string, unknown][] = [
      ['no auth at all', {}],
      ['no protocol version', { token }],
      ['a string', { token, protocolVersion: String(PROTOCOL_VERSION) }],
      ['a fraction', { token, protocolVersion: PROTOCOL_VERSION + 0.5 }],
      ['null', { token, protocolVersion: null }],
      ['an object', { token, protocolVersion: { major: PROTOCOL_VERSION } }],
    ];
    for (const [name, auth] of malformed) {
      expect({ name, code: (await refusal(hall.url, auth)).code }).toEqual({
        name,
        code: 'PROTOCOL_MISMATCH',
      });
    }
    // The token itself was fine all along: with the right version the same device connects.
    const client = await connectClient(hall.url, token);
    expect(client.snapshot.protocolVersion).toBe(PROTOCOL_VERSION);
    client.close();
  });

  it('refuses no token, an unknown token and a revoked one', async () => {
    expect((await refusal(hall.url, { protocolVersion: PROTOCOL_VERSION })).code).toBe('UNAUTHORIZED');
    expect((await refusal(hall.url, { token: 'x'.repeat(43), protocolVersion: PROTOCOL_VERSION })).code).toBe(
      'UNAUTHORIZED',
    );
    const { token, deviceId } = hall.registerDevice('kiosk', 'k');
    const client = await connectClient(hall.url, token);
    client.close();
    hall.store.revokeDevice(asDeviceId(deviceId), Date.now());
    expect((await refusal(hall.url, { token, protocolVersion: PROTOCOL_VERSION })).code).toBe('UNAUTHORIZED');
  });

  it('refuses browsers from other origins', async () => {
    const { token } = hall.registerDevice('display', 'd');
    const result = await refusal(
      hall.url,
      { token, protocolVersion: PROTOCOL_VERSION },
      { origin: 'http://evil.example' },
    );
    expect(result.code).toBeUndefined(); // refused before Socket.IO speaks: the transport is rejected
  });

  it('pairs a device with a one-time code over HTTP, once', async () => {
    const { code } = hall.createPairingCode('counter', 'Máy quầy 2', asCounterId('q2'));
    const first = await fetch(`${hall.url}/api/pair`, { method: 'POST', body: JSON.stringify({ code }) });
    const body = (await first.json()) as {
      ok: boolean;
      value: { token: string; kind: string; counterId: string };
    };
    expect(body.ok).toBe(true);
    expect(body.value).toMatchObject({ kind: 'counter', counterId: 'q2' });
    const again = await fetch(`${hall.url}/api/pair`, { method: 'POST', body: JSON.stringify({ code }) });
    expect(again.status).toBe(401);
    const client = await connectClient(hall.url, body.value.token);
    expect(client.snapshot.identity).toMatchObject({ role: 'counter', counterId: 'q2', clerkId: null });
    client.close();
    const bad = await fetch(`${hall.url}/api/pair`, { method: 'POST', body: '{"code": 12}' });
    expect(bad.status).toBe(400);
  });

  it('slows PIN guessing: five wrong PINs lock the clerk out', async () => {
    const counter = await pairAndConnect(hall, 'counter', asCounterId('q5'));
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const ack = await counter.send('clerk:sign-in', {
        requestId: requestId(),
        username: 'canbo5',
        pin: '0000',
      });
      expect(ack.ok || ack.error.code).toBe('BAD_CREDENTIALS');
    }
    const locked = await counter.send('clerk:sign-in', {
      requestId: requestId(),
      username: 'canbo5',
      pin: '1234',
    });
    expect(locked.ok || locked.error.code).toBe('LOCKED_OUT');
    counter.close();
  });

  it('one clerk session per counter: a second terminal takes over and the first is told', async () => {
    const first = await pairAndConnect(hall, 'counter', asCounterId('q6'));
    const second = await pairAndConnect(hall, 'counter', asCounterId('q6'));
    expect(
      (await first.send('clerk:sign-in', { requestId: requestId(), username: 'canbo6', pin: '1234' })).ok,
    ).toBe(true);
    const notice = new Promise((resolve) => first.socket.once('session:ended', resolve));
    expect(
      (await second.send('clerk:sign-in', { requestId: requestId(), username: 'canbo7', pin: '1234' })).ok,
    ).toBe(true);
    expect(await notice).toMatchObject({ reason: 'takeover' });
    const refused = await first.send('ticket:call-next', { requestId: requestId() });
    expect(refused.ok || refused.error.code).toBe('NOT_SIGNED_IN');
    first.close();
    second.close();
  });
});
