import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../../src/db/embedded-postgres.ts';

/**
 * The hub's tests run against a real PostgreSQL: the embedded one, started here once for the run (as
 * an unprivileged user when the run is root, as in CI) in a temporary folder, stopped and removed after.
 */
export async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'luot-hub-test-pg-'));
  const postgres = await startEmbeddedPostgres({
    dataDir,
    database: 'postgres',
    // Tests create and drop many databases; nothing here needs to survive a power cut.
    settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off', max_connections: '300' },
  });
  project.provide('postgresUrl', postgres.url);
  return async () => {
    await postgres.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
