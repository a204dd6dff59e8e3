import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Changes } from '@luot/shared/contracts';
import type { QueueState } from '@luot/shared/domain';
import { applyChanges } from '@luot/shared/contracts';
import { Server } from 'socket.io';
import type { Socket as ClientSocket } from 'socket.io-client';
import { io as connect } from 'socket.io-client';
import { ChangeFanout } from '../src/realtime/change-fanout.ts';
import type { RecordingDisplay, TestClient } from './helpers.ts';
import { connectDisplays, pairAndConnect, requestId, startTestHall, waitFor } from './helpers.ts';

/** Every version from `from` + 1 to `to`, in order, exactly once, across the messages a socket got. */
function expectContiguous(received: readonly Changes[], from: number, to: number): void {
  let held = from;
  for (const changes of received) {
    expect(changes.fromVersion).toBe(held);
    expect(changes.events.map((event) => event.version)).toEqual(
      Array.from({ length: changes.toVersion - changes.fromVersion }, (_, index) => held + index + 1),
    );
    held = changes.toVersion;
  }
  expect(held).toBe(to);
}

describe('a change written to a few hundred real sockets, a slice per turn', () => {
  const DISPLAYS = 300;
  let hall: Awaited<ReturnType<typeof startTestHall>>;
  let kiosk: TestClient;
  let displays: RecordingDisplay[] = [];

  beforeAll(async () => {
    hall = await startTestHall();
    kiosk = await pairAndConnect(hall, 'kiosk');
    displays = await connectDisplays(hall, DISPLAYS);
  }, 120_000);

  afterAll(async () => {
    kiosk.close();
    for (const { client } of displays) client.close();
    await hall.dispose();
  });

  it('reaches every socket intact, each version once and in order, with the server’s state', async () => {
    const before = hall.service.state.version;
    const services = hall.service.hallConfig.services.map((service) => service.id);
    // Several commands at once: their changes overlap the fan-out of the ones before them.
    const acks = await Promise.all(
      Array.from({ length: 12 }, (_, index) =>
        kiosk.send('ticket:issue', { requestId: requestId(), serviceId: services[index % services.length]! }),
      ),
    );
    expect(acks.every((ack) => ack.ok)).toBe(true);
    const after = hall.service.state.version;
    expect(after).toBeGreaterThanOrEqual(before + 12);
    await waitFor(
      () => displays.every(({ received }) => received.at(-1)?.toVersion === after),
      20_000,
      'every display to have the last change',
    );
    for (const { client, received } of displays) {
      expectContiguous(received, before, after);
      expect(client.state()).toEqual(hall.service.state);
    }
  });
});

describe('ChangeFanout over a real Socket.IO server', () => {
  const CLIENTS = 10;
  let server: Server;
  let fanout: ChangeFanout;
  const clients: { socket: ClientSocket; messages: ({ changes: Changes } | { notice: string })[] }[] = [];
  /** Three changes a real hall committed one after the other (versions chain), and its state around them. */
  const committed: Changes[] = [];
  let stateBefore: QueueState;
  let stateAfter: QueueState;

  beforeAll(async () => {
    const hall = await startTestHall();
    const kiosk = await pairAndConnect(hall, 'kiosk');
    const stop = hall.service.onChanges((changes) => committed.push(changes));
    const serviceId = hall.service.hallConfig.services[0]!.id;
    stateBefore = hall.service.state;
    for (let index = 0; index < 3; index += 1) {
      expect((await kiosk.send('ticket:issue', { requestId: requestId(), serviceId })).ok).toBe(true);
      await waitFor(() => committed.length === index + 1);
    }
    stateAfter = hall.service.state;
    stop();
    kiosk.close();
    await hall.dispose();

    const http = createServer();
    server = new Server(http);
    // Two sockets a turn, so that ten take five turns.
    fanout = new ChangeFanout(
      (socketIds, changes) => server.to(socketIds ?? 'everyone').emit('hall:changes', changes),
      2,
    );
    server.on('connection', (socket) => {
      void socket.join('everyone');
      fanout.join(socket.id);
      socket.on('disconnect', () => fanout.leave(socket.id));
    });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    const { port } = http.address() as AddressInfo;
    // One after the other, so that the fan-out's order is the clients' order.
    for (let index = 0; index < CLIENTS; index += 1) {
      const socket = connect(`http://127.0.0.1:${port}`, { transports: ['websocket'], forceNew: true });
      const entry = { socket, messages: [] as ({ changes: Changes } | { notice: string })[] };
      socket.on('hall:changes', (changes: Changes) => entry.messages.push({ changes }));
      socket.on('notice', (notice: string) => entry.messages.push({ notice }));
      await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
      clients.push(entry);
    }
    await waitFor(() => server.of('/').sockets.size === CLIENTS);
  });

  afterAll(async () => {
    for (const { socket } of clients) socket.close();
    fanout.close();
    await server.close();
  });

  it('sends a change that arrives mid-way with the earlier one to the sockets not yet written, alone to the others', async () => {
    const [first, second, third] = committed as [Changes, Changes, Changes];
    fanout.publish(first); // the first two sockets now, the rest on later turns
    fanout.publish(second); // before the next turn: eight sockets still owe the first
    fanout.whenDelivered(() => server.emit('notice', 'after both'));
    await waitFor(() => clients.every(({ messages }) => messages.length > 0 && 'notice' in messages.at(-1)!));
    fanout.publish(third);
    await waitFor(() =>
      clients.every(({ messages }) =>
        messages.some((m) => 'changes' in m && m.changes.toVersion === third.toVersion),
      ),
    );

    const changesOf = (index: number): Changes[] =>
      clients[index]!.messages.flatMap((message) => ('changes' in message ? [message.changes] : []));
    // The first slice got each change as committed (the very same message); the others one of both.
    for (const index of [0, 1]) expect(changesOf(index)).toEqual([first, second, third]);
    for (let index = 2; index < CLIENTS; index += 1) {
      expect(changesOf(index)).toEqual([
        {
          fromVersion: first.fromVersion,
          toVersion: second.toVersion,
          events: [...first.events, ...second.events],
        },
        third,
      ]);
    }
    for (const { messages } of clients) {
      // The notice waited for both changes on every socket.
      const noticeAt = messages.findIndex((message) => 'notice' in message);
      expect(messages.slice(0, noticeAt).every((message) => 'changes' in message)).toBe(true);
      expectContiguous(
        messages.flatMap((message) => ('changes' in message ? [message.changes] : [])),
        first.fromVersion,
        third.toVersion,
      );
    }
    // Folded by the clients' one rule, the merged message gives the state the three give alone.
    for (const index of [0, 2]) {
      const folded = changesOf(index).reduce((state, changes) => {
        const result = applyChanges(state, changes);
        if (result.outcome === 'gap') throw new Error('a gap');
        return result.state;
      }, stateBefore);
      expect(folded).toEqual(stateAfter);
    }
  });

  it('refuses a slice of no sockets', () => {
    expect(() => new ChangeFanout(() => {}, 0)).toThrow(/whole number ≥ 1/);
  });
});
