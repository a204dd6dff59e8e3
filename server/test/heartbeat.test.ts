import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceStatus } from '@luot/shared/contracts';
import { PROTOCOL_VERSION } from '@luot/shared/contracts';
import type { TestClient } from './helpers.ts';
import { pairAndConnect, startTestHall, waitFor } from './helpers.ts';

// The device runs in its own process so that SIGSTOP freezes it exactly like a hung display PC.
const clientModule = createRequire(import.meta.url).resolve('socket.io-client');
const deviceScript = `
  const { io } = require(${JSON.stringify(clientModule)});
  const socket = io(process.env.URL, { auth: { token: process.env.TOKEN, protocolVersion: ${PROTOCOL_VERSION} },
    transports: ['websocket'], reconnectionDelay: 200, reconnectionDelayMax: 500 });
  socket.on('hall:snapshot', () => console.log('SNAPSHOT'));
`;

describe('heartbeat', () => {
  let hall: Awaited<ReturnType<typeof startTestHall>>;
  let manager: TestClient;
  beforeAll(async () => {
    hall = await startTestHall();
    manager = await pairAndConnect(hall, 'manager');
  });
  afterAll(async () => {
    manager.close();
    await hall.dispose();
  });

  it('marks a frozen display offline within 15 s and online again when it resumes', async () => {
    const { token, deviceId } = hall.registerDevice('display', 'Màn hình sảnh');
    const statuses: { isOnline: boolean; at: number }[] = [];
    manager.socket.on('device:status', (status: DeviceStatus) => {
      if (status.deviceId === deviceId) statuses.push({ isOnline: status.isOnline, at: Date.now() });
    });
    const child = spawn(process.execPath, ['-e', deviceScript], {
      env: { ...process.env, URL: hall.url, TOKEN: token },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let snapshots = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      snapshots += chunk.toString().split('SNAPSHOT').length - 1;
    });
    try {
      await waitFor(() => statuses.some((status) => status.isOnline), 10_000, 'the display to come online');
      const frozenAt = Date.now();
      child.kill('SIGSTOP');
      await waitFor(
        () => statuses.at(-1)?.isOnline === false,
        16_000,
        'the frozen display to be marked offline',
      );
      expect(statuses.at(-1)!.at - frozenAt).toBeLessThanOrEqual(15_000);
      child.kill('SIGCONT');
      await waitFor(
        () => statuses.at(-1)?.isOnline === true && snapshots >= 2,
        10_000,
        'the display to resync',
      );
    } finally {
      child.kill('SIGKILL');
    }
  }, 45_000);
});
