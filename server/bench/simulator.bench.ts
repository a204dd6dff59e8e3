// The policy simulator on a busy day (issue #13: "takes seconds for a busy day, not minutes"): a day of
// about 450 tickets driven through the real hall path into a SQLite file, then the simulation of that
// day timed three ways — the pure replay on this thread, the same job on the analysis worker as the
// console runs it (with the main thread's event-loop delay meanwhile), and a week of such days.
//   pnpm bench --only simulator       (or: pnpm --filter @luot/server exec tsx bench/simulator.bench.ts)
import BetterSqlite3 from 'better-sqlite3';
import { availableParallelism, loadavg } from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { recordedSetup } from '@luot/shared/simulation';
import { DATABASE_FILE } from '../src/db/open.ts';
import { AnalysisWorker } from '../src/reports/analysis-worker.ts';
import { recordedDays, runSimulationJob } from '../src/reports/analysis-jobs.ts';
import { reportWorkerEntry } from '../src/worker-files.ts';
import { tempDataDir } from '../test/helpers.ts';
import { generateHallDays } from '../test/support/generated-days.ts';

const DAYS = 5;
const data = tempDataDir('luot-simulator-bench-');
const databaseFile = path.join(data.dir, DATABASE_FILE);
const seeding = performance.now();
const generated = await generateHallDays(databaseFile, { days: DAYS, ticketsPerDay: 450, seed: 20261206 });
console.log(
  `generated ${generated.tickets} tickets over ${DAYS} days through the real hall path in ${Math.round(performance.now() - seeding)} ms`,
);
const db = new BetterSqlite3(databaseFile, { readonly: true });
const day = generated.days[0]!;
const setup = {
  ...recordedSetup(generated.config, recordedDays(db, generated.config, day, day)[0]!),
  serviceTimes: 'sampled' as const,
};
const job = {
  kind: 'simulate' as const,
  from: day,
  to: day,
  targetWaitMinutes: 30,
  config: generated.config,
  setup,
};

const samples: number[] = [];
const cpu: number[] = [];
for (let run = 0; run < 5; run += 1) {
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  runSimulationJob(db, job);
  const used = process.cpuUsage(cpuStarted);
  samples.push(performance.now() - started);
  cpu.push((used.user + used.system) / 1000);
}
samples.sort((a, b) => a - b);
cpu.sort((a, b) => a - b);
// CPU time beside wall time: on a loaded machine the wall time is mostly waiting for a core.
console.log(
  `one busy day (${generated.tickets / DAYS} tickets), on this thread: median ${Math.round(samples[2]!)} ms wall ` +
    `(min ${Math.round(samples[0]!)}, max ${Math.round(samples[4]!)}), median ${Math.round(cpu[2]!)} ms of CPU; ` +
    `load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores`,
);

const week = performance.now();
runSimulationJob(db, { ...job, to: generated.days.at(-1)! });
console.log(`${DAYS} busy days, on this thread: ${Math.round(performance.now() - week)} ms`);

const worker = new AnalysisWorker(databaseFile, reportWorkerEntry());
await worker.run(job); // started and warm, as after the console's first run
const delay = monitorEventLoopDelay({ resolution: 10 });
delay.enable();
const onWorker = performance.now();
await worker.run(job);
const workerMs = performance.now() - onWorker;
delay.disable();
console.log(
  `one busy day on the analysis worker: ${Math.round(workerMs)} ms; main thread's event-loop delay meanwhile: max ${(delay.max / 1e6).toFixed(1)} ms, p99 ${(delay.percentile(99) / 1e6).toFixed(1)} ms`,
);
await worker.close();
db.close();
data.remove();
