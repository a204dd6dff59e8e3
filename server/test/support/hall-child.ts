// A hall server in its own process, for tests that kill it (faults/sigkill-under-load.test.ts) and for the benchmark
// that must measure the server's memory apart from its clients (bench/hall-simulation.ts).
//
//   node --import tsx server/test/support/hall-child.ts [--hall demo|large] [--counters 60]
//        [--terminals q3,q4|all] [--kiosks 1] [--displays 0] [--log silent|json] [--port 0]
//        [--checkpoints after-commit|in-commit]
//   env LUOT_DATA_DIR: the data folder (required); reused as is on a restart.
//   env LUOT_ALLOCATION_PROFILE: a file to write a sampling profile of every allocation (collected or
//   not) from the first `reset-stats` to `stop`, in the .heapprofile format (benchmarks' --alloc-profile).
//
// On the hall's first start it registers the devices and writes their tokens to DEVICE_FILE in the data
// folder; on every start it prints `READY <port>` once it listens. Over IPC (see hall-child-protocol.ts)
// it answers statistics and can move its clock forward. Clerks are not signed in here: the
// parent does that through the socket like a real counter terminal.
import { existsSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PerformanceObserver, constants as perfConstants, monitorEventLoopDelay } from 'node:perf_hooks';
import { Session } from 'node:inspector/promises';
import { parseArgs } from 'node:util';
import type { HallConfig } from '@luot/shared/domain';
import { demoHallConfig } from '../../src/app/demo-hall.ts';
import { startHallServer } from '../../src/hall-server.ts';
import { createLogger, silentLogger } from '../../src/log.ts';
import { preloadZone } from '../../src/zone-tables.ts';
import { largeHallConfig } from '../fixtures.ts';
import type {
  CheckpointRecord,
  ChildReply,
  CommandTimingRecord,
  DeviceFileInput,
  GcPause,
  ServerStats,
} from './hall-child-protocol.ts';
import { DEVICE_FILE, childRequestSchema } from './hall-child-protocol.ts';

const { values } = parseArgs({
  options: {
    hall: { type: 'string', default: 'demo' },
    counters: { type: 'string', default: '60' },
    terminals: { type: 'string', default: 'all' },
    kiosks: { type: 'string', default: '1' },
    displays: { type: 'string', default: '0' },
    log: { type: 'string', default: 'silent' },
    // A restarted hall keeps its port, so that clients reconnect to the same address (faults tests).
    port: { type: 'string', default: '0' },
    // The large hall's business-day rollover hour (a long run keeps clear of it, see bench/soak-run.ts).
    'rollover-hour': { type: 'string' },
    // When WAL checkpoints run (benchmarks compare): after-commit (the default) or in-commit.
    checkpoints: { type: 'string', default: 'after-commit' },
    // Sockets a change is written to per turn of the event loop (benchmarks compare; the server's default when absent).
    'fanout-slice': { type: 'string' },
    // After-commit checkpoints: the commits of a burst between two (benchmarks compare).
    'commits-per-checkpoint': { type: 'string' },
  },
});

const dataDir = process.env.LUOT_DATA_DIR;
if (!dataDir) throw new Error('set LUOT_DATA_DIR to the data folder');

const count = (name: string, text: string): number => {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} must be a whole number, got ${text}`);
  return value;
};

/** The large hall issues thousands of tickets a run: no daily quota may end the benchmark early. */
function hallConfig(): HallConfig | undefined {
  if (values.hall === 'demo') return undefined;
  if (values.hall !== 'large') throw new Error(`--hall must be demo or large, got ${values.hall}`);
  const config = largeHallConfig(count('counters', values.counters));
  const rollover = values['rollover-hour'];
  return {
    ...config,
    hall:
      rollover === undefined
        ? config.hall
        : { ...config.hall, rolloverHour: count('rollover-hour', rollover) },
    services: config.services.map((service) => ({ ...service, dailyQuota: null })),
  };
}

/** The histogram records whole timer intervals; the delay is what exceeds this resolution. */
const LOOP_RESOLUTION_MS = 10;
const loopDelay = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
loopDelay.enable();
/** The same, reset at every `lap-stats` request (per-minute figures of the benchmarks). */
const lapDelay = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
lapDelay.enable();

/**
 * The hall's clock: the wall clock plus what the parent has moved it forward (`advance-clock`), so a
 * soak can pass business days in minutes. Heartbeats and timers still run on real time.
 */
let clockOffsetMs = 0;
/** Committed commands' timings since the parent last asked (`command-timings`). */
let commandTimings: CommandTimingRecord[] = [];
/** Garbage collections since the parent last asked (`command-timings`), to set against slow commands. */
let gcPauses: GcPause[] = [];
/** WAL checkpoints since the parent last asked (`command-timings`). */
let checkpoints: CheckpointRecord[] = [];
const gcKinds: Record<number, GcPause['kind']> = {
  [perfConstants.NODE_PERFORMANCE_GC_MINOR]: 'minor',
  [perfConstants.NODE_PERFORMANCE_GC_MAJOR]: 'major',
  [perfConstants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental',
  [perfConstants.NODE_PERFORMANCE_GC_WEAKCB]: 'weakcb',
};
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    // Bounded like the timings: a parent that never asks must not make the child grow.
    if (gcPauses.length >= 1_000_000) break;
    const { detail } = entry as { detail?: { kind?: number } };
    gcPauses.push({
      atEpochMs: performance.timeOrigin + entry.startTime,
      ms: entry.duration,
      kind: gcKinds[detail?.kind ?? -1] ?? 'other',
    });
  }
}).observe({ entryTypes: ['gc'] });
// As the production start does (src/main.ts): the hall's zone as a table of offsets from a child process,
// so that this process builds no Intl.DateTimeFormat (≈ 5 MB of RSS, docs/BENCHMARKS.md "Memory: ICU").
preloadZone((hallConfig() ?? demoHallConfig()).hall.timeZone, Date.now(), dataDir, (line) =>
  process.stderr.write(`${line}\n`),
);
const server = await startHallServer({
  dataDir,
  clock: { now: () => Date.now() + clockOffsetMs },
  port: count('port', values.port),
  host: '127.0.0.1',
  checkpoints: values.checkpoints === 'in-commit' ? 'in-commit' : 'after-commit',
  ...(values['commits-per-checkpoint'] === undefined
    ? {}
    : { commitsPerCheckpoint: count('commits-per-checkpoint', values['commits-per-checkpoint']) }),
  ...(values['fanout-slice'] === undefined
    ? {}
    : { realtime: { fanoutSocketsPerTurn: count('fanout-slice', values['fanout-slice']) } }),
  logger: values.log === 'json' ? createLogger() : silentLogger,
  initialConfig: hallConfig(),
  // Its clerks sign in with the demo PIN (and the manager is admin/admin), as with LUOT_DEMO=1.
  seedDemo: true,
  // Kiosks here issue far faster than a visitor can touch a screen.
  kioskIssueLimit: { burst: 1_000_000, perMinute: 1_000_000_000 },
  onCheckpoint: (report) => {
    if (checkpoints.length < 1_000_000) {
      const now = performance.timeOrigin + performance.now();
      checkpoints.push({
        atEpochMs: now - report.ms,
        ms: report.ms,
        reason: report.reason,
        frames: report.log,
      });
    }
  },
  // Bounded: a parent that never asks must not make the child grow.
  onCommandTiming: (timing) => {
    if (commandTimings.length < 1_000_000) commandTimings.push(timing);
  },
  // A hall that ships to a province hub (hub tests and benchmarks), with their shipper timings.
  ...(process.env.LUOT_HUB_URL && process.env.LUOT_HUB_KEY
    ? {
        hubLink: {
          url: process.env.LUOT_HUB_URL,
          key: process.env.LUOT_HUB_KEY,
          timing: JSON.parse(process.env.LUOT_HUB_TIMING ?? '{}') as Record<string, number>,
        },
      }
    : {}),
});

const deviceFile = path.join(dataDir, DEVICE_FILE);
// One transaction for all the devices: one fsync, not one per device (the headroom bench pairs 1,000).
const registerAll = server.store.db.transaction((): DeviceFileInput => {
  const counterIds =
    values.terminals === 'all'
      ? server.service.hallConfig.counters.map((counter) => counter.id)
      : values.terminals.split(',').filter((id) => id !== '');
  const counters = counterIds.map((counterId) => {
    const counter = server.service.hallConfig.counters.find((candidate) => candidate.id === counterId);
    if (!counter) throw new Error(`no counter ${counterId} in this hall`);
    // Clerk canboN belongs at counter qN, in the demo hall and in the large one.
    const username = `canbo${counter.number}`;
    const { deviceId, token } = server.registerDevice('counter', `Máy quầy ${counter.number}`, counter.id);
    return { deviceId, token, counterId: counter.id, username };
  });
  const register = (kind: 'kiosk' | 'display', name: string): { deviceId: string; token: string } => {
    const { deviceId, token } = server.registerDevice(kind, name);
    return { deviceId, token };
  };
  return {
    kiosks: Array.from({ length: count('kiosks', values.kiosks) }, (_, index) =>
      register('kiosk', `Kiosk ${index + 1}`),
    ),
    displays: Array.from({ length: count('displays', values.displays) }, (_, index) =>
      register('display', `Màn hình ${index + 1}`),
    ),
    counters,
  };
});
if (!existsSync(deviceFile)) {
  const devices = registerAll();
  // Written whole or not at all, so a parent never reads half a file.
  writeFileSync(`${deviceFile}.tmp`, JSON.stringify(devices));
  renameSync(`${deviceFile}.tmp`, deviceFile);
}

function stats(histogram = loopDelay): ServerStats {
  const memory = process.memoryUsage();
  const cpu = process.cpuUsage();
  // An empty histogram (just reset) answers NaN, which IPC would carry as null.
  const ms = (ns: number): number =>
    histogram.count === 0 || !Number.isFinite(ns)
      ? 0
      : Math.max(0, Math.round(ns / 1e4) / 100 - LOOP_RESOLUTION_MS);
  return {
    rssBytes: memory.rss,
    heapUsedBytes: memory.heapUsed,
    heapTotalBytes: memory.heapTotal,
    externalBytes: memory.external,
    cpuUserMs: cpu.user / 1000,
    cpuSystemMs: cpu.system / 1000,
    loopDelayMs: {
      p50: ms(histogram.percentile(50)),
      p99: ms(histogram.percentile(99)),
      max: ms(histogram.max),
      mean: ms(histogram.mean),
    },
    version: server.service.state.version,
  };
}

/**
 * What allocates (issue #17: how much garbage a command leaves for the young generation): V8's sampling
 * heap profiler told to keep the samples of objects already collected, so the profile shows the
 * allocations of the measured span rather than what survived it.
 */
const allocationProfileFile = process.env.LUOT_ALLOCATION_PROFILE;
let allocationSession: Session | null = null;
async function startAllocationProfile(): Promise<void> {
  if (!allocationProfileFile || allocationSession) return;
  allocationSession = new Session();
  allocationSession.connect();
  await allocationSession.post('HeapProfiler.enable');
  await allocationSession.post('HeapProfiler.startSampling', {
    samplingInterval: 4_096,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  });
}
async function writeAllocationProfile(): Promise<void> {
  if (!allocationProfileFile || !allocationSession) return;
  const { profile } = await allocationSession.post('HeapProfiler.stopSampling');
  writeFileSync(allocationProfileFile, JSON.stringify(profile));
  allocationSession.disconnect();
}

const send = process.send?.bind(process);
if (send) {
  process.on('message', (message: unknown) => {
    const request = childRequestSchema.safeParse(message);
    if (!request.success) return;
    const reply = (answer: ChildReply): void => {
      send(answer);
    };
    switch (request.data.type) {
      case 'stats':
        reply({ id: request.data.id, stats: stats() });
        break;
      case 'command-timings':
        reply({ id: request.data.id, stats: null, timings: commandTimings, gcPauses, checkpoints });
        commandTimings = [];
        gcPauses = [];
        checkpoints = [];
        break;
      case 'reset-stats':
        loopDelay.reset();
        lapDelay.reset();
        void startAllocationProfile().then(() => reply({ id: request.data.id, stats: null }));
        break;
      case 'lap-stats':
        reply({ id: request.data.id, stats: stats(lapDelay) });
        lapDelay.reset();
        break;
      case 'gc-stats': {
        // Present only under --expose-gc; without it the figures include garbage not yet collected.
        const collect = (globalThis as { gc?: () => void }).gc;
        collect?.();
        reply({ id: request.data.id, stats: stats() });
        break;
      }
      case 'advance-clock': {
        clockOffsetMs += request.data.ms;
        const { id } = request.data;
        void server.service.tick().then(
          () => reply({ id, stats: stats() }),
          // No stats tells the parent the day did not start.
          () => reply({ id, stats: null }),
        );
        break;
      }
      case 'stop':
        // The parent waits for the exit itself; exiting normally lets --cpu-prof write its profile.
        void writeAllocationProfile()
          .then(() => server.close())
          .then(() => process.exit(0));
        break;
    }
  });
}

process.stdout.write(`READY ${server.port}\n`);
