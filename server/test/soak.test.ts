import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { SOAK_HALL, SOAK_TARGETS, runSoak, walCheckpointSequence } from '../bench/soak-run.ts';
import { tempDataDir } from './helpers.ts';
import { seedFrom } from './support/seeded-random.ts';

// The CI soak: the same code as the 30-minute soak (server/bench/soak.ts), shorter and faster. Twice a
// busy hall's peak (12 counters, 2 displays, 1 kiosk) with time ×60 (a 4-minute visit lasts 4 s:
// ≈ 3 tickets and 12 commands a second), against a hall server in its own process; a row every 10 s
// with the server's heap after a forced full GC, RSS and WAL size. A business day ends every
// DAY_TICKETS tickets (the kiosk closes, the counters serve the rest, the hall's clock jumps a day), so
// the run crosses several rollovers. Then the history of every command is checked against the
// database. Latency is a benchmark figure, not asserted here.
// LUOT_SOAK_MINUTES=<n> measures longer; replay a failure with LUOT_SOAK_SEED=<seed printed>.

const MINUTES = Math.max(1, Number(process.env.LUOT_SOAK_MINUTES ?? 1) || 1);
const WARMUP_MINUTES = 1 / 3;
/**
 * ≈ 13 s of issuing at ×60, then the closing and the night: about five days in the run on a quiet
 * machine, fewer when CI runs other test files beside it (timers fire late, so days last longer).
 */
const DAY_TICKETS = 40;
/**
 * Heap growth allowed over the measured minute, from the straight line through the samples: the day's
 * tickets stay in memory until the rollover by design (≤ 40 here, well under 0.1 MB); what a leak of
 * a kilobyte a command (≈ 700 commands) would add is above this bound.
 */
const HEAP_GROWTH_MB_PER_MINUTE = 0.6;

describe('soak at twice a busy hall’s peak', () => {
  it(
    'keeps the heap flat and the WAL bounded, and loses or repeats nothing',
    async () => {
      const seed = seedFrom(process.env, 'LUOT_SOAK_SEED');
      const result = await runSoak({
        minutes: MINUTES,
        warmupMinutes: WARMUP_MINUTES,
        speed: 60,
        sampleSeconds: 10,
        dayTickets: DAY_TICKETS,
        seed,
      });
      const context = `seed ${seed} (replay with LUOT_SOAK_SEED=${seed})`;
      const first = result.measured[0]!;
      const last = result.measured.at(-1)!;

      // Load: the run really was at least twice the peak, with counters finding tickets.
      expect(result.timesPeak.call, context).toBeGreaterThanOrEqual(SOAK_HALL.peakMultiple);
      expect(result.counts.calls, context).toBeGreaterThan(100);
      expect(result.measured.length, context).toBeGreaterThanOrEqual(5);
      // Days: the hall closed, served what was left and began a new business day, more than once.
      expect(result.counts.rollovers, context).toBeGreaterThanOrEqual(2);

      // History: every acknowledged command is in the database as acknowledged, nothing appears that was
      // never sent, no ticket was called twice, every call reached both displays.
      expect(result.violations, context).toEqual([]);

      // WAL: bounded, and not growing: checkpoints copy it into the database file (which grows) and
      // SQLite writes it again from its start, in each half of the run (its header's checkpoint
      // sequence). Its largest size is at most 100 commits' pages (SOAK_TARGETS); where it peaks
      // depends on the run's pauses, so it is not compared between the halves.
      expect(result.wal.maxBytes, context).toBeLessThanOrEqual(SOAK_TARGETS.walMaxBytes);
      expect(result.wal.startsFirstHalf, context).toBeGreaterThan(0);
      expect(result.wal.startsSecondHalf, context).toBeGreaterThan(0);
      expect(last.databaseBytes, context).toBeGreaterThan(first.databaseBytes);

      // Heap after a full GC: the fitted growth over the measured time stays within the bound.
      const growthMb = (result.heap.slopeMbPerHour * MINUTES) / 60;
      expect(growthMb, `${context}: heap grew ${growthMb.toFixed(2)} MB`).toBeLessThanOrEqual(
        HEAP_GROWTH_MB_PER_MINUTE * MINUTES,
      );
    },
    (MINUTES + WARMUP_MINUTES) * 60_000 + 60_000,
  );

  it('reads how often SQLite started the WAL over from the WAL file’s header', () => {
    const data = tempDataDir('luot-wal-sequence-');
    const file = path.join(data.dir, 'probe.db');
    const db = new Database(file);
    try {
      db.pragma('journal_mode = WAL');
      db.pragma('wal_autocheckpoint = 0');
      db.exec('CREATE TABLE rows (body TEXT)');
      const insert = db.prepare('INSERT INTO rows (body) VALUES (?)');
      expect(walCheckpointSequence(`${file}-missing`)).toBeNull();
      insert.run('one');
      const first = walCheckpointSequence(`${file}-wal`);
      expect(first).not.toBeNull();
      insert.run('two'); // appended: the same WAL
      expect(walCheckpointSequence(`${file}-wal`)).toBe(first);
      for (const round of [1, 2, 3]) {
        db.pragma('wal_checkpoint(PASSIVE)'); // everything copied: the next commit starts the WAL over
        insert.run(`after checkpoint ${round}`);
        expect(walCheckpointSequence(`${file}-wal`)).toBe(first! + round);
      }
    } finally {
      db.close();
      data.remove();
    }
  });
});
