// The parent's side of the client worker processes (client-worker.ts) that headroom.ts and
// hall-simulation.ts start: forking one, posting to it, waiting for its answers, and the clock and CPU
// readings every bench takes from its workers the same way.
import type { ChildProcess } from 'node:child_process';
import { fork } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TSX_LOADER } from '../test/support/hall-child-process.ts';
import { monotonicMs } from './bench-support.ts';
import { createClientHost } from './client-worker.ts';
import type { FromWorker, ToWorker } from './client-worker-protocol.ts';
import { fromWorkerSchema, toWorkerSchema } from './client-worker-protocol.ts';

const WORKER_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'client-worker.ts');
/** Setting up 1,000 sockets or a backlog on a loaded machine takes a while; more than this is a hang. */
const ANSWER_TIMEOUT_MS = 120_000;

type Batch = Extract<FromWorker, { type: 'arrivals' | 'issues' }>;
/** An answer to a request: every message of the worker but the batches it sends on its own. */
type Answer = Exclude<FromWorker, Batch>;

/** What a bench does with a client host, wherever it runs. */
export interface ClientHostHandle {
  /** Settles when the host is done (a forked worker: its process has exited, its CPU profile written). */
  readonly exited: Promise<void>;
  post(message: ToWorker): void;
  /** The host's next message of this type (posted after this call). */
  next<T extends Answer['type']>(type: T): Promise<Extract<Answer, { type: T }>>;
  /** Stop at once (a hung run). */
  kill(): void;
}

export interface ClientWorker extends ClientHostHandle {
  readonly process: ChildProcess;
}

interface BatchHandlers {
  readonly onArrivals?: (arrivals: Extract<FromWorker, { type: 'arrivals' }>) => void;
  readonly onIssues?: (issues: Extract<FromWorker, { type: 'issues' }>) => void;
}

/** Route a host's messages: batches to their handlers, answers to whoever waits for them. */
function messageRouter(options: BatchHandlers): {
  readonly route: (message: FromWorker) => void;
  readonly next: ClientHostHandle['next'];
  /** The host failed: whoever waits, and whoever asks later, gets `error`. */
  readonly fail: (error: Error) => void;
} {
  const waiting = new Map<string, (message: Answer) => void>();
  const rejecting = new Set<(error: Error) => void>();
  let failure: Error | undefined;
  return {
    fail: (error) => {
      failure ??= error;
      for (const reject of rejecting) reject(error);
      rejecting.clear();
    },
    route: (message) => {
      if (message.type === 'arrivals') options.onArrivals?.(message);
      else if (message.type === 'issues') options.onIssues?.(message);
      else waiting.get(message.type)?.(message);
    },
    next: (type) =>
      new Promise((resolve, reject) => {
        if (failure) {
          reject(failure);
          return;
        }
        rejecting.add(reject);
        const timer = setTimeout(
          () => reject(new Error(`client host: no ${type} within ${ANSWER_TIMEOUT_MS / 1000} s`)),
          ANSWER_TIMEOUT_MS,
        );
        waiting.set(type, (message) => {
          clearTimeout(timer);
          rejecting.delete(reject);
          waiting.delete(type);
          resolve(message as Extract<Answer, { type: typeof type }>);
        });
      }),
  };
}

/**
 * Fork a client worker. Its batches go to `onArrivals` and `onIssues` as they come. `profileDir` makes it
 * write a CPU profile there when it exits.
 */
export function startClientWorker(options: BatchHandlers & { readonly profileDir?: string }): ClientWorker {
  const child = fork(WORKER_FILE, [], {
    execArgv: [
      ...(options.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.profileDir}`] : []),
      '--import',
      TSX_LOADER,
    ],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const router = messageRouter(options);
  child.on('message', (raw: unknown) => router.route(fromWorkerSchema.parse(raw)));
  return {
    process: child,
    exited,
    post: (message) => child.send(message),
    next: router.next,
    kill: () => child.kill('SIGKILL'),
  };
}

/**
 * The same client host inside the bench process (the one-process harness): its sockets decode every
 * change on the bench's own event loop, beside the counters, as all clients did before the workers.
 * Messages go through the same schemas and arrive a turn later, as over IPC. A failed step fails the run.
 */
export function startInProcessClients(
  options: BatchHandlers & { readonly onFailure: (error: Error) => void },
): ClientHostHandle {
  const router = messageRouter(options);
  let finished = (): void => {};
  const exited = new Promise<void>((resolve) => {
    finished = resolve;
  });
  const host = createClientHost(
    (message) => setImmediate(() => router.route(fromWorkerSchema.parse(message))),
    () => finished(),
    (what, error) => {
      const failure = new Error(`in-process clients: ${what} failed`, { cause: error });
      router.fail(failure);
      options.onFailure(failure);
    },
  );
  return {
    exited,
    post: (message) => {
      const parsed = toWorkerSchema.parse(message);
      setImmediate(() => host.receive(parsed));
    },
    next: router.next,
    kill: () => finished(),
  };
}

/**
 * The clock check, once the workers are idle: for each ping, the worker's time of receipt minus this
 * process's time of sending. A negative one means the processes do not read the same clock.
 */
export async function checkClocks(workers: readonly ClientHostHandle[], rounds = 20): Promise<number[]> {
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
export function workersCpuMs(workers: readonly ClientHostHandle[]): Promise<number[]> {
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
