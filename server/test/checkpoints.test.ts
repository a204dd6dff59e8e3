// WAL checkpoints off the commit path (issue #17): the hall's connection checkpoints after a commit's
// answers and broadcast — when the hall has been idle with enough commits to copy, or after every
// COMMITS_PER_CHECKPOINT-th commit of a burst — never inside a command's transaction (SQLite's automatic
// checkpoint is only a far-off bound).
import { statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CheckpointReport } from '../src/db/checkpointer.ts';
import {
  COMMITS_BEFORE_IDLE_CHECKPOINT,
  COMMITS_PER_CHECKPOINT,
  SAFETY_AUTOCHECKPOINT_PAGES,
  startCheckpoints,
} from '../src/db/checkpointer.ts';
import { openDatabase } from '../src/db/open.ts';
import { pairAndConnect, requestId, startTestHall, tempDataDir, waitFor } from './helpers.ts';

/** One row of ≈ 4 KB per transaction: each commit adds at least one page to the WAL. */
function writeRows(
  db: ReturnType<typeof openDatabase>['db'],
  count: number,
  from = 0,
  afterEach: () => void = () => {},
): void {
  const insert = db.prepare('INSERT INTO scratch (id, body) VALUES (?, ?)');
  const body = 'x'.repeat(4_000);
  for (let index = from; index < from + count; index += 1) {
    db.transaction(() => insert.run(index, body))();
    afterEach();
  }
}

const walPages = (file: string): number => Math.floor(statSync(`${file}-wal`).size / 4_096);

function scratchDatabase(): { db: ReturnType<typeof openDatabase>['db']; file: string; remove: () => void } {
  const data = tempDataDir();
  const file = path.join(data.dir, 'hall.sqlite');
  const { db } = openDatabase(file);
  db.exec('CREATE TABLE scratch (id INTEGER PRIMARY KEY, body TEXT NOT NULL) STRICT');
  return { db, file, remove: data.remove };
}

describe('WAL checkpoints after the commit', () => {
  it('no commit runs a checkpoint: past 1,000 pages every page stays in the WAL until a rule says so', () => {
    const { db, file, remove } = scratchDatabase();
    const reports: CheckpointReport[] = [];
    // Neither rule can fire here: the burst is shorter than the commit count and never idle.
    const checkpoints = startCheckpoints(db, {
      idleMs: 60_000,
      commitsPerCheckpoint: 10_000,
      onCheckpoint: (report) => reports.push(report),
    });
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(SAFETY_AUTOCHECKPOINT_PAGES);
    writeRows(db, 1_500, 0, () => checkpoints.afterCommit());
    // SQLite's default would have checkpointed inside the commit that crossed 1,000 pages and started
    // the WAL over; here every page of every commit is still in the WAL.
    expect(walPages(file)).toBeGreaterThan(1_500);
    expect(reports).toEqual([]);
    checkpoints.close();
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1_000);
    db.close();
    remove();
  });

  it('in a burst, the n-th commit checkpoints right after it, and the WAL is reused at the same size', () => {
    const { db, file, remove } = scratchDatabase();
    const reports: CheckpointReport[] = [];
    const checkpoints = startCheckpoints(db, {
      idleMs: 60_000,
      commitsPerCheckpoint: 50,
      onCheckpoint: (report) => reports.push(report),
    });
    writeRows(db, 50, 0, () => checkpoints.afterCommit());
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ reason: 'commits', busy: 0 });
    // Everything written so far was copied.
    expect(reports[0]!.checkpointed).toBe(reports[0]!.log);
    const sizeAfterFirst = walPages(file);
    writeRows(db, 450, 50, () => checkpoints.afterCommit());
    expect(reports.map((report) => report.reason)).toEqual(Array(10).fill('commits'));
    // Each checkpoint was complete, so the next commit started the WAL over: it never grew.
    expect(reports.every((report) => report.checkpointed === report.log && report.busy === 0)).toBe(true);
    expect(walPages(file)).toBeLessThanOrEqual(sizeAfterFirst + 1);
    checkpoints.close();
    db.close();
    const { db: reopened } = openDatabase(file);
    expect(reopened.prepare('SELECT COUNT(*) AS n FROM scratch').get()).toEqual({ n: 500 });
    reopened.close();
    remove();
  });

  it('an idle hall checkpoints once enough commits wait, once, after the idle time', async () => {
    const { db, file, remove } = scratchDatabase();
    const reports: CheckpointReport[] = [];
    const checkpoints = startCheckpoints(db, {
      idleMs: 50,
      commitsBeforeIdleCheckpoint: 20,
      commitsPerCheckpoint: 10_000,
      onCheckpoint: (report) => reports.push(report),
    });
    // Fewer than 20 commits: an idle moment copies nothing (each restart of the WAL costs the next commit
    // a second fsync, so it is not done once a command).
    writeRows(db, 10, 0, () => checkpoints.afterCommit());
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(reports).toEqual([]);
    writeRows(db, 20, 10, () => checkpoints.afterCommit());
    // Nothing while the commits keep coming (each one restarts the idle time).
    expect(reports).toEqual([]);
    await waitFor(() => reports.length === 1, 5_000, 'the idle checkpoint');
    expect(reports[0]).toMatchObject({ reason: 'idle', busy: 0 });
    expect(reports[0]!.checkpointed).toBe(reports[0]!.log);
    // No commit since: no second checkpoint.
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(reports).toHaveLength(1);
    // The next commits start the WAL over at its beginning.
    const pages = walPages(file);
    writeRows(db, 20, 30, () => checkpoints.afterCommit());
    expect(walPages(file)).toBe(pages);
    await waitFor(() => reports.length === 2, 5_000, 'the second idle checkpoint');
    checkpoints.close();
    db.close();
    remove();
  });

  it('the hall server checkpoints after its commands once it goes idle', async () => {
    const reports: CheckpointReport[] = [];
    const hall = await startTestHall({ onCheckpoint: (report) => reports.push(report) });
    try {
      const kiosk = await pairAndConnect(hall, 'kiosk');
      const serviceId = kiosk.snapshot.config.services[0]!.id;
      // One after the other: one commit each, enough for an idle-time checkpoint and fewer than a burst's.
      expect(COMMITS_BEFORE_IDLE_CHECKPOINT).toBeLessThan(COMMITS_PER_CHECKPOINT);
      for (let index = 0; index < COMMITS_BEFORE_IDLE_CHECKPOINT; index += 1) {
        const issued = await kiosk.send('ticket:issue', { requestId: requestId(), serviceId });
        expect(issued.ok).toBe(true);
      }
      await waitFor(() => reports.length === 1, 5_000, 'the idle checkpoint');
      expect(reports[0]!.reason).toBe('idle');
      // The last one copied everything: the whole day so far is in the database file.
      const last = reports.at(-1)!;
      expect(last.busy).toBe(0);
      expect(last.checkpointed).toBe(last.log);
      kiosk.close();
    } finally {
      await hall.dispose();
    }
  });
});
