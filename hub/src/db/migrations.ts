import type pg from 'pg';

/**
 * Numbered, append-only migrations of the hub's PostgreSQL schema. `hub_schema` records each one
 * applied; each runs in its own transaction with its record, under an advisory lock, so several hub
 * processes starting at once apply it once. A database written by a newer hub is refused.
 * Never edit a migration that has shipped: add the next one.
 */
export const MIGRATIONS: readonly { readonly name: string; readonly sql: string }[] = [
  {
    name: '001-halls-and-events',
    sql: `
      CREATE TABLE halls (
        id text PRIMARY KEY,
        name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        -- SHA-256 of the hall's key (the key itself is shown once); NULL until the hall enrols.
        key_hash text UNIQUE,
        key_revoked_at timestamptz,
        -- A one-time enrolment code (hash) and its expiry.
        enrolment_code_hash text UNIQUE,
        enrolment_expires_at timestamptz,
        -- The highest version held with no gap below (what is acknowledged to the hall).
        shipped_version bigint NOT NULL DEFAULT 0,
        -- The highest version held at all (above shipped_version when a batch arrived out of order).
        received_version bigint NOT NULL DEFAULT 0,
        -- The newest version the hall says its log holds (events behind = head - shipped).
        head_version bigint NOT NULL DEFAULT 0,
        -- Epoch ms of the event at shipped_version.
        last_event_at bigint,
        last_contact_at timestamptz,
        business_day text,
        config jsonb,
        -- Live figures of the hall's business day, folded from its events with the shared evolve.
        live jsonb
      );

      -- Every hall's log, version for version, one partition per calendar month (UTC) of the event time.
      -- The key holds the partition column; a hall's event at a version never changes, so (hall, version,
      -- at) is as unique as (hall, version).
      CREATE TABLE events (
        hall_id text NOT NULL,
        version bigint NOT NULL,
        at bigint NOT NULL,
        type text NOT NULL,
        ticket_id bigint,
        body jsonb NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (hall_id, version, at)
      ) PARTITION BY RANGE (at);

      -- The folded queue state of a hall at a version: where refolding starts (any hub process).
      CREATE TABLE hall_states (
        hall_id text PRIMARY KEY REFERENCES halls (id) ON DELETE CASCADE,
        version bigint NOT NULL,
        state jsonb NOT NULL,
        saved_at timestamptz NOT NULL DEFAULT now()
      );

      -- Status-page codes, shipped beside the events (never inside one).
      CREATE TABLE ticket_codes (
        code text PRIMARY KEY,
        hall_id text NOT NULL REFERENCES halls (id) ON DELETE CASCADE,
        ticket_id bigint NOT NULL,
        UNIQUE (hall_id, ticket_id)
      );

      -- Every ticket of every hall as its own projection holds it (the facts reports need); counter_id and
      -- clerk_id are those of the ticket's last call, as the hall's report facts take them from its log.
      CREATE TABLE tickets (
        hall_id text NOT NULL REFERENCES halls (id) ON DELETE CASCADE,
        id bigint NOT NULL,
        business_day text NOT NULL,
        number text NOT NULL,
        issued_service_id text NOT NULL,
        service_id text NOT NULL,
        status text NOT NULL,
        priority_group_id text,
        issued_at bigint NOT NULL,
        queued_at bigint NOT NULL,
        first_called_at bigint,
        started_at bigint,
        completed_at bigint,
        counter_id text,
        clerk_id text,
        transfer_count integer NOT NULL,
        body jsonb NOT NULL,
        PRIMARY KEY (hall_id, id)
      );
      CREATE INDEX tickets_day ON tickets (hall_id, business_day);

      CREATE TABLE ratings (
        hall_id text NOT NULL REFERENCES halls (id) ON DELETE CASCADE,
        ticket_id bigint NOT NULL,
        counter_id text NOT NULL,
        clerk_id text,
        rating integer NOT NULL,
        reasons jsonb NOT NULL,
        at bigint NOT NULL,
        PRIMARY KEY (hall_id, ticket_id)
      );

      -- Days whose rollup must be (re)computed: a ticket of that day changed.
      CREATE TABLE rollup_dirty (
        hall_id text NOT NULL REFERENCES halls (id) ON DELETE CASCADE,
        business_day text NOT NULL,
        dirtied_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        PRIMARY KEY (hall_id, business_day)
      );

      -- One row per hall, business day and service: the additive figures of the shared report code
      -- (counts, ratings per level, every wait and service time as little-endian uint32 ms).
      CREATE TABLE daily_rollups (
        hall_id text NOT NULL REFERENCES halls (id) ON DELETE CASCADE,
        business_day text NOT NULL,
        service_id text NOT NULL,
        counts jsonb NOT NULL,
        waits bytea NOT NULL,
        services bytea NOT NULL,
        PRIMARY KEY (business_day, hall_id, service_id)
      );
    `,
  },
  {
    name: '002-accounts-tokens-catalogue',
    sql: `
      -- Province accounts: the same password rules and lock-out as the hall's managers.
      CREATE TABLE accounts (
        id serial PRIMARY KEY,
        username text NOT NULL,
        display_name text NOT NULL,
        password_hash text NOT NULL,
        must_change_password boolean NOT NULL,
        failed_attempts integer NOT NULL DEFAULT 0,
        locked_until bigint,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX accounts_username ON accounts (lower(username));

      CREATE TABLE sessions (
        token_hash text PRIMARY KEY,
        account_id integer NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        created_at bigint NOT NULL,
        expires_at bigint NOT NULL
      );

      -- Read-only API tokens (pnpm hub-admin token).
      CREATE TABLE api_tokens (
        id serial PRIMARY KEY,
        token_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz
      );

      -- The province's service catalogue, every version kept (halls compare theirs to the newest).
      CREATE TABLE catalogue_versions (
        version serial PRIMARY KEY,
        body jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by integer REFERENCES accounts (id)
      );
    `,
  },
];

/** An advisory lock key that only the hub's migrations take ("luot-hub" in ASCII). */
const MIGRATION_LOCK = 0x6c756f74;

/** Bring the database to the newest schema; refuse one from a newer hub. */
export async function migrate(client: pg.ClientBase): Promise<{ from: number; to: number }> {
  await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
  try {
    await client.query(`CREATE TABLE IF NOT EXISTS hub_schema (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const result = await client.query<{ version: number | null }>(
      'SELECT max(version) AS version FROM hub_schema',
    );
    const from = result.rows[0]?.version ?? 0;
    if (from > MIGRATIONS.length) {
      throw new Error(
        `hub database schema ${from} is newer than this hub (${MIGRATIONS.length}); upgrade the hub before using it`,
      );
    }
    for (let index = from; index < MIGRATIONS.length; index += 1) {
      const migration = MIGRATIONS[index]!;
      await client.query('BEGIN');
      try {
        await client.query(migration.sql);
        await client.query('INSERT INTO hub_schema (version, name) VALUES ($1, $2)', [
          index + 1,
          migration.name,
        ]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    }
    return { from, to: MIGRATIONS.length };
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
  }
}

/** The first instant (epoch ms, UTC) of the month holding `at`, and of the next one. */
export function monthBounds(at: number): { from: number; to: number; name: string } {
  const date = new Date(at);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth();
  return {
    from: Date.UTC(year, month, 1),
    to: Date.UTC(year, month + 1, 1),
    name: `events_${year}_${String(month + 1).padStart(2, '0')}`,
  };
}

const PARTITION_LOCK = 0x6c756f75;

/**
 * Create the month partition of `events` that holds `at`, if missing (in its own transaction, under an
 * advisory lock so two hub processes never race on the same DDL).
 */
export async function ensureEventPartition(client: pg.ClientBase, at: number): Promise<string> {
  const { from, to, name } = monthBounds(at);
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [PARTITION_LOCK]);
    const exists = await client.query('SELECT 1 FROM pg_class WHERE relname = $1', [name]);
    if (exists.rowCount === 0) {
      await client.query(`CREATE TABLE ${name} PARTITION OF events FOR VALUES FROM (${from}) TO (${to})`);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
  return name;
}
