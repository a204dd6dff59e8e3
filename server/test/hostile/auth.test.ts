// Who may connect and what each may do: no valid token, no connection; a revoked device is cut off at
// once; every role is held to its own events (the whole role table); a counter cannot touch another
// counter's work; a kiosk cannot exceed its rate; other origins are refused on the socket and on
// state-changing HTTP; clerk PINs and manager passwords cannot be guessed, even all at once.
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import type { Ack, ClientEventName, ConnectionRole } from '@luot/shared/contracts';
import { EVENT_ROLES, PROTOCOL_VERSION } from '@luot/shared/contracts';
import type { TicketId } from '@luot/shared/domain';
import { asCounterId } from '@luot/shared/domain';
import type { TestClient } from '../helpers.ts';
import { connectClient, pairAndConnect, requestId, startTestHall, waitFor } from '../helpers.ts';
import { CLIENT_EVENTS, ROLES, databaseDigest, goodPayload, connectEveryRole } from './support.ts';

/** A clock the test moves: lock-outs and the kiosk's rate limit are measured in hall time. */
class TestClock {
  // Monday 30 Nov 2026, 10:00 in Hanoi: a working day, far from the midnight rollover.
  at = Date.UTC(2026, 10, 30, 3, 0);
  now(): number {
    return this.at;
  }
  advance(ms: number): void {
    this.at += ms;
  }
}

/** Try to connect; resolve with the refusal's code (undefined when the transport itself refused). */
function refusal(
  url: string,
  auth: unknown,
  extraHeaders?: Record<string, string>,
): Promise<string | undefined> {
  const socket = io(url, {
    auth: auth as Record<string, unknown>,
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    ...(extraHeaders ? { extraHeaders } : {}),
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => {
      socket.close();
      reject(new Error(`connected with ${JSON.stringify(auth).slice(0, 80)}`));
    });
    socket.once('connect_error', (error: Error & { data?: { code?: string } }) => {
      socket.close();
      resolve(error.data?.code);
    });
  });
}

interface Reply {
  readonly status: number;
  readonly json: { ok: boolean; value?: unknown; error?: { code: string } };
}

function api(
  url: string,
  method: string,
  target: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${url}${target}`, { method, headers }, (response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, json: JSON.parse(text) as Reply['json'] }),
      );
    });
    request.on('error', reject);
    request.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

const codeOf = (ack: Ack<unknown>): string => (ack.ok ? 'ok' : ack.error.code);

/** POST /api/pair from one loopback address (127.0.0.x: each is another machine as the server sees it). */
function pairFrom(
  url: string,
  localAddress: string,
  code: string,
): Promise<{ status: number; code: string; retryAfter: string | undefined }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      `${url}/api/pair`,
      { method: 'POST', localAddress, headers: { 'content-type': 'application/json' } },
      (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        response.on('end', () => {
          const json = JSON.parse(text) as Reply['json'];
          resolve({
            status: response.statusCode ?? 0,
            code: json.ok ? 'ok' : (json.error?.code ?? '?'),
            retryAfter: response.headers['retry-after'],
          });
        });
      },
    );
    request.on('error', reject);
    request.end(JSON.stringify({ code, name: 'Máy thử' }));
  });
}

describe('authentication, roles and guessing', { timeout: 60_000 }, () => {
  const clock = new TestClock();
  let hall: Awaited<ReturnType<typeof startTestHall>>;
  const clients = {} as Record<ConnectionRole, TestClient>;
  let managerToken: string;

  beforeAll(async () => {
    hall = await startTestHall({
      clock,
      kioskIssueLimit: { burst: 6, perMinute: 20 },
      realtime: { allowedOrigins: ['http://kiosk-dev.local:5173'] },
    });
    Object.assign(clients, await connectEveryRole(hall));
    await hall.accounts.create('truong-phong', 'Trưởng phòng', 'mat-khau-rat-dai', false);
    const login = await api(hall.url, 'POST', '/api/admin/login', {
      username: 'truong-phong',
      password: 'mat-khau-rat-dai',
    });
    managerToken = (login.json.value as { token: string }).token;
  });
  afterAll(async () => {
    for (const client of Object.values(clients)) client.close();
    await hall.dispose();
  });

  it('without a valid token, a known protocol version and a well-formed handshake nothing connects', async () => {
    const { token } = hall.registerDevice('display', 'handshake');
    const cases: [string, unknown, string][] = [
      ['no auth', {}, 'PROTOCOL_MISMATCH'],
      ['no token', { protocolVersion: PROTOCOL_VERSION }, 'UNAUTHORIZED'],
      ['unknown token', { token: 'x'.repeat(43), protocolVersion: PROTOCOL_VERSION }, 'UNAUTHORIZED'],
      [
        'token with one character changed',
        {
          token: `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`,
          protocolVersion: PROTOCOL_VERSION,
        },
        'UNAUTHORIZED',
      ],
      ['token as a number', { token: 1234567890123456, protocolVersion: PROTOCOL_VERSION }, 'UNAUTHORIZED'],
      [
        'token of 10,000 characters',
        { token: 'x'.repeat(10_000), protocolVersion: PROTOCOL_VERSION },
        'UNAUTHORIZED',
      ],
      ['an extra field', { token, protocolVersion: PROTOCOL_VERSION, role: 'manager' }, 'UNAUTHORIZED'],
      [
        'a prototype key',
        JSON.parse(
          `{"token":"${token}","protocolVersion":${PROTOCOL_VERSION},"__proto__":{"role":"manager"}}`,
        ),
        'UNAUTHORIZED',
      ],
      ['no protocol version', { token }, 'PROTOCOL_MISMATCH'],
      [
        'protocol version as a string',
        { token, protocolVersion: String(PROTOCOL_VERSION) },
        'PROTOCOL_MISMATCH',
      ],
      ['an older protocol', { token, protocolVersion: PROTOCOL_VERSION - 1 }, 'PROTOCOL_MISMATCH'],
      ['a newer protocol', { token, protocolVersion: PROTOCOL_VERSION + 1 }, 'PROTOCOL_MISMATCH'],
      ['a huge protocol number', { token, protocolVersion: 1e308 }, 'PROTOCOL_MISMATCH'],
    ];
    for (const [name, auth, code] of cases)
      expect({ name, code: await refusal(hall.url, auth) }).toEqual({ name, code });
    // The right handshake does connect (the cases above fail for their own reason, not a broken server).
    const client = await connectClient(hall.url, token);
    client.close();
  });

  it('a revoked device is dropped within 1 s and cannot come back (socket revoke and admin HTTP revoke)', async () => {
    for (const via of ['socket', 'http'] as const) {
      const { token, deviceId } = hall.registerDevice('kiosk', `bị thu hồi qua ${via}`);
      const victim = await connectClient(hall.url, token);
      const dropped = new Promise<number>((resolve) =>
        victim.socket.once('disconnect', () => resolve(performance.now())),
      );
      const started = performance.now();
      if (via === 'socket') {
        expect(
          codeOf(await clients.manager.send('device:revoke', { requestId: requestId(), deviceId })),
        ).toBe('ok');
      } else {
        const reply = await api(hall.url, 'POST', `/api/admin/devices/${deviceId}/revoke`, undefined, {
          authorization: `Bearer ${managerToken}`,
        });
        expect(reply.status).toBe(200);
      }
      const droppedAfterMs = (await dropped) - started;
      expect({ via, isWithinOneSecond: droppedAfterMs <= 1_000 }).toEqual({ via, isWithinOneSecond: true });
      victim.close();
      expect(await refusal(hall.url, { token, protocolVersion: PROTOCOL_VERSION })).toBe('UNAUTHORIZED');
    }
  });

  it('a manager console is cut off within 1 s when its session signs out or the password changes, and cannot return', async () => {
    const signIn = async (password: string): Promise<string> => {
      const login = await api(hall.url, 'POST', '/api/admin/login', { username: 'ke-toan', password });
      return (login.json.value as { token: string }).token;
    };
    await hall.accounts.create('ke-toan', 'Kế toán', 'mat-khau-cu-dai', false);
    // Sign-out: that session's console is dropped.
    const first = await signIn('mat-khau-cu-dai');
    const console = await connectClient(hall.url, first);
    expect(console.snapshot.identity.role).toBe('manager');
    const dropped = new Promise<number>((resolve) =>
      console.socket.once('disconnect', () => resolve(performance.now())),
    );
    const started = performance.now();
    expect(
      (await api(hall.url, 'POST', '/api/admin/logout', undefined, { authorization: `Bearer ${first}` }))
        .status,
    ).toBe(200);
    expect((await dropped) - started).toBeLessThanOrEqual(1_000);
    console.close();
    expect(await refusal(hall.url, { token: first, protocolVersion: PROTOCOL_VERSION })).toBe('UNAUTHORIZED');

    // A password change ends the other sessions (say, a console left open elsewhere); the changer's own stays.
    const stolen = await signIn('mat-khau-cu-dai');
    const own = await signIn('mat-khau-cu-dai');
    const stolenConsole = await connectClient(hall.url, stolen);
    const ownConsole = await connectClient(hall.url, own);
    const stolenDropped = new Promise<void>((resolve) =>
      stolenConsole.socket.once('disconnect', () => resolve()),
    );
    const changed = await api(
      hall.url,
      'POST',
      '/api/admin/password',
      { currentPassword: 'mat-khau-cu-dai', newPassword: 'mat-khau-moi-dai' },
      { authorization: `Bearer ${own}` },
    );
    expect(changed.status).toBe(200);
    await stolenDropped;
    expect(await refusal(hall.url, { token: stolen, protocolVersion: PROTOCOL_VERSION })).toBe(
      'UNAUTHORIZED',
    );
    expect(codeOf(await ownConsole.send('device:list', {}))).toBe('ok');
    stolenConsole.close();

    // A session that ends without notice (it expired) acts no more: its next command is refused and dropped.
    clock.advance(13 * 60 * 60_000);
    const refused = await ownConsole.send('device:create-pairing', {
      requestId: requestId(),
      kind: 'kiosk',
      name: 'hết hạn',
    });
    expect(codeOf(refused)).toBe('UNAUTHORIZED');
    await waitFor(() => !ownConsole.socket.connected, 1_000, 'the expired console to be dropped');
    ownConsole.close();
    clock.advance(-13 * 60 * 60_000);
  });

  it('a console left open past its session (12 h unused) is cut off at the next tick, without a command; checking is not a use', async () => {
    // A hall of its own with a fast tick, so that the shared hall's clock is not moved under the others.
    const ownClock = new TestClock();
    const own = await startTestHall({ clock: ownClock, tickIntervalMs: 50 });
    try {
      await own.accounts.create('bao-ve', 'Bảo vệ', 'mat-khau-bao-ve', false);
      const signIn = async (): Promise<string> => {
        const login = await api(own.url, 'POST', '/api/admin/login', {
          username: 'bao-ve',
          password: 'mat-khau-bao-ve',
        });
        return (login.json.value as { token: string }).token;
      };
      const [early, late] = [await signIn(), await signIn()];
      const earlyConsole = await connectClient(own.url, early);
      const lateConsole = await connectClient(own.url, late);
      // Six hours later the second console is used (an HTTP request slides its session to 18 h).
      ownClock.advance(6 * 60 * 60_000);
      const used = await api(own.url, 'GET', '/api/admin/session', undefined, {
        authorization: `Bearer ${late}`,
      });
      expect(used.status).toBe(200);
      // 12 h after the first one's last use: it is dropped by the tick alone.
      ownClock.advance(6 * 60 * 60_000 + 60_000);
      await waitFor(() => !earlyConsole.socket.connected, 2_000, 'the expired console to be cut off');
      expect(await refusal(own.url, { token: early, protocolVersion: PROTOCOL_VERSION })).toBe(
        'UNAUTHORIZED',
      );
      // Re-checking the second console then did not extend it: it ends 12 h after its own last use.
      expect(lateConsole.socket.connected).toBe(true);
      ownClock.advance(6 * 60 * 60_000);
      await waitFor(
        () => !lateConsole.socket.connected,
        2_000,
        'the second console to be cut off at its own expiry',
      );
      earlyConsole.close();
      lateConsole.close();
    } finally {
      await own.dispose();
    }
  });

  it('the role table: every event from every role it does not list is refused with FORBIDDEN, nothing changes', async () => {
    const digest = databaseDigest(hall.dataDir);
    const version = hall.service.state.version;
    let refused = 0;
    for (const event of CLIENT_EVENTS) {
      for (const role of ROLES) {
        if ((EVENT_ROLES[event] as readonly ConnectionRole[]).includes(role)) continue;
        const ack = await clients[role].send(event, goodPayload(event) as never);
        expect({ event, role, code: codeOf(ack) }).toEqual({ event, role, code: 'FORBIDDEN' });
        refused += 1;
      }
    }
    // 23 events × 5 roles minus the allowed pairs: the table is what is enforced, pair by pair.
    const allowedPairs = CLIENT_EVENTS.reduce((sum, event) => sum + EVENT_ROLES[event].length, 0);
    expect(refused).toBe(CLIENT_EVENTS.length * ROLES.length - allowedPairs);
    expect(hall.service.state.version).toBe(version);
    expect(databaseDigest(hall.dataDir)).toEqual(digest);
  });

  describe('a counter cannot act on another counter', () => {
    let q4: TestClient;
    let q4Feedback: TestClient;
    let calledAtQ4: TicketId;
    let doneAtQ4: TicketId;
    let sentToQ4: TicketId;

    beforeAll(async () => {
      q4 = await pairAndConnect(hall, 'counter', asCounterId('q4'));
      q4Feedback = await pairAndConnect(hall, 'feedback', asCounterId('q4'));
      expect(
        codeOf(
          await clients.counter.send('clerk:sign-in', {
            requestId: requestId(),
            username: 'canbo3',
            pin: '1234',
          }),
        ),
      ).toBe('ok');
      expect(
        codeOf(await q4.send('clerk:sign-in', { requestId: requestId(), username: 'canbo4', pin: '1234' })),
      ).toBe('ok');
      const issue = async (): Promise<TicketId> => {
        clock.advance(3_000); // the kiosk's rate limit refills one ticket every 3 s
        const ack = await clients.kiosk.send('ticket:issue', {
          requestId: requestId(),
          serviceId: 'ho-tich',
        });
        if (!ack.ok) throw new Error(`issue: ${ack.error.code}`);
        return ack.value.ticket.id;
      };
      // q4 serves a ticket to the end (for the rating), then holds one called; one more waits for q4 only.
      await issue();
      expect(codeOf(await q4.send('ticket:call-next', { requestId: requestId() }))).toBe('ok');
      doneAtQ4 = hall.service.state.counters[asCounterId('q4')]!.currentTicketId!;
      expect(codeOf(await q4.send('ticket:complete', { requestId: requestId() }))).toBe('ok');
      await issue();
      expect(codeOf(await q4.send('ticket:call-next', { requestId: requestId() }))).toBe('ok');
      calledAtQ4 = hall.service.state.counters[asCounterId('q4')]!.currentTicketId!;
      sentToQ4 = await issue();
      expect(
        codeOf(
          await clients.manager.send('ticket:transfer', {
            requestId: requestId(),
            ticketId: sentToQ4,
            toCounterId: 'q4',
          }),
        ),
      ).toBe('ok');
    });
    afterAll(() => {
      q4.close();
      q4Feedback.close();
    });

    it('every counter command naming another counter, or another counter’s ticket, is refused; nothing changes', async () => {
      const digest = databaseDigest(hall.dataDir);
      const version = hall.service.state.version;
      const other = { counterId: 'q4' };
      const cases: [ClientEventName, Record<string, unknown>, string][] = [
        ['ticket:call-next', other, 'FORBIDDEN'],
        ['ticket:recall', other, 'FORBIDDEN'],
        ['ticket:start', other, 'FORBIDDEN'],
        ['ticket:complete', other, 'FORBIDDEN'],
        ['ticket:no-show', other, 'FORBIDDEN'],
        ['counter:open', other, 'FORBIDDEN'],
        ['counter:close', other, 'FORBIDDEN'],
        ['counter:pause', { ...other, reason: 'Nghỉ' }, 'FORBIDDEN'],
        ['ticket:call', { ...other, ticketId: sentToQ4, reason: 'Ưu tiên' }, 'FORBIDDEN'],
        // Its own counter but another counter's ticket: held at q4, or sent to q4 alone.
        ['ticket:call', { ticketId: calledAtQ4, reason: 'Ưu tiên' }, 'INVALID_STATE'],
        ['ticket:call', { ticketId: sentToQ4, reason: 'Ưu tiên' }, 'INVALID_STATE'],
        ['ticket:transfer', { ticketId: calledAtQ4, toServiceId: 'chung-thuc' }, 'FORBIDDEN'],
        ['ticket:transfer', { ticketId: sentToQ4, toServiceId: 'chung-thuc' }, 'FORBIDDEN'],
      ];
      for (const [event, fields, code] of cases) {
        const ack = await clients.counter.send(event, { requestId: requestId(), ...fields });
        expect({ event, fields, code: codeOf(ack) }).toEqual({ event, fields, code });
      }
      // A tablet rates only what its own counter served.
      const foreign = await clients.feedback.send('feedback:rate', {
        requestId: requestId(),
        ticketId: doneAtQ4,
        rating: 1,
      });
      expect(codeOf(foreign)).toBe('FORBIDDEN');
      expect(hall.service.state.version).toBe(version);
      expect(databaseDigest(hall.dataDir)).toEqual(digest);
      // q4's own tablet can rate it: the refusal above was about the counter, not the ticket.
      const rating = hall.service.hallConfig.satisfaction.levels[0]!.value;
      expect(
        codeOf(
          await q4Feedback.send('feedback:rate', { requestId: requestId(), ticketId: doneAtQ4, rating }),
        ),
      ).toBe('ok');
    });
  });

  it('the kiosk rate limit: a burst of 6, then RATE_LIMITED, refilling at 20 a minute; kiosks are limited apart', async () => {
    const kiosk = await pairAndConnect(hall, 'kiosk');
    const other = await pairAndConnect(hall, 'kiosk');
    const issue = async (from: TestClient): Promise<string> =>
      codeOf(await from.send('ticket:issue', { requestId: requestId(), serviceId: 'chung-thuc' }));
    const burst: string[] = [];
    for (let tap = 0; tap < 10; tap += 1) burst.push(await issue(kiosk));
    expect(burst).toEqual([...Array<string>(6).fill('ok'), ...Array<string>(4).fill('RATE_LIMITED')]);
    expect(await issue(other)).toBe('ok');
    clock.advance(2_900);
    expect(await issue(kiosk)).toBe('RATE_LIMITED');
    clock.advance(200); // 3.1 s refill one ticket (20 a minute)
    expect(await issue(kiosk)).toBe('ok');
    expect(await issue(kiosk)).toBe('RATE_LIMITED');
    clock.advance(10 * 60_000); // a long pause refills the burst, not more
    const refilled: string[] = [];
    for (let tap = 0; tap < 8; tap += 1) refilled.push(await issue(kiosk));
    expect(refilled).toEqual([...Array<string>(6).fill('ok'), 'RATE_LIMITED', 'RATE_LIMITED']);
    kiosk.close();
    other.close();
  });

  it('wrong origins: the socket transport and state-changing HTTP are refused; own and listed origins pass', async () => {
    const { token } = hall.registerDevice('display', 'origin');
    const auth = { token, protocolVersion: PROTOCOL_VERSION };
    await expect(refusal(hall.url, auth, { origin: 'http://evil.example' })).resolves.toBeUndefined();
    await expect(refusal(hall.url, auth, { origin: 'null' })).resolves.toBeUndefined();
    await expect(
      refusal(hall.url, auth, { origin: `http://127.0.0.1:${hall.port}.evil.example` }),
    ).resolves.toBeUndefined();
    for (const origin of [hall.url, 'http://kiosk-dev.local:5173']) {
      const socket = io(hall.url, {
        auth,
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
        extraHeaders: { origin },
      });
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', () => resolve());
        socket.once('connect_error', reject);
      });
      socket.close();
    }

    // CSRF: a page elsewhere posting to the hall through a browser. Browsers send Origin on every POST/PUT.
    const digest = databaseDigest(hall.dataDir);
    const evil = { origin: 'http://evil.example', 'content-type': 'text/plain' };
    const bearer = { authorization: `Bearer ${managerToken}` };
    const attempts: [string, string, unknown, Record<string, string>][] = [
      ['POST', '/api/admin/login', { username: 'truong-phong', password: 'sai-mat-khau' }, evil],
      ['POST', '/api/pair', { code: '123456' }, evil],
      ['PUT', '/api/admin/config', { requestId: requestId(), config: {} }, { ...evil, ...bearer }],
      ['POST', '/api/admin/devices/pair', { kind: 'kiosk', name: 'kẻ gian' }, { ...evil, ...bearer }],
      ['POST', '/api/admin/clerks/cb1/pin', { pin: '0000' }, { ...evil, ...bearer }],
      ['POST', '/api/admin/logout', undefined, { ...evil, ...bearer }],
      ['POST', '/api/admin/login', { username: 'truong-phong', password: 'sai' }, { origin: 'null' }],
    ];
    for (const [method, target, body, headers] of attempts) {
      const reply = await api(hall.url, method, target, body, headers);
      expect({ target, status: reply.status, code: reply.json.error?.code }).toEqual({
        target,
        status: 403,
        code: 'FORBIDDEN',
      });
    }
    // Nothing counted: no failed sign-in, no code, no PIN, the session still works.
    expect(databaseDigest(hall.dataDir)).toEqual(digest);
    expect((await api(hall.url, 'GET', '/api/admin/session', undefined, bearer)).status).toBe(200);
    // Reading is allowed from anywhere, but no CORS header lets another site's script read the answer.
    const read = await new Promise<http.IncomingMessage>((resolve) =>
      http.get(
        `${hall.url}/api/admin/devices`,
        { headers: { ...bearer, origin: 'http://evil.example' } },
        resolve,
      ),
    );
    read.resume();
    expect(read.headers['access-control-allow-origin']).toBeUndefined();
    // The console itself (same origin) and devices without an Origin still work.
    const pairing = await api(
      hall.url,
      'POST',
      '/api/admin/devices/pair',
      { kind: 'display', name: 'Màn hình' },
      { ...bearer, origin: hall.url },
    );
    expect(pairing.status).toBe(200);
    const listed = await api(
      hall.url,
      'POST',
      '/api/admin/devices/pair',
      { kind: 'display', name: 'Màn hình 2' },
      { ...bearer, origin: 'http://kiosk-dev.local:5173' },
    );
    expect(listed.status).toBe(200);
  });

  describe('clerk PIN guessing', () => {
    let terminal: TestClient;
    const signIn = async (username: string, pin: string): Promise<string> =>
      codeOf(await terminal.send('clerk:sign-in', { requestId: requestId(), username, pin }));
    beforeAll(async () => {
      terminal = await pairAndConnect(hall, 'counter', asCounterId('q5'));
    });
    afterAll(() => terminal.close());

    it('five wrong PINs lock the clerk; the right PIN is refused while locked; the lock expires, then doubles', async () => {
      for (let attempt = 0; attempt < 5; attempt += 1)
        expect(await signIn('canbo5', `000${attempt}`)).toBe('BAD_CREDENTIALS');
      expect(await signIn('canbo5', '0009')).toBe('LOCKED_OUT');
      expect(await signIn('canbo5', '1234')).toBe('LOCKED_OUT');
      clock.advance(5 * 60_000 - 1_000);
      expect(await signIn('canbo5', '1234')).toBe('LOCKED_OUT');
      clock.advance(2_000);
      // One more wrong PIN after the lock: locked again at once, now for 10 minutes.
      expect(await signIn('canbo5', '1111')).toBe('BAD_CREDENTIALS');
      expect(await signIn('canbo5', '1234')).toBe('LOCKED_OUT');
      clock.advance(9 * 60_000);
      expect(await signIn('canbo5', '1234')).toBe('LOCKED_OUT');
      clock.advance(2 * 60_000);
      expect(await signIn('canbo5', '1234')).toBe('ok');
      expect(codeOf(await terminal.send('clerk:sign-out', { requestId: requestId() }))).toBe('ok');
    });

    it('a hundred guesses sent at once count as a hundred: the lock holds, the right PIN among them is refused', async () => {
      const guesses = Array.from({ length: 100 }, (_, index) => String(2000 + index));
      guesses[60] = '1234';
      const codes = await Promise.all(guesses.map((pin) => signIn('canbo6', pin)));
      const count = (code: string): number => codes.filter((candidate) => candidate === code).length;
      // The fifth wrong PIN is still answered BAD_CREDENTIALS (it sets the lock); every later one is locked out.
      expect({ ok: count('ok'), bad: count('BAD_CREDENTIALS') }).toEqual({ ok: 0, bad: 5 });
      expect(count('LOCKED_OUT')).toBe(95);
      expect(await signIn('canbo6', '1234')).toBe('LOCKED_OUT');
    });

    it('a manager resetting the PIN lifts the lock', async () => {
      const reply = await api(
        hall.url,
        'POST',
        '/api/admin/clerks/cb6/pin',
        { pin: '8642' },
        { authorization: `Bearer ${managerToken}` },
      );
      expect(reply.status).toBe(200);
      expect(await signIn('canbo6', '1234')).toBe('BAD_CREDENTIALS');
      // The right PIN again (the lock is lifted); the clerk must now choose their own (issue 15).
      expect(await signIn('canbo6', '8642')).toBe('PIN_CHANGE_REQUIRED');
    });
  });

  describe('manager password guessing', () => {
    const login = (password: string): Promise<Reply> =>
      api(hall.url, 'POST', '/api/admin/login', { username: 'pho-phong', password });
    beforeAll(async () => {
      await hall.accounts.create('pho-phong', 'Phó phòng', 'mot-mat-khau-dai', false);
    });

    it('every refusal is slowed; five wrong in a row lock; the right one is refused while locked; the lock expires', async () => {
      const started = performance.now();
      expect((await login('sai-1')).json.error?.code).toBe('BAD_CREDENTIALS');
      expect(performance.now() - started).toBeGreaterThanOrEqual(390);
      for (let attempt = 2; attempt <= 4; attempt += 1)
        expect((await login(`sai-${attempt}`)).json.error?.code).toBe('BAD_CREDENTIALS');
      const fifth = await login('sai-5');
      expect({ status: fifth.status, code: fifth.json.error?.code }).toEqual({
        status: 429,
        code: 'LOCKED_OUT',
      });
      expect((await login('mot-mat-khau-dai')).json.error?.code).toBe('LOCKED_OUT');
      clock.advance(61_000);
      expect((await login('mot-mat-khau-dai')).status).toBe(200);
    });

    it('guesses sent at once all count', async () => {
      const replies = await Promise.all(
        Array.from({ length: 12 }, (_, index) => login(`dong-loat-${index}`)),
      );
      const codes = replies.map((reply) => reply.json.error?.code);
      expect(codes.filter((code) => code === 'BAD_CREDENTIALS')).toHaveLength(4);
      expect(codes.filter((code) => code === 'LOCKED_OUT')).toHaveLength(8);
      expect((await login('mot-mat-khau-dai')).json.error?.code).toBe('LOCKED_OUT');
    });
  });
  describe('pairing code guessing', () => {
    // Codes are six digits and live up to 24 hours, and one may pair a manager console: wrong codes are
    // counted per address and over all addresses in a 10-minute window.
    const wrongCode = (index: number): string => String(100_000 + ((index * 7_919) % 900_000));

    it('ten wrong codes from one address, then even the right code is refused (429, Retry-After) until the window passes', async () => {
      const right = hall.createPairingCode('display', 'Màn hình sảnh 3').code;
      for (let attempt = 0; attempt < 10; attempt += 1) {
        const reply = await pairFrom(hall.url, '127.0.0.2', wrongCode(attempt));
        expect({ status: reply.status, code: reply.code }).toEqual({ status: 401, code: 'UNAUTHORIZED' });
      }
      const blocked = await pairFrom(hall.url, '127.0.0.2', right);
      expect({ status: blocked.status, code: blocked.code }).toEqual({ status: 429, code: 'RATE_LIMITED' });
      expect(Number(blocked.retryAfter)).toBeGreaterThan(0);
      expect(Number(blocked.retryAfter)).toBeLessThanOrEqual(600);
      // Another machine is not punished for this one's guesses, and the refused right code was not used up.
      clock.advance(10 * 60_000 + 1_000);
      const paired = await pairFrom(hall.url, '127.0.0.2', right);
      expect(paired.status).toBe(200);
    });

    it("a hundred wrong codes from ten addresses (a siege) stop the guessers and give every other address one guess, but never block the hall's own pairing", async () => {
      const right = hall.createPairingCode('display', 'Màn hình sảnh 4').code;
      for (let source = 0; source < 10; source += 1) {
        for (let attempt = 0; attempt < 10; attempt += 1) {
          const reply = await pairFrom(
            hall.url,
            `127.0.1.${source + 1}`,
            wrongCode(source * 10 + attempt + 50),
          );
          expect(reply.code).toBe('UNAUTHORIZED');
        }
      }
      // The guessers are stopped, even with the right code.
      expect((await pairFrom(hall.url, '127.0.1.1', right)).code).toBe('RATE_LIMITED');
      // During the siege a new address gets one wrong code, not ten: more machines buy one guess each.
      expect((await pairFrom(hall.url, '127.0.3.9', wrongCode(777))).code).toBe('UNAUTHORIZED');
      expect((await pairFrom(hall.url, '127.0.3.9', wrongCode(778))).code).toBe('RATE_LIMITED');
      // The manager's new device, at an address that has not guessed, pairs with the code from the console.
      const fresh = await pairFrom(hall.url, '127.0.2.1', right);
      expect({ status: fresh.status, code: fresh.code }).toEqual({ status: 200, code: 'ok' });
      clock.advance(10 * 60_000 + 1_000);
      const later = hall.createPairingCode('display', 'Màn hình sảnh 5').code;
      expect((await pairFrom(hall.url, '127.0.1.1', later)).status).toBe(200);
    });
  });
});
