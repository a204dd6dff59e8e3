import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { DeviceStatus } from '@luot/shared/contracts';
import { PROTOCOL_VERSION } from '@luot/shared/contracts';
import type { TestClient } from './helpers.ts';
import { pairAndConnect, requestId, startTestHall, waitFor } from './helpers.ts';

// The device runs in its own process so that SIGSTOP freezes it exactly like a hung display PC or a
// kiosk whose app hangs. It keeps the hall version it holds (snapshot, then changes; a gap asks for a
// snapshot) and prints it, so the test can tell it resynced after it resumes.
const clientModule = createRequire(import.meta.url).resolve('socket.io-client');
const deviceScript = `
  const { io } = require(${JSON.stringify(clientModule)});
  const socket = io(process.env.URL, { auth: { token: process.env.TOKEN, protocolVersion: ${PROTOCOL_VERSION} },
    transports: ['websocket'], reconnectionDelay: 200, reconnectionDelayMax: 500 });
  let held = 0;
  const hold = (version) => { held = version; console.log('VERSION ' + held); };
  socket.on('hall:snapshot', (snapshot) => { console.log('SNAPSHOT'); hold(snapshot.version); });
  socket.on('hall:changes', (changes) => {
    if (changes.toVersion <= held) return;
    if (changes.fromVersion > held) socket.emit('sync:snapshot', {}, (ack) => ack.ok && hold(ack.value.version));
    else hold(changes.toVersion);
  });
`;

/** The bound: a frozen device is marked offline within 15 s. */
const OFFLINE_BOUND_MS = 15_000;

// Windows has no SIGSTOP/SIGCONT (Node can only terminate a process there), so a frozen device cannot be
// made on Windows; the heartbeat itself is the same code on every OS.
describe.skipIf(process.platform === 'win32')('heartbeat (not on Windows: needs SIGSTOP)', () => {
  let hall: Awaited<ReturnType<typeof startTestHall>>;
  let manager: TestClient;
  let kiosk: TestClient;
  beforeAll(async () => {
    hall = await startTestHall();
    manager = await pairAndConnect(hall, 'manager');
    kiosk = await pairAndConnect(hall, 'kiosk');
  });
  afterAll(async () => {
    manager.close();
    kiosk.close();
    await hall.dispose();
  });

  // Both kinds run at once: the waits are the server's heartbeat, not CPU.
  it.concurrent.for(['display', 'kiosk'] as const)(
    'marks a frozen %s offline within 15 s, and online and resynced when it resumes',
    { timeout: 45_000 },
    async (kind, { expect }) => {
      const { token, deviceId } = hall.registerDevice(kind, `${kind} frozen`);
      const statuses: { isOnline: boolean; at: number }[] = [];
      manager.socket.on('device:status', (status: DeviceStatus) => {
        if (status.deviceId === deviceId) statuses.push({ isOnline: status.isOnline, at: Date.now() });
      });
      const child = spawn(process.execPath, ['-e', deviceScript], {
        env: { ...process.env, URL: hall.url, TOKEN: token },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let snapshots = 0;
      let held = 0;
      let pending = '';
      child.stdout.setEncoding('utf8');
      child.stdout.on('data', (chunk: string) => {
        const lines = (pending + chunk).split('\n');
        pending = lines.pop() ?? '';
        for (const line of lines) {
          if (line === 'SNAPSHOT') snapshots += 1;
          else if (line.startsWith('VERSION ')) held = Number(line.slice('VERSION '.length));
        }
      });
      try {
        await waitFor(() => statuses.some((status) => status.isOnline), 10_000, `the ${kind} to come online`);
        const frozenAt = Date.now();
        child.kill('SIGSTOP');
        // The hall moves on while the device is frozen.
        for (let index = 0; index < 3; index += 1) {
          const ack = await kiosk.send('ticket:issue', { requestId: requestId(), serviceId: 'ho-tich' });
          expect(ack.ok).toBe(true);
        }
        await waitFor(
          () => statuses.at(-1)?.isOnline === false,
          OFFLINE_BOUND_MS + 2_000,
          `the frozen ${kind} to be marked offline`,
        );
        const offlineAfterMs = statuses.at(-1)!.at - frozenAt;
        expect(offlineAfterMs).toBeLessThanOrEqual(OFFLINE_BOUND_MS);
        const resumedAt = Date.now();
        child.kill('SIGCONT');
        await waitFor(
          () => statuses.at(-1)?.isOnline === true && snapshots >= 2 && held === hall.service.state.version,
          10_000,
          `the ${kind} to come back and resync`,
        );
        // Its replica reached what the hall did while it was frozen.
        expect(held).toBe(hall.service.state.version);
        console.info(
          `heartbeat: frozen ${kind} offline after ${offlineAfterMs} ms, back and resynced ${Date.now() - resumedAt} ms after SIGCONT`,
        );
      } finally {
        child.kill('SIGKILL');
      }
    },
  );
});
