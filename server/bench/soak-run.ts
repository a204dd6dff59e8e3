// The soak: twice a busy hall's peak (12 counters, 2 displays, 1 kiosk) against a hall server in its own
// process for a long time, optionally through many business days (the hall's clock jumps over each
// night), sampling the server's memory (after a full GC), its WAL file and the latency at a fixed
// interval, then checking the history of every command against the database. The 30-minute
// run (soak.ts, `pnpm bench --soak-minutes 30`) and the CI test (server/test/soak.test.ts) both run this.
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import type { PriorityGroupId, ServiceId, TicketId } from '@luot/shared/domain';
import { DEMO_CLERK_PIN } from '../src/app/demo-hall.ts';
import { DATABASE_FILE } from '../src/hall-server.ts';
import { largeHallConfig } from '../test/fixtures.ts';
import { tempDataDir } from '../test/helpers.ts';
import { acknowledgedTicketIds, auditDatabase } from '../test/support/database-audit.ts';
import type { ServerStats } from '../test/support/hall-child-protocol.ts';
import type { HallChild } from '../test/support/hall-child-process.ts';
import { startHallChild } from '../test/support/hall-child-process.ts';
import type { Operation } from '../test/support/recording-client.ts';
import { RecordingClient } from '../test/support/recording-client.ts';
import { seededRandom } from '../test/support/seeded-random.ts';
import type { HallSocket, Summary } from './bench-support.ts';
import { BUSY_HALL_PEAK, connectHall, linearFit, sleep, summary, timesPeak } from './bench-support.ts';

const MB = 1024 * 1024;
const DAY_MS = 24 * 60 * 60_000;
/** The large hall's time zone (the demo hall's). */
const HALL_TIME_ZONE = largeHallConfig(1).hall.timeZone;
const hourIn = (timeZone: string): number =>
  Number(
    new Intl.DateTimeFormat('en-GB', { timeZone, hour: 'numeric', hourCycle: 'h23' }).format(new Date()),
  );

/** Twice a busy hall's peak: twice the counters and twice the rate. */
export const SOAK_HALL = {
  counters: 2 * BUSY_HALL_PEAK.counters,
  displays: 2 * BUSY_HALL_PEAK.displays,
  kiosks: BUSY_HALL_PEAK.kiosks,
  peakMultiple: 2,
} as const;

/** How a soak runs. */
export interface SoakOptions {
  /** Measured time after the warm-up. */
  readonly minutes: number;
  /** Not counted in the memory fit nor in the first interval's latency. */
  readonly warmupMinutes: number;
  /**
   * Time compression: at speed S a visit lasts 240 s / S and the kiosk issues S times as often, so the
   * hall serves S hours of twice-peak traffic per hour of soak. Speed 1 is the real pace.
   */
  readonly speed: number;
  /**
   * The speed during the warm-up (default: `speed`). A faster warm-up gives the database the size of a
   * hall after its first days, so the server's page cache (4 MB, `PAGE_CACHE_KIB`) is full and V8's heap
   * spaces are at their working size before memory is measured, as in a hall that has been running for
   * a while.
   */
  readonly warmupSpeed?: number;
  /**
   * Tickets the kiosk issues in one business day. When set, a day ends after that many: the kiosk stops,
   * the counters serve what is left, the hall's clock jumps a day ahead (the night) and the next day
   * opens, so the run lives through many rollovers and shows whether memory comes back when a day's
   * tickets leave it. Unset: one business day for the whole run.
   */
  readonly dayTickets?: number;
  /** One row of figures per interval (60 s for the long soak). */
  readonly sampleSeconds: number;
  readonly seed: number;
  /** Called with each row as it is taken (the long soak prints them). */
  readonly onRow?: (row: SoakRow) => void;
}

/** One sampling interval. */
export interface SoakRow {
  /** Seconds since the warm-up ended (negative during the warm-up). */
  readonly at: number;
  readonly isWarmup: boolean;
  readonly rssMb: number;
  /** Heap used after a full garbage collection. */
  readonly heapMb: number;
  readonly walBytes: number;
  /**
   * The WAL header's checkpoint sequence number: SQLite adds one each time it writes the WAL again
   * from its start, after a checkpoint copied all of it (null before the WAL has a header).
   */
  readonly walStarts: number | null;
  readonly databaseBytes: number;
  readonly loopDelayMs: { readonly p99: number; readonly max: number };
  readonly issue: Summary;
  /** Call sent → the last display received it. */
  readonly call: Summary;
  /** Totals since the start. */
  readonly issued: number;
  readonly calls: number;
  /** The hall's event version at the sample. */
  readonly version: number;
  /** Business days begun since the start (0 during the first day). */
  readonly rollovers: number;
}

/** A soak's outcome. */
export interface SoakResult {
  readonly rows: readonly SoakRow[];
  readonly measured: readonly SoakRow[];
  readonly heap: {
    readonly slopeMbPerHour: number;
    readonly spreadMb: number;
    /** The fitted growth over the measured time per ticket issued in it (the day's tickets stay in memory). */
    readonly kbPerTicket: number;
  };
  readonly rss: { readonly slopeMbPerHour: number; readonly spreadMb: number };
  readonly wal: {
    readonly maxBytes: number;
    /** How many times the WAL was written again from its start in the first and second half of the measured time. */
    readonly startsFirstHalf: number;
    readonly startsSecondHalf: number;
  };
  readonly latency: {
    readonly firstCallP99: number;
    readonly lastCallP99: number;
    readonly call: Summary;
    readonly issue: Summary;
  };
  readonly counts: {
    readonly issued: number;
    readonly calls: number;
    readonly queueEmpty: number;
    readonly commands: number;
    /** Business days begun during the run (each a rollover with the clock moved a day ahead). */
    readonly rollovers: number;
  };
  readonly timesPeak: { readonly issue: number; readonly call: number };
  /** Broken invariants: the database audit, tickets called twice, calls never seen by a display, refusals. */
  readonly violations: readonly string[];
  readonly seed: number;
}

/** Run a soak against a fresh hall child in a temporary folder, removed at the end. */
export async function runSoak(options: SoakOptions): Promise<SoakResult> {
  const data = tempDataDir('luot-soak-');
  const sockets: HallSocket[] = [];
  const clients: RecordingClient[] = [];
  let hall: HallChild | undefined;
  try {
    hall = await startHallChild({
      dataDir: data.dir,
      hall: 'large',
      counters: SOAK_HALL.counters,
      terminals: 'all',
      kiosks: SOAK_HALL.kiosks,
      displays: SOAK_HALL.displays,
      log: 'json',
      ipc: true,
      execArgv: ['--expose-gc'],
      // Twelve hours from now: the business day never rolls over during a soak (a rollover expires
      // the open tickets, which the load would see as refusals).
      rolloverHour: (hourIn(HALL_TIME_ZONE) + 12) % 24,
    });
    return await load(hall, data.dir, options, sockets, clients);
  } finally {
    for (const client of clients) client.close();
    for (const socket of sockets) socket.close();
    await hall?.kill();
    data.remove();
  }
}

async function load(
  hall: HallChild,
  dataDir: string,
  options: SoakOptions,
  sockets: HallSocket[],
  clients: RecordingClient[],
): Promise<SoakResult> {
  const random = seededRandom(options.seed);
  const history: Operation[] = [];
  const violations: string[] = [];
  const refuse = (what: string, code: string): void => {
    if (violations.length < 20) violations.push(`${what} refused: ${code}`);
  };
  const databaseFile = path.join(dataDir, DATABASE_FILE);
  const sizeOf = (file: string): number => (existsSync(file) ? statSync(file).size : 0);

  // Displays: when each call's version arrived.
  const arrivals: Map<number, number>[] = [];
  for (const device of hall.devices.displays) {
    const { socket } = await connectHall(hall.url, device.token);
    sockets.push(socket);
    const seen = new Map<number, number>();
    arrivals.push(seen);
    socket.on('hall:changes', (changes) => {
      const now = performance.now();
      for (const event of changes.events) if (event.type === 'ticket.called') seen.set(event.version, now);
    });
  }
  const kiosk = await RecordingClient.connect(hall.url, hall.devices.kiosks[0]!, 'kiosk', history, 'soak');
  clients.push(kiosk);
  const counters = await Promise.all(
    hall.devices.counters.map(async (device) => {
      const client = await RecordingClient.connect(hall.url, device, device.counterId, history, 'soak');
      clients.push(client);
      const signIn = await client.run('clerk:sign-in', { username: device.username, pin: DEMO_CLERK_PIN }, 0);
      if (signIn.kind !== 'ok') throw new Error(`${device.counterId} could not sign in`);
      return client;
    }),
  );
  const serviceIds: readonly ServiceId[] = kiosk.snapshot.config.services.map((service) => service.id);
  const priorityIds: readonly PriorityGroupId[] = kiosk.snapshot.config.priorityGroups.map(
    (group) => group.id,
  );

  // ── the load ──────────────────────────────────────────────────────────────────────────────────
  const began = performance.now();
  const warmupEnds = began + options.warmupMinutes * 60_000;
  const speedNow = (): number =>
    performance.now() < warmupEnds ? (options.warmupSpeed ?? options.speed) : options.speed;
  const thinkMsAt = (speed: number): number => (BUSY_HALL_PEAK.visitSeconds * 1000) / 3 / speed;
  // A little faster than the counters call, so that the queues never run dry.
  const issueEveryMsAt = (speed: number): number =>
    1000 / ((BUSY_HALL_PEAK.ticketsPerHour * SOAK_HALL.peakMultiple * speed) / 3600) / 1.05;
  const issues: { sentAt: number; ms: number }[] = [];
  const calls: { sentAt: number; version: number; ticketId: TicketId }[] = [];
  const counts = { issued: 0, calls: 0, queueEmpty: 0, commands: 0 };
  /** The business day: open (the kiosk issues) or closed (the counters serve what is left, then night). */
  const day = { issued: 0, isOpen: true, rollovers: 0, busyCounters: 0 };
  /** When the kiosk was closed (the rate of issues is over the open time). */
  const closings: { from: number; to: number }[] = [];
  let isRunning = true;
  // Started with a queue: one ticket per counter.
  for (let index = 0; index < SOAK_HALL.counters; index += 1) {
    const issued = await kiosk.run('ticket:issue', { serviceId: serviceIds[index % serviceIds.length]! }, 0);
    if (issued.kind !== 'ok') throw new Error('could not issue the first tickets');
  }
  const kioskLoop = async (): Promise<void> => {
    let due = performance.now();
    while (isRunning) {
      if (!day.isOpen) {
        await sleep(20);
        due = performance.now();
        continue;
      }
      await sleep(Math.max(0, due - performance.now()));
      due += issueEveryMsAt(speedNow()) * (0.5 + random.next());
      const sentAt = performance.now();
      const outcome = await kiosk.run(
        'ticket:issue',
        {
          serviceId: random.pick(serviceIds),
          priorityGroupId: random.next() < 0.1 ? random.pick(priorityIds) : null,
        },
        0,
      );
      counts.commands += 1;
      if (outcome.kind === 'ok') {
        issues.push({ sentAt, ms: performance.now() - sentAt });
        counts.issued += 1;
        day.issued += 1;
        if (options.dayTickets !== undefined && day.issued >= options.dayTickets) {
          day.isOpen = false;
          closings.push({ from: performance.now(), to: Number.POSITIVE_INFINITY });
        }
      } else refuse('issue', outcome.kind === 'failed' ? outcome.error.code : 'unknown');
    }
  };
  // Once the kiosk has closed and every ticket of the day is served, the night passes in a moment: the
  // hall's clock jumps a day and the server starts the next business day (the day's tickets leave memory).
  const nightLoop = async (): Promise<void> => {
    while (isRunning) {
      // Every ticket ever issued (the starting queue too) has been called, and no visit is under way.
      const isServed = counts.calls >= SOAK_HALL.counters + counts.issued && day.busyCounters === 0;
      if (day.isOpen || !isServed) {
        await sleep(20);
        continue;
      }
      await hall.advanceClock(DAY_MS);
      day.rollovers += 1;
      day.issued = 0;
      day.isOpen = true;
      closings.at(-1)!.to = performance.now();
    }
  };
  const think = (): Promise<void> => sleep(thinkMsAt(speedNow()) * (0.5 + random.next()));
  const counterLoop = async (client: RecordingClient): Promise<void> => {
    await sleep(random.next() * thinkMsAt(speedNow()) * 3);
    while (isRunning) {
      const sentAt = performance.now();
      const call = await client.run('ticket:call-next', {}, 0);
      counts.commands += 1;
      if (call.kind !== 'ok') {
        if (call.kind === 'failed' && call.error.code === 'QUEUE_EMPTY') counts.queueEmpty += 1;
        else refuse('call-next', call.kind === 'failed' ? call.error.code : 'unknown');
        await think();
        continue;
      }
      const called = call.value.events.find((event) => event.type === 'ticket.called');
      if (!called || called.type !== 'ticket.called') {
        refuse('call-next', 'acknowledged without a ticket.called event');
        await think();
        continue;
      }
      calls.push({ sentAt, version: called.version, ticketId: called.ticketId });
      counts.calls += 1;
      day.busyCounters += 1;
      await think();
      const start = await client.run('ticket:start', {}, 0);
      if (start.kind !== 'ok') refuse('start', start.kind === 'failed' ? start.error.code : 'unknown');
      await think();
      const complete = await client.run('ticket:complete', {}, 0);
      if (complete.kind !== 'ok')
        refuse('complete', complete.kind === 'failed' ? complete.error.code : 'unknown');
      counts.commands += 2;
      day.busyCounters -= 1;
      await think();
    }
  };
  const loops = [
    kioskLoop(),
    ...counters.map(counterLoop),
    ...(options.dayTickets === undefined ? [] : [nightLoop()]),
  ];

  // ── sampling ──────────────────────────────────────────────────────────────────────────────────
  const ends = warmupEnds + options.minutes * 60_000;
  const samples: Sample[] = [];
  await hall.lapStats();
  let from = began;
  while (performance.now() < ends - 1) {
    const now = performance.now();
    // Intervals are aligned on the end of the warm-up, so no interval straddles it.
    const boundary = now < warmupEnds ? warmupEnds : ends;
    const to = Math.min(boundary, now + options.sampleSeconds * 1000);
    await sleep(to - now);
    // The forced GC's pause lands in the next interval's event-loop delay (once per interval).
    const lap = await hall.lapStats();
    const collected = await hall.gcStats();
    const stats = { ...collected, loopDelayMs: lap.loopDelayMs };
    const sample: Sample = {
      from,
      to,
      stats,
      wal: sizeOf(`${databaseFile}-wal`),
      walStarts: walCheckpointSequence(`${databaseFile}-wal`),
      db: sizeOf(databaseFile),
      issued: counts.issued,
      calls: counts.calls,
      rollovers: day.rollovers,
    };
    samples.push(sample);
    options.onRow?.(rowOf(sample, issues, [], warmupEnds));
    from = to;
  }
  isRunning = false;
  await Promise.all(loops);
  await sleep(1000); // the last broadcasts land

  // ── figures ───────────────────────────────────────────────────────────────────────────────────
  const callTimes = calls.flatMap(({ sentAt, version }) => {
    const seen = arrivals.map((display) => display.get(version));
    if (seen.some((at) => at === undefined)) {
      violations.push(`the call of version ${version} never reached every display`);
      return [];
    }
    return [{ sentAt, ms: Math.max(...(seen as number[])) - sentAt }];
  });
  const rows = samples.map((sample) => rowOf(sample, issues, callTimes, warmupEnds));
  const measured = rows.filter((row) => !row.isWarmup);
  const hours = (row: SoakRow): number => row.at / 3600;
  const heapFit = linearFit(measured.map((row) => ({ x: hours(row), y: row.heapMb })));
  const rssFit = linearFit(measured.map((row) => ({ x: hours(row), y: row.rssMb })));
  const half = Math.ceil(measured.length / 2);
  const maxWal = (list: readonly SoakRow[]): number => Math.max(0, ...list.map((row) => row.walBytes));
  // From the row before a half (the warm-up's last, for the first) to the half's last row.
  const walStartsBetween = (from: SoakRow | undefined, to: SoakRow | undefined): number =>
    from?.walStarts != null && to?.walStarts != null ? to.walStarts - from.walStarts : 0;
  const beforeMeasured = rows[rows.length - measured.length - 1] ?? measured[0];
  const inMeasured = <T extends { sentAt: number }>(list: readonly T[]): T[] =>
    list.filter((sample) => sample.sentAt >= warmupEnds);

  // ── the history against the database ──────────────────────────────────────────────────────────
  for (const client of clients) client.close();
  await hall.stop();
  const audit = auditDatabase(path.join(dataDir, DATABASE_FILE), history);
  violations.push(...audit.violations);
  const issuedIds = acknowledgedTicketIds(history);
  const calledIds = new Set<number>();
  for (const { ticketId } of calls) {
    if (calledIds.has(ticketId)) violations.push(`ticket ${ticketId} was called twice`);
    if (!issuedIds.has(ticketId)) violations.push(`ticket ${ticketId} was called but never issued`);
    calledIds.add(ticketId);
  }
  const measuredSeconds = options.minutes * 60;
  // The kiosk issues while the hall is open; the counters work through the closing too.
  const closedSeconds =
    closings.reduce(
      (sum, { from, to }) => sum + Math.max(0, Math.min(to, ends) - Math.max(from, warmupEnds)),
      0,
    ) / 1000;
  const callsMeasured = inMeasured(calls).length;
  const issuedMeasured = inMeasured(issues).length;
  return {
    rows,
    measured,
    heap: {
      slopeMbPerHour: heapFit.slope,
      spreadMb: heapFit.spread,
      kbPerTicket: (heapFit.slope * (options.minutes / 60) * 1024) / Math.max(1, issuedMeasured),
    },
    rss: { slopeMbPerHour: rssFit.slope, spreadMb: rssFit.spread },
    wal: {
      maxBytes: maxWal(measured),
      startsFirstHalf: walStartsBetween(beforeMeasured, measured[half - 1]),
      startsSecondHalf: walStartsBetween(measured[half - 1], measured.at(-1)),
    },
    latency: {
      firstCallP99: measured[0]?.call.p99 ?? Number.NaN,
      lastCallP99: measured.at(-1)?.call.p99 ?? Number.NaN,
      call: summary(inMeasured(callTimes).map((sample) => sample.ms)),
      issue: summary(inMeasured(issues).map((sample) => sample.ms)),
    },
    counts: { ...counts, rollovers: day.rollovers },
    timesPeak: {
      issue: timesPeak(issuedMeasured / Math.max(1, measuredSeconds - closedSeconds)),
      call: timesPeak(callsMeasured / measuredSeconds),
    },
    violations,
    seed: options.seed,
  };
}

/**
 * The checkpoint sequence number in a WAL file's 32-byte header (big-endian, at byte 12, after the
 * magic number, the format version and the page size), or null when the file has no header yet.
 */
export function walCheckpointSequence(file: string): number | null {
  if (!existsSync(file)) return null;
  const header = Buffer.alloc(16);
  const descriptor = openSync(file, 'r');
  try {
    if (readSync(descriptor, header, 0, 16, 0) < 16) return null;
  } finally {
    closeSync(descriptor);
  }
  const magic = header.readUInt32BE(0);
  return magic === 0x377f0682 || magic === 0x377f0683 ? header.readUInt32BE(12) : null;
}

/** What is read at the end of one interval. */
interface Sample {
  readonly from: number;
  readonly to: number;
  readonly stats: ServerStats;
  readonly wal: number;
  readonly walStarts: number | null;
  readonly db: number;
  /** Totals so far. */
  readonly issued: number;
  readonly calls: number;
  readonly rollovers: number;
}

function rowOf(
  sample: Sample,
  issues: readonly { sentAt: number; ms: number }[],
  callTimes: readonly { sentAt: number; ms: number }[],
  warmupEnds: number,
): SoakRow {
  const within = (list: readonly { sentAt: number; ms: number }[]): number[] =>
    list.filter((item) => item.sentAt >= sample.from && item.sentAt < sample.to).map((item) => item.ms);
  return {
    at: (sample.to - warmupEnds) / 1000,
    isWarmup: sample.to <= warmupEnds,
    rssMb: sample.stats.rssBytes / MB,
    heapMb: sample.stats.heapUsedBytes / MB,
    walBytes: sample.wal,
    walStarts: sample.walStarts,
    databaseBytes: sample.db,
    loopDelayMs: { p99: sample.stats.loopDelayMs.p99, max: sample.stats.loopDelayMs.max },
    issue: summary(within(issues)),
    call: summary(within(callTimes)),
    issued: sample.issued,
    calls: sample.calls,
    version: sample.stats.version,
    rollovers: sample.rollovers,
  };
}

/** What a soak must show (the CI test passes its own, for its shorter run). */
export interface SoakTargets {
  readonly heapSlopeMbPerHour: number;
  readonly rssSlopeMbPerHour: number;
  readonly walMaxBytes: number;
  readonly lastOverFirstP99: number;
  readonly p99FloorMs: number;
}

/**
 * What the long soak must show, with the hall living through business days (`dayTickets`). Heap: each
 * day's tickets stay in memory until its rollover, by design (≈ 0.6 KB each, ≈ 0.1 MB a day of 220),
 * so the line through the samples should be flat; 2 MB an hour leaves room for V8's own drift and still
 * fails a leak of 1.2 KB a ticket (≈ 1,800 tickets an hour at ×10, ≈ 4 commands each). RSS: once the
 * page cache is full (the warm-up) it should be flat too; 5 MB an hour is about three times the noise of
 * one 30-minute run (its samples spread over ≈ 1.5 MB) and half of what the 16 MB page cache filling up
 * gave (10.7 MB an hour).
 */
export const SOAK_TARGETS: SoakTargets = {
  heapSlopeMbPerHour: 2,
  rssSlopeMbPerHour: 5,
  /**
   * The hall checkpoints after its commits (src/db/checkpointer.ts): once it has committed nothing for
   * 100 ms with at least 50 commits to copy, or after every 100th commit of a burst; SQLite then writes
   * the WAL again from its start. The file keeps its largest size: at most 100 commits' pages (≈ 10 a
   * command, ≈ 4 KB each), ≈ 4–5 MB. Where between 50 and 100 commits a run peaks depends on its pauses,
   * so the largest size may rise late in a run; that the WAL keeps starting over is checked by its
   * checkpoint sequence (each half of the run must have started it over). 6 MB leaves room for a large
   * group commit.
   */
  walMaxBytes: 6 * 1024 * 1024,
  /** Last interval's p99 call → last display against the first's. */
  lastOverFirstP99: 2,
  /**
   * The first interval's p99 counts as at least this much: a minute holds only ≈ 30 calls at speed 10,
   * so its p99 is nearly its maximum; a last minute under 2 × 25 ms = 50 ms (the 10× target) is steady.
   */
  p99FloorMs: 25,
};

/** The checks of a soak result against targets. */
export function soakChecks(
  result: SoakResult,
  targets: SoakTargets,
): { name: string; figure: string; isMet: boolean }[] {
  const first = Math.max(targets.p99FloorMs, result.latency.firstCallP99);
  const ratio = result.latency.lastCallP99 / first;
  return [
    {
      name: `load ≥ ${SOAK_HALL.peakMultiple}× a busy hall's peak`,
      figure: `issues ${result.timesPeak.issue.toFixed(1)}×, calls ${result.timesPeak.call.toFixed(1)}×`,
      isMet: Math.min(result.timesPeak.issue, result.timesPeak.call) >= SOAK_HALL.peakMultiple,
    },
    {
      name: `heap (after GC) grows ≤ ${targets.heapSlopeMbPerHour} MB/h after the warm-up`,
      figure:
        `${result.heap.slopeMbPerHour.toFixed(2)} MB/h (${result.heap.kbPerTicket.toFixed(2)} KB per ticket issued), ` +
        `max − min ${result.heap.spreadMb.toFixed(2)} MB`,
      isMet: result.heap.slopeMbPerHour <= targets.heapSlopeMbPerHour,
    },
    {
      name: `RSS grows ≤ ${targets.rssSlopeMbPerHour} MB/h after the warm-up`,
      figure: `${result.rss.slopeMbPerHour.toFixed(2)} MB/h, max − min ${result.rss.spreadMb.toFixed(1)} MB`,
      isMet: result.rss.slopeMbPerHour <= targets.rssSlopeMbPerHour,
    },
    {
      name: `WAL ≤ ${targets.walMaxBytes / 1024 / 1024} MB, written again from its start in each half of the run`,
      figure:
        `max ${(result.wal.maxBytes / 1024 / 1024).toFixed(2)} MB; started over ` +
        `${result.wal.startsFirstHalf} times in the first half, ${result.wal.startsSecondHalf} in the second`,
      isMet:
        result.wal.maxBytes <= targets.walMaxBytes &&
        result.wal.startsFirstHalf > 0 &&
        result.wal.startsSecondHalf > 0,
    },
    {
      name: `p99 call → last display, last interval ≤ ${targets.lastOverFirstP99}× the first`,
      figure: `first ${result.latency.firstCallP99.toFixed(1)} ms, last ${result.latency.lastCallP99.toFixed(1)} ms`,
      isMet: ratio <= targets.lastOverFirstP99,
    },
    {
      name: 'history: every acknowledged command stored, nothing called twice, nothing from nowhere',
      figure: `${result.violations.length} violations`,
      isMet: result.violations.length === 0,
    },
  ];
}
