import BetterSqlite3 from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import { migrate } from './migrations.ts';

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
