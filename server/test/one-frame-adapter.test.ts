import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Socket as NetSocket } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Server } from 'socket.io';
import { Adapter } from 'socket.io-adapter';
import type { Socket as ClientSocket } from 'socket.io-client';
import { io as connect } from 'socket.io-client';
import { OneFrameAdapter } from '../src/realtime/one-frame-adapter.ts';
import type { RecordingDisplay, TestClient } from './helpers.ts';
import { connectDisplays, pairAndConnect, requestId, startTestHall, waitFor } from './helpers.ts';

/** The adapter's once-per-broadcast encoding step (see one-frame-adapter.ts). */
interface Encoding {
  _encode(packet: unknown, options: { wsPreEncodedFrame?: Buffer[] }): unknown;
}

/** A Socket.IO EVENT packet as the adapter gets it from `io.emit`. */
const eventPacket = (payload: string): unknown => ({ type: 2, data: ['note', payload], nsp: '/' });

/** Payloads whose WebSocket frames have each length header: 7 bits, 16 bits and 64 bits. */
const PAYLOADS = ['ngắn', 'đ'.repeat(400), 'x'.repeat(70_000)];

/**
 * Which server-side TCP sockets wrote through one `write` and which through the corked `writev`, from
 * the moment `watch` is called until `stop`. Only accepted connections (the server's side) count.
 */
function watchServerWrites(): { single: Set<NetSocket>; batched: Set<NetSocket>; stop: () => void } {
  const single = new Set<NetSocket>();
  const batched = new Set<NetSocket>();
  type Writer = (this: NetSocket, ...args: unknown[]) => unknown;
  const proto = NetSocket.prototype as unknown as { _write: Writer; _writev: Writer };
  const write = proto._write;
  const writev = proto._writev;
  const isServerSide = (socket: NetSocket): boolean => (socket as { server?: unknown }).server != null;
  proto._write = function (this: NetSocket, ...args) {
    if (isServerSide(this)) single.add(this);
    return write.apply(this, args);
  };
  proto._writev = function (this: NetSocket, ...args) {
    if (isServerSide(this)) batched.add(this);
    return writev.apply(this, args);
  };
  return {
    single,
    batched,
    stop: () => {
      proto._write = write;
      proto._writev = writev;
    },
  };
}

describe('OneFrameAdapter: a broadcast frame in one buffer', () => {
  const servers: Server[] = [];
  const clients: ClientSocket[] = [];

  afterEach(async () => {
    for (const client of clients.splice(0)) client.close();
    for (const server of servers.splice(0)) await server.close();
  });

  async function serverWithClients(
    adapter: typeof Adapter,
    count: number,
  ): Promise<{ io: Server; received: string[][] }> {
    const httpServer = createServer();
    const io = new Server(httpServer, { adapter, serveClient: false, pingInterval: 60_000 });
    servers.push(io);
    await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
    const { port } = httpServer.address() as AddressInfo;
    const received: string[][] = [];
    for (let index = 0; index < count; index += 1) {
      const client = connect(`http://127.0.0.1:${port}`, {
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
      });
      clients.push(client);
      const notes: string[] = [];
      received.push(notes);
      client.on('note', (note: string) => notes.push(note));
      await new Promise<void>((resolve, reject) => {
        client.once('connect', () => resolve());
        client.once('connect_error', reject);
      });
    }
    return { io, received };
  }

  it('encodes the same bytes as the stock adapter, joined into one buffer', async () => {
    const stock = (await serverWithClients(Adapter, 0)).io.of('/').adapter as unknown as Encoding;
    const joined = (await serverWithClients(OneFrameAdapter, 0)).io.of('/').adapter as unknown as Encoding;
    for (const payload of PAYLOADS) {
      const stockOptions: { wsPreEncodedFrame?: Buffer[] } = {};
      const joinedOptions: { wsPreEncodedFrame?: Buffer[] } = {};
      expect(joined._encode(eventPacket(payload), joinedOptions)).toEqual(
        stock._encode(eventPacket(payload), stockOptions),
      );
      // What this changes: the stock frame is a header and a payload, written corked per socket.
      expect(stockOptions.wsPreEncodedFrame).toHaveLength(2);
      expect(joinedOptions.wsPreEncodedFrame).toHaveLength(1);
      expect(
        joinedOptions.wsPreEncodedFrame![0]!.equals(Buffer.concat(stockOptions.wsPreEncodedFrame!)),
      ).toBe(true);
    }
  });

  it('reaches real clients intact with every frame length, each socket in one write', async () => {
    const { io, received } = await serverWithClients(OneFrameAdapter, 5);
    const writes = watchServerWrites();
    try {
      for (const payload of PAYLOADS) io.emit('note', payload);
      await waitFor(() => received.every((notes) => notes.length === PAYLOADS.length));
    } finally {
      writes.stop();
    }
    for (const notes of received) expect(notes).toEqual(PAYLOADS);
    expect(writes.single.size).toBe(5);
    expect(writes.batched.size).toBe(0);
  });

  it('the stock adapter, by contrast, writes each socket corked in two buffers', async () => {
    const { io, received } = await serverWithClients(Adapter, 5);
    const writes = watchServerWrites();
    try {
      io.emit('note', PAYLOADS[1]);
      await waitFor(() => received.every((notes) => notes.length === 1));
    } finally {
      writes.stop();
    }
    expect(writes.batched.size).toBe(5);
  });
});

describe('the hall server broadcasts its changes in one write per socket', () => {
  const DISPLAYS = 20;
  let hall: Awaited<ReturnType<typeof startTestHall>>;
  let kiosk: TestClient;
  let displays: RecordingDisplay[] = [];

  beforeAll(async () => {
    // No heartbeat while watching: a ping is a small frame of its own, written corked.
    hall = await startTestHall({ realtime: { pingIntervalMs: 60_000, pingTimeoutMs: 60_000 } });
    kiosk = await pairAndConnect(hall, 'kiosk');
    displays = await connectDisplays(hall, DISPLAYS);
  }, 60_000);

  afterAll(async () => {
    kiosk.close();
    for (const { client } of displays) client.close();
    await hall.dispose();
  });

  it('writes the change to the displays and the kiosk in one write each; only the ack is corked', async () => {
    const serviceId = hall.service.hallConfig.services[0]!.id;
    const writes = watchServerWrites();
    try {
      const ack = await kiosk.send('ticket:issue', { requestId: requestId(), serviceId });
      expect(ack.ok).toBe(true);
      await waitFor(() => displays.every(({ received }) => received.length === 1));
    } finally {
      writes.stop();
    }
    for (const { received, client } of displays) {
      expect(received[0]!.events.map((event) => event.type)).toEqual(['ticket.issued']);
      expect(client.state().version).toBe(hall.service.state.version);
    }
    // Every queue socket (the displays and the kiosk) got the change through one write.
    expect(writes.single.size).toBeGreaterThanOrEqual(DISPLAYS + 1);
    // The kiosk's ack is a frame of its own (header and payload, corked): the only batched write.
    expect(writes.batched.size).toBeLessThanOrEqual(1);
  });
});
