// Ten busy halls' peak on loopback: 60 counters, 10 displays and 5 kiosks as real Socket.IO clients against
// a real hall server in its own process (so its memory is its own), next to a bare Socket.IO relay measured
// in the same run as the baseline. Prints latencies (whole run and minute by minute), the server's memory
// and event-loop delay, each client process's event-loop delay and CPU, how many times a busy hall's peak
// rate the run was, and the targets.
//
// Where the clients run (`--clients`):
// - one-process (the default): every client socket in this process, as in issue #17's own measurement and
//   in every figure of this benchmark before 2026-12-06, so that the targets are checked on the harness
//   they were set on. Every socket decodes every change (≈ 40 µs each), so a kiosk's ack or a display's
//   arrival may wait behind the others' decoding: this process's loop delay is printed to show it.
// - workers: the kiosks in a kiosk worker (issue → ack timed there) and the displays with the bare relay's
//   10 receivers in a display worker (client-worker.ts, the same worker the headroom bench uses; arrivals on
//   the monotonic clock, `monotonicMs`, checked across the processes by an IPC ping before the run); the 60
//   counters and the bare sender stay here. It shows each client process's loop delay and CPU, so no figure
//   hides a lagging client. On the 2-core benchmark machine it measured higher medians and a higher ratio to
//   the bare baseline (three client processes to wake per change on the same two cores; docs/BENCHMARKS.md,
//   "The clients in their own processes"); on a hall's separate devices that cost does not exist.
// The bare relay is measured as the calls are in both (its sender with the counters, its receivers with
// the displays), so the ratio stays fair.
//
// --durable-floor: beside the hall, the bare relay also commits messages to a SQLite file of its own (WAL,
// synchronous=FULL, one transaction and one fsync each) and acks them, broadcasting nothing (`commit-ack`),
// sent from this process at the kiosks' pace: under the same load, the floor under issue → ack and under
// the server's command → commit (what any server that keeps a command before answering it pays here). Its
// fsyncs share the disk with the hall's, so it is not on by default: the targets are checked without it.
//
//   pnpm bench                                    (every benchmark of the repo, see scripts/bench.mjs)
//   pnpm exec tsx server/bench/hall-simulation.ts [--seconds 180] [--warmup 10] [--think-ms 200-1000]
//        [--issue-every-ms 150] [--server-log json|silent] [--clients one-process|workers] [--profile]
//        [--in-commit-checkpoints] [--commits-per-checkpoint N] [--fanout-slice N] [--durable-floor]
//        [--json out.json] [--check-targets]
//
// --fanout-slice N: sockets the server writes a change to per turn of its event loop (the server's
// FANOUT_SOCKETS_PER_TURN when not given), as in the headroom bench.
// --profile writes CPU profiles of the hall server and of the client workers to server/test-output/bench/
// (open them in Chrome DevTools → Performance). --check-targets makes a missed target fail the run
// (exit code 1).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Socket } from 'socket.io-client';
import type { Ack, Changes, Snapshot } from '@luot/shared/contracts';
import type { PriorityGroupId, ServiceId } from '@luot/shared/domain';
import { DEMO_CLERK_PIN } from '../src/app/demo-hall.ts';
import { COMMITS_PER_CHECKPOINT } from '../src/db/checkpointer.ts';
import { FANOUT_SOCKETS_PER_TURN } from '../src/realtime/change-fanout.ts';
import { tempDataDir } from '../test/helpers.ts';
import type {
  CheckpointRecord,
  CommandTimingRecord,
  GcPause,
  ServerStats,
} from '../test/support/hall-child-protocol.ts';
import type { HallChildBundle } from '../test/support/hall-child-bundle.ts';
import { buildHallChildBundle } from '../test/support/hall-child-bundle.ts';
import type { HallChild, ReadyChild } from '../test/support/hall-child-process.ts';
import { serverNodeFlags, spawnReadyChild, startHallChild } from '../test/support/hall-child-process.ts';
import { seededRandom } from '../test/support/seeded-random.ts';
import type { HallSocket, Summary } from './bench-support.ts';
import {
  BUSY_HALL_PEAK,
  connectBareRelay,
  connectHall,
  cpuTicks,
  machineLine,
  mb,
  monotonicMs,
  probeFsync,
  runBenchMain,
  send,
  sleep,
  stealPercentSince,
  summary,
  timesPeak,
  wholeOption,
} from './bench-support.ts';
import type { ClientHostHandle, ClientWorker } from './client-workers.ts';
import {
  checkClocks,
  cpuPercent,
  startClientWorker,
  startInProcessClients,
  workersCpuMs,
} from './client-workers.ts';

const COUNTERS = 60;
const DISPLAYS = 10;
const KIOSKS = 5;
/** Tickets waiting before the clock starts, so counters find a queue from the first second. */
const BACKLOG = 2 * COUNTERS;
/** Issue #17's targets (docs/BENCHMARKS.md). */
const TARGETS = {
  issueP99Ms: 5,
  callP99Ms: 10,
  callOverBareP99: 1.5,
  commandCommitP50Ms: 0.5,
  serverRssMb: 100,
} as const;

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '180' },
    warmup: { type: 'string', default: '10' },
    'think-ms': { type: 'string', default: '200-1000' },
    'issue-every-ms': { type: 'string', default: '150' },
    'server-log': { type: 'string', default: 'json' },
    seed: { type: 'string', default: '20261129' },
    profile: { type: 'boolean', default: false },
    // Extra Node flags for the hall server, space-separated (e.g. "--max-semi-space-size=2").
    'node-flags': { type: 'string', default: '' },
    // WAL checkpoints inside the commit that crosses 1,000 pages, as before issue #17 (to compare).
    'in-commit-checkpoints': { type: 'boolean', default: false },
    // After-commit checkpoints every N commits of a burst instead of COMMITS_PER_CHECKPOINT (to compare).
    'commits-per-checkpoint': { type: 'string' },
    'fanout-slice': { type: 'string' },
    // A durable relay's commit → ack beside the hall, as the floor under issue → ack (see the header).
    'durable-floor': { type: 'boolean', default: false },
    // The hall child through tsx instead of the compiled bundle a hall runs (to compare).
    tsx: { type: 'boolean', default: false },
    json: { type: 'string' },
    'check-targets': { type: 'boolean', default: false },
    // Where the kiosks, displays and bare receivers run: one-process (beside the counters, as the issue's
    // own harness and every figure before 2026-12-06) or workers (two client processes of their own).
    clients: { type: 'string', default: 'one-process' },
    // Ship the hall's events to a province hub meanwhile (hub/bench/hall-shipping.bench.ts compares).
    'hub-url': { type: 'string' },
    'hub-key': { type: 'string' },
  },
});

const positive = (name: string, text: string): number => {
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0)
    throw new Error(`--${name} must be a non-negative number, got ${text}`);
  return value;
};
const seconds = positive('seconds', values.seconds);
const commitsPerCheckpoint =
  values['commits-per-checkpoint'] === undefined
    ? undefined
    : wholeOption('commits-per-checkpoint', values['commits-per-checkpoint'], 1);
const warmupSeconds = positive('warmup', values.warmup);
const fanoutSlice =
  values['fanout-slice'] === undefined ? undefined : wholeOption('fanout-slice', values['fanout-slice'], 1);
const issueEveryMs = positive('issue-every-ms', values['issue-every-ms']);
const { thinkMin, thinkMax } = ((text: string) => {
  const [min, max] = text.split('-').map((part) => positive('think-ms', part));
  if (min === undefined || max === undefined || max < min)
    throw new Error(`--think-ms is min-max, got ${text}`);
  return { thinkMin: min, thinkMax: max };
})(values['think-ms']);
if (values['server-log'] !== 'json' && values['server-log'] !== 'silent')
  throw new Error('--server-log is json or silent');
const serverLog = values['server-log'];
if (values.clients !== 'one-process' && values.clients !== 'workers')
  throw new Error('--clients is one-process or workers');
const isOneProcess = values.clients === 'one-process';

const seed = Number(values.seed);
if (!Number.isInteger(seed) || seed < 0)
  throw new Error(`--seed must be a whole number ≥ 0, got ${values.seed}`);
// The counters draw from this generator; the kiosks (in their worker) from their own with the same seed.
const random = seededRandom(seed);
/** This process's CPU time so far (user + system), ms. */
const cpuMsHere = (): number => {
  const cpu = process.cpuUsage();
  return (cpu.user + cpu.system) / 1000;
};

// ── the run ─────────────────────────────────────────────────────────────────────────────────────
const repoServer = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const profileDir = path.join(repoServer, 'test-output', 'bench');
const data = tempDataDir('luot-bench-');
const children: ReadyChild[] = [];
/** The client hosts: forked workers, or hosts inside this process (`--clients one-process`). */
const workers: ClientHostHandle[] = [];
/** The forked ones among them (killed if the run hangs). */
const forkedWorkers: ClientWorker[] = [];
const sockets: Socket[] = [];
let isMeasuring = false;
let isRunning = true;
const errors: string[] = [];
let bundle: HallChildBundle | undefined;

async function main(): Promise<number> {
  if (values.profile) mkdirSync(profileDir, { recursive: true });
  const fsync = probeFsync(data.dir);
  // The server a hall runs: JavaScript compiled by esbuild (`pnpm start`), not TypeScript through tsx.
  if (!values.tsx) bundle = await buildHallChildBundle();
  const hall: HallChild = await startHallChild({
    dataDir: data.dir,
    hall: 'large',
    counters: COUNTERS,
    terminals: 'all',
    kiosks: KIOSKS,
    displays: DISPLAYS,
    log: serverLog,
    ipc: true,
    ...(values['in-commit-checkpoints'] ? { checkpoints: 'in-commit' as const } : {}),
    ...(commitsPerCheckpoint === undefined ? {} : { commitsPerCheckpoint }),
    ...(fanoutSlice === undefined ? {} : { fanoutSlice }),
    ...(bundle ? { bundle: bundle.file } : {}),
    execArgv: [
      ...(values.profile ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []),
      ...values['node-flags'].split(' ').filter((flag) => flag !== ''),
    ],
    ...(values['hub-url'] && values['hub-key']
      ? { env: { LUOT_HUB_URL: values['hub-url'], LUOT_HUB_KEY: values['hub-key'] } }
      : {}),
  });
  children.push(hall);
  const durableDir = path.join(data.dir, 'durable-floor');
  if (values['durable-floor']) mkdirSync(durableDir);
  const bare = await spawnReadyChild(
    path.join(repoServer, 'bench', 'bare-broadcast-server.ts'),
    values['durable-floor'] ? ['--durable-dir', durableDir] : [],
  );
  children.push(bare);

  const bareUrl = `http://127.0.0.1:${bare.port}`;

  // The client workers: their batches of arrivals and issues come in as the run goes.
  const callArrivals = new Map<number, number>();
  const bareArrivals = new Map<number, number>();
  const issues: { sentAt: number; ms: number }[] = [];
  const refuse = (what: string, code: string): void => {
    if (errors.length < 20) errors.push(`${what}: ${code}`);
  };
  const profiling = values.profile ? { profileDir } : {};
  let hostFailure: Error | undefined;
  const forked = (worker: ClientWorker): ClientWorker => {
    forkedWorkers.push(worker);
    return worker;
  };
  const startHost = (handlers: Parameters<typeof startClientWorker>[0]): ClientHostHandle | ClientWorker =>
    isOneProcess
      ? startInProcessClients({
          ...handlers,
          onFailure: (error) => {
            hostFailure ??= error;
          },
        })
      : forked(startClientWorker({ ...handlers, ...profiling }));
  const kioskWorker = startHost({
    onIssues: (batch) => {
      for (const [sentAt, ms] of batch.issues) issues.push({ sentAt, ms });
      for (const code of batch.refused) refuse('issue', code);
    },
  });
  const displayWorker = startHost({
    onArrivals: (batch) => {
      for (const [version, at] of batch.calls) callArrivals.set(version, at);
      for (const [seq, at] of batch.relays) bareArrivals.set(seq, at);
    },
  });
  const clientWorkers = [
    { worker: kioskWorker, name: 'kiosk worker', hosts: `${KIOSKS} kiosks` },
    {
      worker: displayWorker,
      name: 'display worker',
      hosts: `${DISPLAYS} displays, ${DISPLAYS} bare receivers`,
    },
  ];
  workers.push(kioskWorker, displayWorker);
  const connected = await Promise.all(
    clientWorkers.map(({ worker }) => {
      const answer = worker.next('connected');
      worker.post(
        worker === kioskWorker
          ? {
              type: 'connect',
              url: hall.url,
              displays: [],
              kiosks: hall.devices.kiosks.map((device) => device.token),
              bareReceivers: 0,
            }
          : {
              type: 'connect',
              url: hall.url,
              displays: hall.devices.displays.map((device) => device.token),
              kiosks: [],
              bareUrl,
              bareReceivers: DISPLAYS,
            },
      );
      return answer;
    }),
  );
  const [kiosksOpen, displaysOpen] = connected;
  if (
    kiosksOpen?.kiosks !== KIOSKS ||
    displaysOpen?.sockets !== DISPLAYS ||
    displaysOpen.receivers !== DISPLAYS
  )
    throw new Error('a client worker did not open all its sockets');

  // Counters, here. Every one of them decodes every change; the bare sender takes the latest call's.
  let lastCallChanges: Changes | undefined;
  const counters = await Promise.all(
    hall.devices.counters.map(async (device) => {
      const { socket } = await connectHall(hall.url, device.token);
      sockets.push(socket);
      const signIn = await send(socket, 'clerk:sign-in', { username: device.username, pin: DEMO_CLERK_PIN });
      if (!signIn.ok) throw new Error(`${device.counterId} could not sign in: ${signIn.error.code}`);
      return socket;
    }),
  );
  counters[0]!.on('hall:changes', (changes) => {
    if (changes.events.some((event) => event.type === 'ticket.called')) lastCallChanges = changes;
  });
  const { services, priorityGroups } = (
    await connectHall(hall.url, hall.devices.kiosks[0]!.token).then(({ socket, snapshot }) => {
      socket.close();
      return snapshot;
    })
  ).config;
  const serviceIds: readonly ServiceId[] = services.map((service) => service.id);
  const priorityIds: readonly PriorityGroupId[] = priorityGroups.map((group) => group.id);

  // Bare relay: one sender here, its 10 receivers in the display worker, sending the hall's own call payloads.
  const bareSender = await connectBareRelay(bareUrl, 'sender');
  sockets.push(bareSender);
  const durableSender = values['durable-floor'] ? await connectBareRelay(bareUrl, 'sender') : undefined;
  if (durableSender) sockets.push(durableSender);

  // The clocks (checked while the workers are idle): a time sent here must never be later than its receipt there.
  const clockChecks = await checkClocks(workers);
  if (Math.min(...clockChecks) < 0)
    errors.push('a client worker received a ping before it was sent: clocks disagree');

  // A backlog so that counters start with a queue; then the kiosks issue on their own.
  const issuing = kioskWorker.next('issuing');
  kioskWorker.post({
    type: 'issue',
    backlog: BACKLOG,
    everyMs: issueEveryMs,
    seed,
    serviceIds: [...serviceIds],
    priorityGroupIds: [...priorityIds],
  });
  await issuing;

  // ── load ──────────────────────────────────────────────────────────────────────────────────────
  const calls: { sentAt: number; version: number }[] = [];
  const bareSent: { seq: number; sentAt: number }[] = [];
  const counts = { issued: 0, calls: 0, commands: 0, queueEmpty: 0 };

  const think = (): Promise<void> => sleep(random.int(thinkMin, thinkMax));
  const counterLoop = async (socket: HallSocket): Promise<void> => {
    await sleep(random.int(0, thinkMax));
    while (isRunning) {
      const sentAt = monotonicMs();
      const call = await send(socket, 'ticket:call-next', {});
      if (!call.ok) {
        if (call.error.code === 'QUEUE_EMPTY') counts.queueEmpty += 1;
        else refuse('call-next', call.error.code);
        await think();
        continue;
      }
      const called = call.value.events.find((event) => event.type === 'ticket.called');
      if (isMeasuring && called) {
        calls.push({ sentAt, version: called.version });
        counts.calls += 1;
      }
      if (!called) continue;
      await think();
      const start = await send(socket, 'ticket:start', {});
      if (!start.ok) refuse('start', start.error.code);
      await think();
      const complete = await send(socket, 'ticket:complete', {});
      if (!complete.ok) refuse('complete', complete.error.code);
      if (isMeasuring) counts.commands += 3;
      await think();
    }
  };

  const bareLoop = async (): Promise<void> => {
    let seq = 0;
    while (isRunning) {
      // As many relays a second as the hall makes calls, each carrying a real call's changes.
      await sleep(Math.max(5, ((thinkMin + thinkMax) * 1.5) / COUNTERS));
      seq += 1;
      const sentAt = monotonicMs();
      bareSender.emit('relay', { seq, changes: lastCallChanges });
      if (isMeasuring) bareSent.push({ seq, sentAt });
    }
  };

  // The histogram records whole timer intervals: the delay is what exceeds the resolution.
  const clientLoop = monitorEventLoopDelay({ resolution: 10 });
  const beyond = (ns: number): number => Math.max(0, ns / 1e6 - 10);
  // The durable floor: commits at the kiosks' pace (all of them together), each carrying a real call's
  // changes, timed from the emit to the ack, with the relay's own transaction + fsync.
  const durableAcks: { sentAt: number; ms: number; commitMs: number }[] = [];
  const durableLoop = async (socket: Socket): Promise<void> => {
    let seq = 0;
    let due = monotonicMs();
    while (isRunning) {
      await sleep(Math.max(0, due - monotonicMs()));
      due += issueEveryMs / KIOSKS;
      seq += 1;
      const sentAt = monotonicMs();
      const answer = await new Promise<{ ok: boolean; commitMs: number }>((resolve) =>
        socket.emit('commit-ack', { seq, changes: lastCallChanges }, resolve),
      );
      if (!answer.ok) refuse('durable floor', 'REFUSED');
      else if (isMeasuring)
        durableAcks.push({ sentAt, ms: monotonicMs() - sentAt, commitMs: answer.commitMs });
    }
  };
  const loops = [
    ...counters.map((socket) => counterLoop(socket)),
    bareLoop(),
    ...(durableSender ? [durableLoop(durableSender)] : []),
  ];

  await sleep(warmupSeconds * 1000);
  await hall.resetStats();
  // The loop-delay histogram records nothing until its timer has ticked once after a reset.
  await sleep(50);
  await hall.commandTimings(); // the warm-up's are not counted
  const before = await hall.stats();
  const cpuBefore = [cpuMsHere(), ...(await workersCpuMs(workers))];
  for (const worker of workers) worker.post({ type: 'measure' });
  clientLoop.enable();
  isMeasuring = true;
  const measuredFrom = monotonicMs();
  const measuredTicks = cpuTicks();
  const samples: ServerStats[] = [];
  // Per minute: the server's event-loop delay over that minute (a second histogram, see hall-child.ts).
  const minuteStats: ServerStats[] = [];
  await hall.lapStats();
  // The server's command timings, GC pauses and checkpoints, fetched every second with its stats: the
  // child keeps each until asked (≈ 150 bytes a command), and the server measured is not to hold the
  // bench's own records for the whole run (issue #17, server RSS).
  const timings: CommandTimingRecord[] = [];
  const gcPauses: GcPause[] = [];
  const checkpoints: CheckpointRecord[] = [];
  const collectTimings = async (): Promise<void> => {
    const lap = await hall.commandTimingsAndGc();
    timings.push(...lap.timings);
    gcPauses.push(...lap.gcPauses);
    checkpoints.push(...lap.checkpoints);
  };
  while (monotonicMs() - measuredFrom < seconds * 1000) {
    await sleep(Math.min(1000, Math.max(0, seconds * 1000 - (monotonicMs() - measuredFrom))));
    samples.push(await hall.stats());
    await collectTimings();
    const minute = Math.floor((monotonicMs() - measuredFrom) / 60_000);
    if (minute > minuteStats.length) minuteStats.push(await hall.lapStats());
  }
  isMeasuring = false;
  const measuredTo = monotonicMs();
  const measuredMs = measuredTo - measuredFrom;
  const cpuAfter = [cpuMsHere(), ...(await workersCpuMs(workers))];
  // A last partial minute gets its own row only when it lasted more than a second (the loop overshoots
  // the end by a few milliseconds, which is no minute at all).
  if (minuteStats.length < Math.ceil((measuredMs - 1_000) / 60_000)) minuteStats.push(await hall.lapStats());
  const after = samples.at(-1) ?? (await hall.stats());
  await collectTimings();
  clientLoop.disable();
  isRunning = false;
  await Promise.all(loops);
  const kiosksFinished = kioskWorker.next('finished');
  kioskWorker.post({ type: 'finish' });
  const kioskReport = await kiosksFinished;
  await sleep(500); // the last broadcasts land
  const displaysFinished = displayWorker.next('finished');
  displayWorker.post({ type: 'finish' });
  const displayReport = await displaysFinished;
  const final = await new Promise<Ack<Snapshot>>((resolve) =>
    counters[0]!.emit('sync:snapshot', {}, resolve),
  );
  // The workers exit on their own after `finish` (writing their CPU profiles with --profile).
  await Promise.all(workers.map((worker) => worker.exited));
  const waitingAtEnd = final.ok
    ? Object.values(final.value.state.tickets).filter((ticket) => ticket.status === 'waiting').length
    : Number.NaN;

  // ── figures ───────────────────────────────────────────────────────────────────────────────────
  let missing = 0;
  const callTimes = calls.flatMap(({ sentAt, version }) => {
    const at = callArrivals.get(version);
    if (at === undefined) {
      missing += 1;
      return [];
    }
    return [{ sentAt, ms: at - sentAt }];
  });
  if (missing > 0) errors.push(`${missing} calls never reached every display`);
  const bareTimes = bareSent.flatMap(({ seq, sentAt }) => {
    const at = bareArrivals.get(seq);
    return at === undefined ? [] : [{ sentAt, ms: at - sentAt }];
  });
  const disconnects = kioskReport.disconnects + displayReport.disconnects;
  if (disconnects > 0) errors.push(`${disconnects} client sockets disconnected during the run`);
  // The kiosks' tickets issued within the measured time (issued meanwhile, as the calls are counted).
  const measuredIssues = issues.filter(
    (sample) => sample.sentAt >= measuredFrom && sample.sentAt < measuredTo,
  );
  counts.issued = measuredIssues.length;
  const issue = summary(measuredIssues.map((sample) => sample.ms));
  const call = summary(callTimes.map((sample) => sample.ms));
  const bareBroadcast = summary(bareTimes.map((sample) => sample.ms));
  const durableFloor = durableSender
    ? {
        ack: summary(durableAcks.map((sample) => sample.ms)),
        commit: summary(durableAcks.map((sample) => sample.commitMs)),
      }
    : null;
  const serverCommand = summary(timings.map((timing) => timing.totalMs));
  const serverDecide = summary(timings.map((timing) => timing.decideMs));
  const serverQueued = summary(timings.map((timing) => timing.queuedMs));
  const serverCommit = summary(timings.map((timing) => timing.commitMs));
  const batchSizes = timings.map((timing) => timing.batch);
  const inMinute = (list: readonly { sentAt: number; ms: number }[], minute: number): Summary =>
    summary(
      list
        .filter((sample) => Math.floor((sample.sentAt - measuredFrom) / 60_000) === minute)
        .map((sample) => sample.ms),
    );
  const minutes = minuteStats.map((stats, minute) => {
    const minuteCall = inMinute(callTimes, minute);
    const minuteBare = inMinute(bareTimes, minute);
    return {
      minute: minute + 1,
      issue: inMinute(measuredIssues, minute),
      call: minuteCall,
      bare: minuteBare,
      ratio: minuteCall.p99 / minuteBare.p99,
      loopDelayMs: stats.loopDelayMs,
      rssMb: mb(stats.rssBytes),
      heapUsedMb: mb(stats.heapUsedBytes),
    };
  });
  const callsPerSecond = counts.calls / (measuredMs / 1000);
  const issuesPerSecond = counts.issued / (measuredMs / 1000);
  const rssMaxMb = mb(Math.max(...samples.map((sample) => sample.rssBytes)));
  const heapMaxMb = mb(Math.max(...samples.map((sample) => sample.heapUsedBytes)));
  const serverCpuPercent =
    Math.round(
      ((after.cpuUserMs + after.cpuSystemMs - before.cpuUserMs - before.cpuSystemMs) / measuredMs) * 1000,
    ) / 10;
  const ratio = call.p99 / bareBroadcast.p99;
  const clock = summary(clockChecks);
  const loopFigures = (histogram: typeof clientLoop): { p50: number; p99: number; max: number } => ({
    p50: beyond(histogram.percentile(50)),
    p99: beyond(histogram.percentile(99)),
    max: beyond(histogram.max),
  });
  if (hostFailure) throw hostFailure;
  const clientProcesses = [
    {
      name: 'bench client',
      hosts: isOneProcess
        ? `all ${COUNTERS + KIOSKS + 2 * DISPLAYS + 1 + (durableSender ? 1 : 0)} client sockets`
        : `${COUNTERS} counters, the bare sender${durableSender ? ', the durable floor' : ''}`,
      loopDelayMs: loopFigures(clientLoop),
      cpuPercent: cpuPercent(cpuAfter[0]! - cpuBefore[0]!, measuredMs),
    },
    // In one process the hosts' loop and CPU are the bench client's own: listed once.
    ...(isOneProcess
      ? []
      : [kioskReport, displayReport].map((report, index) => ({
          name: clientWorkers[index]!.name,
          hosts: clientWorkers[index]!.hosts,
          loopDelayMs: report.loopDelayMs,
          cpuPercent: cpuPercent(cpuAfter[index + 1]! - cpuBefore[index + 1]!, measuredMs),
        }))),
  ];
  const checks = [
    { name: `p99 issue → ack ≤ ${TARGETS.issueP99Ms} ms`, isMet: issue.p99 <= TARGETS.issueP99Ms },
    { name: `p99 call → last display ≤ ${TARGETS.callP99Ms} ms`, isMet: call.p99 <= TARGETS.callP99Ms },
    {
      name: `p99 call → last display ≤ ${TARGETS.callOverBareP99}× bare broadcast`,
      isMet: ratio <= TARGETS.callOverBareP99,
    },
    {
      name: `p50 server command → commit ≤ ${TARGETS.commandCommitP50Ms} ms`,
      isMet: serverCommand.p50 <= TARGETS.commandCommitP50Ms,
    },
    { name: `server RSS ≤ ${TARGETS.serverRssMb} MB`, isMet: rssMaxMb <= TARGETS.serverRssMb },
    {
      name: "issues and calls at ≥ 10× a busy hall's peak rate",
      isMet: timesPeak(issuesPerSecond) >= 10 && timesPeak(callsPerSecond) >= 10,
    },
  ];

  const f = (ms: number): string => `${ms.toFixed(2).padStart(6)} ms`;
  const line = (label: string, figures: Summary): string =>
    `  ${label.padEnd(26)} p50 ${f(figures.p50)}   p99 ${f(figures.p99)}   max ${f(figures.max)}   (n=${figures.count})`;
  const perSecond = (n: number): string => (n / (measuredMs / 1000)).toFixed(1);
  const output = [
    `Hall simulation: ${COUNTERS} counters, ${DISPLAYS} displays, ${KIOSKS} kiosks (10× a busy hall's ` +
      `${BUSY_HALL_PEAK.counters} counters, ${BUSY_HALL_PEAK.displays} display, ${BUSY_HALL_PEAK.kiosks} kiosk); ` +
      `${seconds} s measured after ${warmupSeconds} s warm-up`,
    `  ${machineLine(stealPercentSince(measuredTicks))}`,
    `  hall server: ${bundle ? 'compiled JavaScript (esbuild bundle, as a hall runs it)' : 'TypeScript through tsx'}, WAL checkpoints ${values['in-commit-checkpoints'] ? 'in the commit (SQLite default)' : `after the commit (every ${commitsPerCheckpoint ?? COMMITS_PER_CHECKPOINT} commits of a burst)`}, changes written to ${fanoutSlice ?? FANOUT_SOCKETS_PER_TURN} sockets per turn, node flags ${[...serverNodeFlags(), ...values['node-flags'].split(' ').filter((flag) => flag !== '')].join(' ')}`,
    `  load: kiosk every ${issueEveryMs} ms each, think ${thinkMin}–${thinkMax} ms, server log ${serverLog}; ` +
      `${counts.issued} issued (${perSecond(counts.issued)}/s), ${counts.calls} calls (${perSecond(counts.calls)}/s), ` +
      `${perSecond(counts.issued + counts.commands + counts.queueEmpty)} commands/s, ${counts.queueEmpty} empty-queue calls, ` +
      `${waitingAtEnd} waiting at the end`,
    `  rate: issues ${Math.round(timesPeak(issuesPerSecond))}× and calls ${Math.round(timesPeak(callsPerSecond))}× ` +
      `a busy hall's peak (${BUSY_HALL_PEAK.ticketsPerHour} an hour); the 10× scenario needs 10×`,
    line('issue → ack', issue),
    ...(durableFloor
      ? [
          line('durable floor: commit → ack', durableFloor.ack),
          line('  its transaction + fsync', durableFloor.commit),
        ]
      : []),
    line('call → last display', call),
    line('bare broadcast (baseline)', bareBroadcast),
    `  ratio p99 call / bare       ${ratio.toFixed(2)}×`,
    line('server: command → commit', serverCommand),
    line('  decide + answer', serverDecide),
    line('  waiting for the commit', serverQueued),
    line('  transaction + fsync', serverCommit),
    ...(batchSizes.length > 0
      ? [
          `  group commit               ${(batchSizes.length / batchSizes.reduce((sum, size) => sum + 1 / size, 0)).toFixed(2)} commands per transaction on average, at most ${Math.max(...batchSizes)}`,
        ]
      : []),
    line('disk fsync (4 KB, probe)', fsync),
    line(
      `server WAL checkpoints (${checkpoints.length})`,
      summary(checkpoints.map((checkpoint) => checkpoint.ms)),
    ),
    line(`server GC pauses (${gcPauses.length})`, summary(gcPauses.map((pause) => pause.ms))),
    `  server memory              RSS max ${rssMaxMb} MB, heap used max ${heapMaxMb} MB (end: RSS ${mb(after.rssBytes)} MB, heap ${mb(after.heapUsedBytes)} MB)`,
    `  server event-loop delay    p50 ${f(after.loopDelayMs.p50)}   p99 ${f(after.loopDelayMs.p99)}   max ${f(after.loopDelayMs.max)}`,
    `  server CPU                 ${serverCpuPercent}% of one core`,
    ...clientProcesses.map(
      (client) =>
        `  ${`${client.name} loop delay`.padEnd(26)} p50 ${f(client.loopDelayMs.p50)}   p99 ${f(client.loopDelayMs.p99)}   ` +
        `max ${f(client.loopDelayMs.max)}; CPU ${client.cpuPercent}% of one core (${client.hosts})`,
    ),
    line('clock check (IPC ping)', clock),
    '  per minute                 issue p99   call p99   bare p99   ratio   loop p99   loop max   RSS      heap',
    ...minutes.map(
      (row) =>
        `  minute ${String(row.minute).padEnd(20)}${f(row.issue.p99)}  ${f(row.call.p99)}  ${f(row.bare.p99)}  ` +
        `${row.ratio.toFixed(2).padStart(5)}×  ${f(row.loopDelayMs.p99)}  ${f(row.loopDelayMs.max)}  ` +
        `${row.rssMb.toFixed(1).padStart(5)} MB  ${row.heapUsedMb.toFixed(1).padStart(5)} MB`,
    ),
    ...checks.map((check) => `  ${check.isMet ? 'met   ' : 'MISSED'} ${check.name}`),
    ...errors.map((error) => `  ERROR ${error}`),
  ];
  console.log(output.join('\n'));
  if (values.json) {
    const figures = {
      issue,
      durableFloor,
      call,
      bareBroadcast,
      ratio,
      serverCommand,
      serverDecide,
      serverQueued,
      serverCommit,
      compiled: bundle !== undefined,
      fsync,
      rssMaxMb,
      heapMaxMb,
      serverCpuPercent,
      loopDelayMs: after.loopDelayMs,
      timesPeak: { issue: timesPeak(issuesPerSecond), call: timesPeak(callsPerSecond) },
      minutes,
      clientProcesses,
      clock,
      counts,
      checks,
      errors,
    };
    writeFileSync(values.json, `${JSON.stringify(figures, null, 2)}\n`);
  }

  await hall.stop();
  if (values.profile) console.log(`  CPU profiles of the server and the client workers in ${profileDir}`);
  const isMissed = checks.some((check) => !check.isMet);
  return errors.length > 0 || (values['check-targets'] && isMissed) ? 1 : 0;
}

await runBenchMain({
  name: 'hall simulation',
  main,
  timeoutMs: (seconds + warmupSeconds + 120) * 1000,
  kill: () => {
    for (const worker of workers) worker.kill();
    for (const child of children) child.process.kill('SIGKILL');
  },
  cleanup: async () => {
    isRunning = false;
    for (const socket of sockets) socket.close();
    for (const { process: child } of forkedWorkers)
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    for (const child of children) await child.kill();
    bundle?.remove();
    data.remove();
  },
});
