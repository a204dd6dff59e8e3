import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Database } from 'better-sqlite3';

/**
 * How often the background connection copies the WAL's committed pages into the database file. At the
 * hall simulation's 130 commands a second (≈ 8 pages each) a quarter of a second is ≈ 250 pages, so
 * the WAL file stays near 1 MB; a checkpoint with nothing to copy costs a glance at the WAL index.
 */
export const CHECKPOINT_INTERVAL_MS = 250;

/**
 * The hall connection's own automatic checkpoint while the background one runs: only a safety net.
 * SQLite's default (1,000 pages) runs the checkpoint inside the commit that crosses the mark, so that
 * one command waited for ≈ 4 MB to be copied and the database file to be synced (the tail of issue #17);
 * with the background connection doing it the WAL never gets near 10,000 pages (≈ 40 MB) unless that
 * connection has stopped, and then the hall checkpoints by itself as before.
 */
export const SAFETY_AUTOCHECKPOINT_PAGES = 10_000;

/** SQLite's default automatic checkpoint, restored when the background connection fails. */
const DEFAULT_AUTOCHECKPOINT_PAGES = 1_000;

/** What one background checkpoint did (SQLite's `wal_checkpoint` answer). */
export interface CheckpointReport {
  /** 1 when a reader or writer kept it from finishing (it carries on at the next round). */
  readonly busy: number;
  /** Frames in the WAL. */
  readonly log: number;
  /** Frames copied into the database file so far. */
  readonly checkpointed: number;
  readonly ms: number;
}

/** A running background checkpointer. */
export interface Checkpointer {
  /** Stop it and close its connection (the hall's connection checkpoints by itself again). */
  close(): Promise<void>;
}

// The worker's source, run with `eval`: a worker file loaded by path would not be in the esbuild bundle
// of the production server. It needs only better-sqlite3, whose resolved path it is given.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.sqliteModule);
const db = new Database(workerData.file, { fileMustExist: true });
// The same durability as the hall's connection: the database file is synced after each copy.
db.pragma('synchronous = FULL');
const checkpoint = db.prepare('PRAGMA wal_checkpoint(PASSIVE)');
let lastCheckpointed = -1;
const timer = setInterval(() => {
  const started = performance.now();
  const row = checkpoint.get();
  if (row.checkpointed !== lastCheckpointed) {
    lastCheckpointed = row.checkpointed;
    parentPort.postMessage({ type: 'checkpointed', busy: row.busy, log: row.log, checkpointed: row.checkpointed, ms: performance.now() - started });
  }
}, workerData.intervalMs);
parentPort.on('message', (message) => {
  if (message !== 'close') return;
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

/**
 * Checkpoint the hall's WAL from a worker thread with its own connection, so that no command's commit
 * ever runs a checkpoint: the hall's connection keeps only a far-off automatic checkpoint as a safety
 * net. A PASSIVE checkpoint never blocks the writer or readers (SQLite's WAL design): the hall goes on
 * appending while pages are copied, and the next commit after a complete checkpoint starts the WAL
 * file over. Durability is unchanged: every commit is still synced to the WAL before its ack
 * (synchronous=FULL); the checkpoint only moves already durable pages into the database file, which
 * SQLite makes safe against a crash at any point.
 */
export function startCheckpointer(
  db: Database,
  options: {
    readonly intervalMs?: number;
    /** Each checkpoint that copied something (tests, diagnostics). */
    readonly onCheckpoint?: (report: CheckpointReport) => void;
    /** The background connection failed; the hall's connection checkpoints by itself from now on. */
    readonly onError?: (error: Error) => void;
  } = {},
): Checkpointer {
  const sqliteModule = createRequire(import.meta.url).resolve('better-sqlite3');
  db.pragma(`wal_autocheckpoint = ${SAFETY_AUTOCHECKPOINT_PAGES}`);
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      sqliteModule,
      file: db.name,
      intervalMs: options.intervalMs ?? CHECKPOINT_INTERVAL_MS,
    },
  });
  // The hall's own lifetime decides when the process ends, never this helper.
  worker.unref();
  let isClosing = false;
  const fallBack = (error: Error): void => {
    if (isClosing || !db.open) return;
    db.pragma(`wal_autocheckpoint = ${DEFAULT_AUTOCHECKPOINT_PAGES}`);
    options.onError?.(error);
  };
  worker.on('message', (message: { type: string } & CheckpointReport) => {
    if (message.type === 'checkpointed') {
      const { busy, log, checkpointed, ms } = message;
      options.onCheckpoint?.({ busy, log, checkpointed, ms });
    }
  });
  worker.on('error', fallBack);
  worker.on('exit', (code) => {
    if (!isClosing) fallBack(new Error(`the checkpoint worker stopped (exit ${code})`));
  });
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  return {
    close: async () => {
      if (isClosing) return;
      isClosing = true;
      worker.postMessage('close');
      const timer = setTimeout(() => void worker.terminate(), 5_000);
      await exited;
      clearTimeout(timer);
      if (db.open) db.pragma(`wal_autocheckpoint = ${DEFAULT_AUTOCHECKPOINT_PAGES}`);
    },
  };
}
