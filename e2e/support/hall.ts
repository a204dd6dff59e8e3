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

/**
 * A Node-side device (e.g. a kiosk issuing tickets while the browser shows a counter); a manager
 * connects with a console session of a new account, as there are no manager devices.
 */
export async function nodeDevice(
  server: HallServer,
  kind: DeviceKind | 'manager',
  counterId: CounterId | null = null,
  /** The hall CA a device trusts when the hall runs HTTPS (`luot tls init`). */
  trust: { readonly ca?: string } = {},
): Promise<Socket<ServerToClientEvents, ClientToServerEvents>> {
  const token =
    kind === 'manager'
      ? await managerToken(server)
      : server.registerDevice(kind, `${kind} (test)`, counterId).token;
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(server.url, {
    auth: { token, protocolVersion: PROTOCOL_VERSION },
    transports: ['websocket'],
    forceNew: true,
    ...(trust.ca === undefined ? {} : { ca: trust.ca }),
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('hall:snapshot', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

let managers = 0;
async function managerToken(server: HallServer): Promise<string> {
  managers += 1;
  const password = `mat-khau-e2e-${managers}-dai`;
  await server.accounts.create(`quan-ly-e2e-${managers}`, `Quản lý ${managers}`, password, false);
  const login = await server.accounts.login(`quan-ly-e2e-${managers}`, password);
  if (!login.ok) throw new Error(`test manager sign-in refused: ${login.code}`);
  return login.token;
}

let counter = 0;
/** A unique requestId for Node-side commands. */
export const e2eRequestId = (): string => `e2e-${Date.now().toString(36)}-${(counter += 1)}`;
