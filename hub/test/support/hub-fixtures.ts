import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import type { VersionedEvent } from '@luot/shared/domain';
import type { HallReport } from '@luot/shared/reports';
import { computeReport } from '@luot/shared/reports';
import type { HallServer } from '../../../server/src/hall-server.ts';
import { AdminStore } from '../../../server/src/db/admin-store.ts';
import type { HubServer } from '../../src/hub-server.ts';
import { startHubServer } from '../../src/hub-server.ts';
import { silentHubLogger } from '../../src/log.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The test cluster's maintenance database URL (global-postgres.ts; each test file makes its own database). */
    postgresUrl: string;
  }
}

/** A new, empty database in the test cluster (one per test file or case), as a connection URL. */
export async function freshDatabaseUrl(): Promise<string> {
  const base = inject('postgresUrl');
  const name = `hubtest_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client(base);
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A hub process in this test process, on port 0, against a test database. */
export function startTestHub(
  databaseUrl: string,
  options: { publicUrl?: string; now?: () => number } = {},
): Promise<HubServer> {
  return startHubServer({
    port: 0,
    host: '127.0.0.1',
    dataDir: '/nonexistent-unused',
    databaseUrl,
    logger: silentHubLogger(),
    rollupIntervalMs: 0,
    publicUrl: options.publicUrl ?? null,
    ...(options.now ? { now: options.now } : {}),
    authAttemptsPerMinute: 1_000,
  });
}

/** Shipper timings for tests: the hall's minutes compressed into a few seconds. */
export const FAST_SHIPPING = {
  settleMs: 20,
  heartbeatMs: 500,
  initialBackoffMs: 50,
  maxBackoffMs: 400,
  requestTimeoutMs: 1_500,
  freshMs: 5_000,
} as const;

/** The hub's copy of a hall's log, version order. */
export async function hubEvents(pool: pg.Pool, hallId: string): Promise<VersionedEvent[]> {
  const { rows } = await pool.query<{ body: VersionedEvent }>(
    'SELECT body FROM events WHERE hall_id = $1 ORDER BY version',
    [hallId],
  );
  return rows.map((row) => row.body);
}

/** The hall's own log, version order (read from its SQLite file). */
export function hallEvents(hall: Pick<HallServer, 'store'>): VersionedEvent[] {
  return hall.store.eventsSince(0, 10_000_000);
}

/** The hall's own report for a period, exactly as its manager console computes it. */
export function hallOwnReport(
  hall: Pick<HallServer, 'store' | 'service'>,
  from: string,
  to: string,
  targetWaitMinutes = 30,
): HallReport {
  const admin = new AdminStore(hall.store.db);
  return computeReport({
    from,
    to,
    config: hall.service.hallConfig,
    tickets: admin.ticketFacts(from, to),
    ratings: admin.ratingFacts(from, to),
    targetWaitMinutes,
    now: 0,
  });
}

/** Wait until a condition holds (polling), or fail after a timeout. */
export async function eventually<T>(
  check: () => Promise<T | undefined | false> | T | undefined | false,
  timeoutMs: number,
  what: string,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}${last instanceof Error ? `: ${last.message}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The shipped version of a hall as the hub holds it. */
export async function shippedVersion(pool: pg.Pool, hallId: string): Promise<number> {
  const { rows } = await pool.query<{ shipped_version: number }>(
    'SELECT shipped_version FROM halls WHERE id = $1',
    [hallId],
  );
  return rows[0]?.shipped_version ?? -1;
}
