// The parent's side of the client worker processes (client-worker.ts) that headroom.ts and
// hall-simulation.ts start: forking one, posting to it, waiting for its answers, and the clock and CPU
// readings every bench takes from its workers the same way.
import type { ChildProcess } from 'node:child_process';
import { fork } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TSX_LOADER } from '../test/support/hall-child-process.ts';
import { monotonicMs } from './bench-support.ts';
import type { FromWorker, ToWorker } from './client-worker-protocol.ts';
import { fromWorkerSchema } from './client-worker-protocol.ts';

const WORKER_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'client-worker.ts');
/** Setting up 1,000 sockets or a backlog on a loaded machine takes a while; more than this is a hang. */
const ANSWER_TIMEOUT_MS = 120_000;

type Batch = Extract<FromWorker, { type: 'arrivals' | 'issues' }>;
/** An answer to a request: every message of the worker but the batches it sends on its own. */
type Answer = Exclude<FromWorker, Batch>;

export interface ClientWorker {
  readonly process: ChildProcess;
  /** Settles when the process has exited (after `finish` it writes its CPU profile, if any, first). */
  readonly exited: Promise<void>;
  post(message: ToWorker): void;
  /** The worker's next message of this type (posted after this call). */
  next<T extends Answer['type']>(type: T): Promise<Extract<Answer, { type: T }>>;
}

/**
 * Fork a client worker. Its batches go to `onArrivals` and `onIssues` as they come. `profileDir` makes it
 * write a CPU profile there when it exits.
 */
export function startClientWorker(options: {
  readonly onArrivals?: (arrivals: Extract<FromWorker, { type: 'arrivals' }>) => void;
  readonly onIssues?: (issues: Extract<FromWorker, { type: 'issues' }>) => void;
  readonly profileDir?: string;
}): ClientWorker {
  const child = fork(WORKER_FILE, [], {
    execArgv: [
      ...(options.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.profileDir}`] : []),
      '--import',
      TSX_LOADER,
    ],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const waiting = new Map<string, (message: Answer) => void>();
  child.on('message', (raw: unknown) => {
    const message = fromWorkerSchema.parse(raw);
    if (message.type === 'arrivals') options.onArrivals?.(message);
    else if (message.type === 'issues') options.onIssues?.(message);
    else waiting.get(message.type)?.(message);
  });
  return {
    process: child,
    exited,
    post: (message) => child.send(message),
    next: (type) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`client worker: no ${type} within ${ANSWER_TIMEOUT_MS / 1000} s`)),
          ANSWER_TIMEOUT_MS,
        );
        waiting.set(type, (message) => {
          clearTimeout(timer);
          waiting.delete(type);
          resolve(message as Extract<Answer, { type: typeof type }>);
        });
      }),
  };
}

/**
 * The clock check, once the workers are idle: for each ping, the worker's time of receipt minus this
 * process's time of sending. A negative one means the processes do not read the same clock.
 */
export async function checkClocks(workers: readonly ClientWorker[], rounds = 20): Promise<number[]> {
  const gaps: number[] = [];
  for (const worker of workers) {
    for (let round = 0; round < rounds; round += 1) {
      const pong = worker.next('pong');
      worker.post({ type: 'ping', sentAt: monotonicMs() });
      const { sentAt, receivedAt } = await pong;
      gaps.push(receivedAt - sentAt);
    }
  }
  return gaps;
}

/** Each worker's CPU time so far (user + system), ms. */
export function workersCpuMs(workers: readonly ClientWorker[]): Promise<number[]> {
  return Promise.all(
    workers.map(async (worker) => {
      const pong = worker.next('pong');
      worker.post({ type: 'ping', sentAt: monotonicMs() });
      return (await pong).cpuMs;
    }),
  );
}

/** CPU time over a wall time as a percentage of one core, one decimal. */
export const cpuPercent = (cpuMs: number, wallMs: number): number => Math.round((cpuMs / wallMs) * 1000) / 10;
