// Ten busy halls' peak on loopback: 60 counters, 10 displays and 5 kiosks as real Socket.IO clients against
// a real hall server in its own process (so its memory is its own), next to a bare Socket.IO relay measured
// in the same run as the baseline. Prints latencies (whole run and minute by minute), the server's memory
// and event-loop delay, how many times a busy hall's peak rate the run was, and the targets.
//
//   pnpm bench                                    (every benchmark of the repo, see scripts/bench.mjs)
//   pnpm exec tsx server/bench/hall-simulation.ts [--seconds 180] [--warmup 10] [--think-ms 200-1000]
//        [--issue-every-ms 150] [--server-log json|silent] [--profile] [--json out.json] [--check-targets]
//
// --profile writes a CPU profile of the hall server to server/test-output/bench/ (open it in Chrome
// DevTools → Performance). --check-targets makes a missed target fail the run (exit code 1).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { io as connect } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import type { Ack, Changes, Snapshot } from '@luot/shared/contracts';
import type { PriorityGroupId, ServiceId } from '@luot/shared/domain';
import { DEMO_CLERK_PIN } from '../src/app/demo-hall.ts';
import { tempDataDir } from '../test/helpers.ts';
import type { ServerStats } from '../test/support/hall-child-protocol.ts';
import type { HallChildBundle } from '../test/support/hall-child-bundle.ts';
import { buildHallChildBundle } from '../test/support/hall-child-bundle.ts';
import type { HallChild, ReadyChild } from '../test/support/hall-child-process.ts';
import { serverNodeFlags, spawnReadyChild, startHallChild } from '../test/support/hall-child-process.ts';
import { seededRandom } from '../test/support/seeded-random.ts';
import type { HallSocket, Summary } from './bench-support.ts';
import {
  BUSY_HALL_PEAK,
  connectHall,
  machineLine,
  mb,
  probeFsync,
  runBenchMain,
  send,
  sleep,
  summary,
  timesPeak,
} from './bench-support.ts';

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
    // The hall child through tsx instead of the compiled bundle a hall runs (to compare).
    tsx: { type: 'boolean', default: false },
    json: { type: 'string' },
    'check-targets': { type: 'boolean', default: false },
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
const warmupSeconds = positive('warmup', values.warmup);
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

const random = seededRandom(Number(values.seed));

// ── the run ─────────────────────────────────────────────────────────────────────────────────────
const repoServer = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const profileDir = path.join(repoServer, 'test-output', 'bench');
const data = tempDataDir('luot-bench-');
const children: ReadyChild[] = [];
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
  const bare = await spawnReadyChild(path.join(repoServer, 'bench', 'bare-broadcast-server.ts'), []);
  children.push(bare);

  // Displays: the time each call's version arrives, per display.
  const displayArrivals: Map<number, number>[] = [];
  let lastCallChanges: Changes | undefined;
  for (const device of hall.devices.displays) {
    const { socket } = await connectHall(hall.url, device.token);
    sockets.push(socket);
    const arrivals = new Map<number, number>();
    displayArrivals.push(arrivals);
    socket.on('hall:changes', (changes) => {
      const now = performance.now();
      for (const event of changes.events) {
        if (event.type === 'ticket.called') {
          arrivals.set(event.version, now);
          lastCallChanges = changes;
        }
      }
    });
  }

  const kiosks = await Promise.all(
    hall.devices.kiosks.map(async (device) => (await connectHall(hall.url, device.token)).socket),
  );
  sockets.push(...kiosks);
  const counters = await Promise.all(
    hall.devices.counters.map(async (device) => {
      const { socket } = await connectHall(hall.url, device.token);
      sockets.push(socket);
      const signIn = await send(socket, 'clerk:sign-in', { username: device.username, pin: DEMO_CLERK_PIN });
      if (!signIn.ok) throw new Error(`${device.counterId} could not sign in: ${signIn.error.code}`);
      return socket;
    }),
  );
  const { services, priorityGroups } = (
    await connectHall(hall.url, hall.devices.kiosks[0]!.token).then(({ socket, snapshot }) => {
      socket.close();
      return snapshot;
    })
  ).config;
  const serviceIds: readonly ServiceId[] = services.map((service) => service.id);
  const priorityIds: readonly PriorityGroupId[] = priorityGroups.map((group) => group.id);

  // Bare relay: the same 10 receivers and one sender, sending the hall's own call payloads.
  const bareUrl = `http://127.0.0.1:${bare.port}`;
  const bareArrivals: Map<number, number>[] = [];
  for (let index = 0; index < DISPLAYS; index += 1) {
    const socket = connect(bareUrl, {
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      auth: { role: 'receiver' },
    });
    sockets.push(socket);
    const arrivals = new Map<number, number>();
    bareArrivals.push(arrivals);
    socket.on('message', (message: { seq: number }) => arrivals.set(message.seq, performance.now()));
  }
  const bareSender = connect(bareUrl, {
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    auth: { role: 'sender' },
  });
  sockets.push(bareSender);
  const isConnected = (socket: Socket): Promise<void> =>
    socket.connected ? Promise.resolve() : new Promise((resolve) => socket.once('connect', () => resolve()));
  await Promise.all(sockets.map(isConnected));

  // A backlog so that counters start with a queue.
  for (let index = 0; index < BACKLOG; index += 1) {
    const issued = await send(kiosks[index % KIOSKS]!, 'ticket:issue', {
      serviceId: serviceIds[index % serviceIds.length]!,
    });
    if (!issued.ok) throw new Error(`backlog: ${issued.error.code}`);
  }

  // ── load ──────────────────────────────────────────────────────────────────────────────────────
  const issues: { sentAt: number; ms: number }[] = [];
  const calls: { sentAt: number; version: number }[] = [];
  const bareSent: { seq: number; sentAt: number }[] = [];
  const counts = { issued: 0, calls: 0, commands: 0, queueEmpty: 0 };
  const refuse = (what: string, code: string): void => {
    if (errors.length < 20) errors.push(`${what}: ${code}`);
  };

  const kioskLoop = async (socket: HallSocket, offset: number): Promise<void> => {
    let due = performance.now() + offset;
    while (isRunning) {
      await sleep(Math.max(0, due - performance.now()));
      due += issueEveryMs;
      const sentAt = performance.now();
      const answer = await send(socket, 'ticket:issue', {
        serviceId: random.pick(serviceIds),
        priorityGroupId: random.next() < 0.1 ? random.pick(priorityIds) : null,
      });
      if (!answer.ok) refuse('issue', answer.error.code);
      else if (isMeasuring) {
        issues.push({ sentAt, ms: performance.now() - sentAt });
        counts.issued += 1;
      }
    }
  };

  const think = (): Promise<void> => sleep(random.int(thinkMin, thinkMax));
  const counterLoop = async (socket: HallSocket): Promise<void> => {
    await sleep(random.int(0, thinkMax));
    while (isRunning) {
      const sentAt = performance.now();
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
      const sentAt = performance.now();
      bareSender.emit('relay', { seq, changes: lastCallChanges });
      if (isMeasuring) bareSent.push({ seq, sentAt });
    }
  };

  // The histogram records whole timer intervals: the delay is what exceeds the resolution.
  const clientLoop = monitorEventLoopDelay({ resolution: 10 });
  const beyond = (ns: number): number => Math.max(0, ns / 1e6 - 10);
  const loops = [
    ...kiosks.map((socket, index) => kioskLoop(socket, (index * issueEveryMs) / KIOSKS)),
    ...counters.map((socket) => counterLoop(socket)),
    bareLoop(),
  ];

  await sleep(warmupSeconds * 1000);
  await hall.resetStats();
  // The loop-delay histogram records nothing until its timer has ticked once after a reset.
  await sleep(50);
  await hall.commandTimings(); // the warm-up's are not counted
  const before = await hall.stats();
  clientLoop.enable();
  isMeasuring = true;
  const measuredFrom = performance.now();
  const samples: ServerStats[] = [];
  // Per minute: the server's event-loop delay over that minute (a second histogram, see hall-child.ts).
  const minuteStats: ServerStats[] = [];
  await hall.lapStats();
  while (performance.now() - measuredFrom < seconds * 1000) {
    await sleep(Math.min(1000, Math.max(0, seconds * 1000 - (performance.now() - measuredFrom))));
    samples.push(await hall.stats());
    const minute = Math.floor((performance.now() - measuredFrom) / 60_000);
    if (minute > minuteStats.length) minuteStats.push(await hall.lapStats());
  }
  isMeasuring = false;
  const measuredMs = performance.now() - measuredFrom;
  // A last partial minute gets its own row only when it lasted more than a second (the loop overshoots
  // the end by a few milliseconds, which is no minute at all).
  if (minuteStats.length < Math.ceil((measuredMs - 1_000) / 60_000)) minuteStats.push(await hall.lapStats());
  const after = samples.at(-1) ?? (await hall.stats());
  const { timings, gcPauses, checkpoints } = await hall.commandTimingsAndGc();
  clientLoop.disable();
  isRunning = false;
  await Promise.all(loops);
  await sleep(500); // the last broadcasts land
  const final = await new Promise<Ack<Snapshot>>((resolve) => kiosks[0]!.emit('sync:snapshot', {}, resolve));
  const waitingAtEnd = final.ok
    ? Object.values(final.value.state.tickets).filter((ticket) => ticket.status === 'waiting').length
    : Number.NaN;

  // ── figures ───────────────────────────────────────────────────────────────────────────────────
  let missing = 0;
  const callTimes = calls.flatMap(({ sentAt, version }) => {
    const arrivals = displayArrivals.map((display) => display.get(version));
    if (arrivals.some((at) => at === undefined)) {
      missing += 1;
      return [];
    }
    return [{ sentAt, ms: Math.max(...(arrivals as number[])) - sentAt }];
  });
  if (missing > 0) errors.push(`${missing} calls never reached every display`);
  const bareTimes = bareSent.flatMap(({ seq, sentAt }) => {
    const arrivals = bareArrivals.map((receiver) => receiver.get(seq));
    return arrivals.some((at) => at === undefined)
      ? []
      : [{ sentAt, ms: Math.max(...(arrivals as number[])) - sentAt }];
  });
  const issue = summary(issues.map((sample) => sample.ms));
  const call = summary(callTimes.map((sample) => sample.ms));
  const bareBroadcast = summary(bareTimes.map((sample) => sample.ms));
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
      issue: inMinute(issues, minute),
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

  const f = (ms: number): string => `${ms.toFixed(1).padStart(6)} ms`;
  const line = (label: string, figures: Summary): string =>
    `  ${label.padEnd(26)} p50 ${f(figures.p50)}   p99 ${f(figures.p99)}   max ${f(figures.max)}   (n=${figures.count})`;
  const perSecond = (n: number): string => (n / (measuredMs / 1000)).toFixed(1);
  const output = [
    `Hall simulation: ${COUNTERS} counters, ${DISPLAYS} displays, ${KIOSKS} kiosks (10× a busy hall's ` +
      `${BUSY_HALL_PEAK.counters} counters, ${BUSY_HALL_PEAK.displays} display, ${BUSY_HALL_PEAK.kiosks} kiosk); ` +
      `${seconds} s measured after ${warmupSeconds} s warm-up`,
    `  ${machineLine()}`,
    `  hall server: ${bundle ? 'compiled JavaScript (esbuild bundle, as a hall runs it)' : 'TypeScript through tsx'}, WAL checkpoints ${values['in-commit-checkpoints'] ? 'in the commit (SQLite default)' : 'after the commit'}, node flags ${[...serverNodeFlags(), ...values['node-flags'].split(' ').filter((flag) => flag !== '')].join(' ')}`,
    `  load: kiosk every ${issueEveryMs} ms each, think ${thinkMin}–${thinkMax} ms, server log ${serverLog}; ` +
      `${counts.issued} issued (${perSecond(counts.issued)}/s), ${counts.calls} calls (${perSecond(counts.calls)}/s), ` +
      `${perSecond(counts.issued + counts.commands + counts.queueEmpty)} commands/s, ${counts.queueEmpty} empty-queue calls, ` +
      `${waitingAtEnd} waiting at the end`,
    `  rate: issues ${Math.round(timesPeak(issuesPerSecond))}× and calls ${Math.round(timesPeak(callsPerSecond))}× ` +
      `a busy hall's peak (${BUSY_HALL_PEAK.ticketsPerHour} an hour); the 10× scenario needs 10×`,
    line('issue → ack', issue),
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
    `  bench client loop delay    p50 ${f(beyond(clientLoop.percentile(50)))}   p99 ${f(beyond(clientLoop.percentile(99)))}   max ${f(beyond(clientLoop.max))}`,
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
      counts,
      checks,
      errors,
    };
    writeFileSync(values.json, `${JSON.stringify(figures, null, 2)}\n`);
  }

  await hall.stop();
  if (values.profile) console.log(`  CPU profile of the server in ${profileDir}`);
  const isMissed = checks.some((check) => !check.isMet);
  return errors.length > 0 || (values['check-targets'] && isMissed) ? 1 : 0;
}

await runBenchMain({
  name: 'hall simulation',
  main,
  timeoutMs: (seconds + warmupSeconds + 120) * 1000,
  kill: () => {
    for (const child of children) child.process.kill('SIGKILL');
  },
  cleanup: async () => {
    isRunning = false;
    for (const socket of sockets) socket.close();
    for (const child of children) await child.kill();
    bundle?.remove();
    data.remove();
  },
});
