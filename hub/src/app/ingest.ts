import type pg from 'pg';
import type { IngestAnswer } from '@luot/shared/contracts';
import type { HallConfig, QueueState, Ticket, VersionedEvent } from '@luot/shared/domain';
import { changedTickets, emptyQueueState, evolveAll } from '@luot/shared/domain';
import { ensureEventPartition, monthBounds } from '../db/migrations.ts';
import { liveFigures } from './live.ts';

/** One shipping request, parsed. */
export interface IngestBatch {
  readonly events: readonly VersionedEvent[];
  readonly codes: readonly { readonly ticketId: number; readonly code: string }[];
  readonly headVersion: number;
  readonly config?: HallConfig;
}

/** Save the folded state at least every this many versions, so refolding after a restart stays short. */
const CHECKPOINT_EVERY = 2_000;
/** Events read back per query when catching up from a checkpoint or over a filled gap. */
const REFOLD_PAGE = 5_000;

interface CachedState {
  readonly state: QueueState;
  readonly checkpointVersion: number;
}

/**
 * Idempotent ingest: the hall's log arrives at least once, in bounded batches, maybe duplicated or out
 * of order (retries, two hub processes, a proxy replaying); it is stored exactly once per (hall,
 * version). Each hall's row is locked for the transaction, so concurrent batches of one hall are
 * serialised while different halls ingest in parallel. Only the gap-free prefix is folded with the
 * shared `evolve` and projected (tickets, ratings, live figures), so projections always describe a
 * prefix of the hall's own log.
 */
export class Ingest {
  /** The folded state per hall, at the version it describes (any process may have moved on: checked). */
  private readonly states = new Map<string, CachedState>();
  private readonly knownPartitions = new Set<string>();

  constructor(
    private readonly pool: pg.Pool,
    private readonly publicUrl: string | null,
  ) {}

  async ingest(hallId: string, batch: IngestBatch): Promise<IngestAnswer> {
    const byVersion = new Map<number, VersionedEvent>();
    for (const event of batch.events) byVersion.set(event.version, event);
    const events = [...byVersion.values()].sort((a, b) => a.version - b.version);
    await this.ensurePartitions(events);

    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const { rows } = await client.query<{
        shipped_version: string;
        received_version: string;
        head_version: string;
        has_config: boolean;
      }>(
        `SELECT shipped_version, received_version, head_version, config IS NOT NULL AS has_config
         FROM halls WHERE id = $1 FOR UPDATE`,
        [hallId],
      );
      const hall = rows[0];
      if (!hall) throw new Error(`unknown hall ${hallId}`);
      let shipped = Number(hall.shipped_version);
      const fresh = events.filter((event) => event.version > shipped);
      if (fresh.length > 0) {
        await client.query(
          `INSERT INTO events (hall_id, version, at, type, ticket_id, body)
           SELECT $1, (e->>'version')::bigint, (e->>'at')::bigint, e->>'type', (e->>'ticketId')::bigint, e
           FROM jsonb_array_elements($2::jsonb) AS e
           ON CONFLICT DO NOTHING`,
          [hallId, JSON.stringify(fresh)],
        );
      }
      if (batch.codes.length > 0) {
        await client.query(
          `INSERT INTO ticket_codes (code, hall_id, ticket_id)
           SELECT c->>'code', $1, (c->>'ticketId')::bigint FROM jsonb_array_elements($2::jsonb) AS c
           ON CONFLICT DO NOTHING`,
          [hallId, JSON.stringify(batch.codes)],
        );
      }
      const received = Math.max(Number(hall.received_version), fresh.at(-1)?.version ?? 0);
      let lastEventAt: number | null = null;
      let live: unknown = undefined;
      if (received > shipped) {
        const prefix = await this.gapFreePrefix(client, hallId, shipped, received, fresh);
        if (prefix.length > 0) {
          const state = await this.project(client, hallId, shipped, prefix);
          shipped = state.version;
          lastEventAt = prefix.at(-1)!.at;
          live = liveFigures(state);
        }
      }
      await client.query(
        `UPDATE halls SET shipped_version = $2, received_version = $3,
           head_version = GREATEST(head_version, $4), last_contact_at = now(),
           last_event_at = COALESCE($5, last_event_at),
           live = COALESCE($6::jsonb, live),
           business_day = COALESCE($6::jsonb->>'businessDay', business_day),
           config = COALESCE($7::jsonb, config)
         WHERE id = $1`,
        [
          hallId,
          shipped,
          received,
          batch.headVersion,
          lastEventAt,
          live === undefined ? null : JSON.stringify(live),
          batch.config ? JSON.stringify(batch.config) : null,
        ],
      );
      await client.query('COMMIT');
      return {
        acknowledged: shipped,
        needsConfig: !hall.has_config && !batch.config,
        publicUrl: this.publicUrl,
      };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      // The cached state may be ahead of what was committed.
      this.states.delete(hallId);
      throw error;
    } finally {
      client.release();
    }
  }

  /** The events after `shipped` with no gap, from this batch when it is exactly that, else from storage. */
  private async gapFreePrefix(
    client: pg.PoolClient,
    hallId: string,
    shipped: number,
    received: number,
    fresh: readonly VersionedEvent[],
  ): Promise<VersionedEvent[]> {
    const isWholeBatch =
      fresh.length > 0 &&
      fresh[0]!.version === shipped + 1 &&
      fresh.at(-1)!.version === received &&
      fresh.at(-1)!.version - fresh[0]!.version + 1 === fresh.length;
    if (isWholeBatch) return [...fresh];
    const prefix: VersionedEvent[] = [];
    let next = shipped + 1;
    for (;;) {
      const page = await readEvents(client, hallId, next - 1, REFOLD_PAGE);
      for (const event of page) {
        if (event.version !== next) return prefix;
        prefix.push(event);
        next += 1;
      }
      if (page.length < REFOLD_PAGE) return prefix;
    }
  }

  /**
   * Fold the gap-free events into the hall's state and write what they changed: tickets (as the hall's
   * own projection holds them), ratings, the days whose rollups are stale, and a checkpoint now and then.
   */
  private async project(
    client: pg.PoolClient,
    hallId: string,
    shipped: number,
    events: readonly VersionedEvent[],
  ): Promise<QueueState> {
    const cached = await this.stateAt(client, hallId, shipped);
    let state = cached.state;
    // Per changed ticket: its state now, its first call and its last call's counter and clerk in this fold
    // (the report facts the hall reads from its log: shared/src/reports TicketFact).
    const tickets = new Map<
      number,
      {
        ticket: Ticket;
        firstCalledAt: number | null;
        lastCall: { counterId: string; clerkId: string | null } | null;
      }
    >();
    const ratings: unknown[] = [];
    let isDayStarted = false;
    // A day's start expires tickets and drops them from the state: fold it alone, so every ticket it
    // expires is in the state before it.
    for (const segment of segments(events)) {
      const before = state;
      state = evolveAll(before, segment);
      for (const ticket of changedTickets(segment, before, state)) {
        const previous = tickets.get(ticket.id);
        tickets.set(ticket.id, {
          ticket,
          firstCalledAt: previous?.firstCalledAt ?? null,
          lastCall: previous?.lastCall ?? null,
        });
      }
      for (const event of segment) {
        if (event.type === 'day.started') isDayStarted = true;
        if (event.type === 'ticket.called') {
          const entry = tickets.get(event.ticketId);
          if (entry)
            tickets.set(event.ticketId, {
              ...entry,
              firstCalledAt:
                entry.firstCalledAt === null || event.at < entry.firstCalledAt
                  ? event.at
                  : entry.firstCalledAt,
              lastCall: { counterId: event.counterId, clerkId: event.clerkId },
            });
        }
        if (event.type === 'feedback.rated') {
          ratings.push({
            ticket_id: event.ticketId,
            counter_id: event.counterId,
            clerk_id: event.clerkId,
            rating: event.rating,
            reasons: event.reasons,
            at: event.at,
          });
        }
      }
    }
    if (tickets.size > 0) {
      const rows = [...tickets.values()].map(({ ticket, firstCalledAt, lastCall }) => ({
        id: ticket.id,
        business_day: ticket.businessDay,
        number: ticket.number,
        issued_service_id: ticket.issuedServiceId,
        service_id: ticket.serviceId,
        status: ticket.status,
        priority_group_id: ticket.priorityGroupId,
        issued_at: ticket.issuedAt,
        queued_at: ticket.queuedAt,
        first_called_at: firstCalledAt,
        started_at: ticket.startedAt,
        completed_at: ticket.completedAt,
        counter_id: lastCall?.counterId ?? null,
        clerk_id: lastCall?.clerkId ?? null,
        transfer_count: ticket.transferCount,
        body: ticket,
      }));
      await client.query(
        `INSERT INTO tickets (hall_id, id, business_day, number, issued_service_id, service_id, status,
           priority_group_id, issued_at, queued_at, first_called_at, started_at, completed_at, counter_id,
           clerk_id, transfer_count, body)
         SELECT $1, t.id, t.business_day, t.number, t.issued_service_id, t.service_id, t.status,
           t.priority_group_id, t.issued_at, t.queued_at, t.first_called_at, t.started_at, t.completed_at,
           t.counter_id, t.clerk_id, t.transfer_count, t.body
         FROM jsonb_to_recordset($2::jsonb) AS t(id bigint, business_day text, number text,
           issued_service_id text, service_id text, status text, priority_group_id text, issued_at bigint,
           queued_at bigint, first_called_at bigint, started_at bigint, completed_at bigint, counter_id text,
           clerk_id text, transfer_count integer, body jsonb)
         ON CONFLICT (hall_id, id) DO UPDATE SET
           service_id = EXCLUDED.service_id, status = EXCLUDED.status,
           first_called_at = COALESCE(LEAST(tickets.first_called_at, EXCLUDED.first_called_at),
                                      tickets.first_called_at, EXCLUDED.first_called_at),
           started_at = EXCLUDED.started_at, completed_at = EXCLUDED.completed_at,
           -- The last call's counter and clerk: kept until a later call in a later fold replaces both.
           counter_id = COALESCE(EXCLUDED.counter_id, tickets.counter_id),
           clerk_id = CASE WHEN EXCLUDED.counter_id IS NULL THEN tickets.clerk_id ELSE EXCLUDED.clerk_id END,
           transfer_count = EXCLUDED.transfer_count, body = EXCLUDED.body`,
        [hallId, JSON.stringify(rows)],
      );
      await client.query(
        `INSERT INTO rollup_dirty (hall_id, business_day)
         SELECT $1, d FROM unnest($2::text[]) AS d
         ON CONFLICT (hall_id, business_day) DO UPDATE SET dirtied_at = clock_timestamp()`,
        [hallId, [...new Set(rows.map((row) => row.business_day))]],
      );
    }
    if (ratings.length > 0) {
      await client.query(
        `INSERT INTO ratings (hall_id, ticket_id, counter_id, clerk_id, rating, reasons, at)
         SELECT $1, r.ticket_id, r.counter_id, r.clerk_id, r.rating, r.reasons, r.at
         FROM jsonb_to_recordset($2::jsonb) AS r(ticket_id bigint, counter_id text, clerk_id text,
           rating integer, reasons jsonb, at bigint)
         ON CONFLICT DO NOTHING`,
        [hallId, JSON.stringify(ratings)],
      );
    }
    let checkpointVersion = cached.checkpointVersion;
    if (isDayStarted || state.version - checkpointVersion >= CHECKPOINT_EVERY) {
      await client.query(
        `INSERT INTO hall_states (hall_id, version, state) VALUES ($1, $2, $3)
         ON CONFLICT (hall_id) DO UPDATE SET version = EXCLUDED.version, state = EXCLUDED.state, saved_at = now()`,
        [hallId, state.version, JSON.stringify(state)],
      );
      checkpointVersion = state.version;
    }
    this.states.set(hallId, { state, checkpointVersion });
    return state;
  }

  /** The hall's folded state at `version`: from this process's cache, or its checkpoint plus the log. */
  async stateAt(client: pg.ClientBase, hallId: string, version: number): Promise<CachedState> {
    const cached = this.states.get(hallId);
    if (cached && cached.state.version === version) return cached;
    const { rows } = await client.query<{ version: string; state: QueueState }>(
      'SELECT version, state FROM hall_states WHERE hall_id = $1',
      [hallId],
    );
    const checkpoint = rows[0];
    let state = checkpoint && Number(checkpoint.version) <= version ? checkpoint.state : emptyQueueState('');
    const checkpointVersion = state.version;
    while (state.version < version) {
      const page = await readEvents(
        client,
        hallId,
        state.version,
        Math.min(REFOLD_PAGE, version - state.version),
      );
      if (page.length === 0 || page[0]!.version !== state.version + 1)
        throw new Error(`hall ${hallId}: events missing after version ${state.version}`);
      state = evolveAll(state, page);
    }
    const result = { state, checkpointVersion };
    this.states.set(hallId, result);
    return result;
  }

  /** Forget a hall's cached state (another process changed it, or tests). */
  forget(hallId: string): void {
    this.states.delete(hallId);
  }

  private async ensurePartitions(events: readonly VersionedEvent[]): Promise<void> {
    const months = new Map<string, number>();
    for (const event of events) {
      const { name } = monthBounds(event.at);
      if (!this.knownPartitions.has(name)) months.set(name, event.at);
    }
    if (months.size === 0) return;
    const client = await this.pool.connect();
    try {
      for (const [name, at] of months) {
        await ensureEventPartition(client, at);
        this.knownPartitions.add(name);
      }
    } finally {
      client.release();
    }
  }
}

/** Events after `after`, in version order, at most `limit`. */
export async function readEvents(
  client: pg.ClientBase,
  hallId: string,
  after: number,
  limit: number,
): Promise<VersionedEvent[]> {
  const { rows } = await client.query<{ body: VersionedEvent }>(
    'SELECT body FROM events WHERE hall_id = $1 AND version > $2 ORDER BY version LIMIT $3',
    [hallId, after, limit],
  );
  return rows.map((row) => row.body);
}

/** Runs of events, each `day.started` alone in its own run. */
function* segments(events: readonly VersionedEvent[]): Generator<VersionedEvent[]> {
  let run: VersionedEvent[] = [];
  for (const event of events) {
    if (event.type === 'day.started') {
      if (run.length > 0) yield run;
      yield [event];
      run = [];
    } else {
      run.push(event);
    }
  }
  if (run.length > 0) yield run;
}
