import type pg from 'pg';
import type { Logger } from 'pino';
import type { HallConfig } from '@luot/shared/domain';
import { countsOf, encodeDurations, factsOf, groupFacts } from './facts.ts';

/** Days rolled up per transaction. */
const DAYS_PER_RUN = 50;

/**
 * Daily rollups: once a hall's business day is over (the hall has moved to a later one), its tickets are
 * summed per service into `daily_rollups` with the shared report code, so a year's province report
 * reads ≈ 300,000 small rows instead of 16 million tickets. A day is rolled up again whenever a ticket
 * of it changes (a late rating): the ingest marks it dirty. Any hub process may run this; dirty days are
 * taken with SKIP LOCKED, so two never work on the same day.
 */
export class RollupWorker {
  constructor(
    private readonly pool: pg.Pool,
    private readonly logger: Logger,
  ) {}

  /** Roll up every finished dirty day; returns how many days were rolled up. */
  async runOnce(): Promise<number> {
    let total = 0;
    for (;;) {
      const done = await this.runBatch();
      total += done;
      if (done < DAYS_PER_RUN) return total;
    }
  }

  private async runBatch(): Promise<number> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const { rows: dirty } = await client.query<{
        hall_id: string;
        business_day: string;
        config: HallConfig | null;
      }>(
        `SELECT d.hall_id, d.business_day, h.config FROM rollup_dirty d JOIN halls h ON h.id = d.hall_id
         WHERE h.business_day IS NOT NULL AND d.business_day < h.business_day
         ORDER BY d.hall_id, d.business_day
         LIMIT ${DAYS_PER_RUN} FOR UPDATE OF d SKIP LOCKED`,
      );
      if (dirty.length === 0) {
        await client.query('COMMIT');
        return 0;
      }
      const hallIds = dirty.map((row) => row.hall_id);
      const days = dirty.map((row) => row.business_day);
      const { tickets, ratings } = await factsOf(client, hallIds, days);
      const configs = new Map(dirty.map((row) => [row.hall_id, row.config]));
      const groups = groupFacts(tickets, ratings, configs);
      await client.query(
        `DELETE FROM daily_rollups r USING unnest($1::text[], $2::text[]) AS p(hall_id, business_day)
         WHERE r.hall_id = p.hall_id AND r.business_day = p.business_day`,
        [hallIds, days],
      );
      if (groups.length > 0) {
        await client.query(
          `INSERT INTO daily_rollups (hall_id, business_day, service_id, counts, waits, services)
           SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::jsonb[], $5::bytea[], $6::bytea[])`,
          [
            groups.map((group) => group.hallId),
            groups.map((group) => group.businessDay),
            groups.map((group) => group.serviceId),
            groups.map((group) => JSON.stringify(countsOf(group.figures))),
            groups.map((group) => encodeDurations(group.figures.waits)),
            groups.map((group) => encodeDurations(group.figures.services)),
          ],
        );
      }
      await client.query(
        `DELETE FROM rollup_dirty d USING unnest($1::text[], $2::text[]) AS p(hall_id, business_day)
         WHERE d.hall_id = p.hall_id AND d.business_day = p.business_day`,
        [hallIds, days],
      );
      await client.query('COMMIT');
      this.logger.debug({ days: dirty.length, groups: groups.length }, 'days rolled up');
      return dirty.length;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}
