// `pnpm bench --only province-report`: a year of a province (100 halls × 365 days × 440 tickets ≈ 16
// million tickets, ≈ 60 % of the served ones rated) generated in a real PostgreSQL (embedded, fsync on),
// rolled up by the hub's own RollupWorker, then the province report for the whole year (and a month, and
// one hall's year) timed through the hub's own provinceReport.
// Options: --halls 100 --days 365 --tickets-per-day 440 --runs 3
import { parseArgs } from 'node:util';
import pg from 'pg';
import { machineLine, runBenchMain } from '../../server/bench/bench-support.ts';
import { demoHallConfig } from '../../server/src/app/demo-hall.ts';
import { provinceReport } from '../src/app/province-report.ts';
import { RollupWorker } from '../src/app/rollups.ts';
import { silentHubLogger } from '../src/log.ts';
import '../src/db/database.ts';
import { percentiles, startBenchHub } from './hub-support.ts';

const { values } = parseArgs({
  options: {
    halls: { type: 'string', default: '100' },
    days: { type: 'string', default: '365' },
    'tickets-per-day': { type: 'string', default: '440' },
    runs: { type: 'string', default: '3' },
  },
});
const halls = Number(values.halls);
const days = Number(values.days);
const perDay = Number(values['tickets-per-day']);
const runs = Number(values.runs);
const FIRST_DAY = '2026-01-01';

let stopAll: (() => Promise<void>) | undefined;

const dayOf = (offset: number): string =>
  new Date(Date.parse(`${FIRST_DAY}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);

async function main(): Promise<number> {
  console.log(machineLine());
  const bench = await startBenchHub();
  stopAll = bench.stop;
  await bench.hub.kill();
  const pool = new pg.Pool({ connectionString: bench.postgres.url, max: 2 });
  const config = demoHallConfig();
  const services = config.services.map((service) => service.id);
  const generated = performance.now();
  for (let hall = 0; hall < halls; hall += 1) {
    const hallId = `hall-${String(hall + 1).padStart(3, '0')}`;
    await pool.query('INSERT INTO halls (id, name, config, business_day) VALUES ($1, $2, $3, $4)', [
      hallId,
      `Trung tâm ${hall + 1}`,
      JSON.stringify(config),
      dayOf(days),
    ]);
    // A year of tickets of one hall in one statement: a business day each 8 hours of opening, waits of
    // 0–60 minutes, services of 2–20 minutes; 86 % served, 6 % no-show, 5 % expired, 3 % cancelled.
    await pool.query(
      `INSERT INTO tickets (hall_id, id, business_day, number, issued_service_id, service_id, status, priority_group_id,
         issued_at, queued_at, first_called_at, started_at, completed_at, counter_id, clerk_id, transfer_count, body)
       SELECT $1, g.n, to_char(($2::date + (g.n / $3)::int), 'YYYY-MM-DD'), 'A' || (g.n % $3), s.id, s.id,
              CASE WHEN r.x < 0.86 THEN 'done' WHEN r.x < 0.92 THEN 'no_show' WHEN r.x < 0.97 THEN 'expired' ELSE 'cancelled' END,
              NULL, t.issued, t.issued,
              CASE WHEN r.x < 0.92 THEN t.issued + (r.w * 3600000)::bigint END,
              CASE WHEN r.x < 0.86 THEN t.issued + (r.w * 3600000)::bigint + 30000 END,
              CASE WHEN r.x < 0.86 THEN t.issued + (r.w * 3600000)::bigint + 30000 + (120000 + r.s * 1080000)::bigint END,
              'q' || (1 + g.n % 6), 'cb' || (1 + g.n % 6), (r.x > 0.995)::int, '{}'::jsonb
       FROM generate_series(0, $4::int - 1) AS g(n)
       CROSS JOIN LATERAL (SELECT random() AS x, random() AS w, random() AS s) AS r
       CROSS JOIN LATERAL (SELECT ($5::text[])[1 + g.n % array_length($5::text[], 1)] AS id) AS s
       CROSS JOIN LATERAL (SELECT (extract(epoch FROM ($2::date + (g.n / $3)::int)) * 1000)::bigint + 3600000 + (g.n % $3) * 65000 AS issued) AS t`,
      [hallId, FIRST_DAY, perDay, days * perDay, services],
    );
    await pool.query(
      `INSERT INTO ratings (hall_id, ticket_id, counter_id, clerk_id, rating, reasons, at)
       SELECT hall_id, id, counter_id, clerk_id, 1 + (id % 4)::int, '[]'::jsonb, completed_at
       FROM tickets WHERE hall_id = $1 AND status = 'done' AND id % 10 < 6`,
      [hallId],
    );
    await pool.query(
      `INSERT INTO rollup_dirty (hall_id, business_day)
       SELECT DISTINCT hall_id, business_day FROM tickets WHERE hall_id = $1`,
      [hallId],
    );
    if ((hall + 1) % 10 === 0)
      console.log(`  generated ${hall + 1} halls (${((performance.now() - generated) / 1000) | 0} s)`);
  }
  const total = Number((await pool.query<{ n: string }>('SELECT count(*) AS n FROM tickets')).rows[0]!.n);
  const size = (
    await pool.query<{ size: string }>('SELECT pg_size_pretty(pg_database_size(current_database())) AS size')
  ).rows[0]!.size;
  console.log(
    `generated ${total} tickets in ${((performance.now() - generated) / 1000).toFixed(0)} s (database ${size})`,
  );

  const rollupStart = performance.now();
  const rolled = await new RollupWorker(pool, silentHubLogger()).runOnce();
  console.log(
    `rolled up ${rolled} hall-days with the hub's RollupWorker in ${((performance.now() - rollupStart) / 1000).toFixed(0)} s`,
  );
  await pool.query('VACUUM ANALYZE daily_rollups');

  const time = async (
    label: string,
    period: { from: string; to: string; hallIds?: string[] },
  ): Promise<void> => {
    const samples: number[] = [];
    let issued = 0;
    for (let run = 0; run < runs; run += 1) {
      const started = performance.now();
      const report = await provinceReport(pool, { ...period, targetWaitMinutes: 30 }, Date.now());
      samples.push(performance.now() - started);
      issued = report.total.issued;
    }
    const stats = percentiles(samples);
    console.log(`${label}: ${issued} tickets, median ${stats.p50} ms, worst ${stats.max} ms (${runs} runs)`);
  };
  await time(`year, ${halls} halls`, { from: dayOf(0), to: dayOf(days - 1) });
  await time(`month, ${halls} halls`, { from: dayOf(0), to: dayOf(Math.min(days, 31) - 1) });
  await time('year, one hall', { from: dayOf(0), to: dayOf(days - 1), hallIds: ['hall-001'] });
  await pool.end();
  return 0;
}

await runBenchMain({
  name: 'province report',
  main,
  timeoutMs: 60 * 60_000,
  kill: () => undefined,
  cleanup: async () => {
    await stopAll?.();
  },
});
