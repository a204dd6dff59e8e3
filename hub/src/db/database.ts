import pg from 'pg';
import type { EmbeddedPostgres } from './embedded-postgres.ts';
import { startEmbeddedPostgres } from './embedded-postgres.ts';
import { migrate } from './migrations.ts';

// bigint columns (versions, epoch ms) arrive as strings by default; every value the hub stores fits in a
// double (versions and epoch ms are far below 2^53), so read them as numbers.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

/** The hub's connection to PostgreSQL and, without DATABASE_URL, the embedded server it runs. */
export interface HubDatabase {
  readonly pool: pg.Pool;
  readonly url: string;
  readonly embedded: EmbeddedPostgres | null;
  readonly schemaVersion: number;
  close(options?: { keepEmbedded?: boolean }): Promise<void>;
}

/**
 * Connect to `databaseUrl`, or start the embedded PostgreSQL in `dataDir` when there is none; migrate.
 * `poolSize` connections at most (each batch of a hall holds one for its transaction).
 */
export async function openHubDatabase(options: {
  readonly databaseUrl?: string;
  readonly dataDir: string;
  readonly poolSize?: number;
  readonly onLog?: (line: string) => void;
}): Promise<HubDatabase> {
  const embedded = options.databaseUrl
    ? null
    : await startEmbeddedPostgres({
        dataDir: options.dataDir,
        ...(options.onLog ? { onLog: options.onLog } : {}),
      });
  const url = options.databaseUrl ?? embedded!.url;
  const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10 });
  // An idle connection the server dropped (restart, failover) must not crash the hub.
  pool.on('error', (error) => options.onLog?.(`idle connection error: ${error.message}`));
  let schemaVersion: number;
  try {
    const client = await pool.connect();
    try {
      schemaVersion = (await migrate(client)).to;
    } finally {
      client.release();
    }
  } catch (error) {
    await pool.end();
    await embedded?.stop();
    throw error;
  }
  return {
    pool,
    url,
    embedded,
    schemaVersion,
    close: async ({ keepEmbedded = false } = {}) => {
      await pool.end();
      if (!keepEmbedded) await embedded?.stop();
    },
  };
}
