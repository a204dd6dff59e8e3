import { afterEach, describe, expect, it } from 'vitest';
import type { ConnectionStatus } from '@luot/client';
import { HallConnection } from '@luot/client';
import { asDeviceId } from '@luot/shared/domain';
import type { TestClient } from './helpers.ts';
import { CONSOLE, connectClient, requestId, startTestHall, tempDataDir, waitFor } from './helpers.ts';

// A display (or any device) whose link the server dropped or refused comes back by itself, through the
// client library every app uses (@luot/client's HallConnection), against a real server: after a server
// restart on the same port, after a transient refusal at the handshake (socket.io leaves a refusal by the
// server's middleware to the application), and it stops only when its token is gone (revoked).

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A HallConnection with every status it went through, in order. */
function display(url: string, token: string): { connection: HallConnection; statuses: ConnectionStatus[] } {
  const connection = new HallConnection({ url, token });
  const statuses: ConnectionStatus[] = [];
  connection.subscribe((view) => {
    if (statuses.at(-1) !== view.status) statuses.push(view.status);
  });
  cleanups.push(() => connection.close());
  return { connection, statuses };
}

describe('a device that loses its link comes back by itself', () => {
  it('after a server restart on the same port, in step with the restarted server', async () => {
    const data = tempDataDir('luot-reconnect-');
    cleanups.push(data.remove);
    const first = await startTestHall({ dataDir: data.dir });
    const { token } = first.registerDevice('display', 'TV sảnh chờ');
    const { port, url } = first;
    const tv = display(url, token);
    await waitFor(() => tv.connection.current.status === 'online', 5_000, 'the TV online');
    await first.close();
    await waitFor(() => tv.connection.current.status === 'offline', 5_000, 'the TV to notice');

    const second = await startTestHall({ dataDir: data.dir, port });
    cleanups.push(() => second.close());
    // Something happened while it was away: it must be in the snapshot the TV takes on its return.
    const kiosk = await connectClient(second.url, second.registerDevice('kiosk', 'Kiosk').token);
    cleanups.push(() => kiosk.close());
    expect((await kiosk.send('ticket:issue', { requestId: requestId(), serviceId: 'ho-tich' })).ok).toBe(
      true,
    );
    await waitFor(
      () =>
        tv.connection.current.status === 'online' &&
        tv.connection.current.state?.version === second.service.state.version,
      15_000,
      'the TV back, in step with the restarted server',
    );
    expect(tv.statuses).toEqual(['connecting', 'online', 'offline', 'connecting', 'online']);
  }, 60_000);

  it('after a transient refusal at the handshake (too many connections for its token)', async () => {
    const hall = await startTestHall();
    cleanups.push(() => hall.dispose());
    const { token } = hall.registerDevice('display', 'TV tầng 2');
    // The token's four connections are taken (SOCKET_LIMITS.connectionsPerDevice): the fifth is refused.
    const holders: TestClient[] = [];
    for (let index = 0; index < 4; index += 1) holders.push(await connectClient(hall.url, token));
    cleanups.push(() => holders.forEach((holder) => holder.close()));
    const tv = display(hall.url, token);
    await waitFor(() => tv.statuses.includes('offline'), 5_000, 'the TV refused');
    expect(tv.connection.current.status).toBe('offline');
    // One connection frees up: the TV must take it within its back-off, with no reload.
    holders.pop()!.close();
    await waitFor(() => tv.connection.current.status === 'online', 10_000, 'the TV back after the refusal');
  }, 30_000);

  it('stops, and asks to be paired again, only when its token is revoked', async () => {
    const hall = await startTestHall();
    cleanups.push(() => hall.dispose());
    const { token, deviceId } = hall.registerDevice('display', 'TV cũ');
    const tv = display(hall.url, token);
    await waitFor(() => tv.connection.current.status === 'online', 5_000, 'the TV online');
    expect(hall.service.revokeDevice(CONSOLE, asDeviceId(deviceId))).toBe(true);
    // The server drops it (`io server disconnect`); its next handshake is refused UNAUTHORIZED.
    await waitFor(() => tv.connection.current.status === 'unauthorized', 10_000, 'the TV told to pair again');
    expect(tv.statuses).toEqual(['connecting', 'online', 'offline', 'unauthorized']);
    // And it stays stopped: no more attempts, nothing connected for that device.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(tv.connection.current.status).toBe('unauthorized');
    expect(hall.service.deviceStatuses().find((device) => device.deviceId === deviceId)?.isOnline).toBe(
      false,
    );
  }, 30_000);
});
