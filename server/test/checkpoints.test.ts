// WAL checkpoints off the commit path (issue #17): a worker thread with its own connection copies the
// WAL into the database file, so no command's commit runs a checkpoint; the hall's connection keeps a
// far-off automatic checkpoint as a safety net, and SQLite's default again once the worker is gone.
import { statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CheckpointReport } from '../src/db/checkpointer.ts';
import { SAFETY_AUTOCHECKPOINT_PAGES, startCheckpointer } from '../src/db/checkpointer.ts';
import { openDatabase } from '../src/db/open.ts';
import { tempDataDir } from './helpers.ts';

/** One row of ≈ 4 KB per transaction: each commit adds at least one page to the WAL. */
function writeRows(db: ReturnType<typeof openDatabase>['db'], count: number, from = 0): void {
  const insert = db.prepare('INSERT INTO scratch (id, body) VALUES (?, ?)');
  const body = 'x'.repeat(4_000);
  for (let index = from; index < from + count; index += 1) db.transaction(() => insert.run(index, body))();
}

const walPages = (file: string): number => Math.floor(statSync(`${file}-wal`).size / 4_096);

async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('background WAL checkpoints', () => {
  it('no commit runs a checkpoint: past 1,000 pages the WAL keeps growing until the worker copies it', async () => {
    const data = tempDataDir();
    const file = path.join(data.dir, 'hall.sqlite');
    const { db } = openDatabase(file);
    db.exec('CREATE TABLE scratch (id INTEGER PRIMARY KEY, body TEXT NOT NULL) STRICT');
    const reports: CheckpointReport[] = [];
    // A long interval: the worker stays out of the way while the commits are written.
    const checkpointer = startCheckpointer(db, { intervalMs: 60_000, onCheckpoint: (r) => reports.push(r) });
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(SAFETY_AUTOCHECKPOINT_PAGES);
    writeRows(db, 1_500);
    // SQLite's default would have checkpointed inside the commit that crossed 1,000 pages and started
    // the WAL over; here every page of every commit is still in the WAL.
    expect(walPages(file)).toBeGreaterThan(1_500);
    expect(reports).toEqual([]);
    await checkpointer.close();
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1_000);
    db.close();
    data.remove();
  });

  it('copies the WAL into the database file in the background, while the hall goes on writing', async () => {
    const data = tempDataDir();
    const file = path.join(data.dir, 'hall.sqlite');
    const { db } = openDatabase(file);
    db.exec('CREATE TABLE scratch (id INTEGER PRIMARY KEY, body TEXT NOT NULL) STRICT');
    const reports: CheckpointReport[] = [];
    const checkpointer = startCheckpointer(db, { intervalMs: 20, onCheckpoint: (r) => reports.push(r) });
    writeRows(db, 300);
    const firstHalfPages = walPages(file);
    await waitFor(() => reports.some((report) => report.checkpointed > 0));
    writeRows(db, 300, 300);
    // Everything written is copied at last: the database file holds every row without the WAL.
    await waitFor(() => {
      const last = reports.at(-1);
      return last !== undefined && last.busy === 0 && last.checkpointed === last.log && last.log > 0;
    });
    await checkpointer.close();
    // Bounded: the WAL started over after the first half was copied, so the second half reused it.
    expect(walPages(file)).toBeLessThan(1.5 * firstHalfPages);
    db.close();
    const { db: reopened } = openDatabase(file);
    expect(reopened.prepare('SELECT COUNT(*) AS n FROM scratch').get()).toEqual({ n: 600 });
    reopened.close();
    data.remove();
  });
});
