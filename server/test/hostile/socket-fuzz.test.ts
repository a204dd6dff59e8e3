// Socket.IO fuzz: every client event of the contract, from a device of a role that may send it and from
// one that may not, gets generated hostile payloads. The server must answer each with the documented
// code, stay up for everybody else, and change nothing: not the hall version, not one row of any
// table, not Object.prototype in its own process (the hall runs in this test's process).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Ack, Changes, ClientEventName, ConnectionRole } from '@luot/shared/contracts';
import { EVENT_ROLES, MAX_CONFIG_PAYLOAD_BYTES } from '@luot/shared/contracts';
import { demoHallConfig } from '../../src/app/demo-hall.ts';
import type { TestClient } from '../helpers.ts';
import { connectClient, pairAndConnect, requestId, startTestHall, waitFor } from '../helpers.ts';
import {
  CLIENT_EVENTS,
  EVENT_FIELDS,
  FUZZ_SEED,
  ROLES,
  databaseDigest,
  emitRawWithAck,
  expectedCodes,
  fuzzRuns,
  goodPayload,
  hostilePayload,
  isPolluted,
  nestedJson,
  prototypeFingerprint,
  connectEveryRole,
} from './support.ts';

/** A slug no hall uses (including Object.prototype's member names), or a ticket id never issued. */
const unknownSlug = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype'),
  fc.stringMatching(/^zz[A-Za-z0-9_-]{1,20}$/),
);
const unknownTicket = fc.oneof(
  fc.integer({ min: 1_000_000, max: 2 ** 31 }),
  fc.constant(Number.MAX_SAFE_INTEGER),
);
/** Odd but well-formed text: accepted as text (broken text is refused, see the test below). */
const oddText = fc.constantFrom('\u202Eđảo ngược', 'ghi chú 😀', 'BOM\uFEFF giữa', 'zero\u200Bwidth');

/** Who sends a well-formed payload naming unknown things, and the one code it must get. */
type UnknownIdCase =
  { sender: ConnectionRole; payload: fc.Arbitrary<Record<string, unknown>>; code: string } | string;
const counterAction = (): UnknownIdCase => ({
  sender: 'manager',
  payload: unknownSlug.map((counterId) => ({ requestId: requestId(), counterId })),
  code: 'NOT_FOUND',
});

/** Field kinds that name something in the hall (a service, counter, ticket, device or clerk). */
const NAMING_FIELD_KINDS: ReadonlySet<string> = new Set(['slug', 'slug?', 'ticketId', 'username']);

/** Every event, typed over the contract: a new event fails to compile until it has a case or a reason. */
const UNKNOWN_IDS: { readonly [E in ClientEventName]: UnknownIdCase } = {
  'ticket:issue': {
    sender: 'kiosk',
    payload: unknownSlug.map((serviceId) => ({ requestId: requestId(), serviceId })),
    code: 'NOT_FOUND',
  },
  'ticket:call-next': counterAction(),
  'ticket:recall': counterAction(),
  'ticket:start': counterAction(),
  'ticket:complete': counterAction(),
  'ticket:no-show': counterAction(),
  'counter:open': counterAction(),
  'counter:close': counterAction(),
  'ticket:call': {
    sender: 'manager',
    payload: fc
      .tuple(unknownSlug, unknownTicket, oddText)
      .map(([counterId, ticketId, reason]) => ({ requestId: requestId(), counterId, ticketId, reason })),
    code: 'NOT_FOUND',
  },
  'counter:pause': {
    sender: 'manager',
    payload: fc
      .tuple(unknownSlug, oddText)
      .map(([counterId, reason]) => ({ requestId: requestId(), counterId, reason })),
    code: 'NOT_FOUND',
  },
  'ticket:return': {
    sender: 'manager',
    payload: unknownTicket.map((ticketId) => ({ requestId: requestId(), ticketId })),
    code: 'NOT_FOUND',
  },
  'ticket:transfer': {
    sender: 'manager',
    payload: fc
      .tuple(unknownTicket, oddText)
      .map(([ticketId, note]) => ({ requestId: requestId(), ticketId, toServiceId: 'ho-tich', note })),
    code: 'NOT_FOUND',
  },
  'ticket:cancel': {
    sender: 'manager',
    payload: fc
      .tuple(unknownTicket, oddText)
      .map(([ticketId, reason]) => ({ requestId: requestId(), ticketId, reason })),
    code: 'NOT_FOUND',
  },
  'ticket:print-result': {
    sender: 'kiosk',
    payload: fc
      .tuple(unknownTicket, oddText)
      .map(([ticketId, failure]) => ({ requestId: requestId(), ticketId, isPrinted: false, failure })),
    code: 'NOT_FOUND',
  },
  'clerk:sign-in': {
    sender: 'counter',
    payload: unknownSlug.map((username) => ({ requestId: requestId(), username, pin: '1234' })),
    code: 'BAD_CREDENTIALS',
  },
  'feedback:rate': {
    sender: 'feedback',
    payload: unknownTicket.map((ticketId) => ({ requestId: requestId(), ticketId, rating: 4 })),
    code: 'NOT_FOUND',
  },
  'device:revoke': {
    sender: 'manager',
    payload: unknownSlug.map((deviceId) => ({ requestId: requestId(), deviceId })),
    code: 'NOT_FOUND',
  },
  'device:create-pairing': {
    sender: 'manager',
    payload: fc
      .tuple(unknownSlug, oddText)
      .map(([counterId, name]) => ({ requestId: requestId(), kind: 'counter', name, counterId })),
    code: 'VALIDATION_FAILED',
  },
  'config:update': {
    sender: 'manager',
    // A counter that serves a service the hall does not have: incoherent, refused whole.
    payload: unknownSlug.map((serviceId) => {
      const config = demoHallConfig();
      return {
        requestId: requestId(),
        config: {
          ...config,
          counters: config.counters.map((counter) => ({ ...counter, serviceIds: [serviceId] })),
        },
      };
    }),
    code: 'CONFIG_INVALID',
  },
  'clerk:sign-out': 'names no id (the counter comes from the pairing)',
  'printer:status': 'names no id (the kiosk comes from its token)',
  'sync:snapshot': 'names nothing',
  'device:list': 'names nothing',
};

type Raw = {
  connected: boolean;
  emit: (...args: unknown[]) => void;
  once: (event: string, listener: (...args: unknown[]) => void) => void;
};
const raw = (client: TestClient): Raw => client.socket as unknown as Raw;

/** Send JSON text as an event's payload and wait for the ack; a missing ack within 10 s is a failure. */
async function sendRaw(client: TestClient, event: string, payloadJson: string): Promise<Ack<unknown>> {
  return (await emitRawWithAck(client.socket, event, payloadJson)) as Ack<unknown>;
}

describe('Socket.IO fuzz: hostile payloads on every event change nothing', { timeout: 60_000 }, () => {
  let hall: Awaited<ReturnType<typeof startTestHall>>;
  const clients = {} as Record<ConnectionRole, TestClient>;
  let bystander: TestClient;
  let victimToken: string;
  let digest: Record<string, string>;
  let fingerprint: string;

  beforeAll(async () => {
    hall = await startTestHall();
    Object.assign(clients, await connectEveryRole(hall));
    bystander = await pairAndConnect(hall, 'display');
    victimToken = hall.registerDevice('display', 'victim').token;
    // Some state to protect: a waiting ticket, a clerk signed in at q3 with a called ticket.
    await clients.kiosk.send('ticket:issue', { requestId: requestId(), serviceId: 'ho-tich' });
    await clients.kiosk.send('ticket:issue', { requestId: requestId(), serviceId: 'ho-tich' });
    expect(
      (
        await clients.counter.send('clerk:sign-in', {
          requestId: requestId(),
          username: 'canbo3',
          pin: '1234',
        })
      ).ok,
    ).toBe(true);
    await waitFor(() => bystander.state().version === hall.service.state.version);
    digest = databaseDigest(hall.dataDir);
    fingerprint = prototypeFingerprint();
  });
  afterAll(async () => {
    for (const client of [...Object.values(clients), bystander]) client.close();
    await hall.dispose();
  });

  for (const event of CLIENT_EVENTS) {
    const allowed = EVENT_ROLES[event] as readonly ConnectionRole[];
    const right = allowed[0]!;
    const wrong = ROLES.find((role) => !allowed.includes(role));
    it(
      `${event}: hostile payloads from ${right}${wrong ? ` and ${wrong}` : ''} are refused with their code`,
      { timeout: 60_000 },
      async () => {
        const senders = wrong ? [right, wrong] : [right];
        const seen = new Map<string, string>();
        await fc.assert(
          fc.asyncProperty(hostilePayload(event), fc.constantFrom(...senders), async (hostile, role) => {
            const ack = await sendRaw(clients[role], event, hostile.json);
            const expected = expectedCodes(event, role, hostile);
            seen.set(`${hostile.kind} from ${role === right ? 'right' : 'wrong'} role`, expected.join('|'));
            if (ack.ok || !expected.includes(ack.error.code)) {
              throw new Error(
                `${event} ${hostile.kind} from ${role} (${hostile.json.length} bytes): expected ${expected.join(' or ')}, got ${JSON.stringify(ack).slice(0, 300)}`,
              );
            }
            expect(typeof ack.error.message).toBe('string');
            expect(isPolluted()).toBe(false);
          }),
          { seed: FUZZ_SEED, numRuns: fuzzRuns(30), endOnFailure: true },
        );
        expect(seen.size).toBeGreaterThan(3);
        expect(hall.service.state.version).toBe(bystander.state().version);
        expect(databaseDigest(hall.dataDir)).toEqual(digest);
        expect(prototypeFingerprint()).toBe(fingerprint);
        for (const client of Object.values(clients)) expect(raw(client).connected).toBe(true);
      },
    );
  }

  for (const event of CLIENT_EVENTS) {
    const unknownCase = UNKNOWN_IDS[event];
    if (typeof unknownCase === 'string') {
      // No unknown id to send: check the reason instead, so that an id field added to this event later
      // fails here until it gets a fuzz case above.
      it(`${event}: names nothing a client could get wrong, so no unknown-id case (${unknownCase})`, () => {
        const namingFields = Object.entries(EVENT_FIELDS[event]).filter(([, kind]) =>
          NAMING_FIELD_KINDS.has(kind),
        );
        expect(namingFields).toEqual([]);
      });
      continue;
    }
    it(
      `${event}: valid-looking but unknown ids (incl. __proto__, constructor) get ${unknownCase.code}`,
      { timeout: 60_000 },
      async () => {
        await fc.assert(
          fc.asyncProperty(unknownCase.payload, async (payload) => {
            const ack = await sendRaw(clients[unknownCase.sender], event, JSON.stringify(payload));
            expect({ payload, code: ack.ok || ack.error.code }).toEqual({ payload, code: unknownCase.code });
          }),
          { seed: FUZZ_SEED, numRuns: fuzzRuns(15), endOnFailure: true },
        );
        expect(hall.service.state.version).toBe(bystander.state().version);
        expect(databaseDigest(hall.dataDir)).toEqual(digest);
        expect(prototypeFingerprint()).toBe(fingerprint);
      },
    );
  }

  it('broken text (lone surrogate, NUL, control characters) is refused: stored, it would read back changed', async () => {
    // A ticket issued before the fuzz began (beforeAll): cancelling it with good text would succeed.
    const waiting = Object.values(hall.service.state.tickets).find((ticket) => ticket.status === 'waiting')!;
    const before = { version: hall.service.state.version, digest: databaseDigest(hall.dataDir) };
    for (const broken of ['lẻ \uD800', '\uDFFFđầu', 'nul\u0000byte', 'esc\u001B[2J']) {
      const pause = await sendRaw(
        clients.manager,
        'counter:pause',
        JSON.stringify({ requestId: requestId(), counterId: 'q1', reason: broken }),
      );
      const cancel = await sendRaw(
        clients.manager,
        'ticket:cancel',
        JSON.stringify({ requestId: requestId(), ticketId: waiting.id, reason: broken }),
      );
      expect([pause, cancel].map((ack) => ack.ok || ack.error.code)).toEqual([
        'VALIDATION_FAILED',
        'VALIDATION_FAILED',
      ]);
    }
    expect({ version: hall.service.state.version, digest: databaseDigest(hall.dataDir) }).toEqual(before);
  });

  it('a payload without an ack is ignored; extra arguments and unknown events are refused', async () => {
    for (const event of CLIENT_EVENTS) {
      const sender = clients[EVENT_ROLES[event][0]];
      raw(sender).emit(event, goodPayload(event)); // no ack: no command
      const extra = await new Promise<Ack<unknown>>((resolve) =>
        raw(sender).emit(event, goodPayload(event), 'extra', 42, resolve),
      );
      expect({ event, code: extra.ok || extra.error.code }).toEqual({ event, code: 'VALIDATION_FAILED' });
    }
    for (const name of [
      'ticket:steal',
      '__proto__',
      'constructor',
      'hasOwnProperty',
      'toString',
      'x'.repeat(5000),
    ]) {
      const ack = await sendRaw(clients.manager, name, '{}');
      expect({ name: name.slice(0, 20), code: ack.ok || ack.error.code }).toEqual({
        name: name.slice(0, 20),
        code: 'VALIDATION_FAILED',
      });
    }
    // A round trip after the ack-less emits: had any of them run, the version would have moved.
    expect((await sendRaw(clients.display, 'sync:snapshot', '{}')).ok).toBe(true);
    expect(hall.service.state.version).toBe(bystander.state().version);
    expect(databaseDigest(hall.dataDir)).toEqual(digest);
  });

  it('nesting deeper than JSON.stringify can walk is refused, even inside the 512 KiB config:update allowance', async () => {
    for (const depth of [10_000, 80_000]) {
      for (const shape of ['array', 'object'] as const) {
        const json = `{"requestId":"${requestId()}","config":${nestedJson(depth, shape)}}`;
        expect(json.length).toBeLessThan(MAX_CONFIG_PAYLOAD_BYTES);
        const ack = await sendRaw(clients.manager, 'config:update', json);
        expect({ depth, shape, code: ack.ok || ack.error.code }).toEqual({
          depth,
          shape,
          code: 'VALIDATION_FAILED',
        });
      }
    }
    // An undefined payload travels as null.
    const ack = await new Promise<Ack<unknown>>((resolve) =>
      raw(clients.kiosk).emit('ticket:issue', undefined, resolve),
    );
    expect(ack.ok || ack.error.code).toBe('VALIDATION_FAILED');
    expect(databaseDigest(hall.dataDir)).toEqual(digest);
  });

  it("reserved event names and unparsable frames close only the sender's connection; odd ones are ignored", async () => {
    // Socket.IO's parser refuses these frames and closes that one connection (`transport close` at the client).
    const closing = [
      ...['connect', 'connect_error', 'disconnect', 'disconnecting', 'newListener', 'removeListener'].map(
        (name) => `2${JSON.stringify([name, {}])}`,
      ),
      '2["ticket:issue",',
      '2{}',
      '2[]',
      '2[null]',
      '9',
      `2${nestedJson(200_000, 'array')}`,
    ];
    // A number as the event name parses; with no ack it is dropped, and the connection goes on.
    const ignored = ['2[1,2,3]', '2[42,{"requestId":"abcdefgh"}]'];
    for (const frame of [...closing, ...ignored]) {
      const victim = await connectClient(hall.url, victimToken);
      const closed = new Promise<string>((resolve) =>
        raw(victim).once('disconnect', () => resolve('closed')),
      );
      (victim.socket as unknown as { io: { engine: { write: (data: string) => void } } }).io.engine.write(
        frame,
      );
      // Frames are handled in order: an answer to the next one means this one did not close the connection.
      const answered = sendRaw(victim, 'sync:snapshot', '{}').then(
        () => 'open',
        () => 'no answer',
      );
      const outcome = await Promise.race([closed, answered]);
      expect({ frame: frame.slice(0, 30), outcome }).toEqual({
        frame: frame.slice(0, 30),
        outcome: ignored.includes(frame) ? 'open' : 'closed',
      });
      victim.close();
    }
    for (const client of [...Object.values(clients), bystander]) expect(raw(client).connected).toBe(true);
    expect(databaseDigest(hall.dataDir)).toEqual(digest);
  });

  it('a frame over the 1 MiB transport limit closes only that connection; the hall goes on', async () => {
    const victim = await connectClient(hall.url, victimToken);
    const closed = new Promise<unknown>((resolve) => raw(victim).once('disconnect', resolve));
    raw(victim).emit(
      'config:update',
      { requestId: requestId(), config: 'x'.repeat(1_100_000) },
      () => undefined,
    );
    expect(await closed).toBe('transport close');
    victim.close();
    const health = (await (await fetch(`${hall.url}/health`)).json()) as { ok: boolean; hallVersion: number };
    expect(health.ok).toBe(true);
    expect(databaseDigest(hall.dataDir)).toEqual(digest);
    expect(prototypeFingerprint()).toBe(fingerprint);
  });

  it('after all of it, the other clients still work: a ticket issued reaches the bystander display', async () => {
    const before = hall.service.state.version;
    expect(before).toBe(bystander.state().version);
    const received = new Promise<Changes>((resolve) => bystander.socket.once('hall:changes', resolve));
    const ack = await clients.kiosk.send('ticket:issue', { requestId: requestId(), serviceId: 'chung-thuc' });
    expect(ack.ok).toBe(true);
    expect((await received).toVersion).toBe(before + 1);
    const health = (await (await fetch(`${hall.url}/health`)).json()) as { ok: boolean };
    expect(health.ok).toBe(true);
  });
});
