import type { Database } from 'better-sqlite3';

/**
 * Numbered, append-only migrations. `PRAGMA user_version` records how many have run; each runs in one
 * transaction with the version bump, so a crash leaves either the old or the new schema.
 * Never edit a migration that has shipped: add the next one.
 */
export const MIGRATIONS: readonly { readonly name: string; readonly up: (db: Database) => void }[] = [
  {
    name: '001-initial',
    up: (db) =>
      db.exec(`
        CREATE TABLE hall_meta (
          key TEXT PRIMARY KEY,
          value TEXT NOT NULL
        ) STRICT;

        -- The append-only log: one row per domain event, version gap-free from 1.
        CREATE TABLE events (
          version INTEGER PRIMARY KEY,
          type TEXT NOT NULL,
          at INTEGER NOT NULL,
          actor_role TEXT NOT NULL,
          device_id TEXT,
          clerk_id TEXT,
          ticket_id INTEGER,
          counter_id TEXT,
          body TEXT NOT NULL
        ) STRICT;
        CREATE INDEX events_ticket ON events (ticket_id) WHERE ticket_id IS NOT NULL;
        CREATE INDEX events_at ON events (at);

        -- Projection of every ticket ever issued; the UNIQUE key makes a duplicate number impossible.
        CREATE TABLE tickets (
          id INTEGER PRIMARY KEY,
          business_day TEXT NOT NULL,
          issued_service_id TEXT NOT NULL,
          sequence INTEGER NOT NULL,
          number TEXT NOT NULL,
          service_id TEXT NOT NULL,
          status TEXT NOT NULL,
          priority_group_id TEXT,
          issued_at INTEGER NOT NULL,
          called_at INTEGER,
          started_at INTEGER,
          completed_at INTEGER,
          counter_id TEXT,
          clerk_id TEXT,
          service_ms INTEGER,
          public_code TEXT NOT NULL UNIQUE,
          body TEXT NOT NULL,
          UNIQUE (issued_service_id, business_day, sequence)
        ) STRICT;
        CREATE INDEX tickets_day ON tickets (business_day);
        CREATE INDEX tickets_open ON tickets (status) WHERE status IN ('waiting', 'called', 'serving');
        CREATE INDEX tickets_service_done ON tickets (service_id, completed_at) WHERE status = 'done';

        CREATE TABLE counters (
          id TEXT PRIMARY KEY,
          body TEXT NOT NULL
        ) STRICT;

        CREATE TABLE ratings (
          ticket_id INTEGER PRIMARY KEY,
          counter_id TEXT NOT NULL,
          clerk_id TEXT,
          rating INTEGER NOT NULL,
          reasons TEXT NOT NULL,
          at INTEGER NOT NULL
        ) STRICT;

        -- Idempotency: the first result of each (device, requestId) that changed something.
        CREATE TABLE command_results (
          device_id TEXT NOT NULL,
          request_id TEXT NOT NULL,
          at INTEGER NOT NULL,
          result TEXT NOT NULL,
          PRIMARY KEY (device_id, request_id)
        ) STRICT;
        CREATE INDEX command_results_at ON command_results (at);

        CREATE TABLE devices (
          id TEXT PRIMARY KEY,
          kind TEXT NOT NULL,
          name TEXT NOT NULL,
          counter_id TEXT,
          token_hash TEXT NOT NULL UNIQUE,
          created_at INTEGER NOT NULL,
          revoked_at INTEGER,
          last_seen_at INTEGER,
          printer_state TEXT,
          printer_detail TEXT,
          printer_at INTEGER
        ) STRICT;

        CREATE TABLE pairing_codes (
          code TEXT PRIMARY KEY,
          kind TEXT NOT NULL,
          name TEXT NOT NULL,
          counter_id TEXT,
          created_at INTEGER NOT NULL,
          expires_at INTEGER NOT NULL,
          used_at INTEGER
        ) STRICT;

        CREATE TABLE clerk_credentials (
          clerk_id TEXT PRIMARY KEY,
          pin_hash TEXT NOT NULL,
          failed_attempts INTEGER NOT NULL DEFAULT 0,
          locked_until INTEGER
        ) STRICT;
      `),
  },
  {
    // The manager console: accounts, sessions, manager actions outside the queue's event log, and the
    // indexes the reports, the ticket search and the audit view need (see server/test/admin-store.test.ts).
    name: '002-managers',
    up: (db) =>
      db.exec(`
        CREATE TABLE managers (
          id INTEGER PRIMARY KEY,
          username TEXT NOT NULL UNIQUE COLLATE NOCASE,
          display_name TEXT NOT NULL,
          password_hash TEXT NOT NULL,
          must_change_password INTEGER NOT NULL,
          failed_attempts INTEGER NOT NULL DEFAULT 0,
          locked_until INTEGER,
          created_at INTEGER NOT NULL,
          password_changed_at INTEGER
        ) STRICT;

        -- Only a hash of each session token is kept; a stolen database file opens no console.
        CREATE TABLE manager_sessions (
          token_hash TEXT PRIMARY KEY,
          manager_id INTEGER NOT NULL REFERENCES managers (id),
          created_at INTEGER NOT NULL,
          expires_at INTEGER NOT NULL,
          last_used_at INTEGER NOT NULL
        ) STRICT;
        CREATE INDEX manager_sessions_expiry ON manager_sessions (expires_at);

        -- What managers did that is not a queue event (sign-ins, passwords, PIN resets, logo, devices).
        CREATE TABLE admin_actions (
          id INTEGER PRIMARY KEY,
          at INTEGER NOT NULL,
          manager_id INTEGER,
          type TEXT NOT NULL,
          detail TEXT NOT NULL
        ) STRICT;
        CREATE INDEX admin_actions_at ON admin_actions (at);

        -- A ticket's first call (wait time) and its history, looked up per ticket.
        CREATE INDEX events_ticket_type ON events (ticket_id, type, at) WHERE ticket_id IS NOT NULL;
        -- Audit filters by type within a date range.
        CREATE INDEX events_type_at ON events (type, at);
        -- Ticket search by printed number.
        CREATE INDEX tickets_number ON tickets (number, business_day);
      `),
  },
  {
    // Issue #15: a clerk's session belongs to the terminal that signed in, across restarts. Until now
    // the binding lived only in memory, so after a restart (or once the holder was revoked) any terminal
    // of the counter acted as the clerk. Sessions open at the upgrade keep their terminal: it is the
    // device that recorded the counter's latest clerk.signed-in for the clerk still signed in there.
    name: '003-counter-sessions',
    up: (db) =>
      db.exec(`
        CREATE TABLE counter_sessions (
          counter_id TEXT PRIMARY KEY,
          device_id TEXT NOT NULL,
          clerk_id TEXT NOT NULL,
          signed_in_at INTEGER NOT NULL
        ) STRICT;

        INSERT INTO counter_sessions (counter_id, device_id, clerk_id, signed_in_at)
        SELECT c.id, e.device_id, json_extract(e.body, '$.clerkId'), e.at
        FROM counters c
        JOIN events e ON e.version = (
          SELECT MAX(latest.version) FROM events latest
          WHERE latest.type = 'clerk.signed-in' AND latest.counter_id = c.id
        )
        WHERE json_extract(c.body, '$.clerkId') IS NOT NULL
          AND json_extract(c.body, '$.clerkId') = json_extract(e.body, '$.clerkId')
          AND e.device_id IS NOT NULL;
      `),
  },
  {
    // Issue #15: the manager device kind is gone (its tokens never expired, outlived password changes
    // and could mint more manager pairing codes, while the console could not even use them). Tokens
    // still held are revoked, with a line in the audit log each; unused manager pairing codes deleted.
    name: '004-retire-manager-devices',
    up: (db) =>
      db.exec(`
        INSERT INTO admin_actions (at, manager_id, type, detail)
        SELECT CAST(strftime('%s', 'now') AS INTEGER) * 1000, NULL, 'device.revoked',
               json_object('deviceId', id, 'reason', 'manager devices no longer exist')
        FROM devices WHERE kind = 'manager' AND revoked_at IS NULL;
        UPDATE devices SET revoked_at = CAST(strftime('%s', 'now') AS INTEGER) * 1000
        WHERE kind = 'manager' AND revoked_at IS NULL;
        DELETE FROM pairing_codes WHERE kind = 'manager' AND used_at IS NULL;
      `),
  },
  {
    // Issue #15: the same requestId always gets the same answer. Refusals are kept on disk too (they were
    // remembered in memory, 2,000 hall-wide, and judged again after a restart), each answer with a
    // fingerprint of its payload so that a requestId reused for another payload is refused, not answered
    // with the old result. Rows written before have no fingerprint and are answered as they are.
    name: '005-command-answer-fingerprints-and-refusals',
    up: (db) =>
      db.exec(`
        ALTER TABLE command_results ADD COLUMN fingerprint TEXT;
        ALTER TABLE command_results ADD COLUMN is_refusal INTEGER NOT NULL DEFAULT 0;
        -- Each device's refusals, oldest first: the per-device bound deletes from the front.
        CREATE INDEX command_results_refusals ON command_results (device_id) WHERE is_refusal = 1;
      `),
  },
  {
    // Issue 15: a PIN the manager set or reset is the clerk's to replace at the first sign-in; PINs set
    // before this migration (the demo's, or the CLI's until now) are left as they are.
    name: '006-clerk-pin-set-by-manager',
    up: (db) =>
      db.exec('ALTER TABLE clerk_credentials ADD COLUMN must_change_pin INTEGER NOT NULL DEFAULT 0'),
  },
  {
    // Issue #17: every page a commit touches is written to the WAL and synced before the ack. The index
    // on events (ticket_id) is the first column of events_ticket_type (ticket_id, type, at) with the same
    // condition, which serves every lookup by ticket as well, so it only cost each event one more page
    // (a call-next wrote 12 WAL pages, now 11).
    name: '007-drop-redundant-events-ticket-index',
    up: (db) => db.exec('DROP INDEX IF EXISTS events_ticket'),
  },
  {
    // Issue #17: every command stores its answer (idempotency), and that row cost three WAL pages: the
    // table's leaf, its primary key (device, requestId) and the index on `at`, which served only the
    // daily prune of answers older than two days (a few thousand rows, scanned once a day at the
    // rollover). Without it every command writes one page less. (A WITHOUT ROWID table would save one
    // more, but an issue's answer, with its ticket and wait estimate, is over the quarter page such a
    // table keeps in its leaf: it cost an overflow page per issue, measured in commit-pages.test.ts.)
    name: '008-drop-command-results-at-index',
    up: (db) => db.exec('DROP INDEX IF EXISTS command_results_at'),
  },
];

/** Bring a database to the newest schema; refuse one written by a newer Lượt. */
export function migrate(db: Database): { from: number; to: number } {
  const from = db.pragma('user_version', { simple: true }) as number;
  if (from > MIGRATIONS.length) {
    throw new Error(
      `database schema ${from} is newer than this server (${MIGRATIONS.length}); upgrade Lượt before opening it`,
    );
  }
  for (let index = from; index < MIGRATIONS.length; index += 1) {
    const migration = MIGRATIONS[index]!;
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${index + 1}`);
    })();
  }
  return { from, to: MIGRATIONS.length };
}
