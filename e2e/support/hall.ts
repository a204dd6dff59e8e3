import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import type { ClientToServerEvents, DeviceKind, ServerToClientEvents } from '@luot/shared/contracts';
import { PROTOCOL_VERSION } from '@luot/shared/contracts';
import type { CounterId } from '@luot/shared/domain';
import type { HallServer, HallServerOptions } from '@luot/server/hall-server';
import { startHallServer } from '@luot/server/hall-server';
import { silentLogger } from '@luot/server/log';

/** A real hall server on a free port with a fresh SQLite file, seeded with the demo hall (LUOT_DEMO=1). */
export async function startE2eHall(
  options: Partial<HallServerOptions> = {},
): Promise<HallServer & { dispose: () => Promise<void> }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'luot-e2e-'));
  const server = await startHallServer({
    dataDir: dir,
    port: 0,
    host: '127.0.0.1',
    logger: silentLogger,
    kioskIssueLimit: { burst: 1_000, perMinute: 10_000 },
    // The browser tests use the demo hall (clerks canbo1…8, PIN 1234; manager admin/admin), as LUOT_DEMO=1.
    seedDemo: true,
    ...options,
  });
  return Object.assign(server, {
    dispose: async () => {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  });
}

/** A Node-side device (e.g. a kiosk issuing tickets while the browser shows a counter). */
export async function nodeDevice(
  server: HallServer,
  kind: DeviceKind,
  counterId: CounterId | null = null,
): Promise<Socket<ServerToClientEvents, ClientToServerEvents>> {
  const { token } = server.registerDevice(kind, `${kind} (test)`, counterId);
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(server.url, {
    auth: { token, protocolVersion: PROTOCOL_VERSION },
    transports: ['websocket'],
    forceNew: true,
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('hall:snapshot', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

let counter = 0;
/** A unique requestId for Node-side commands. */
export const e2eRequestId = (): string => `e2e-${Date.now().toString(36)}-${(counter += 1)}`;
