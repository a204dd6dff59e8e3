// One counter calling in a row, the workload of issue #17: one counter terminal calls the next visitor
// 200 times in a row (serving started between calls), 10 displays receive every change, and each call is
// timed from the counter's emit to the moment the last of the 10 displays received it. Next to it, in the
// same run and the same bench process, a bare Socket.IO relay (bare-broadcast-server.ts) does the same
// work: one sender, an acked relay per call and per start, 10 receivers. The two alternate round by round
// A third arm, the durable relay, is the same bare relay with each message first committed to a SQLite
// file (WAL, synchronous=FULL: one fsync per message), then relayed and acked: the simplest server that
// keeps what it announces, the floor under the hall's path. The three rotate round by round (each goes
// first once in three rounds), so a burst of load from elsewhere lands on all of them.
//
// The hall server is the compiled JavaScript a hall runs (esbuild, as `pnpm start`), in its own process,
// with its real SQLite file (WAL, synchronous=FULL) and its JSON log on, as in production.
//
//   pnpm bench --only sequential
//   pnpm exec tsx server/bench/sequential-calls.ts [--calls 200] [--rounds 5] [--warmup 10] [--displays 10]
//        [--server-log json|silent] [--tsx] [--in-commit-checkpoints] [--commits-per-checkpoint N] [--profile] [--alloc-profile] [--json out.json] [--check-targets]
//
// --warmup is in seconds, as in the hall simulation and the headroom bench: whole rounds of the same work,
// run and printed but not measured, until that time is up. A freshly started server's V8 is still
// optimizing its hot functions for the first ≈ 10 s of this load, and those compile jobs delayed the
// calls of the first rounds (docs/BENCHMARKS.md, "The sequential tail: V8's compile jobs and this
// machine's scheduler").
// --tsx runs the hall child through the tsx loader instead of the compiled bundle (to compare);
// --profile writes a CPU profile of the hall server to server/test-output/bench/.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Socket } from 'socket.io-client';
import type { Changes } from '@luot/shared/contracts';
import type { ServiceId } from '@luot/shared/domain';
import { DEMO_CLERK_PIN } from '../src/app/demo-hall.ts';
import { COMMITS_PER_CHECKPOINT } from '../src/db/checkpointer.ts';
import { tempDataDir } from '../test/helpers.ts';
import type { HallChildBundle } from '../test/support/hall-child-bundle.ts';
import { buildHallChildBundle } from '../test/support/hall-child-bundle.ts';
import type { HallChild, ReadyChild } from '../test/support/hall-child-process.ts';
import type { CheckpointRecord, CommandTimingRecord, GcPause } from '../test/support/hall-child-protocol.ts';
import { serverNodeFlags, spawnReadyChild, startHallChild } from '../test/support/hall-child-process.ts';
import type { Summary } from './bench-support.ts';
import {
  connectBareRelay,
  connectHall,
  cpuTicks,
  machineLine,
  mb,
  probeFsync,
  runBenchMain,
  send,
  sleep,
  stealPercentSince,
  summary,
  wholeOption,
} from './bench-support.ts';

/** Issue #17's targets for this workload (the hall, emit → last display). */
export const SEQUENTIAL_TARGETS = { callP95Ms: 2, callP99Ms: 3.5 } as const;

/** One round's figures per arm (its calls' times, summarised), the load average before it and the host's steal. */
interface RoundRow {
  readonly round: number;
  readonly times: { readonly hall: number[]; readonly bare: number[]; readonly durable: number[] };
  readonly hall: Summary;
  readonly bare: Summary;
  readonly durable: Summary;
  readonly loadAverage: string;
  /** The host's steal (%) during each arm's calls, null where the machine does not tell. */
  readonly steal: {
    readonly hall: number | null;
    readonly bare: number | null;
    readonly durable: number | null;
  };
}

const { values } = parseArgs({
  options: {
    calls: { type: 'string', default: '200' },
    rounds: { type: 'string', default: '5' },
    warmup: { type: 'string', default: '10' },
    displays: { type: 'string', default: '10' },
    'server-log': { type: 'string', default: 'json' },
    tsx: { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
    // A sampling profile of everything the server allocated while measured (collected or not).
    'alloc-profile': { type: 'boolean', default: false },
    // Extra Node flags for the hall server, space-separated (e.g. "--max-semi-space-size=2").
    'node-flags': { type: 'string', default: '' },
    // WAL checkpoints inside the commit that crosses 1,000 pages, as before issue #17 (to compare).
    'in-commit-checkpoints': { type: 'boolean', default: false },
    // After-commit checkpoints every this many commits of a burst (the server's default when not given).
    'commits-per-checkpoint': { type: 'string' },
    json: { type: 'string' },
    'check-targets': { type: 'boolean', default: false },
  },
});

const callsPerRound = wholeOption('calls', values.calls, 1);
const rounds = wholeOption('rounds', values.rounds, 1);
const warmupSeconds = wholeOption('warmup', values.warmup, 0);
const displayCount = wholeOption('displays', values.displays, 1);
if (values['server-log'] !== 'json' && values['server-log'] !== 'silent')
  throw new Error('--server-log is json or silent');
const serverLog = values['server-log'];

const repoServer = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const profileDir = path.join(repoServer, 'test-output', 'bench');
const data = tempDataDir('luot-bench-seq-');
const relayData = tempDataDir('luot-bench-relay-');

/** A command's time in the server, and its parts (CommandTiming in server/src/app/hall-service.ts). */
interface ServerBreakdown {
  readonly total: Summary;
  readonly decide: Summary;
  readonly queued: Summary;
  readonly commit: Summary;
  readonly broadcast: Summary;
}
const children: ReadyChild[] = [];
const sockets: Socket[] = [];
let bundle: HallChildBundle | undefined;

/** Resolves when every one of `receivers` has seen `key`; the time is that of the last arrival. */
class ArrivalWaiter {
  private readonly seen = new Map<number, { count: number; last: number }>();
  private readonly waiting = new Map<number, (at: number) => void>();

  constructor(private readonly receivers: number) {}

  arrived(key: number, at: number): void {
    const entry = this.seen.get(key) ?? { count: 0, last: 0 };
    entry.count += 1;
    entry.last = at;
    this.seen.set(key, entry);
    const resolve = this.waiting.get(key);
    if (entry.count === this.receivers && resolve) {
      this.seen.delete(key);
      this.waiting.delete(key);
      resolve(at);
    }
  }

  /** The time the last receiver got `key` (now or later); rejects after `timeoutMs`. */
  lastArrival(key: number, timeoutMs = 5_000): Promise<number> {
    const entry = this.seen.get(key);
    if (entry && entry.count === this.receivers) {
      this.seen.delete(key);
      return Promise.resolve(entry.last);
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(key);
        reject(new Error(`${key} did not reach all ${this.receivers} receivers within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiting.set(key, (at) => {
        clearTimeout(timer);
        resolve(at);
      });
    });
  }
}

async function main(): Promise<number> {
  if (values.profile || values['alloc-profile']) mkdirSync(profileDir, { recursive: true });
  const fsync = probeFsync(data.dir);
  if (!values.tsx) bundle = await buildHallChildBundle();
  const hall: HallChild = await startHallChild({
    dataDir: data.dir,
    hall: 'large',
    counters: 6,
    terminals: ['q1'],
    kiosks: 1,
    displays: displayCount,
    log: serverLog,
    ipc: true,
    ...(values['in-commit-checkpoints'] ? { checkpoints: 'in-commit' as const } : {}),
    ...(values['commits-per-checkpoint'] === undefined
      ? {}
      : { commitsPerCheckpoint: wholeOption('commits-per-checkpoint', values['commits-per-checkpoint'], 1) }),
    execArgv: [
      ...(values.profile ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []),
      ...values['node-flags'].split(' ').filter((flag) => flag !== ''),
    ],
    ...(bundle ? { bundle: bundle.file } : {}),
    ...(values['alloc-profile']
      ? {
          env: {
            LUOT_ALLOCATION_PROFILE: path.join(profileDir, `sequential-${Date.now()}.heapprofile`),
          },
        }
      : {}),
  });
  children.push(hall);
  const bare = await spawnReadyChild(path.join(repoServer, 'bench', 'bare-broadcast-server.ts'), [
    '--durable-dir',
    relayData.dir,
  ]);
  children.push(bare);

  // Hall displays: the arrival of every event version (calls and starts).
  const hallArrivals = new ArrivalWaiter(displayCount);
  for (const device of hall.devices.displays) {
    const { socket } = await connectHall(hall.url, device.token);
    sockets.push(socket);
    socket.on('hall:changes', (changes: Changes) => {
      hallArrivals.arrived(changes.toVersion, performance.now());
    });
  }
  const { socket: kiosk, snapshot } = await connectHall(hall.url, hall.devices.kiosks[0]!.token);
  sockets.push(kiosk);
  const counterDevice = hall.devices.counters[0]!;
  const { socket: counter } = await connectHall(hall.url, counterDevice.token);
  sockets.push(counter);
  const signIn = await send(counter, 'clerk:sign-in', {
    username: counterDevice.username,
    pin: DEMO_CLERK_PIN,
  });
  if (!signIn.ok) throw new Error(`the clerk could not sign in: ${signIn.error.code}`);

  // Before each round (not timed) the queue gets as many visitors as the round will call, of services
  // the counter serves: as in the issue's run, a counter calls through a queue of about 200, never
  // through the whole run's at once (which would make every decision walk a queue no hall has).
  const counterServices: readonly ServiceId[] =
    snapshot.config.counters.find((candidate) => candidate.id === counterDevice.counterId)?.serviceIds ?? [];
  if (counterServices.length === 0) throw new Error('the counter serves no service');
  let issuedCount = 0;
  const fillQueue = async (visitors: number): Promise<void> => {
    for (let index = 0; index < visitors; index += 1) {
      const issued = await send(kiosk, 'ticket:issue', {
        serviceId: counterServices[issuedCount++ % counterServices.length]!,
      });
      if (!issued.ok) throw new Error(`queue: ${issued.error.code}`);
    }
  };

  // Bare relay: the same receivers, one sender; every message carries a real call's changes.
  const bareUrl = `http://127.0.0.1:${bare.port}`;
  const bareArrivals = new ArrivalWaiter(displayCount);
  const receivers = await Promise.all(
    Array.from({ length: displayCount }, () => connectBareRelay(bareUrl, 'receiver')),
  );
  for (const socket of receivers) {
    sockets.push(socket);
    socket.on('message', (message: { seq: number }) => bareArrivals.arrived(message.seq, performance.now()));
  }
  const bareSender = await connectBareRelay(bareUrl, 'sender');
  sockets.push(bareSender);

  let lastCall: Changes | undefined;
  /** Each measured hall call's emit and last arrival on the wall clock (set against the server's GC). */
  const hallSpans: { sentAtEpochMs: number; arrivedAtEpochMs: number }[] = [];
  let isMeasuring = false;
  /** One hall call (timed) and the start that follows it (awaited, not timed). */
  const hallCall = async (): Promise<number> => {
    const sentAt = performance.now();
    const call = await send(counter, 'ticket:call-next', {});
    if (!call.ok) throw new Error(`call-next: ${call.error.code}`);
    const arrivedAt = await hallArrivals.lastArrival(call.value.version);
    lastCall = {
      fromVersion: call.value.version - 1,
      toVersion: call.value.version,
      events: call.value.events,
    };
    const start = await send(counter, 'ticket:start', {});
    if (!start.ok) throw new Error(`start: ${start.error.code}`);
    await hallArrivals.lastArrival(start.value.version);
    if (isMeasuring) {
      hallSpans.push({
        sentAtEpochMs: performance.timeOrigin + sentAt,
        arrivedAtEpochMs: performance.timeOrigin + arrivedAt,
      });
    }
    return arrivedAt - sentAt;
  };
  let seq = 0;
  const relay = (
    event: 'relay-ack' | 'relay-durable',
  ): { sentAt: number; arrived: Promise<number>; acked: Promise<void> } => {
    seq += 1;
    const sentAt = performance.now();
    const arrived = bareArrivals.lastArrival(seq);
    const acked = new Promise<void>((resolve, reject) =>
      bareSender.emit(event, { seq, changes: lastCall }, (answer: { ok: boolean }) =>
        answer.ok ? resolve() : reject(new Error(`${event} was refused`)),
      ),
    );
    return { sentAt, arrived, acked };
  };
  /** One relay (timed) and a second one standing for the start (awaited, not timed). */
  const relayCall = async (event: 'relay-ack' | 'relay-durable'): Promise<number> => {
    const call = relay(event);
    const [arrivedAt] = await Promise.all([call.arrived, call.acked]);
    const start = relay(event);
    await Promise.all([start.arrived, start.acked]);
    return arrivedAt - call.sentAt;
  };
  const bareCall = (): Promise<number> => relayCall('relay-ack');
  const durableCall = (): Promise<number> => relayCall('relay-durable');

  const hallMs: number[] = [];
  const bareMs: number[] = [];
  const durableMs: number[] = [];
  const armRound = async (
    call: () => Promise<number>,
  ): Promise<{ times: number[]; steal: number | null }> => {
    const times: number[] = [];
    const ticks = cpuTicks();
    for (let index = 0; index < callsPerRound; index += 1) times.push(await call());
    return { times, steal: stealPercentSince(ticks) };
  };
  let roundsRun = 0;
  /** One round: the queue filled (not timed), then each arm's calls; the arm that goes first rotates. */
  const runRound = async (): Promise<RoundRow> => {
    roundsRun += 1;
    const loadAverage = machineLine()
      .replace(/^.*load /, '')
      .replace(/,.*$/, '');
    await fillQueue(callsPerRound);
    const arms = [
      { call: hallCall, times: [] as number[], steal: null as number | null },
      { call: bareCall, times: [] as number[], steal: null as number | null },
      { call: durableCall, times: [] as number[], steal: null as number | null },
    ];
    // Each arm goes first in one round of three: hall, bare, durable; then bare, durable, hall; …
    for (let step = 0; step < arms.length; step += 1) {
      const arm = arms[(roundsRun - 1 + step) % arms.length]!;
      ({ times: arm.times, steal: arm.steal } = await armRound(arm.call));
    }
    const [hallArm, bareArm, durableArm] = arms;
    return {
      round: roundsRun,
      times: { hall: hallArm!.times, bare: bareArm!.times, durable: durableArm!.times },
      hall: summary(hallArm!.times),
      bare: summary(bareArm!.times),
      durable: summary(durableArm!.times),
      loadAverage,
      steal: { hall: hallArm!.steal, bare: bareArm!.steal, durable: durableArm!.steal },
    };
  };

  // Warm-up: whole rounds until the time is up (none with --warmup 0).
  const warmupRows: RoundRow[] = [];
  const warmupFrom = performance.now();
  while (performance.now() - warmupFrom < warmupSeconds * 1000) warmupRows.push(await runRound());

  await hall.resetStats();
  // The loop-delay histogram records nothing until its timer has ticked once after a reset.
  await sleep(50);
  await hall.commandTimings(); // the queue and the warm-up are not measured
  const before = await hall.stats();
  const roundRows: RoundRow[] = [];
  const measuredFrom = performance.now();
  const measuredTicks = cpuTicks();
  isMeasuring = true;
  for (let round = 1; round <= rounds; round += 1) {
    const row = await runRound();
    hallMs.push(...row.times.hall);
    bareMs.push(...row.times.bare);
    durableMs.push(...row.times.durable);
    roundRows.push(row);
  }
  const measuredMs = performance.now() - measuredFrom;
  const after = await hall.stats();
  const { timings, gcPauses, checkpoints } = await hall.commandTimingsAndGc();
  const checkpointMs = summary(checkpoints.map((checkpoint) => checkpoint.ms));
  const tail = tailAttribution(
    hallSpans,
    timings.filter((timing) => timing.command === 'call-next'),
    gcPauses,
    checkpoints,
  );
  const server = (command: string): ServerBreakdown => {
    const of = timings.filter((timing) => timing.command === command);
    return {
      total: summary(of.map((timing) => timing.totalMs)),
      decide: summary(of.map((timing) => timing.decideMs)),
      queued: summary(of.map((timing) => timing.queuedMs)),
      commit: summary(of.map((timing) => timing.commitMs)),
      broadcast: summary(of.map((timing) => timing.broadcastMs)),
    };
  };

  const hallSummary = summary(hallMs);
  const bareSummary = summary(bareMs);
  const durableSummary = summary(durableMs);
  const serverCall = server('call-next');
  const serverStart = server('start');
  const serverCpuPercent =
    Math.round(
      ((after.cpuUserMs + after.cpuSystemMs - before.cpuUserMs - before.cpuSystemMs) / measuredMs) * 1000,
    ) / 10;
  const checks = [
    {
      name: `p95 call → last display ≤ ${SEQUENTIAL_TARGETS.callP95Ms} ms`,
      isMet: hallSummary.p95 <= SEQUENTIAL_TARGETS.callP95Ms,
    },
    {
      name: `p99 call → last display ≤ ${SEQUENTIAL_TARGETS.callP99Ms} ms`,
      isMet: hallSummary.p99 <= SEQUENTIAL_TARGETS.callP99Ms,
    },
  ];

  const f = (ms: number): string => `${ms.toFixed(2).padStart(6)} ms`;
  const line = (label: string, figures: Summary): string =>
    `  ${label.padEnd(28)} p50 ${f(figures.p50)}  p95 ${f(figures.p95)}  p99 ${f(figures.p99)}  max ${f(figures.max)}  (n=${figures.count})`;
  const ratio = (a: number, b: number): string => `${(a / b).toFixed(2)}×`;
  const ratioLine = (label: string, a: Summary, b: Summary): string =>
    `  ${label.padEnd(29)} p50 ${ratio(a.p50, b.p50)}  p95 ${ratio(a.p95, b.p95)}  p99 ${ratio(a.p99, b.p99)}`;
  const output = [
    `Sequential calls: one counter calls ${callsPerRound} times in a row (start between calls), ${displayCount} ` +
      `displays; ${rounds} rounds rotating with a bare Socket.IO relay and a durable one (SQLite, synchronous=FULL), ` +
      `after ${warmupSeconds} s of warm-up (${warmupRows.length} rounds of the same work, not measured)`,
    `  ${machineLine(stealPercentSince(measuredTicks))}`,
    `  hall server: ${bundle ? 'compiled JavaScript (esbuild bundle)' : 'TypeScript through tsx'}, log ${serverLog}, WAL checkpoints ${values['in-commit-checkpoints'] ? 'in the commit (SQLite default)' : `after the commit (every ${values['commits-per-checkpoint'] ?? COMMITS_PER_CHECKPOINT} commits of a burst)`}, node flags ${[...serverNodeFlags(), ...values['node-flags'].split(' ').filter((flag) => flag !== '')].join(' ')}`,
    line('hall: call → last display', hallSummary),
    line('bare: relay → last receiver', bareSummary),
    line('durable: commit, relay', durableSummary),
    ratioLine('ratio hall / bare', hallSummary, bareSummary),
    ratioLine('ratio hall / durable', hallSummary, durableSummary),
    ...(['call-next', 'start'] as const).flatMap((command) => {
      const figures = command === 'call-next' ? serverCall : serverStart;
      return [
        line(`server: ${command} → commit`, figures.total),
        line('  of which decide + answer', figures.decide),
        line('  waiting for the commit', figures.queued),
        line('  transaction + fsync', figures.commit),
        line('  then its broadcast', figures.broadcast),
      ];
    }),
    line('disk fsync (4 KB, probe)', fsync),
    `  server GC while measured     ${tail.gc.count} pauses (${tail.gc.minor} minor, ${tail.gc.major} major), ` +
      `${tail.gc.totalMs.toFixed(1)} ms in all, longest ${tail.gc.maxMs.toFixed(2)} ms`,
    `  WAL checkpoints              ${checkpoints.length} (after ${checkpoints.filter((c) => c.reason === 'commits').length === checkpoints.length ? `every ${values['commits-per-checkpoint'] ?? COMMITS_PER_CHECKPOINT} commits` : 'commits or idle'}), ` +
      `p50 ${checkpointMs.p50.toFixed(2)} ms, max ${checkpointMs.max.toFixed(2)} ms` +
      (values['in-commit-checkpoints'] ? ' (in the commits: not seen here)' : ''),
    `  calls over ${SEQUENTIAL_TARGETS.callP95Ms} ms              ${tail.slow.count}: ${tail.slow.overlappingGc} overlapped a server GC, ${tail.slow.overlappingCheckpoint} a checkpoint; ` +
      `their server call-next → commit p50 ${tail.slow.serverP50Ms.toFixed(2)} ms (all calls ${tail.allServerP50Ms.toFixed(2)} ms)` +
      `, commit ≥ half of the call in ${tail.slow.commitDominated}; of the slowest ${tail.slowest.count} (1 %), ` +
      `${tail.slowest.overlappingCheckpoint} overlapped a checkpoint`,
    `  server                       CPU ${serverCpuPercent}% of one core, RSS ${mb(after.rssBytes)} MB (heap used ${mb(after.heapUsedBytes)} MB), ` +
      `loop delay p99 ${f(after.loopDelayMs.p99)} max ${f(after.loopDelayMs.max)}`,
    '  per round (load)             hall p50 / p95 / p99          bare p50 / p95 / p99          durable p50 / p95 / p99' +
      '     host steal (hall / bare / durable)',
    ...[...warmupRows, ...roundRows].map((row) => {
      const steal = [row.steal.hall, row.steal.bare, row.steal.durable];
      return (
        (row.round <= warmupRows.length
          ? `  warm-up ${row.round} (${row.loadAverage})`
          : `  round ${row.round - warmupRows.length} (${row.loadAverage})`
        ).padEnd(31) +
        `${row.hall.p50.toFixed(2)} / ${row.hall.p95.toFixed(2)} / ${row.hall.p99.toFixed(2)} ms`.padEnd(30) +
        `${row.bare.p50.toFixed(2)} / ${row.bare.p95.toFixed(2)} / ${row.bare.p99.toFixed(2)} ms`.padEnd(30) +
        `${row.durable.p50.toFixed(2)} / ${row.durable.p95.toFixed(2)} / ${row.durable.p99.toFixed(2)} ms`.padEnd(
          27,
        ) +
        (steal.some((share) => share === null)
          ? ''
          : `${steal.map((share) => share!.toFixed(1)).join(' / ')} %`)
      );
    }),
    ...checks.map((check) => `  ${check.isMet ? 'met   ' : 'MISSED'} ${check.name}`),
  ];
  console.log(output.join('\n'));
  if (values.json) {
    writeFileSync(
      values.json,
      `${JSON.stringify(
        {
          hall: hallSummary,
          bare: bareSummary,
          durable: durableSummary,
          serverCall,
          serverStart,
          fsync,
          serverCpuPercent,
          warmupRounds: warmupRows.map(({ times: _times, ...row }) => row),
          rounds: roundRows.map(({ times: _times, ...row }) => row),
          checks,
          tail,
          checkpoints: { count: checkpoints.length, ms: checkpointMs },
          compiled: bundle !== undefined,
        },
        null,
        2,
      )}\n`,
    );
  }
  await hall.stop();
  if (values.profile) console.log(`  CPU profile of the server in ${profileDir}`);
  if (values['alloc-profile']) console.log(`  allocation profile of the server in ${profileDir}`);
  return values['check-targets'] && checks.some((check) => !check.isMet) ? 1 : 0;
}

/**
 * Where the slow calls' time went: each measured call (emit → last display, wall clock) is set against
 * the server's garbage collections that overlapped it and its own call-next timing (the n-th measured
 * call is the n-th call-next committed: one counter, one command per transaction).
 */
function tailAttribution(
  spans: readonly { sentAtEpochMs: number; arrivedAtEpochMs: number }[],
  callTimings: readonly CommandTimingRecord[],
  gcPauses: readonly GcPause[],
  checkpoints: readonly CheckpointRecord[],
): {
  gc: { count: number; minor: number; major: number; totalMs: number; maxMs: number };
  slow: {
    count: number;
    overlappingGc: number;
    overlappingCheckpoint: number;
    serverP50Ms: number;
    commitDominated: number;
  };
  /** The slowest 1 % of calls (the p99's own), and how many of them a checkpoint overlapped. */
  slowest: { count: number; overlappingCheckpoint: number };
  allServerP50Ms: number;
} {
  const inSpan = gcPauses.filter(
    (pause) =>
      spans.length > 0 &&
      pause.atEpochMs + pause.ms >= spans[0]!.sentAtEpochMs &&
      pause.atEpochMs <= spans.at(-1)!.arrivedAtEpochMs,
  );
  const isAligned = callTimings.length === spans.length;
  const slowIndexes = spans.flatMap((span, index) =>
    span.arrivedAtEpochMs - span.sentAtEpochMs > SEQUENTIAL_TARGETS.callP95Ms ? [index] : [],
  );
  const overlaps =
    (intervals: readonly { atEpochMs: number; ms: number }[]) =>
    (index: number): boolean => {
      const span = spans[index]!;
      return intervals.some(
        (interval) =>
          interval.atEpochMs <= span.arrivedAtEpochMs &&
          interval.atEpochMs + interval.ms >= span.sentAtEpochMs,
      );
    };
  const overlapsGc = overlaps(inSpan);
  const overlapsCheckpoint = overlaps(checkpoints);
  const slowestIndexes = spans
    .map((span, index) => ({ index, ms: span.arrivedAtEpochMs - span.sentAtEpochMs }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, Math.ceil(spans.length / 100))
    .map((call) => call.index);
  const serverMs = (index: number): number => (isAligned ? callTimings[index]!.totalMs : Number.NaN);
  return {
    gc: {
      count: inSpan.length,
      minor: inSpan.filter((pause) => pause.kind === 'minor').length,
      major: inSpan.filter((pause) => pause.kind === 'major').length,
      totalMs: inSpan.reduce((sum, pause) => sum + pause.ms, 0),
      maxMs: Math.max(0, ...inSpan.map((pause) => pause.ms)),
    },
    slow: {
      count: slowIndexes.length,
      overlappingGc: slowIndexes.filter(overlapsGc).length,
      overlappingCheckpoint: slowIndexes.filter(overlapsCheckpoint).length,
      serverP50Ms: summary(slowIndexes.map(serverMs)).p50,
      commitDominated: slowIndexes.filter((index) => {
        const span = spans[index]!;
        return serverMs(index) >= (span.arrivedAtEpochMs - span.sentAtEpochMs) / 2;
      }).length,
    },
    slowest: {
      count: slowestIndexes.length,
      overlappingCheckpoint: slowestIndexes.filter(overlapsCheckpoint).length,
    },
    allServerP50Ms: summary(spans.map((_, index) => serverMs(index))).p50,
  };
}

await runBenchMain({
  name: 'sequential calls',
  main,
  timeoutMs: 10 * 60_000,
  kill: () => {
    for (const child of children) child.process.kill('SIGKILL');
  },
  cleanup: async () => {
    for (const socket of sockets) socket.close();
    for (const child of children) await child.kill();
    bundle?.remove();
    data.remove();
    relayData.remove();
  },
});
