// What the hall benchmarks share: the definition of a busy hall's peak, percentiles, a straight-line fit,
// connecting a device and sending a command, and the line that names the machine a figure comes from.
import { closeSync, fsyncSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { io as connect } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents, Snapshot } from '@luot/shared/contracts';
import { PROTOCOL_VERSION } from '@luot/shared/contracts';

/**
 * A busy hall at its peak (docs/BENCHMARKS.md, "A busy hall's peak"): a district hall receives about
 * 26,500 dossiers a year, ≈ 110 a working day; a busy provincial hall about four times that, ≈ 450 a
 * day; 40 % of a day arrives in the two morning peak hours, ≈ 90 tickets an hour. Six counters calling
 * take those 90 an hour: 15 visitors an hour each, one visit (call → start → complete) ≈ 4 minutes.
 * One kiosk issues them and one display shows the calls.
 */
export const BUSY_HALL_PEAK = {
  counters: 6,
  displays: 1,
  kiosks: 1,
  ticketsPerHour: 90,
  /** Call → start → complete at one counter. */
  visitSeconds: 240,
} as const;

/** Tickets issued (and calls made) per second at `multiple` × the peak. */
export const peakRatePerSecond = (multiple: number): number =>
  (BUSY_HALL_PEAK.ticketsPerHour * multiple) / 3600;

/** How many times the peak's rate `perSecond` is (issues or calls a second, whole hall). */
export const timesPeak = (perSecond: number): number => perSecond / peakRatePerSecond(1);

/** Percentiles by the nearest-rank rule (p99 of 100 samples is the 99th). */
export interface Summary {
  readonly count: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
}

/** Percentiles by the nearest-rank rule; NaN for no samples. */
export function summary(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (p: number): number =>
    sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
  return {
    count: sorted.length,
    p50: rank(50),
    p95: rank(95),
    p99: rank(99),
    max: sorted.at(-1) ?? Number.NaN,
  };
}

/** Least-squares line through (x, y): its slope (y per x) and the spread max − min of y. */
export function linearFit(points: readonly { x: number; y: number }[]): { slope: number; spread: number } {
  const n = points.length;
  if (n < 2) return { slope: Number.NaN, spread: Number.NaN };
  const meanX = points.reduce((sum, point) => sum + point.x, 0) / n;
  const meanY = points.reduce((sum, point) => sum + point.y, 0) / n;
  let covariance = 0;
  let variance = 0;
  for (const point of points) {
    covariance += (point.x - meanX) * (point.y - meanY);
    variance += (point.x - meanX) ** 2;
  }
  const ys = points.map((point) => point.y);
  return {
    slope: variance === 0 ? Number.NaN : covariance / variance,
    spread: Math.max(...ys) - Math.min(...ys),
  };
}

/** A typed hall client. */
export type HallSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
type Command = keyof ClientToServerEvents;
type PayloadOf<E extends Command> = Parameters<ClientToServerEvents[E]>[0];
/** The ack a command gets. */
export type AckOf<E extends Command> = Parameters<Parameters<ClientToServerEvents[E]>[1]>[0];

/** Connect a device as its app does (websocket only, no automatic reconnect) and wait for its snapshot. */
export async function connectHall(
  url: string,
  token: string,
): Promise<{ socket: HallSocket; snapshot: Snapshot }> {
  const socket: HallSocket = connect(url, {
    auth: { token, protocolVersion: PROTOCOL_VERSION },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
  const snapshot = await new Promise<Snapshot>((resolve, reject) => {
    socket.once('hall:snapshot', resolve);
    socket.once('connect_error', reject);
  });
  return { socket, snapshot };
}

/**
 * A socket of the bare relay (bare-broadcast-server.ts), connected: a `sender` relays, a `receiver` gets
 * every relay as `message`.
 */
export async function connectBareRelay(url: string, role: 'sender' | 'receiver'): Promise<Socket> {
  const socket = connect(url, {
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    auth: { role },
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

let requestCount = 0;

/** Send a command with a fresh requestId and wait for its ack. */
export function send<E extends Command>(
  socket: HallSocket,
  event: E,
  payload: Omit<PayloadOf<E>, 'requestId'>,
  prefix = 'bench',
): Promise<AckOf<E>> {
  requestCount += 1;
  const requestId = `${prefix}-${process.pid}-${requestCount.toString(36).padStart(6, '0')}`;
  return new Promise((resolve) => {
    const emit = socket.emit.bind(socket) as (
      name: string,
      body: unknown,
      ack: (result: AckOf<E>) => void,
    ) => void;
    emit(event, { ...payload, requestId }, resolve);
  });
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** A command-line option that must be a whole number of at least `least` (the benches' counts and sizes). */
export function wholeOption(name: string, text: string, least: number): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < least)
    throw new Error(`--${name} must be a whole number ≥ ${least}, got ${text}`);
  return value;
}

/** Bytes as MB with one decimal. */
export const mb = (bytes: number): number => Math.round(bytes / 1024 / 102.4) / 10;

/** The machine and its load, printed with every run: figures compare only within one machine. */
export function machineLine(stealPercent: number | null = null): string {
  const cpus = os.cpus();
  return (
    `machine: Node ${process.version}, ${os.platform()} ${os.arch()}, ${cpus.length} cores ` +
    `(${cpus[0]?.model ?? '?'}), load ${os
      .loadavg()
      .map((n) => n.toFixed(1))
      .join(
        ' ',
      )}${process.env.MALLOC_ARENA_MAX ? `, MALLOC_ARENA_MAX=${process.env.MALLOC_ARENA_MAX}` : ''}` +
    (stealPercent === null
      ? ''
      : `; the host stole ${stealPercent.toFixed(1)} % of the CPU time while measured`)
  );
}

/** The machine's CPU time counters at one moment (Linux's /proc/stat, in clock ticks), or null elsewhere. */
export interface CpuTicks {
  readonly steal: number;
  readonly total: number;
}

/**
 * The CPU time counters now. On a virtual machine `steal` is the time the host ran something else while
 * this machine's virtual CPUs had work: a benchmark's tail on a shared host moves with it, whatever the
 * code does, so the benchmarks print it beside their figures (docs/BENCHMARKS.md, "The sequential tail:
 * V8's compile jobs and this machine's scheduler").
 */
export function cpuTicks(): CpuTicks | null {
  try {
    return parseCpuTicks(readFileSync('/proc/stat', 'utf8'));
  } catch {
    return null;
  }
}

/** The machine's line of /proc/stat: cpu user nice system idle iowait irq softirq steal … (guest time is in user). */
export function parseCpuTicks(procStat: string): CpuTicks | null {
  const line = procStat.split('\n', 1)[0] ?? '';
  const fields = line.trim().split(/\s+/).slice(1, 9).map(Number);
  if (!line.startsWith('cpu ') || fields.length < 8 || fields.some((n) => !Number.isInteger(n))) return null;
  return { steal: fields[7]!, total: fields.reduce((sum, n) => sum + n, 0) };
}

/** The share (%) of the machine's CPU time since `from` that the host stole, or null where unknown. */
export function stealPercentSince(from: CpuTicks | null): number | null {
  const to = cpuTicks();
  if (from === null || to === null || to.total <= from.total) return null;
  return ((to.steal - from.steal) / (to.total - from.total)) * 100;
}

/** A time on the machine's monotonic clock in ms, the same in every process of one machine (see below). */
export const monotonicMs = (): number => Number(process.hrtime.bigint()) / 1e6;
// process.hrtime reads the OS monotonic clock (CLOCK_MONOTONIC on Linux, mach_absolute_time on macOS,
// QueryPerformanceCounter on Windows): one clock for every process of the machine, with sub-microsecond
// resolution, and never stepped by NTP. So a time taken in one process can be subtracted from a time
// taken in another, which is what the headroom bench does across its worker processes.

/**
 * Run a benchmark's `main` and exit with its code. A run that hangs must not hold the machine (or CI)
 * forever, nor leave its processes behind: after `timeoutMs` `kill` stops them at once and the run fails;
 * `cleanup` runs after `main` however it ended.
 */
export async function runBenchMain(options: {
  readonly name: string;
  readonly main: () => Promise<number>;
  readonly timeoutMs: number;
  readonly kill: () => void;
  readonly cleanup: () => Promise<void>;
}): Promise<never> {
  const watchdog = setTimeout(() => {
    console.error(`${options.name}: no result within the expected time; stopping`);
    options.kill();
    process.exit(1);
  }, options.timeoutMs);
  watchdog.unref();
  let exitCode = 1;
  try {
    exitCode = await options.main();
  } catch (error) {
    console.error(error);
  } finally {
    await options.cleanup();
  }
  process.exit(exitCode);
}

/** fsync latency of the disk under a folder: what synchronous=FULL pays on every commit. */
export function probeFsync(dir: string, rounds = 200): Summary {
  const file = path.join(dir, 'fsync-probe.bin');
  const fd = openSync(file, 'w');
  const page = Buffer.alloc(4096, 7);
  const samples: number[] = [];
  try {
    for (let round = 0; round < rounds; round += 1) {
      writeSync(fd, page);
      const started = performance.now();
      fsyncSync(fd);
      samples.push(performance.now() - started);
    }
  } finally {
    closeSync(fd);
    rmSync(file, { force: true });
  }
  return summary(samples);
}
