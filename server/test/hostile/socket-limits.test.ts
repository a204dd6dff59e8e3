// Floods on the socket (issue #15): a stolen kiosk token sent 12,524 `printer:status` in 5 s (each a
// database write and a push to every console), a display token pulled 2,865 snapshots (69 MB) in 5 s and
// slowed another device's round trip from 4 to 258 ms, and 300 connections on one token were accepted.
// Now these events have budgets per device and per address, connections per token are capped, the
// excess is answered RATE_LIMITED and changes nothing, and another device is answered meanwhile.
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import type { Ack } from '@luot/shared/contracts';
import { PROTOCOL_VERSION } from '@luot/shared/contracts';
import { SOCKET_LIMITS } from '../../src/app/limits.ts';
import type { HallClient, TestClient } from '../helpers.ts';
import { connectClient, pairAndConnect, requestId, startTestHall, waitFor } from '../helpers.ts';

/** Open a raw socket with a token (optionally from another loopback address); resolves when connected or refused. */
function open(
  url: string,
  token: string,
  localAddress?: string,
): Promise<{ socket: HallClient; refusal: string | undefined; message: string }> {
  const socket: HallClient = io(url, {
    auth: { token, protocolVersion: PROTOCOL_VERSION },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    ...(localAddress ? { localAddress } : {}),
  });
  return new Promise((resolve) => {
    socket.once('connect', () => resolve({ socket, refusal: undefined, message: '' }));
    socket.once('connect_error', (error: Error & { data?: { code?: string } }) => {
      socket.close();
      resolve({ socket, refusal: error.data?.code ?? 'transport', message: error.message });
    });
  });
}

/** Emit an event with an ack, as a client would. */
function emit(socket: HallClient, event: string, payload: unknown): Promise<Ack<unknown>> {
  const send = socket.emit.bind(socket) as (
    name: string,
    body: unknown,
    ack: (result: Ack<unknown>) => void,
  ) => void;
  return new Promise((resolve) => send(event, payload, resolve));
}

const codeOf = (ack: Ack<unknown>): string => (ack.ok ? 'ok' : ack.error.code);

describe('limits on the socket', { timeout: 90_000 }, () => {
  let hall: Awaited<ReturnType<typeof startTestHall>>;
  let console: TestClient;
  beforeAll(async () => {
    hall = await startTestHall();
    await hall.accounts.create('quan-ly', 'Quản lý', 'mat-khau-quan-ly', false);
    const login = await new Promise<string>((resolve, reject) => {
      const request = http.request(
        `${hall.url}/api/admin/login`,
        { method: 'POST', headers: { 'content-type': 'application/json' } },
        (response) => {
          let text = '';
          response.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
          response.on('end', () => resolve((JSON.parse(text) as { value: { token: string } }).value.token));
        },
      );
      request.on('error', reject);
      request.end(JSON.stringify({ username: 'quan-ly', password: 'mat-khau-quan-ly' }));
    });
    console = await connectClient(hall.url, login);
  });
  afterAll(async () => {
    console.close();
    await hall.dispose();
  });

  it('one device token holds at most four connections; a closed one frees its place', async () => {
    const { token } = hall.registerDevice('display', 'Màn hình bị lấy cắp');
    const attempts = [];
    for (let index = 0; index < 7; index += 1) attempts.push(await open(hall.url, token));
    expect(attempts.map((attempt) => attempt.refusal ?? 'connected')).toEqual([
      ...Array<string>(SOCKET_LIMITS.connectionsPerDevice).fill('connected'),
      ...Array<string>(7 - SOCKET_LIMITS.connectionsPerDevice).fill('RATE_LIMITED'),
    ]);
    expect(attempts.at(-1)?.message).toMatch(/open connections/);
    attempts[0]!.socket.close();
    await waitFor(() => hall.service.deviceStatuses().length > 0, 1_000);
    let again = await open(hall.url, token);
    // The server notices the close on its side a moment after the client's.
    for (let retry = 0; retry < 20 && again.refusal !== undefined; retry += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      again = await open(hall.url, token);
    }
    expect(again.refusal).toBeUndefined();
    for (const attempt of [...attempts, again]) attempt.socket.close();
  });

  it('a printer:status and sync:snapshot flood is refused past its budget, writes nothing more, and another device is answered meanwhile', async () => {
    // The stolen tokens are used from another machine (the server PC itself is not budgeted).
    const stolen = async (kind: 'kiosk' | 'display'): Promise<{ socket: HallClient; deviceId: string }> => {
      const { token, deviceId } = hall.registerDevice(kind, `${kind} bị lấy cắp`);
      const opened = await open(hall.url, token, '127.0.0.3');
      expect(opened.refusal).toBeUndefined();
      return { socket: opened.socket, deviceId };
    };
    const kiosk = await stolen('kiosk');
    const display = await stolen('display');
    const other = await pairAndConnect(hall, 'kiosk');
    let pushes = 0;
    console.socket.on('device:status', (status) => {
      if (status.deviceId === kiosk.deviceId) pushes += 1;
    });
    // Both floods run for two seconds, batch after batch, while another kiosk issues tickets.
    const printerAcks: Ack<unknown>[] = [];
    const snapshotAcks: Ack<unknown>[] = [];
    let isFlooding = true;
    let batches = 0;
    const flood = (async () => {
      while (isFlooding) {
        const batch = await Promise.all([
          ...Array.from({ length: 200 }, (_, index) =>
            emit(kiosk.socket, 'printer:status', {
              requestId: requestId(),
              state: index % 2 === 0 ? 'paper_out' : 'ok',
              detail: null,
            }),
          ),
          ...Array.from({ length: 50 }, () => emit(display.socket, 'sync:snapshot', {})),
        ]);
        printerAcks.push(...batch.slice(0, 200));
        snapshotAcks.push(...batch.slice(200));
        batches += 1;
      }
    })();
    const roundTrips: number[] = [];
    const issued: string[] = [];
    const batchesAtStart = (await waitFor(() => batches >= 2, 10_000, 'the flood to start'), batches);
    for (let ticket = 0; ticket < 3; ticket += 1) {
      const started = performance.now();
      issued.push(
        codeOf(await other.send('ticket:issue', { requestId: requestId(), serviceId: 'chung-thuc' })),
      );
      roundTrips.push(performance.now() - started);
    }
    const batchesDuring = batches - batchesAtStart;
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    isFlooding = false;
    await flood;
    expect(issued).toEqual(['ok', 'ok', 'ok']);
    // The flood went on while the other kiosk was answered: it was not starved, nor was the flood paused.
    expect(batchesDuring).toBeGreaterThan(0);

    const count = (acks: Ack<unknown>[], code: string): number =>
      acks.filter((ack) => codeOf(ack) === code).length;
    const printerBudget = SOCKET_LIMITS.events['printer:status'].perDevice;
    const snapshotBudget = SOCKET_LIMITS.events['sync:snapshot'].perDevice;
    // Within the budget (plus what refills in the few seconds of the test), the rest refused.
    expect(count(printerAcks, 'ok')).toBeGreaterThanOrEqual(printerBudget.capacity);
    expect(count(printerAcks, 'ok')).toBeLessThanOrEqual(printerBudget.capacity + 10);
    expect(count(printerAcks, 'RATE_LIMITED')).toBe(printerAcks.length - count(printerAcks, 'ok'));
    expect(count(snapshotAcks, 'ok')).toBeLessThanOrEqual(snapshotBudget.capacity + 10);
    expect(count(snapshotAcks, 'RATE_LIMITED')).toBe(snapshotAcks.length - count(snapshotAcks, 'ok'));
    const refusal = printerAcks.find((ack) => !ack.ok);
    expect(refusal && !refusal.ok && refusal.error.message).toMatch(
      /too many printer:status from this device; try again in \d+ s/,
    );
    // A refused status changed nothing: the consoles were pushed at most once per recorded status.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(pushes).toBeLessThanOrEqual(count(printerAcks, 'ok'));
    process.stdout.write(
      `flood: ${printerAcks.length} printer:status (${count(printerAcks, 'ok')} recorded), ${snapshotAcks.length} snapshots (${count(snapshotAcks, 'ok')} sent); another kiosk's tickets answered in ${roundTrips.map((ms) => ms.toFixed(0)).join(', ')} ms\n`,
    );
    // The flooding display is not cut off from what it needs: the changes still reach it.
    expect(display.socket.connected).toBe(true);
    kiosk.socket.close();
    display.socket.close();
    other.close();
  });

  it('per address: many tokens from one machine share the address budget; the server PC is not budgeted', async () => {
    const snapshotsFrom = async (localAddress: string): Promise<string[]> => {
      const sockets: HallClient[] = [];
      for (let index = 0; index < 6; index += 1) {
        const { token } = hall.registerDevice('display', `Màn hình ${localAddress} ${index}`);
        const opened = await open(hall.url, token, localAddress);
        expect(opened.refusal).toBeUndefined();
        sockets.push(opened.socket);
      }
      const acks = await Promise.all(
        sockets.flatMap((socket) => Array.from({ length: 9 }, () => emit(socket, 'sync:snapshot', {}))),
      );
      for (const socket of sockets) socket.close();
      return acks.map((ack) => (ack.ok ? 'ok' : ack.error.message));
    };
    // 6 devices × 9 snapshots: each device is within its own budget (10), the address's (40) is not.
    const remote = await snapshotsFrom('127.0.0.2');
    const addressBudget = SOCKET_LIMITS.events['sync:snapshot'].perAddress.capacity;
    expect(remote.filter((answer) => answer === 'ok').length).toBeLessThanOrEqual(addressBudget + 5);
    expect(remote.some((answer) => /from this address/.test(answer))).toBe(true);
    // The server PC's own devices (its display, tools) are not budgeted.
    const local = await snapshotsFrom('127.0.0.1');
    expect(local.every((answer) => answer === 'ok')).toBe(true);
  });
});
