import type { Database } from 'better-sqlite3';

/**
 * How long the hall must have committed nothing before its connection checkpoints the WAL (when at
 * least COMMITS_BEFORE_IDLE_CHECKPOINT wait to be copied). A hall's commands come seconds apart even at
 * its peak, so the copy nearly always runs while nobody waits.
 */
export const CHECKPOINT_IDLE_MS = 100;

/**
 * The fewest commits an idle-time checkpoint copies. Not after every command: the first commit after a
 * complete checkpoint starts the WAL over, and with synchronous=FULL SQLite then writes and syncs the
 * WAL's header before the commit's own sync — two fsyncs instead of one (that commit p50 2.75–4.42 ms
 * against 1.15–1.72 ms for the next one, loaded machine). So the WAL is started over once every few
 * dozen commands, as with SQLite's own automatic checkpoint, never once a command.
 */
export const COMMITS_BEFORE_IDLE_CHECKPOINT = 50;

/**
 * Under a sustained burst (no idle moment) a checkpoint after every this many commits, right after
 * that commit's answers and broadcast: ≈ 1,000 WAL pages at ≈ 10 pages a command, SQLite's own
 * automatic interval, so the WAL file is reused at the same size rather than grown. Appending past the
 * WAL's previous end costs about twice the fsync of writing over it (0.45 against 0.22 ms on the
 * benchmark machine), because the file's size changes with each commit.
 */
export const COMMITS_PER_CHECKPOINT = 100;

/**
 * The hall connection's own automatic checkpoint, which runs inside the commit that crosses it: only a
 * bound on the WAL (≈ 40 MB) for writes that are not commands (settings, devices) and never reach
 * the two rules above.
 */
export const SAFETY_AUTOCHECKPOINT_PAGES = 10_000;

/** SQLite's default automatic checkpoint, restored when the hall stops. */
const DEFAULT_AUTOCHECKPOINT_PAGES = 1_000;

/** What one checkpoint did (SQLite's `wal_checkpoint` answer). */
export interface CheckpointReport {
  /** 1 when a reader kept it from finishing (the next one carries on). */
  readonly busy: number;
  /** Frames in the WAL. */
  readonly log: number;
  /** Frames copied into the database file so far. */
  readonly checkpointed: number;
  readonly ms: number;
  /** Why it ran. */
  readonly reason: 'idle' | 'commits';
}

/** The hall's checkpoints. */
export interface Checkpoints {
  /**
   * A command transaction committed and its answers and broadcast have gone out: checkpoint now if it
   * is the COMMITS_PER_CHECKPOINT-th since the last one, else once the hall is idle (with at least
   * COMMITS_BEFORE_IDLE_CHECKPOINT to copy).
   */
  afterCommit(): void;
  /** Stop (the connection gets SQLite's default automatic checkpoint back). */
  close(): void;
}

/**
 * WAL checkpoints on the hall's own connection, never inside a command's commit. SQLite by default
 * checkpoints inside the commit that takes the WAL past 1,000 pages, so that one command's ack waited for
 * ≈ 100–200 pages to be copied and the database file to be synced (the p99 of issue #17). Here the
 * checkpoint runs after the answers and the broadcast of a commit: when the hall has been idle for
 * `idleMs` with at least `commitsBeforeIdleCheckpoint` commits to copy, or at once after every
 * `commitsPerCheckpoint`-th commit of a burst. A command arriving meanwhile waits for the rest of it, as
 * it would wait for any other work on the event loop.
 *
 * A PASSIVE checkpoint never waits for readers (a report's connection); the next commit after a
 * complete one starts the WAL over. Durability is unchanged: every commit is synced to the WAL before
 * its ack (synchronous=FULL), and a checkpoint only moves already durable pages, which SQLite makes safe
 * against a crash at any point. No thread and no second connection: a worker thread that checkpointed
 * every 250 ms cost its isolate's memory (≈ 10 MB RSS), and its database fsyncs competed with the commits'
 * (docs/BENCHMARKS.md).
 */
export function startCheckpoints(
  db: Database,
  options: {
    readonly idleMs?: number;
    readonly commitsBeforeIdleCheckpoint?: number;
    readonly commitsPerCheckpoint?: number;
    /** Each checkpoint (tests, diagnostics). */
    readonly onCheckpoint?: (report: CheckpointReport) => void;
  } = {},
): Checkpoints {
  const commitsPerCheckpoint = options.commitsPerCheckpoint ?? COMMITS_PER_CHECKPOINT;
  const commitsBeforeIdle = options.commitsBeforeIdleCheckpoint ?? COMMITS_BEFORE_IDLE_CHECKPOINT;
  db.pragma(`wal_autocheckpoint = ${SAFETY_AUTOCHECKPOINT_PAGES}`);
  const checkpoint = db.prepare('PRAGMA wal_checkpoint(PASSIVE)');
  let commitsSince = 0;
  const run = (reason: CheckpointReport['reason']): void => {
    if (commitsSince < (reason === 'idle' ? commitsBeforeIdle : 1) || !db.open) return;
    commitsSince = 0;
    const started = performance.now();
    const row = checkpoint.get() as { busy: number; log: number; checkpointed: number };
    options.onCheckpoint?.({ ...row, ms: performance.now() - started, reason });
  };
  const idle = setTimeout(() => run('idle'), options.idleMs ?? CHECKPOINT_IDLE_MS);
  // The hall's own lifetime decides when the process ends, never this timer.
  idle.unref();
  return {
    afterCommit: () => {
      commitsSince += 1;
      if (commitsSince >= commitsPerCheckpoint) run('commits');
      // Restarts the idle time (and re-arms the timer after it fired) without making a new timer.
      else idle.refresh();
    },
    close: () => {
      clearTimeout(idle);
      if (db.open) db.pragma(`wal_autocheckpoint = ${DEFAULT_AUTOCHECKPOINT_PAGES}`);
    },
  };
}
