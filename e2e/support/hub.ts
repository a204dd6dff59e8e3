import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { HubServer } from '@luot/hub/hub-server';
import { startHubServer } from '@luot/hub/hub-server';
import { silentLogger } from '@luot/server/log';

/**
 * A real province hub for the browser tests: its own embedded PostgreSQL in a temporary folder (as an
 * unprivileged user when the tests run as root), the hub on a free port; all removed by `dispose`.
 */
export async function startE2eHub(): Promise<HubServer & { dispose: () => Promise<void> }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'luot-e2e-hub-'));
  const hub = await startHubServer({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    logger: silentLogger,
    rollupIntervalMs: 0,
    authAttemptsPerMinute: 1_000,
  });
  return Object.assign(hub, {
    dispose: async () => {
      await hub.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  });
}
