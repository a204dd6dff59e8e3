// A hub in its own process, for tests that kill it with SIGKILL (faults.test.ts) and for benchmarks.
//   node --import tsx hub/test/support/hub-child.ts      env: DATABASE_URL or HUB_DATA_DIR, HUB_PORT (0)
// Prints `READY <port>` once it listens.
import { startHubServer } from '../../src/hub-server.ts';
import { silentHubLogger } from '../../src/log.ts';

const hub = await startHubServer({
  port: Number(process.env.HUB_PORT ?? 0),
  host: '127.0.0.1',
  dataDir: process.env.HUB_DATA_DIR ?? '/nonexistent-unused',
  ...(process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL } : {}),
  logger: silentHubLogger(),
  rollupIntervalMs: Number(process.env.HUB_ROLLUP_MS ?? 0),
  authAttemptsPerMinute: 1_000,
});
process.stdout.write(`READY ${hub.port}\n`);
process.on('SIGTERM', () => {
  void hub.close().then(() => process.exit(0));
});
