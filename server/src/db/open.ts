import BetterSqlite3 from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import { migrate } from './migrations.ts';

/**
 * SQLite's page cache for the hall's connection, in KiB: a bound on the server's memory, set here rather
 * than inherited. better-sqlite3 is built with a 16 MB default, which a hall fills only after a week or
 * two of new pages, so the server's memory kept growing for days before it levelled off (seen in the
 * soak, docs/BENCHMARKS.md). 2 MB (512 pages) holds what a command reads (the interior pages of the
 * indexes it looks up and appends to, the last pages of the tables it appends to) many times over; a
 * page it misses comes from the operating system's file cache, and a report over a year reads past it
 * anyway (reports bench: year median 460 ms with 2 MB against 541 ms with 16 MB). Issue #17: 4 → 2 MB
 * for the ≤ 100 MB target.
 */
export const PAGE_CACHE_KIB = 2048;

/** The name of the database file inside the data folder. */
export const DATABASE_FILE = 'luot.sqlite';

/** What the server asserts about its database at boot and reports on /health. */
export interface DatabaseState {
  readonly file: string;
  readonly journalMode: string;
  readonly synchronous: number;
  readonly schemaVersion: number;
}

/**
 * Open (or create) the hall database with the durability a printed number needs: WAL, and
 * `synchronous=FULL` so a committed transaction is on disk before the ack. Asserted, not assumed:
 * a file system that cannot do WAL must stop the server rather than lose tickets.
 */
export function openDatabase(file: string): { db: Database; state: DatabaseState } {
  const db = new BetterSqlite3(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma(`cache_size = -${PAGE_CACHE_KIB}`);
  const journalMode = String(db.pragma('journal_mode', { simple: true })).toLowerCase();
  const synchronous = db.pragma('synchronous', { simple: true }) as number;
  if (file !== ':memory:' && journalMode !== 'wal') {
    db.close();
    throw new Error(`database ${file}: journal_mode is ${journalMode}, WAL is required`);
  }
  if (synchronous !== 2) {
    db.close();
    throw new Error(`database ${file}: synchronous is ${synchronous}, FULL (2) is required`);
  }
  const { to } = migrate(db);
  return { db, state: { file, journalMode, synchronous, schemaVersion: to } };
}
