// `pnpm bench --only hub-ingest`: 100 simulated halls shipping to one real hub (own process) on a real
// PostgreSQL (embedded, fsync on), with the real hall shipper (HubShipper).
//   1. peak at once: every hall has its busiest two hours waiting (180 visitors) and all ship together:
//      ingest events/s until the hub holds everything;
//   2. sustained: every hall runs at 10× a busy hall's peak in real time: lag p99 from the commit in the
//      hall to the hub's acknowledgement (the events are then visible in the hub);
//   3. catch-up: one hall ships a week (7 busy days of 450 visitors) after a week cut off.
// Options: --halls 100 --peak-visitors 180 --seconds 60 --multiple 10 --week-visitors 3150
import { parseArgs } from 'node:util';
import { machineLine, peakRatePerSecond, runBenchMain, sleep } from '../../server/bench/bench-support.ts';
import { HubShipper } from '../../server/src/hub-link/hub-shipper.ts';
import { silentLogger } from '../../server/src/log.ts';
import { HallRegistry } from '../src/app/halls.ts';
import { percentiles, startBenchHub } from './hub-support.ts';
import { SimulatedHall, outboxOf } from './simulated-hall.ts';

const { values } = parseArgs({
  options: {
    halls: { type: 'string', default: '100' },
    'peak-visitors': { type: 'string', default: '180' },
    seconds: { type: 'string', default: '60' },
    multiple: { type: 'string', default: '10' },
    'week-visitors': { type: 'string', default: '3150' },
  },
});
const halls = Number(values.halls);
const peakVisitors = Number(values['peak-visitors']);
const seconds = Number(values.seconds);
const multiple = Number(values.multiple);
const weekVisitors = Number(values['week-visitors']);
/** The national load the hub must carry with ten times headroom (docs/HUB.md). */
const NATIONAL_EVENTS_PER_SECOND = 80;

let stopAll: (() => Promise<void>) | undefined;

async function main(): Promise<number> {
  console.log(machineLine());
  const bench = await startBenchHub();
  stopAll = bench.stop;
  const registry = new HallRegistry(bench.pool);
  const keys: { hallId: string; key: string }[] = [];
  for (let index = 0; index < halls + 1; index += 1)
    keys.push(await registry.addHall(`Trung tâm ${index + 1}`));

  // ── 1. the peak at once ──
  const simulated = keys.slice(0, halls).map(() => new SimulatedHall(Date.now));
  for (const hall of simulated) for (let visitor = 0; visitor < peakVisitors; visitor += 1) hall.visit();
  const total = simulated.reduce((sum, hall) => sum + hall.headVersion(), 0);
  const shippers = simulated.map(
    (hall, index) =>
      new HubShipper({ url: bench.hub.url, key: keys[index]!.key }, outboxOf(hall), silentLogger),
  );
  const started = performance.now();
  let acknowledged = 0;
  const allDone = new Promise<void>((resolve) => {
    shippers.forEach((shipper, index) => {
      const head = simulated[index]!.headVersion();
      let isDone = false;
      shipper.onAcknowledged((version) => {
        if (!isDone && version >= head) {
          isDone = true;
          acknowledged += 1;
          if (acknowledged === shippers.length) resolve();
        }
      });
    });
  });
  for (const shipper of shippers) shipper.start();
  await allDone;
  const burstSeconds = (performance.now() - started) / 1000;
  const rate = total / burstSeconds;
  console.log(
    `peak at once: ${halls} halls × ${peakVisitors} visitors = ${total} events in ${burstSeconds.toFixed(1)} s: ` +
      `${Math.round(rate)} events/s ingested (${(rate / NATIONAL_EVENTS_PER_SECOND).toFixed(1)}× the national average of ${NATIONAL_EVENTS_PER_SECOND}/s)`,
  );

  // ── 2. sustained at `multiple` × the peak, lag from commit to acknowledgement ──
  const lags: number[] = [];
  shippers.forEach((shipper, index) => {
    const hall = simulated[index]!;
    let seen = hall.headVersion();
    shipper.onAcknowledged((version) => {
      const now = performance.now();
      for (let v = seen + 1; v <= version; v += 1) {
        const at = hall.committedAt.get(v);
        if (at !== undefined && isMeasuring) lags.push(now - at);
      }
      seen = Math.max(seen, version);
    });
  });
  let isMeasuring = true;
  const visitsPerSecond = peakRatePerSecond(multiple);
  const stopAt = performance.now() + seconds * 1000;
  let visits = 0;
  const before = simulated.reduce((sum, hall) => sum + hall.headVersion(), 0);
  await Promise.all(
    simulated.map(async (hall, index) => {
      const shipper = shippers[index]!;
      // Each hall's visitors on its own random clock (Poisson arrivals), from a random start.
      await sleep(Math.random() * (1000 / visitsPerSecond));
      while (performance.now() < stopAt) {
        hall.visit();
        visits += 1;
        shipper.nudge();
        await sleep(-Math.log(1 - Math.random()) * (1000 / visitsPerSecond));
      }
    }),
  );
  const sustainedEvents = simulated.reduce((sum, hall) => sum + hall.headVersion(), 0) - before;
  await sleep(3_000);
  isMeasuring = false;
  const lag = percentiles(lags);
  console.log(
    `sustained ${multiple}× peak for ${seconds} s: ${visits} visitors, ${sustainedEvents} events (${(sustainedEvents / seconds).toFixed(0)} events/s); ` +
      `lag commit → hub p50 ${lag.p50} ms, p99 ${lag.p99} ms, max ${lag.max} ms (n = ${lag.n})`,
  );
  await Promise.all(shippers.map((shipper) => shipper.stop()));

  // ── 3. one hall catching up a week ──
  const weekHall = new SimulatedHall(Date.now);
  for (let visitor = 0; visitor < weekVisitors; visitor += 1) weekHall.visit();
  const weekShipper = new HubShipper(
    { url: bench.hub.url, key: keys[halls]!.key },
    outboxOf(weekHall),
    silentLogger,
  );
  const weekStart = performance.now();
  await new Promise<void>((resolve) => {
    weekShipper.onAcknowledged((version) => {
      if (version >= weekHall.headVersion()) resolve();
    });
    weekShipper.start();
  });
  const weekSeconds = (performance.now() - weekStart) / 1000;
  await weekShipper.stop();
  console.log(
    `catch-up: one hall's week (${weekVisitors} visitors, ${weekHall.headVersion()} events) in ${weekSeconds.toFixed(1)} s ` +
      `(${Math.round(weekHall.headVersion() / weekSeconds)} events/s, batches of 500)`,
  );
  const isHeadroomMet = rate >= NATIONAL_EVENTS_PER_SECOND * 10;
  console.log(
    `headroom: ${isHeadroomMet ? 'met' : 'MISSED'} (≥ ${NATIONAL_EVENTS_PER_SECOND * 10} events/s)`,
  );
  return 0;
}

await runBenchMain({
  name: 'hub ingest',
  main,
  timeoutMs: 20 * 60_000,
  kill: () => undefined,
  cleanup: async () => {
    await stopAll?.();
  },
});
