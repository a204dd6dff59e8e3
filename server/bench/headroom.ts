// Headroom: a hall server with 1,000 connected sockets. The display sockets live in worker processes
// (two by default), counters and a kiosk in this one; each call is timed from the moment its counter sent
// it to the moment the last of the ~1,000 sockets received it. Every process reads the same monotonic
// clock (see `monotonicMs` in bench-support.ts), and a ping over IPC checks that before the run.
//
//   pnpm bench                                    (every benchmark, see scripts/bench.mjs)
//   pnpm exec tsx server/bench/headroom.ts [--sockets 1000] [--workers 2] [--counters 20] [--seconds 60]
//        [--warmup 10] [--think-ms 1000-4000] [--seed N] [--fanout-slice N] [--no-bare] [--json out.json]
//        [--profile] [--check-targets]
//
// After the hall, the same fan-out through a bare Socket.IO relay (bare-broadcast-server.ts), the floor
// of this machine: fresh workers host as many relay receivers as the hall had displays, and this process
// relays at the hall's pace (every counter a call, a start and a complete with the same think times, the
// kiosk an issue as often), each message the bytes of one of the hall's calls and acked like a command.
// The hall's p99 is printed next to it and over it; --no-bare skips it.
//
// --fanout-slice N: sockets the server writes a change to per turn of its event loop (the server's
// default when absent; 1000000 writes every change to all sockets at once, as before the ChangeFanout).
// --profile writes CPU profiles of the hall server and of the workers to server/test-output/bench/.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Socket } from 'socket.io-client';
import type { Changes } from '@luot/shared/contracts';
import type { PriorityGroupId, ServiceId } from '@luot/shared/domain';
import { DEMO_CLERK_PIN } from '../src/app/demo-hall.ts';
import { FANOUT_SOCKETS_PER_TURN } from '../src/realtime/change-fanout.ts';
import { tempDataDir } from '../test/helpers.ts';
import type { HallChild, ReadyChild } from '../test/support/hall-child-process.ts';
import type { HallChildBundle } from '../test/support/hall-child-bundle.ts';
import { buildHallChildBundle } from '../test/support/hall-child-bundle.ts';
import { serverNodeFlags, spawnReadyChild, startHallChild } from '../test/support/hall-child-process.ts';
import { seededRandom } from '../test/support/seeded-random.ts';
import type { HallSocket, Summary } from './bench-support.ts';
import {
  connectBareRelay,
  connectHall,
  cpuTicks,
  machineLine,
  mb,
  monotonicMs,
  runBenchMain,
  send,
  sleep,
  stealPercentSince,
  summary,
  timesPeak,
  wholeOption,
} from './bench-support.ts';
import type { FromWorker } from './client-worker-protocol.ts';
import type { ClientWorker } from './client-workers.ts';
import { checkClocks, cpuPercent, startClientWorker, workersCpuMs } from './client-workers.ts';

/** Issue #17's target (it was 100 ms before). */
const TARGET_CALL_P99_MS = 50;
let bundle: HallChildBundle | undefined;

const { values } = parseArgs({
  options: {
    sockets: { type: 'string', default: '1000' },
    workers: { type: 'string', default: '2' },
    counters: { type: 'string', default: '20' },
    seconds: { type: 'string', default: '60' },
    warmup: { type: 'string', default: '10' },
    'think-ms': { type: 'string', default: '1000-4000' },
    seed: { type: 'string', default: '20261129' },
    'fanout-slice': { type: 'string' },
    // Skip the bare relay's run after the hall's.
    'no-bare': { type: 'boolean', default: false },
    json: { type: 'string' },
    profile: { type: 'boolean', default: false },
    // The hall child through tsx instead of the compiled bundle a hall runs (to compare).
    tsx: { type: 'boolean', default: false },
    'check-targets': { type: 'boolean', default: false },
  },
});

const totalSockets = wholeOption('sockets', values.sockets, 10);
const workerCount = wholeOption('workers', values.workers, 2);
const counterCount = wholeOption('counters', values.counters, 1);
const seconds = wholeOption('seconds', values.seconds, 1);
const warmupSeconds = wholeOption('warmup', values.warmup, 0);
const fanoutSlice =
  values['fanout-slice'] === undefined ? undefined : wholeOption('fanout-slice', values['fanout-slice'], 1);
const [thinkMin, thinkMax] = values['think-ms'].split('-').map(Number) as [number, number];
if (!(thinkMin >= 0 && thinkMax >= thinkMin))
  throw new Error(`--think-ms is min-max, got ${values['think-ms']}`);
const KIOSKS = 1;
const displayCount = totalSockets - counterCount - KIOSKS;
if (displayCount < workerCount) throw new Error('--sockets leaves too few displays for the workers');
/** A visit is three thinks; the kiosk issues a little faster than the counters call, so queues never run dry. */
const issueEveryMs = ((thinkMin + thinkMax) * 1.5) / counterCount / 1.05;

const random = seededRandom(Number(values.seed));
const here = path.dirname(fileURLToPath(import.meta.url));
const profileDir = path.join(here, '..', 'test-output', 'bench');
const data = tempDataDir('luot-headroom-');
const openSockets: (HallSocket | Socket)[] = [];
const workers: ClientWorker[] = [];
let hall: HallChild | undefined;
let bareRelay: ReadyChild | undefined;
let isRunning = true;
let isMeasuring = false;

async function main(): Promise<number> {
  const errors: string[] = [];
  // The server a hall runs: JavaScript compiled by esbuild (`pnpm start`), not TypeScript through tsx.
  if (!values.tsx) bundle = await buildHallChildBundle();
  const registerStarted = monotonicMs();
  hall = await startHallChild({
    dataDir: data.dir,
    hall: 'large',
    counters: counterCount,
    terminals: 'all',
    kiosks: KIOSKS,
    displays: displayCount,
    log: 'json',
    ipc: true,
    ...(bundle ? { bundle: bundle.file } : {}),
    ...(fanoutSlice === undefined ? {} : { fanoutSlice }),
    execArgv: values.profile ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
  });
  const registerMs = monotonicMs() - registerStarted;

  const callArrivals = new LastArrivals();
  const pool = Array.from({ length: workerCount }, () =>
    startClientWorker({
      onArrivals: ({ calls }) => callArrivals.add(calls),
      ...(values.profile ? { profileDir } : {}),
    }),
  );
  workers.push(...pool);

  const connectStarted = monotonicMs();
  const tokens = hall.devices.displays.map((device) => device.token);
  const connected = await Promise.all(
    pool.map((worker, index) => {
      const share = tokens.filter((_, position) => position % workerCount === index);
      const answer = worker.next('connected');
      worker.post({ type: 'connect', url: hall!.url, displays: share, kiosks: [], bareReceivers: 0 });
      return answer;
    }),
  );
  const kiosk = (await connectHall(hall.url, hall.devices.kiosks[0]!.token)).socket;
  openSockets.push(kiosk);
  const counters = await Promise.all(
    hall.devices.counters.map(async (device) => {
      const { socket } = await connectHall(hall!.url, device.token);
      openSockets.push(socket);
      const signIn = await send(socket, 'clerk:sign-in', { username: device.username, pin: DEMO_CLERK_PIN });
      if (!signIn.ok) throw new Error(`${device.counterId} could not sign in: ${signIn.error.code}`);
      return socket;
    }),
  );
  const connectMs = monotonicMs() - connectStarted;

  // The clocks (checked once the workers are idle): a time sent by this process must never be later than the worker's time of receipt.
  const clockChecks = await checkClocks(pool);
  if (Math.min(...clockChecks) < 0)
    errors.push('a worker received a ping before it was sent: clocks disagree');

  const displaySockets = connected.reduce((sum, answer) => sum + answer.sockets, 0);
  const socketCount = displaySockets + counters.length + 1;

  const { services, priorityGroups } = (
    await connectHall(hall.url, hall.devices.kiosks[0]!.token).then(({ socket, snapshot }) => {
      socket.close();
      return snapshot;
    })
  ).config;
  const serviceIds: readonly ServiceId[] = services.map((service) => service.id);
  const priorityIds: readonly PriorityGroupId[] = priorityGroups.map((group) => group.id);
  for (let index = 0; index < 2 * counterCount; index += 1) {
    const issued = await send(kiosk, 'ticket:issue', { serviceId: serviceIds[index % serviceIds.length]! });
    if (!issued.ok) throw new Error(`backlog: ${issued.error.code}`);
  }

  // ── load ──────────────────────────────────────────────────────────────────────────────────────
  const issueMs: number[] = [];
  const calls: { sentAt: number; version: number }[] = [];
  // One call's change as the displays got it: the bare relay's message.
  let callChanges: Changes | undefined;
  const counts = { issued: 0, calls: 0, queueEmpty: 0 };
  const refuse = (what: string, code: string): void => {
    if (errors.length < 20) errors.push(`${what}: ${code}`);
  };
  const kioskLoop = async (): Promise<void> => {
    let due = performance.now();
    while (isRunning) {
      await sleep(Math.max(0, due - performance.now()));
      due += issueEveryMs;
      const sentAt = performance.now();
      const answer = await send(kiosk, 'ticket:issue', {
        serviceId: random.pick(serviceIds),
        priorityGroupId: random.next() < 0.1 ? random.pick(priorityIds) : null,
      });
      if (!answer.ok) refuse('issue', answer.error.code);
      else if (isMeasuring) {
        issueMs.push(performance.now() - sentAt);
        counts.issued += 1;
      }
    }
  };
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
      if (!called) continue;
      callChanges ??= {
        fromVersion: call.value.version - call.value.events.length,
        toVersion: call.value.version,
        events: call.value.events,
      };
      if (isMeasuring) {
        calls.push({ sentAt, version: called.version });
        counts.calls += 1;
      }
      await think();
      const start = await send(socket, 'ticket:start', {});
      if (!start.ok) refuse('start', start.error.code);
      await think();
      const complete = await send(socket, 'ticket:complete', {});
      if (!complete.ok) refuse('complete', complete.error.code);
      await think();
    }
  };
  const loops = [kioskLoop(), ...counters.map(counterLoop)];

  await sleep(warmupSeconds * 1000);
  await hall.resetStats();
  const before = await hall.stats();
  const workerCpuBefore = await workersCpuMs(pool);
  await hall.commandTimings(); // the warm-up's are not counted
  isMeasuring = true;
  const measuredFrom = performance.now();
  const measuredTicks = cpuTicks();
  const samples = [];
  while (performance.now() - measuredFrom < seconds * 1000) {
    await sleep(Math.min(1000, Math.max(0, seconds * 1000 - (performance.now() - measuredFrom))));
    samples.push(await hall.stats());
  }
  isMeasuring = false;
  const measuredMs = performance.now() - measuredFrom;
  const after = samples.at(-1) ?? (await hall.stats());
  // Where a call's time goes in the server: to its commit, then writing the change to every socket.
  const callTimings = (await hall.commandTimings()).filter((timing) => timing.command === 'call-next');
  const serverCall = summary(callTimings.map((timing) => timing.totalMs));
  const serverBroadcast = summary(callTimings.map((timing) => timing.broadcastMs));
  const workerCpuAfter = await workersCpuMs(pool);
  const workerCpuPercent = workerCpuAfter.map((cpuMs, index) =>
    cpuPercent(cpuMs - workerCpuBefore[index]!, measuredMs),
  );
  isRunning = false;
  await Promise.all(loops);
  const hallStealPercent = stealPercentSince(measuredTicks);
  await sleep(1000); // the last broadcasts land
  const finished = await finishWorkers(pool);

  // ── figures ───────────────────────────────────────────────────────────────────────────────────
  const { ms: callMs, missing } = callArrivals.delays(
    calls.map(({ sentAt, version }) => ({ item: version, sentAt })),
  );
  if (missing > 0) errors.push(`${missing} calls never reached every display`);
  const disconnects = finished.reduce((sum, answer) => sum + answer.disconnects, 0);
  if (disconnects > 0) errors.push(`${disconnects} display sockets disconnected during the run`);
  if (displaySockets !== displayCount)
    errors.push(`only ${displaySockets} of ${displayCount} displays connected`);
  const call = summary(callMs);
  const issue = summary(issueMs);
  for (const socket of openSockets.splice(0)) socket.close();
  await hall.stop();
  hall = undefined;
  if (!values['no-bare'] && callChanges === undefined)
    errors.push('no call to relay: the bare relay did not run');
  const bare =
    values['no-bare'] || callChanges === undefined
      ? undefined
      : await measureBareRelay(callChanges, displayCount, issueEveryMs);
  if (bare !== undefined && bare.missing > 0)
    errors.push(`${bare.missing} relays never reached every bare receiver`);
  const clock = summary(clockChecks);
  const serverCpuPercent =
    Math.round(
      ((after.cpuUserMs + after.cpuSystemMs - before.cpuUserMs - before.cpuSystemMs) / measuredMs) * 1000,
    ) / 10;
  const rssMaxMb = mb(Math.max(...samples.map((sample) => sample.rssBytes)));
  const heapMaxMb = mb(Math.max(...samples.map((sample) => sample.heapUsedBytes)));
  const callsPerSecond = counts.calls / (measuredMs / 1000);
  const checks = [
    {
      name: `p99 call → last of ${socketCount} sockets ≤ ${TARGET_CALL_P99_MS} ms`,
      isMet: call.p99 <= TARGET_CALL_P99_MS,
    },
    { name: `${totalSockets} sockets connected`, isMet: socketCount >= totalSockets },
  ];
  const f = (ms: number): string => `${ms.toFixed(1).padStart(6)} ms`;
  const line = (label: string, figures: Summary): string =>
    `  ${label.padEnd(26)} p50 ${f(figures.p50)}   p99 ${f(figures.p99)}   max ${f(figures.max)}   (n=${figures.count})`;
  const output = [
    `Headroom: ${socketCount} sockets (${displaySockets} displays in ${workerCount} worker processes, ` +
      `${counters.length} counters and ${KIOSKS} kiosk in the bench process); ${seconds} s measured after ${warmupSeconds} s warm-up`,
    `  ${machineLine(hallStealPercent)}`,
    `  hall server: ${bundle ? 'compiled JavaScript (esbuild bundle, as a hall runs it)' : 'TypeScript through tsx'}, node flags ${serverNodeFlags().join(' ')}, ` +
      `changes written to ${fanoutSlice ?? FANOUT_SOCKETS_PER_TURN} sockets per turn`,
    `  setup: ${displayCount + counterCount + KIOSKS} devices registered and hall started in ${(registerMs / 1000).toFixed(1)} s, ` +
      `all connected in ${(connectMs / 1000).toFixed(1)} s`,
    `  load: ${counts.issued} issued, ${counts.calls} calls (${callsPerSecond.toFixed(2)}/s, ${Math.round(timesPeak(callsPerSecond))}× a busy hall's peak), ` +
      `${counts.queueEmpty} empty-queue calls; every change goes to all ${socketCount} sockets`,
    line('call → last socket', call),
    ...(bare === undefined
      ? []
      : [
          line('bare relay → last socket', bare.relay),
          `  ratio p99 hall / bare       ${(call.p99 / bare.relay.p99).toFixed(2)}×` +
            ` (bare relay: its workers' CPU ${bare.workerCpuPercent.map((cpu) => `${cpu}%`).join(' and ')} of one core, ` +
            `loop delay max ${bare.loopDelayMaxMs.map((ms) => ms.toFixed(1)).join(' and ')} ms)`,
        ]),
    line('  server: call → commit', serverCall),
    line('  server: its first slice', serverBroadcast),
    line('issue → ack', issue),
    line('clock check (IPC ping)', clock),
    `  server memory              RSS max ${rssMaxMb} MB, heap used max ${heapMaxMb} MB`,
    `  server event-loop delay    p50 ${f(after.loopDelayMs.p50)}   p99 ${f(after.loopDelayMs.p99)}   max ${f(after.loopDelayMs.max)}`,
    `  server CPU                 ${serverCpuPercent}% of one core`,
    ...finished.map(
      (answer, index) =>
        `  worker ${index + 1} loop delay      p50 ${f(answer.loopDelayMs.p50)}   p99 ${f(answer.loopDelayMs.p99)}   max ${f(answer.loopDelayMs.max)}; ` +
        `CPU ${workerCpuPercent[index]}% of one core`,
    ),
    ...checks.map((check) => `  ${check.isMet ? 'met   ' : 'MISSED'} ${check.name}`),
    ...errors.map((error) => `  ERROR ${error}`),
  ];
  console.log(output.join('\n'));
  if (values.json) {
    const figures = {
      sockets: socketCount,
      workers: workerCount,
      call,
      bareRelay: bare?.relay,
      serverCall,
      serverBroadcast,
      issue,
      clock,
      rssMaxMb,
      heapMaxMb,
      serverCpuPercent,
      workerCpuPercent,
      loopDelayMs: after.loopDelayMs,
      counts,
      registerMs,
      connectMs,
      checks,
      errors,
    };
    writeFileSync(values.json, `${JSON.stringify(figures, null, 2)}\n`);
  }
  const isMissed = checks.some((check) => !check.isMet);
  return errors.length > 0 || (values['check-targets'] && isMissed) ? 1 : 0;
}

/**
 * When each item (a call's version, a relay's seq) reached the last socket of every worker: the latest of
 * the workers' reports, each worker reporting an item once all its own sockets have it.
 */
class LastArrivals {
  private readonly latest = new Map<number, { at: number; workers: number }>();

  add(arrivals: readonly (readonly [number, number])[]): void {
    for (const [item, at] of arrivals) {
      const entry = this.latest.get(item) ?? { at: 0, workers: 0 };
      this.latest.set(item, { at: Math.max(entry.at, at), workers: entry.workers + 1 });
    }
  }

  /** Each sent item's time to the last socket of all; `missing`: items some worker never reported. */
  delays(sent: readonly { item: number; sentAt: number }[]): { ms: number[]; missing: number } {
    let missing = 0;
    const ms = sent.flatMap(({ item, sentAt }) => {
      const arrival = this.latest.get(item);
      if (!arrival || arrival.workers < workerCount) {
        missing += 1;
        return [];
      }
      return [arrival.at - sentAt];
    });
    return { ms, missing };
  }
}

/** A worker's last figures. */
type FinishedWorker = Extract<FromWorker, { type: 'finished' }>;

/** Tell every worker to finish and wait for its last figures, then a moment for its last arrivals. */
async function finishWorkers(pool: readonly ClientWorker[]): Promise<FinishedWorker[]> {
  const finished = await Promise.all(
    pool.map((worker) => {
      const answer = worker.next('finished');
      worker.post({ type: 'finish' });
      return answer;
    }),
  );
  await sleep(300);
  return finished;
}

/** The bare relay's run: as many receivers as the hall had displays, the hall's pace and payload. */
async function measureBareRelay(
  payload: Changes,
  receivers: number,
  kioskEveryMs: number,
): Promise<{ relay: Summary; missing: number; workerCpuPercent: number[]; loopDelayMaxMs: number[] }> {
  bareRelay = await spawnReadyChild(path.join(here, 'bare-broadcast-server.ts'), []);
  const bareUrl = `http://127.0.0.1:${bareRelay.port}`;
  const relayArrivals = new LastArrivals();
  const pool = Array.from({ length: workerCount }, () =>
    startClientWorker({ onArrivals: ({ relays }) => relayArrivals.add(relays) }),
  );
  workers.push(...pool);
  await Promise.all(
    pool.map((worker, index) => {
      const answer = worker.next('connected');
      const share = Math.floor(receivers / workerCount) + (index < receivers % workerCount ? 1 : 0);
      worker.post({ type: 'connect', url: bareUrl, displays: [], kiosks: [], bareUrl, bareReceivers: share });
      return answer;
    }),
  );
  // The senders: one per counter and the kiosk, as the hall's were.
  const senders = await Promise.all(
    Array.from({ length: counterCount + KIOSKS }, () => connectBareRelay(bareUrl, 'sender')),
  );
  openSockets.push(...senders);
  let seq = 0;
  let isRelaying = true;
  let isTimed = false;
  const sent: { seq: number; sentAt: number }[] = [];
  const relay = async (socket: Socket, isCall: boolean): Promise<void> => {
    seq += 1;
    const message = { seq, changes: payload };
    const sentAt = monotonicMs();
    await socket.timeout(10_000).emitWithAck('relay-ack', message);
    if (isCall && isTimed) sent.push({ seq: message.seq, sentAt });
  };
  const think = (): Promise<void> => sleep(random.int(thinkMin, thinkMax));
  const counterLoop = async (socket: Socket): Promise<void> => {
    await sleep(random.int(0, thinkMax));
    while (isRelaying) {
      await relay(socket, true);
      await think();
      await relay(socket, false);
      await think();
      await relay(socket, false);
      await think();
    }
  };
  const kioskLoop = async (socket: Socket): Promise<void> => {
    let due = performance.now();
    while (isRelaying) {
      await sleep(Math.max(0, due - performance.now()));
      due += kioskEveryMs;
      await relay(socket, false);
    }
  };
  const loops = [...senders.slice(0, counterCount).map(counterLoop), kioskLoop(senders.at(-1)!)];
  await sleep(warmupSeconds * 1000);
  const cpuBefore = await workersCpuMs(pool);
  isTimed = true;
  const measuredFrom = performance.now();
  await sleep(seconds * 1000);
  isTimed = false;
  const measuredMs = performance.now() - measuredFrom;
  const cpuAfter = await workersCpuMs(pool);
  isRelaying = false;
  await Promise.all(loops);
  await sleep(1000);
  const finished = await finishWorkers(pool);
  for (const socket of senders) socket.close();
  bareRelay.process.kill();
  const { ms: relayMs, missing } = relayArrivals.delays(
    sent.map(({ seq, sentAt }) => ({ item: seq, sentAt })),
  );
  return {
    relay: summary(relayMs),
    missing,
    workerCpuPercent: cpuAfter.map((cpuMs, index) => cpuPercent(cpuMs - cpuBefore[index]!, measuredMs)),
    loopDelayMaxMs: finished.map((answer) => answer.loopDelayMs.max),
  };
}

await runBenchMain({
  name: 'headroom',
  main,
  timeoutMs: (2 * (seconds + warmupSeconds) + 300) * 1000,
  kill: () => {
    for (const worker of workers) worker.process.kill('SIGKILL');
    hall?.process.kill('SIGKILL');
    bareRelay?.process.kill('SIGKILL');
  },
  cleanup: async () => {
    isRunning = false;
    for (const socket of openSockets) socket.close();
    for (const { process: worker } of workers)
      if (worker.exitCode === null && worker.signalCode === null) worker.kill('SIGKILL');
    await hall?.kill();
    bareRelay?.process.kill('SIGKILL');
    bundle?.remove();
    data.remove();
  },
});
