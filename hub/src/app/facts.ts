import type pg from 'pg';
import type { HallConfig } from '@luot/shared/domain';
import os from 'node:os';
import type { Durations, GroupFigures, RatingFact, TicketFact } from '@luot/shared/reports';
import { addRating, addTicket, emptyFigures, isSatisfiedRating } from '@luot/shared/reports';

// Report facts as the hub stores them: the same TicketFact / RatingFact the hall reads from its SQLite,
// here from the PostgreSQL projection written by the ingest.

interface TicketFactRow {
  hall_id: string;
  id: number;
  number: string;
  business_day: string;
  issued_service_id: string;
  service_id: string;
  status: string;
  priority_group_id: string | null;
  issued_at: number;
  queued_at: number;
  first_called_at: number | null;
  started_at: number | null;
  completed_at: number | null;
  counter_id: string | null;
  clerk_id: string | null;
  transfer_count: number;
}

/** A ticket fact with its hall. */
export interface HallTicketFact extends TicketFact {
  readonly hallId: string;
}

/** A rating fact with its hall. */
export interface HallRatingFact extends RatingFact {
  readonly hallId: string;
}

/**
 * The facts of the given (hall, business day) pairs. `pairs` as two parallel arrays, so one query
 * serves one day of one hall or every dirty day of a period.
 */
export async function factsOf(
  client: pg.ClientBase | pg.Pool,
  hallIds: readonly string[],
  days: readonly string[],
): Promise<{ tickets: HallTicketFact[]; ratings: HallRatingFact[] }> {
  if (hallIds.length === 0) return { tickets: [], ratings: [] };
  const pairs = `SELECT * FROM unnest($1::text[], $2::text[]) AS p(hall_id, business_day)`;
  const ticketRows = await client.query<TicketFactRow>(
    `SELECT t.hall_id, t.id, t.number, t.business_day, t.issued_service_id, t.service_id, t.status,
            t.priority_group_id, t.issued_at, t.queued_at, t.first_called_at, t.started_at, t.completed_at,
            t.counter_id, t.clerk_id, t.transfer_count
     FROM (${pairs}) p JOIN tickets t ON t.hall_id = p.hall_id AND t.business_day = p.business_day`,
    [hallIds, days],
  );
  const ratingRows = await client.query<{
    hall_id: string;
    ticket_id: number;
    business_day: string;
    service_id: string;
    counter_id: string;
    clerk_id: string | null;
    rating: number;
    reasons: string[];
    at: number;
  }>(
    `SELECT r.hall_id, r.ticket_id, t.business_day, t.service_id, r.counter_id, r.clerk_id, r.rating, r.reasons, r.at
     FROM (${pairs}) p JOIN tickets t ON t.hall_id = p.hall_id AND t.business_day = p.business_day
     JOIN ratings r ON r.hall_id = t.hall_id AND r.ticket_id = t.id`,
    [hallIds, days],
  );
  return {
    tickets: ticketRows.rows.map((row) => ({
      hallId: row.hall_id,
      id: row.id,
      number: row.number,
      businessDay: row.business_day,
      issuedServiceId: row.issued_service_id,
      serviceId: row.service_id,
      status: row.status,
      priorityGroupId: row.priority_group_id,
      issuedAt: row.issued_at,
      queuedAt: row.queued_at,
      firstCalledAt: row.first_called_at,
      startedAt: row.started_at,
      completedAt: row.completed_at,
      counterId: row.counter_id,
      clerkId: row.clerk_id,
      transferCount: row.transfer_count,
    })),
    ratings: ratingRows.rows.map((row) => ({
      hallId: row.hall_id,
      ticketId: row.ticket_id,
      businessDay: row.business_day,
      serviceId: row.service_id,
      counterId: row.counter_id,
      clerkId: row.clerk_id,
      rating: row.rating,
      reasons: row.reasons,
      at: row.at,
    })),
  };
}

/** Figures of one hall, business day and service: the unit of the daily rollup. */
export interface DayServiceFigures {
  readonly hallId: string;
  readonly businessDay: string;
  readonly serviceId: string;
  readonly figures: GroupFigures;
}

/**
 * Group facts by (hall, day, service) with the shared report code; a rating counts where its ticket
 * does, satisfied by its own hall's scale.
 */
export function groupFacts(
  tickets: readonly HallTicketFact[],
  ratings: readonly HallRatingFact[],
  configs: ReadonlyMap<string, HallConfig | null>,
): DayServiceFigures[] {
  const groups = new Map<string, DayServiceFigures>();
  const keyOf = new Map<string, string>();
  const groupOf = (hallId: string, businessDay: string, serviceId: string): DayServiceFigures => {
    const key = `${hallId}\u0000${businessDay}\u0000${serviceId}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { hallId, businessDay, serviceId, figures: emptyFigures() }));
    return group;
  };
  for (const ticket of tickets) {
    const group = groupOf(ticket.hallId, ticket.businessDay, ticket.serviceId);
    addTicket(group.figures, ticket);
    keyOf.set(
      `${ticket.hallId}\u0000${ticket.id}`,
      `${ticket.hallId}\u0000${ticket.businessDay}\u0000${ticket.serviceId}`,
    );
  }
  for (const rating of ratings) {
    const key = keyOf.get(`${rating.hallId}\u0000${rating.ticketId}`);
    const group = key === undefined ? undefined : groups.get(key);
    if (!group) continue;
    const levels = configs.get(rating.hallId)?.satisfaction.levels ?? [];
    addRating(group.figures, rating.rating, isSatisfiedRating(levels, rating.rating));
  }
  return [...groups.values()];
}

/** Durations as little-endian uint32 milliseconds (a rollup's compact, exact storage). */
export function encodeDurations(durations: Durations): Buffer {
  const values = durations.values();
  const buffer = Buffer.alloc(values.length * 4);
  values.forEach((value, index) =>
    buffer.writeUInt32LE(Math.min(0xffff_ffff, Math.max(0, Math.round(value))), index * 4),
  );
  return buffer;
}

/** The durations of a rollup, as numbers (a view of the bytes where possible: no copy). */
export function decodeDurations(buffer: Buffer): Uint32Array {
  const count = Math.floor(buffer.length / 4);
  // Aligned on a little-endian machine (every platform Node runs a hub on): read them as one block.
  if (os.endianness() === 'LE' && buffer.byteOffset % 4 === 0)
    return new Uint32Array(buffer.buffer, buffer.byteOffset, count);
  const values = new Uint32Array(count);
  for (let index = 0; index < count; index += 1) values[index] = buffer.readUInt32LE(index * 4);
  return values;
}

/** The counts of a rollup row (everything but the durations). */
export interface RollupCounts {
  readonly issued: number;
  readonly served: number;
  readonly noShow: number;
  readonly transferred: number;
  readonly cancelled: number;
  readonly expired: number;
  readonly open: number;
  readonly satisfied: number;
  readonly ratings: Readonly<Record<string, number>>;
}

export const countsOf = (figures: GroupFigures): RollupCounts => ({
  issued: figures.issued,
  served: figures.served,
  noShow: figures.noShow,
  transferred: figures.transferred,
  cancelled: figures.cancelled,
  expired: figures.expired,
  open: figures.open,
  satisfied: figures.satisfied,
  ratings: Object.fromEntries([...figures.ratings].map(([level, count]) => [String(level), count])),
});

/** The figures of one hall, day and service as a report reads them: a rollup row, or a live group. */
export interface FiguresPart {
  readonly hallId: string;
  readonly businessDay: string;
  readonly serviceId: string;
  readonly counts: RollupCounts;
  readonly waits: ArrayLike<number>;
  readonly services: ArrayLike<number>;
}

/** A live group as a part. */
export const partOf = (group: DayServiceFigures): FiguresPart => ({
  hallId: group.hallId,
  businessDay: group.businessDay,
  serviceId: group.serviceId,
  counts: countsOf(group.figures),
  waits: group.figures.waits.values(),
  services: group.figures.services.values(),
});

/** Add a part into a group's figures (a year merges ≈ 300,000 of them: no copy but into the group). */
export function addPart(into: GroupFigures, part: FiguresPart): void {
  const { counts } = part;
  into.issued += counts.issued;
  into.served += counts.served;
  into.noShow += counts.noShow;
  into.transferred += counts.transferred;
  into.cancelled += counts.cancelled;
  into.expired += counts.expired;
  into.open += counts.open;
  into.satisfied += counts.satisfied;
  for (const level in counts.ratings) {
    const value = Number(level);
    into.ratings.set(value, (into.ratings.get(value) ?? 0) + (counts.ratings[level] ?? 0));
  }
  into.waits.pushAll(part.waits);
  into.services.pushAll(part.services);
}
