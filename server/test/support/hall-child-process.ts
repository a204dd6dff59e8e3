import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { DeviceFile, ServerStats } from './hall-child-protocol.ts';
import { DEVICE_FILE, READY_LINE, childReplySchema, deviceFileSchema } from './hall-child-protocol.ts';

/** tsx's loader as a file URL: `node --import <url>` works on Node 20.6+ and on Windows paths too. */
export const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

const CHILD_ENTRY = path.join(path.dirname(fileURLToPath(import.meta.url)), 'hall-child.ts');

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
  readonly readyTimeoutMs?: number;
}

/** A running hall child. */
export interface HallChild {
  readonly port: number;
  readonly url: string;
  readonly pid: number;
  readonly devices: DeviceFile;
  /** Settles when the process has exited. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGKILL: no handler runs, no buffer is flushed, exactly like pulling the plug on the process. */
  kill(): Promise<void>;
  /** Close the server and exit cleanly (IPC), falling back to SIGKILL after a timeout. */
  stop(timeoutMs?: number): Promise<void>;
  stats(): Promise<ServerStats>;
  resetStats(): Promise<void>;
  /** The last few KB the child wrote to stderr, for failure messages. */
  stderrTail(): string;
}

/** Start `hall-child.ts` with `node --import tsx` and wait for its READY line and device file. */
export async function startHallChild(options: HallChildOptions): Promise<HallChild> {
  const args = [
    ...(options.execArgv ?? []),
    '--import',
    TSX_LOADER,
    CHILD_ENTRY,
    `--hall=${options.hall ?? 'demo'}`,
    `--counters=${options.counters ?? 60}`,
    `--terminals=${options.terminals === undefined || options.terminals === 'all' ? 'all' : options.terminals.join(',')}`,
    `--kiosks=${options.kiosks ?? 1}`,
    `--displays=${options.displays ?? 0}`,
    `--log=${options.log ?? 'silent'}`,
  ];
  const child: ChildProcess = spawn(process.execPath, args, {
    env: { ...process.env, LUOT_DATA_DIR: options.dataDir },
    stdio: ['ignore', 'pipe', 'pipe', ...(options.ipc ? (['ipc'] as const) : [])],
    windowsHide: true,
  });
  let stderr = '';
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-8_000);
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });

  const port = await new Promise<number>((resolve, reject) => {
    let pending = '';
    let isReady = false;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`hall child not ready within ${options.readyTimeoutMs ?? 30_000} ms\n${stderr}`));
    }, options.readyTimeoutMs ?? 30_000);
    child.stdout!.setEncoding('utf8');
    // Always drain stdout: a full pipe would block the child's (synchronous) log writes.
    child.stdout!.on('data', (chunk: string) => {
      if (isReady) return;
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const match = READY_LINE.exec(line.trim());
        if (match) {
          isReady = true;
          clearTimeout(timer);
          resolve(Number(match[1]));
          return;
        }
      }
    });
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      if (!isReady) reject(new Error(`hall child exited (${code ?? signal}) before READY\n${stderr}`));
    });
  });

  const devices = deviceFileSchema.parse(JSON.parse(readFileSync(path.join(options.dataDir, DEVICE_FILE), 'utf8')));

  let requestCount = 0;
  const waiting = new Map<number, (stats: ServerStats | null) => void>();
  child.on('message', (message: unknown) => {
    const reply = childReplySchema.safeParse(message);
    if (!reply.success) return;
    waiting.get(reply.data.id)?.(reply.data.stats);
    waiting.delete(reply.data.id);
  });
  const request = (type: 'stats' | 'reset-stats'): Promise<ServerStats | null> => {
    if (!child.send) return Promise.reject(new Error('start the hall child with ipc: true'));
    const id = (requestCount += 1);
    return new Promise((resolve, reject) => {
      waiting.set(id, resolve);
      child.send!({ id, type }, (error) => {
        if (error) reject(error);
      });
    });
  };

  const kill = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  };

  return {
    port,
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    devices,
    exited,
    kill,
    stop: async (timeoutMs = 10_000) => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      if (!child.send) return kill();
      child.send({ id: 0, type: 'stop' });
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      await exited;
      clearTimeout(timer);
    },
    stats: async () => {
      const stats = await request('stats');
      if (!stats) throw new Error('the hall child sent no statistics');
      return stats;
    },
    resetStats: async () => {
      await request('reset-stats');
    },
    stderrTail: () => stderr,
  };
}
