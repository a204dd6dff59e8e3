import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { ReadyChild } from '../../server/test/support/hall-child-process.ts';
import type { EmbeddedPostgres } from '../src/db/embedded-postgres.ts';
import { startEmbeddedPostgres } from '../src/db/embedded-postgres.ts';
import { migrate } from '../src/db/migrations.ts';
import { startHubChild } from '../test/support/hub-child-process.ts';

/**
 * A real hub for a benchmark: the embedded PostgreSQL with its production settings (fsync on, the
 * defaults a hub gets with no DATABASE_URL) in a temporary folder, and a hub process of its own.
 */
export async function startBenchHub(): Promise<{
  readonly postgres: EmbeddedPostgres;
  readonly pool: pg.Pool;
  readonly hub: ReadyChild & { url: string };
  stop(): Promise<void>;
}> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'luot-hub-bench-'));
  const postgres = await startEmbeddedPostgres({ dataDir });
  const pool = new pg.Pool({ connectionString: postgres.url, max: 4 });
  const client = await pool.connect();
  await migrate(client);
  client.release();
  const hub = await startHubChild({ DATABASE_URL: postgres.url });
  return {
    postgres,
    pool,
    hub,
    stop: async () => {
      await hub.kill();
      await pool.end();
      await postgres.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** p50 / p99 / max of samples, rounded to 0.1. */
export function percentiles(samples: readonly number[]): {
  n: number;
  p50: number;
  p99: number;
  max: number;
} {
  const sorted = Float64Array.from(samples).sort();
  const at = (p: number): number =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
  const round = (value: number): number => Math.round(value * 10) / 10;
  return { n: sorted.length, p50: round(at(50)), p99: round(at(99)), max: round(sorted.at(-1) ?? 0) };
}
