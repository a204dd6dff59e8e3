import { FIRST_ACCOUNT, ensureFirstAccount } from './cli/first-account.ts';
import { startHubServer } from './hub-server.ts';
import { createHubLogger } from './log.ts';
import { loadHubSettings } from './settings.ts';

// `pnpm hub`: one hub process. With no DATABASE_URL it runs its own PostgreSQL in HUB_DATA_DIR.
const settings = loadHubSettings();
const logger = createHubLogger();
const hub = await startHubServer({
  port: settings.port,
  host: settings.host,
  dataDir: settings.dataDir,
  ...(settings.databaseUrl ? { databaseUrl: settings.databaseUrl } : {}),
  publicUrl: settings.publicUrl,
  trustProxy: settings.trustProxy,
  logger,
});
const isFirstAccount = await ensureFirstAccount(hub.accounts);
const lines = [
  '',
  `  Lượt — province hub on port ${hub.port} (${hub.db.embedded ? `embedded PostgreSQL in ${settings.dataDir}` : 'PostgreSQL at DATABASE_URL'})`,
  `  Province console: http://localhost:${hub.port}/province/`,
  '  Add a hall: pnpm hub-admin add-hall --name "<name>"   read-only API token: pnpm hub-admin token',
];
if (isFirstAccount)
  lines.push(
    `  First sign-in: ${FIRST_ACCOUNT.username} / ${FIRST_ACCOUNT.password} (you must change it at once)`,
  );
console.log(`${lines.join('\n')}\n`);

let isStopping = false;
const stop = (signal: string): void => {
  // A second Ctrl-C while closing must not kill the hub before its PostgreSQL has stopped.
  if (isStopping) return;
  isStopping = true;
  logger.info({ signal }, 'hub stopping');
  hub.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
