// The long soak: twice a busy hall's peak for 30 minutes (soak-run.ts), one row a minute, then the
// checks: no memory growth after the warm-up, a bounded WAL, steady latency, and a clean history.
//
//   pnpm bench --soak-minutes 30                  (scripts/bench.mjs; `--only soak` runs the soak alone)
//   pnpm exec tsx server/bench/soak.ts [--minutes 30] [--warmup-minutes 5] [--speed 10] [--warmup-speed 120]
//        [--day-tickets 220] [--sample-seconds 60] [--seed N] [--json out.json]
//
// A missed check fails the run (exit code 1).
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { machineLine } from './bench-support.ts';
import type { SoakRow } from './soak-run.ts';
import { SOAK_HALL, SOAK_TARGETS, runSoak, soakChecks } from './soak-run.ts';

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '30' },
    'warmup-minutes': { type: 'string', default: '5' },
    speed: { type: 'string', default: '10' },
    // The warm-up runs twelve times faster: the hall lives through its first days and its database grows
    // past the 4 MB page cache (db/open.ts) before memory is measured, as in a hall that has been
    // running for a while.
    'warmup-speed': { type: 'string', default: '120' },
    // Twice an average district hall's day (≈ 110 dossiers): a day ends after this many tickets, the
    // counters serve the rest, the clock jumps to the next day. 0: one business day for the whole run.
    'day-tickets': { type: 'string', default: '220' },
    'sample-seconds': { type: 'string', default: '60' },
    seed: { type: 'string', default: '20261129' },
    json: { type: 'string' },
  },
});
const positive = (name: string, text: string): number => {
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0)
    throw new Error(`--${name} must be a positive number, got ${text}`);
  return value;
};
const minutes = positive('minutes', values.minutes);
const warmupMinutes = positive('warmup-minutes', values['warmup-minutes']);
const speed = positive('speed', values.speed);
const warmupSpeed = positive('warmup-speed', values['warmup-speed']);
const sampleSeconds = positive('sample-seconds', values['sample-seconds']);
const dayTickets = values['day-tickets'] === '0' ? undefined : positive('day-tickets', values['day-tickets']);

const f = (ms: number): string => `${ms.toFixed(1).padStart(6)} ms`;
const rowLine = (row: SoakRow): string =>
  `  ${(row.isWarmup ? 'warm-up' : `${(row.at / 60).toFixed(1)} min`).padStart(9)}  ` +
  `RSS ${row.rssMb.toFixed(1).padStart(6)} MB  heap ${row.heapMb.toFixed(1).padStart(5)} MB  ` +
  `WAL ${(row.walBytes / 1024 / 1024).toFixed(2).padStart(5)} MB  db ${(row.databaseBytes / 1024 / 1024).toFixed(1).padStart(5)} MB  ` +
  `day ${String(row.rollovers + 1).padStart(2)}  loop p99 ${f(row.loopDelayMs.p99)} max ${f(row.loopDelayMs.max)}  ` +
  `issue p99 ${f(row.issue.p99)}  call p99 ${f(row.call.p99)} (n=${row.call.count})  ${row.issued} issued`;

/** The largest RSS and heap of the rows of each business day: flat peaks mean memory comes back. */
const perDay = (rows: readonly SoakRow[]): string => {
  const days = new Map<number, { rss: number; heap: number }>();
  for (const row of rows) {
    const day = days.get(row.rollovers) ?? { rss: 0, heap: 0 };
    days.set(row.rollovers, { rss: Math.max(day.rss, row.rssMb), heap: Math.max(day.heap, row.heapMb) });
  }
  return [...days]
    .map(([rollovers, day]) => `day ${rollovers + 1} ${day.rss.toFixed(1)} / ${day.heap.toFixed(1)} MB`)
    .join(', ');
};

console.log(
  `Soak: ${SOAK_HALL.counters} counters, ${SOAK_HALL.displays} displays, ${SOAK_HALL.kiosks} kiosk at ` +
    `${SOAK_HALL.peakMultiple}× a busy hall's peak, time ×${speed}; ${minutes} min measured after ${warmupMinutes} min warm-up at ×${warmupSpeed}, ` +
    `${dayTickets === undefined ? 'one business day' : `a business day every ${dayTickets} tickets`}, a row every ${sampleSeconds} s`,
);
console.log(`  ${machineLine()}`);
const seed = Number(values.seed);
const result = await runSoak({
  minutes,
  warmupMinutes,
  speed,
  warmupSpeed,
  sampleSeconds,
  dayTickets,
  seed,
  onRow: (row) => console.log(`${rowLine(row)}  (live; latency in the table below)`),
});
const checks = soakChecks(result, SOAK_TARGETS);
console.log(
  [
    '  rows (after the run, with latency):',
    ...result.rows.map(rowLine),
    `  load: ${result.counts.issued} issued, ${result.counts.calls} calls, ${result.counts.commands} commands, ` +
      `${result.counts.queueEmpty} empty-queue calls, ${result.counts.rollovers} business days begun; measured rate ${result.timesPeak.issue.toFixed(1)}× (issues) and ` +
      `${result.timesPeak.call.toFixed(1)}× (calls) a busy hall's peak`,
    `  per business day after the warm-up (RSS / heap after GC, largest sample): ${perDay(result.measured)}`,
    `  issue → ack                p50 ${f(result.latency.issue.p50)}   p99 ${f(result.latency.issue.p99)}   max ${f(result.latency.issue.max)}   (n=${result.latency.issue.count})`,
    `  call → last display        p50 ${f(result.latency.call.p50)}   p99 ${f(result.latency.call.p99)}   max ${f(result.latency.call.max)}   (n=${result.latency.call.count})`,
    ...checks.map((check) => `  ${check.isMet ? 'met   ' : 'MISSED'} ${check.name}: ${check.figure}`),
    ...result.violations.slice(0, 20).map((violation) => `  VIOLATION ${violation}`),
    `  seed ${result.seed}`,
  ].join('\n'),
);
if (values.json) writeFileSync(values.json, `${JSON.stringify({ ...result, checks }, null, 2)}\n`);
process.exit(checks.every((check) => check.isMet) ? 0 : 1);
