import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asCounterId } from '@luot/shared/domain';
import { DATABASE_FILE } from '../src/hall-server.ts';
import type { TestClient } from './helpers.ts';
import { pairAndConnect, requestId, startTestHall } from './helpers.ts';

/** SQLite's WAL file: a 32-byte header, then frames of a 24-byte header (page number first) and a page. */
const WAL_HEADER_BYTES = 32;
const FRAME_HEADER_BYTES = 24;

/**
 * Every page a command's transaction touches is written to the WAL and synced before its ack (≈ 15 µs a
 * page on the benchmark machine, docs/BENCHMARKS.md), so the pages per command are part of every command's
 * latency. Counted here on a real hall with the WAL left to grow (no checkpoint): the median of many
 * commands, and which table or index each page belongs to. The bounds are today's schema: an index added
 * on a written table fails this test, so that the cost is weighed, not noticed later.
 */
describe('WAL pages a command writes', () => {
  let hall: Awaited<ReturnType<typeof startTestHall>>;
  let kiosk: TestClient;
  let counter: TestClient;
  let walFile: string;
  let pageSize: number;

  beforeAll(async () => {
    hall = await startTestHall({ checkpoints: 'in-commit' });
    const db = hall.store.db;
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.pragma('wal_autocheckpoint = 0');
    pageSize = db.pragma('page_size', { simple: true }) as number;
    walFile = path.join(hall.dataDir, `${DATABASE_FILE}-wal`);
    kiosk = await pairAndConnect(hall, 'kiosk');
    counter = await pairAndConnect(hall, 'counter', asCounterId('q1'));
    const signIn = await counter.send('clerk:sign-in', {
      requestId: requestId(),
      username: 'canbo1',
      pin: '1234',
    });
    expect(signIn.ok).toBe(true);
  });

  afterAll(async () => {
    kiosk.close();
    counter.close();
    await hall.dispose();
  });

  const frameCount = (): number => {
    const size = statSync(walFile, { throwIfNoEntry: false })?.size ?? 0;
    return size <= WAL_HEADER_BYTES ? 0 : (size - WAL_HEADER_BYTES) / (pageSize + FRAME_HEADER_BYTES);
  };
  /** The tables and indexes of the pages the WAL got from `first` on (dbstat names each page's b-tree). */
  const pageOwners = (first: number): string[] => {
    const wal = readFileSync(walFile);
    const owners = new Map(
      (
        hall.store.db.prepare('SELECT name, pageno FROM dbstat').all() as { name: string; pageno: number }[]
      ).map((row) => [row.pageno, row.name]),
    );
    const names: string[] = [];
    for (let frame = first; frame < frameCount(); frame += 1) {
      const page = wal.readUInt32BE(WAL_HEADER_BYTES + frame * (pageSize + FRAME_HEADER_BYTES));
      names.push(owners.get(page) ?? `page ${page}`);
    }
    return names;
  };
  const pagesOf = async (
    act: () => Promise<{ ok: boolean }>,
    isNamed = false,
  ): Promise<{ count: number; owners: string[] }> => {
    const before = frameCount();
    expect((await act()).ok).toBe(true);
    return { count: frameCount() - before, owners: isNamed ? pageOwners(before) : [] };
  };
  const median = (values: readonly number[]): number =>
    [...values].sort((a, b) => a - b)[values.length >> 1]!;

  it('issue, call-next, start and complete stay within their pages, and the stored answer costs two', async () => {
    const serviceId = counter.snapshot.config.counters.find((entry) => entry.id === 'q1')!.serviceIds[0]!;
    const counts = {
      issue: [] as number[],
      callNext: [] as number[],
      start: [] as number[],
      complete: [] as number[],
    };
    const owners: string[][] = [];
    // A queue first, so that the calls walk a real one and the tables span many pages.
    for (let index = 0; index < 150; index += 1) {
      const issued = await pagesOf(() => kiosk.send('ticket:issue', { requestId: requestId(), serviceId }));
      counts.issue.push(issued.count);
    }
    for (let index = 0; index < 60; index += 1) {
      // Naming the pages reads the whole database (dbstat): every sixth round only.
      const isNamed = index % 6 === 0;
      const called = await pagesOf(
        () => counter.send('ticket:call-next', { requestId: requestId() }),
        isNamed,
      );
      const started = await pagesOf(() => counter.send('ticket:start', { requestId: requestId() }), isNamed);
      const completed = await pagesOf(
        () => counter.send('ticket:complete', { requestId: requestId() }),
        isNamed,
      );
      counts.callNext.push(called.count);
      counts.start.push(started.count);
      counts.complete.push(completed.count);
      if (isNamed) owners.push(called.owners, started.owners, completed.owners);
    }
    const medians = {
      issue: median(counts.issue),
      callNext: median(counts.callNext),
      start: median(counts.start),
      complete: median(counts.complete),
    };
    // 2026-12-06: 12 / 9 / 8 / 10 (13 / 10 / 9 / 11 before migration 008, 14 / 11 / 10 / 12 before 007).
    expect(medians.issue).toBeLessThanOrEqual(12);
    expect(medians.callNext).toBeLessThanOrEqual(9);
    expect(medians.start).toBeLessThanOrEqual(8);
    expect(medians.complete).toBeLessThanOrEqual(10);
    // The stored answer: its row and its primary key (sqlite_autoindex_command_results_1), no index on
    // its time (migration 008); now and then a page split adds one.
    const answerPages = owners.map((written) => written.filter((owner) => owner.includes('command_results')));
    expect(answerPages).toHaveLength(30);
    expect(median(answerPages.map((pages) => pages.length))).toBe(2);
    expect(answerPages.flat()).not.toContain('command_results_at');
  });
});
