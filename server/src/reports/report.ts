import type {
  DurationStats,
  HallReport,
  ReportDimension,
  ReportRow,
  SatisfactionStats,
} from '@luot/shared/contracts';
import { REPORT_DIMENSIONS } from '@luot/shared/contracts';
import type { HallConfig, LocalizedText, SatisfactionLevel } from '@luot/shared/domain';

export { REPORT_DIMENSIONS };
export type { DurationStats, HallReport, ReportDimension, ReportRow, SatisfactionStats };
import type { RatingFact, TicketFact } from '../db/admin-store.ts';

/**
 * The nearest-rank percentile of sorted values: the smallest value such that at least p % of the values
 * are at or below it (rank ⌈p/100 × n⌉). No interpolation, so every figure is a real observed wait.
 */
export function nearestRank(sorted: ArrayLike<number>, p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1] ?? null;
}

/** Average, median and 90th percentile of durations. */
export function durationStats(values: readonly number[]): DurationStats {
  if (values.length === 0) return { count: 0, averageMs: null, medianMs: null, p90Ms: null };
  // A typed array sorts numerically without a comparator: several times faster on a year of waits.
  const sorted = Float64Array.from(values).sort();
  let sum = 0;
  for (const value of sorted) sum += value;
  return {
    count: sorted.length,
    averageMs: sum / sorted.length,
    medianMs: nearestRank(sorted, 50),
    p90Ms: nearestRank(sorted, 90),
  };
}

/** The wait of a ticket: its first call minus its queue time; null when it was never called. */
export const waitOf = (ticket: TicketFact): number | null =>
  ticket.firstCalledAt === null ? null : Math.max(0, ticket.firstCalledAt - ticket.queuedAt);

/** The service time of a served ticket: completion minus start. */
export const serviceTimeOf = (ticket: TicketFact): number | null =>
  ticket.status === 'done' && ticket.startedAt !== null && ticket.completedAt !== null
    ? Math.max(0, ticket.completedAt - ticket.startedAt)
    : null;

/** Local hour (0–23) of an instant in a time zone, cached per UTC hour (zones shift by whole hours here). */
function hourReader(timeZone: string): (at: number) => number {
  const format = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' });
  const cache = new Map<number, number>();
  return (at) => {
    // Quarter-hour buckets keep zones with :30 and :45 offsets right.
    const bucket = Math.floor(at / 900_000);
    let hour = cache.get(bucket);
    if (hour === undefined) {
      hour = Number(format.format(new Date(bucket * 900_000)));
      cache.set(bucket, hour);
    }
    return hour;
  };
}

class Accumulator {
  issued = 0;
  served = 0;
  noShow = 0;
  transferred = 0;
  cancelled = 0;
  expired = 0;
  open = 0;
  withinTarget = 0;
  readonly waits: number[] = [];
  readonly services: number[] = [];
  readonly ratings = new Map<number, number>();

  constructor(
    readonly key: string,
    readonly label: LocalizedText,
    readonly order: number,
  ) {}

  addTicket(ticket: TicketFact, targetMs: number): void {
    this.issued += 1;
    if (ticket.transferCount > 0) this.transferred += 1;
    switch (ticket.status) {
      case 'done':
        this.served += 1;
        break;
      case 'no_show':
        this.noShow += 1;
        break;
      case 'cancelled':
        this.cancelled += 1;
        break;
      case 'expired':
        this.expired += 1;
        break;
      default:
        this.open += 1;
    }
    const wait = waitOf(ticket);
    if (wait !== null) {
      this.waits.push(wait);
      if (wait <= targetMs) this.withinTarget += 1;
    }
    const service = serviceTimeOf(ticket);
    if (service !== null) this.services.push(service);
  }

  addRating(rating: number): void {
    this.ratings.set(rating, (this.ratings.get(rating) ?? 0) + 1);
  }

  row(levels: readonly SatisfactionLevel[]): ReportRow {
    const byLevel: Record<string, number> = {};
    let total = 0;
    let satisfied = 0;
    for (const [value, count] of this.ratings) {
      byLevel[String(value)] = count;
      total += count;
      if (levels.some((level) => level.value === value && level.isSatisfied)) satisfied += count;
    }
    return {
      key: this.key,
      label: this.label,
      issued: this.issued,
      served: this.served,
      noShow: this.noShow,
      transferred: this.transferred,
      cancelled: this.cancelled,
      expired: this.expired,
      open: this.open,
      wait: durationStats(this.waits),
      service: durationStats(this.services),
      withinTarget: this.withinTarget,
      withinTargetPercent: this.waits.length === 0 ? null : (this.withinTarget / this.waits.length) * 100,
      satisfaction: {
        total,
        byLevel,
        satisfied,
        percentSatisfied: total === 0 ? null : (satisfied / total) * 100,
      },
    };
  }
}

const same = (text: string): LocalizedText => ({ vi: text, en: text });

/**
 * Compute a report from the facts of a range of business days. Groups: the business day; the local
 * hour the ticket was issued; the field and the service the ticket ended in (after transfers); the
 * counter and clerk of its last call, so both tables count a transferred ticket at the same desk (tickets
 * never called are grouped under "—" in both). Every ticket is in exactly one group per dimension, so
 * every breakdown adds up to the totals (property-tested over generated days).
 * A rating counts in the groups of its ticket.
 */
export function computeReport(input: {
  readonly from: string;
  readonly to: string;
  readonly config: HallConfig;
  readonly tickets: readonly TicketFact[];
  readonly ratings: readonly RatingFact[];
  readonly targetWaitMinutes: number;
  readonly now: number;
}): HallReport {
  const { config, targetWaitMinutes } = input;
  const targetMs = targetWaitMinutes * 60_000;
  const hourOf = hourReader(config.hall.timeZone);
  const levels = config.satisfaction.levels;
  const total = new Accumulator('total', { vi: 'Tổng cộng', en: 'Total' }, 0);
  const groups: Record<ReportDimension, Map<string, Accumulator>> = {
    day: new Map(),
    hour: new Map(),
    field: new Map(),
    service: new Map(),
    counter: new Map(),
    clerk: new Map(),
  };
  const serviceIndex = new Map(
    config.services.map((service, index) => [service.id as string, { service, index }]),
  );
  const fieldIndex = new Map(config.fields.map((field, index) => [field.id as string, { field, index }]));
  const counterIndex = new Map(config.counters.map((counter) => [counter.id as string, counter]));
  const clerkIndex = new Map(config.clerks.map((clerk, index) => [clerk.id as string, { clerk, index }]));
  const NONE = { vi: '— (chưa qua quầy)', en: '— (no counter)' };

  const keysOf = (ticket: TicketFact): Record<ReportDimension, [string, LocalizedText, number]> => {
    const service = serviceIndex.get(ticket.serviceId);
    const fieldId = service?.service.fieldId ?? '';
    const field = fieldIndex.get(fieldId);
    const hour = hourOf(ticket.issuedAt);
    const counter = ticket.counterId === null ? undefined : counterIndex.get(ticket.counterId);
    const clerk = ticket.clerkId === null ? undefined : clerkIndex.get(ticket.clerkId);
    const hh = String(hour).padStart(2, '0');
    return {
      day: [ticket.businessDay, same(ticket.businessDay), 0],
      hour: [hh, same(`${hh}:00–${String(hour + 1).padStart(2, '0')}:00`), hour],
      field: [fieldId, field?.field.name ?? same(fieldId || '—'), field?.field.kioskOrder ?? 1e9],
      service: [
        ticket.serviceId,
        service?.service.name ?? same(ticket.serviceId),
        service?.service.kioskOrder ?? 1e9,
      ],
      counter:
        ticket.counterId === null
          ? ['', NONE, 1e9]
          : [
              ticket.counterId,
              counter ? counterLabel(counter.number, counter.name) : same(ticket.counterId),
              counter?.number ?? 1e8,
            ],
      clerk:
        ticket.clerkId === null
          ? ['', NONE, 1e9]
          : [ticket.clerkId, same(clerk?.clerk.name ?? ticket.clerkId), clerk?.index ?? 1e8],
    };
  };

  const ticketKeys = new Map<number, Record<ReportDimension, [string, LocalizedText, number]>>();
  for (const ticket of input.tickets) {
    const keys = keysOf(ticket);
    ticketKeys.set(ticket.id, keys);
    total.addTicket(ticket, targetMs);
    for (const dimension of REPORT_DIMENSIONS) {
      const [key, label, order] = keys[dimension];
      const map = groups[dimension];
      let group = map.get(key);
      if (!group) map.set(key, (group = new Accumulator(key, label, order)));
      group.addTicket(ticket, targetMs);
    }
  }
  for (const rating of input.ratings) {
    const keys = ticketKeys.get(rating.ticketId);
    if (!keys) continue;
    total.addRating(rating.rating);
    for (const dimension of REPORT_DIMENSIONS)
      groups[dimension].get(keys[dimension][0])?.addRating(rating.rating);
  }

  const rows = (dimension: ReportDimension): ReportRow[] =>
    [...groups[dimension].values()]
      .sort((a, b) => a.order - b.order || a.key.localeCompare(b.key))
      .map((group) => group.row(levels));
  return {
    from: input.from,
    to: input.to,
    timeZone: config.hall.timeZone,
    targetWaitMinutes,
    generatedAt: input.now,
    levels,
    total: total.row(levels),
    by: {
      day: rows('day'),
      hour: rows('hour'),
      field: rows('field'),
      service: rows('service'),
      counter: rows('counter'),
      clerk: rows('clerk'),
    },
  };
}

function counterLabel(number: number, name: LocalizedText): LocalizedText {
  return { vi: `Quầy ${number} — ${name.vi}`, en: `Counter ${number} — ${name.en || name.vi}` };
}
