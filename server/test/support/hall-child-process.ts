import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { z } from 'zod';
import type {
  CheckpointRecord,
  ChildReply,
  CommandTimingRecord,
  DeviceFile,
  GcPause,
  ServerStats,
} from './hall-child-protocol.ts';
import { DEVICE_FILE, READY_LINE, childReplySchema, deviceFileSchema } from './hall-child-protocol.ts';

const replyIdSchema = z.object({ id: z.number().int() });

/** tsx's loader as a file URL: `node --import <url>` works on Node 20.6+ and with Windows paths too. */
export const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

const HALL_CHILD_ENTRY = path.join(path.dirname(fileURLToPath(import.meta.url)), 'hall-child.ts');

/** How every production start runs the server: the `luot` section of server/package.json. */
const serverRuntimeSchema = z.object({
  luot: z.object({
    serverNodeFlags: z.array(z.string().startsWith('--')),
    serverEnvironment: z.record(z.string(), z.string()),
  }),
});

function serverRuntime(): z.output<typeof serverRuntimeSchema>['luot'] {
  const manifest = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'package.json');
  return serverRuntimeSchema.parse(JSON.parse(readFileSync(manifest, 'utf8'))).luot;
}

/**
 * The Node flags of every production start of the server (`luot.serverNodeFlags` in server/package.json,
 * carried by `pnpm start` and the hall bundle's start scripts): the hall child runs with them, as a hall
 * does; a benchmark's own `execArgv` comes after them and so overrides them.
 */
export function serverNodeFlags(): string[] {
  return serverRuntime().serverNodeFlags;
}

/**
 * The environment of every production start (`luot.serverEnvironment`: glibc's malloc pools and mmap
 * threshold): the hall child gets it too, whether the benchmark was started by `pnpm bench` (which sets it
 * for every benchmark) or run on its own. Without it the server measured 20–27 MB more RSS. A test's own
 * `env` comes after it and so overrides it.
 */
export function serverEnvironment(): Record<string, string> {
  return serverRuntime().serverEnvironment;
}

/** A TypeScript script running in its own Node process that has printed `READY <port>`. */
export interface ReadyChild {
  readonly process: ChildProcess;
  readonly port: number;
  /** Settles when the process has exited. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGKILL and wait for the exit (no handler runs, no buffer is flushed). */
  kill(): Promise<void>;
  /** The last few KB the child wrote to stderr, for failure messages. */
  stderrTail(): string;
}

/**
 * Start `node [execArgv] --import tsx <entry> [args]` and wait for its READY line. Its stdout is always
 * drained (a full pipe would block the child's synchronous log writes); a child that fails to start is
 * killed, never left behind.
 */
export async function spawnReadyChild(
  entry: string,
  args: readonly string[],
  options: {
    env?: NodeJS.ProcessEnv;
    ipc?: boolean;
    execArgv?: readonly string[];
    readyTimeoutMs?: number;
    /** False for plain JavaScript (a prebuilt bundle): no tsx loader, a quarter of the start-up CPU. */
    useTsx?: boolean;
    /** Every stdout line after READY (e.g. the server's JSON log). */
    onLine?: (line: string) => void;
  } = {},
): Promise<ReadyChild> {
  const child = spawn(
    process.execPath,
    [
      ...(options.execArgv ?? []),
      ...(options.useTsx === false ? [] : ['--import', TSX_LOADER]),
      entry,
      ...args,
    ],
    {
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe', ...(options.ipc ? (['ipc'] as const) : [])],
      windowsHide: true,
    },
  );
  let stderr = '';
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-8_000);
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
  const kill = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  };
  const timeoutMs = options.readyTimeoutMs ?? 30_000;
  const port = await new Promise<number>((resolve, reject) => {
    let pending = '';
    let isReady = false;
    const timer = setTimeout(() => {
      reject(new Error(`${path.basename(entry)} not ready within ${timeoutMs} ms\n${stderr}`));
    }, timeoutMs);
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (chunk: string) => {
      if (isReady && !options.onLine) return;
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        if (isReady) {
          options.onLine?.(line);
          continue;
        }
        const match = READY_LINE.exec(line.trim());
        if (match) {
          isReady = true;
          clearTimeout(timer);
          resolve(Number(match[1]));
        }
      }
    });
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      if (!isReady)
        reject(new Error(`${path.basename(entry)} exited (${code ?? signal}) before READY\n${stderr}`));
    });
  }).catch(async (error: unknown) => {
    await kill();
    throw error;
  });
  return { process: child, port, exited, kill, stderrTail: () => stderr };
}

/** How to start a hall in a child process. */
export interface HallChildOptions {
  readonly dataDir: string;
  /** The demo hall (8 counters) or the demo grown to `counters` counters and clerks. */
  readonly hall?: 'demo' | 'large';
  readonly counters?: number;
  /** Counters that get a paired terminal; 'all' by default. */
  readonly terminals?: readonly string[] | 'all';
  readonly kiosks?: number;
  readonly displays?: number;
  /** 'json' logs every command to the child's stdout, as the production server does. */
  readonly log?: 'silent' | 'json';
  /** Extra Node flags for the child, e.g. `--cpu-prof`. */
  readonly execArgv?: readonly string[];
  /** Open an IPC channel for `stats()`, `resetStats()` and `stop()`. */
  readonly ipc?: boolean;
  /** Every stdout line after READY: with `log: 'json'`, the server's log. */
  readonly onLine?: (line: string) => void;
  /** The large hall's business-day rollover hour (local time); the demo's (0) when not given. */
  readonly rolloverHour?: number;
  /** The port to listen on; 0 (default) picks a free one. A restart passes the previous life's port. */
  readonly port?: number;
  /** When WAL checkpoints run (HallServerOptions.checkpoints); after-commit when not given. */
  readonly checkpoints?: 'after-commit' | 'in-commit';
  /** After-commit checkpoints: commits of a burst between two (HallServerOptions.commitsPerCheckpoint). */
  readonly commitsPerCheckpoint?: number;
  /** A prebuilt JavaScript bundle of hall-child.ts (hall-child-bundle.ts) to run instead of tsx. */
  readonly bundle?: string;
  /** Sockets a change is written to per turn (RealtimeOptions.fanoutSocketsPerTurn); the server's default when not given. */
  readonly fanoutSlice?: number;
  /** More environment for the child (LUOT_HUB_URL, LUOT_HUB_KEY, LUOT_HUB_TIMING: a hall that ships to a hub). */
  readonly env?: NodeJS.ProcessEnv;
}

/** A running hall child. */
export interface HallChild extends ReadyChild {
  readonly url: string;
  readonly devices: DeviceFile;
  /** Close the server and exit cleanly (IPC; a CPU profile gets written), SIGKILL after a timeout. */
  stop(timeoutMs?: number): Promise<void>;
  stats(): Promise<ServerStats>;
  resetStats(): Promise<void>;
  /** Statistics with the event-loop delay since the previous lap (then a new lap starts). */
  lapStats(): Promise<ServerStats>;
  /** Statistics after a full garbage collection (start the child with `execArgv: ['--expose-gc']`). */
  gcStats(): Promise<ServerStats>;
  /**
   * Move the hall's clock forward and run its business-day check (a day passes in a moment); answers
   * the statistics after the check.
   */
  advanceClock(ms: number): Promise<ServerStats>;
  /** Where each command committed since the previous call spent its time (then a new list starts). */
  commandTimings(): Promise<CommandTimingRecord[]>;
  /** The same, with the garbage collections and WAL checkpoints of the same span. */
  commandTimingsAndGc(): Promise<{
    timings: CommandTimingRecord[];
    gcPauses: GcPause[];
    checkpoints: CheckpointRecord[];
  }>;
}

/** Start `hall-child.ts` and wait for its READY line and its device file. */
export async function startHallChild(options: HallChildOptions): Promise<HallChild> {
  const terminals =
    options.terminals === undefined || options.terminals === 'all' ? 'all' : options.terminals.join(',');
  const ready = await spawnReadyChild(
    options.bundle ?? HALL_CHILD_ENTRY,
    [
      `--hall=${options.hall ?? 'demo'}`,
      `--counters=${options.counters ?? 60}`,
      `--terminals=${terminals}`,
      `--kiosks=${options.kiosks ?? 1}`,
      `--displays=${options.displays ?? 0}`,
      `--log=${options.log ?? 'silent'}`,
      `--port=${options.port ?? 0}`,
      ...(options.rolloverHour === undefined ? [] : [`--rollover-hour=${options.rolloverHour}`]),
      ...(options.checkpoints === undefined ? [] : [`--checkpoints=${options.checkpoints}`]),
      ...(options.fanoutSlice === undefined ? [] : [`--fanout-slice=${options.fanoutSlice}`]),
      ...(options.commitsPerCheckpoint === undefined
        ? []
        : [`--commits-per-checkpoint=${options.commitsPerCheckpoint}`]),
    ],
    {
      env: { ...process.env, ...serverEnvironment(), ...options.env, LUOT_DATA_DIR: options.dataDir },
      ipc: options.ipc,
      execArgv: [...serverNodeFlags(), ...(options.execArgv ?? [])],
      onLine: options.onLine,
      useTsx: options.bundle === undefined,
    },
  );
  const child = ready.process;
  let devices: DeviceFile;
  try {
    devices = deviceFileSchema.parse(
      JSON.parse(readFileSync(path.join(options.dataDir, DEVICE_FILE), 'utf8')),
    );
  } catch (error) {
    await ready.kill();
    throw error;
  }

  let requestCount = 0;
  const waiting = new Map<number, { resolve: (reply: ChildReply) => void; reject: (error: Error) => void }>();
  child.on('message', (message: unknown) => {
    const reply = childReplySchema.safeParse(message);
    // A reply that does not parse must fail its request, not leave it waiting forever.
    const id = reply.success ? reply.data.id : replyIdSchema.safeParse(message).data?.id;
    const request = id === undefined ? undefined : waiting.get(id);
    if (id === undefined || !request) return;
    waiting.delete(id);
    if (reply.success) request.resolve(reply.data);
    else request.reject(new Error(`bad reply from the hall child: ${reply.error.message}`));
  });
  const exchange = (
    type: 'stats' | 'reset-stats' | 'lap-stats' | 'gc-stats' | 'advance-clock' | 'command-timings',
    ms?: number,
  ): Promise<ChildReply> => {
    const send = child.send?.bind(child);
    if (!send) return Promise.reject(new Error('start the hall child with ipc: true'));
    const id = (requestCount += 1);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        waiting.delete(id);
        reject(new Error(`the hall child did not answer ${type} within 10 s`));
      }, 10_000);
      const settle = { resolve, reject };
      waiting.set(id, {
        resolve: (answer) => {
          clearTimeout(timer);
          settle.resolve(answer);
        },
        reject: (error) => {
          clearTimeout(timer);
          settle.reject(error);
        },
      });
      send(type === 'advance-clock' ? { id, type, ms } : { id, type }, (error) => {
        if (error) reject(error);
      });
    });
  };

  const request = async (
    type: 'stats' | 'reset-stats' | 'lap-stats' | 'gc-stats' | 'advance-clock',
    ms?: number,
  ): Promise<ServerStats | null> => (await exchange(type, ms)).stats;

  return {
    ...ready,
    url: `http://127.0.0.1:${ready.port}`,
    devices,
    stop: async (timeoutMs = 10_000) => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      if (!child.send) return ready.kill();
      child.send({ id: 0, type: 'stop' });
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      await ready.exited;
      clearTimeout(timer);
    },
    stats: async () => {
      const stats = await request('stats');
      if (!stats) throw new Error('the hall child sent no statistics');
      return stats;
    },
    lapStats: async () => {
      const stats = await request('lap-stats');
      if (!stats) throw new Error('the hall child sent no statistics');
      return stats;
    },
    gcStats: async () => {
      const stats = await request('gc-stats');
      if (!stats) throw new Error('the hall child sent no statistics');
      return stats;
    },
    advanceClock: async (ms) => {
      const stats = await request('advance-clock', ms);
      if (!stats) throw new Error('the hall child could not run its business-day check');
      return stats;
    },
    resetStats: async () => {
      await request('reset-stats');
    },
    commandTimings: async () => (await exchange('command-timings')).timings ?? [],
    commandTimingsAndGc: async () => {
      const reply = await exchange('command-timings');
      return {
        timings: reply.timings ?? [],
        gcPauses: reply.gcPauses ?? [],
        checkpoints: reply.checkpoints ?? [],
      };
    },
  };
}
