import type {
  DurationStats,
  HallReport,
  ReportDimension,
  ReportRow,
  SatisfactionStats,
} from '../contracts/reports.ts';
import { REPORT_DIMENSIONS } from '../contracts/reports.ts';
import { localHourReader } from '../domain/zone-offsets.ts';
import type { HallConfig, LocalizedText, SatisfactionLevel } from '../domain/index.ts';

export { REPORT_DIMENSIONS };
export type { DurationStats, HallReport, ReportDimension, ReportRow, SatisfactionStats };

// The hall's report arithmetic, pure, in one place: the hall server computes its own reports with it and
// the province hub computes reports across halls with the same code (docs/HUB.md), so a province figure
// is the halls' figures added up, never a second formula.

/** The facts of one ticket a report needs (the hall reads them from its `tickets` projection and log). */
export interface TicketFact {
  readonly id: number;
  readonly number: string;
  readonly businessDay: string;
  readonly issuedServiceId: string;
  readonly serviceId: string;
  readonly status: string;
  readonly priorityGroupId: string | null;
  readonly issuedAt: number;
  readonly queuedAt: number;
  /** The first `ticket.called` of the ticket (recalls and later calls after a transfer do not count). */
  readonly firstCalledAt: number | null;
  readonly startedAt: number | null;
  readonly completedAt: number | null;
  /** The counter and the clerk of the ticket's last call (both null when it was never called). */
  readonly counterId: string | null;
  readonly clerkId: string | null;
  readonly transferCount: number;
}

/** One rating, with the day and service of its ticket. */
export interface RatingFact {
  readonly ticketId: number;
  readonly businessDay: string;
  readonly serviceId: string;
  readonly counterId: string;
  readonly clerkId: string | null;
  readonly rating: number;
  readonly reasons: readonly string[];
  readonly at: number;
}

/**
 * The nearest-rank percentile of sorted values: the smallest value such that at least p % of the values
 * are at or below it (rank ⌈p/100 × n⌉). No interpolation, so every figure is a real observed wait.
 */
export function nearestRank(sorted: ArrayLike<number>, p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1] ?? null;
}

/**
 * A growable list of durations (ms) in a typed array. A province's year is tens of millions of waits:
 * kept out of the JavaScript heap, and copied in blocks when groups are merged.
 */
export class Durations {
  private data = new Float64Array(16);
  private size = 0;

  get length(): number {
    return this.size;
  }

  private reserve(extra: number): void {
    if (this.size + extra <= this.data.length) return;
    let capacity = this.data.length * 2;
    while (capacity < this.size + extra) capacity *= 2;
    const grown = new Float64Array(capacity);
    grown.set(this.data.subarray(0, this.size));
    this.data = grown;
  }

  push(value: number): void {
    this.reserve(1);
    this.data[this.size] = value;
    this.size += 1;
  }

  pushAll(values: ArrayLike<number>): void {
    this.reserve(values.length);
    this.data.set(values, this.size);
    this.size += values.length;
  }

  /** The values, as a view (valid until the next push). */
  values(): Float64Array {
    return this.data.subarray(0, this.size);
  }
}

/** Put the k-th smallest value (0-based) of `values[from…]` at index k, smaller ones before it. */
function selectInPlace(values: Float64Array, k: number, from: number): void {
  let left = from;
  let right = values.length - 1;
  let seed = 0x9e3779b9;
  while (right > left) {
    // A pseudo-random pivot: no input order makes this quadratic in practice.
    seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
    const pivot = values[left + (seed % (right - left + 1))]!;
    let i = left;
    let j = right;
    while (i <= j) {
      while (values[i]! < pivot) i += 1;
      while (values[j]! > pivot) j -= 1;
      if (i <= j) {
        const swap = values[i]!;
        values[i] = values[j]!;
        values[j] = swap;
        i += 1;
        j -= 1;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return;
  }
}

/**
 * Average, median and 90th percentile (nearest rank) of durations. The two ranks are found by selection
 * on a copy, not by sorting: the same values as a sort gives, in linear time (a province's year).
 */
export function durationStats(input: Durations | readonly number[]): DurationStats {
  // A copy (selection reorders it): `slice` is a block copy, where `Float64Array.from` would iterate.
  const values = input instanceof Durations ? input.values().slice() : Float64Array.from(input);
  if (values.length === 0) return { count: 0, averageMs: null, medianMs: null, p90Ms: null };
  let sum = 0;
  for (let index = 0; index < values.length; index += 1) sum += values[index]!;
  const rank = (p: number): number =>
    Math.min(values.length, Math.max(1, Math.ceil((p / 100) * values.length))) - 1;
  const median = rank(50);
  const p90 = rank(90);
  selectInPlace(values, median, 0);
  const medianMs = values[median]!;
  selectInPlace(values, p90, median);
  return { count: values.length, averageMs: sum / values.length, medianMs, p90Ms: values[p90]! };
}

/** The wait of a ticket: its first call minus its queue time; null when it was never called. */
export const waitOf = (ticket: TicketFact): number | null =>
  ticket.firstCalledAt === null ? null : Math.max(0, ticket.firstCalledAt - ticket.queuedAt);

/** The service time of a served ticket: completion minus start. */
export const serviceTimeOf = (ticket: TicketFact): number | null =>
  ticket.status === 'done' && ticket.startedAt !== null && ticket.completedAt !== null
    ? Math.max(0, ticket.completedAt - ticket.startedAt)
    : null;

/**
 * The additive part of a group's figures: counts, every wait and service duration, ratings per level.
 * Stored as is by the province hub's daily rollups and merged across days and halls, so percentiles
 * over a merged group are exact, not averages of percentiles.
 */
export interface GroupFigures {
  issued: number;
  served: number;
  noShow: number;
  transferred: number;
  cancelled: number;
  expired: number;
  open: number;
  /** Ratings at a level its hall marks `isSatisfied` (decided with that hall's own scale). */
  satisfied: number;
  readonly waits: Durations;
  readonly services: Durations;
  /** Ratings per level value. */
  readonly ratings: Map<number, number>;
}

/** Figures of an empty group. */
export const emptyFigures = (): GroupFigures => ({
  issued: 0,
  served: 0,
  noShow: 0,
  transferred: 0,
  cancelled: 0,
  expired: 0,
  open: 0,
  satisfied: 0,
  waits: new Durations(),
  services: new Durations(),
  ratings: new Map(),
});

/** Count one ticket into a group. */
export function addTicket(figures: GroupFigures, ticket: TicketFact): void {
  figures.issued += 1;
  if (ticket.transferCount > 0) figures.transferred += 1;
  switch (ticket.status) {
    case 'done':
      figures.served += 1;
      break;
    case 'no_show':
      figures.noShow += 1;
      break;
    case 'cancelled':
      figures.cancelled += 1;
      break;
    case 'expired':
      figures.expired += 1;
      break;
    default:
      figures.open += 1;
  }
  const wait = waitOf(ticket);
  if (wait !== null) figures.waits.push(wait);
  const service = serviceTimeOf(ticket);
  if (service !== null) figures.services.push(service);
}

/** Count one rating into a group; whether it is "satisfied" is its hall's scale's word. */
export function addRating(figures: GroupFigures, rating: number, isSatisfied: boolean): void {
  figures.ratings.set(rating, (figures.ratings.get(rating) ?? 0) + 1);
  if (isSatisfied) figures.satisfied += 1;
}

/** Whether a rating value is a "satisfied" level of a scale. */
export const isSatisfiedRating = (levels: readonly SatisfactionLevel[], rating: number): boolean =>
  levels.some((level) => level.value === rating && level.isSatisfied);

/**
 * A group's report row: satisfaction % = satisfied ratings / all ratings × 100 (the official formula),
 * waits within the target among tickets that were called.
 */
export function figuresRow(
  key: string,
  label: LocalizedText,
  figures: GroupFigures,
  targetWaitMinutes: number,
): ReportRow {
  const targetMs = targetWaitMinutes * 60_000;
  let withinTarget = 0;
  const waits = figures.waits.values();
  for (let index = 0; index < waits.length; index += 1) if (waits[index]! <= targetMs) withinTarget += 1;
  const byLevel: Record<string, number> = {};
  let total = 0;
  for (const [value, count] of figures.ratings) {
    byLevel[String(value)] = count;
    total += count;
  }
  return {
    key,
    label,
    issued: figures.issued,
    served: figures.served,
    noShow: figures.noShow,
    transferred: figures.transferred,
    cancelled: figures.cancelled,
    expired: figures.expired,
    open: figures.open,
    wait: durationStats(figures.waits),
    service: durationStats(figures.services),
    withinTarget,
    withinTargetPercent: figures.waits.length === 0 ? null : (withinTarget / figures.waits.length) * 100,
    satisfaction: {
      total,
      byLevel,
      satisfied: figures.satisfied,
      percentSatisfied: total === 0 ? null : (figures.satisfied / total) * 100,
    },
  };
}

class Accumulator {
  readonly figures = emptyFigures();

  constructor(
    readonly key: string,
    readonly label: LocalizedText,
    readonly order: number,
  ) {}
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
  const hourOf = localHourReader(config.hall.timeZone);
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
    addTicket(total.figures, ticket);
    for (const dimension of REPORT_DIMENSIONS) {
      const [key, label, order] = keys[dimension];
      const map = groups[dimension];
      let group = map.get(key);
      if (!group) map.set(key, (group = new Accumulator(key, label, order)));
      addTicket(group.figures, ticket);
    }
  }
  for (const rating of input.ratings) {
    const keys = ticketKeys.get(rating.ticketId);
    if (!keys) continue;
    const isSatisfied = isSatisfiedRating(levels, rating.rating);
    addRating(total.figures, rating.rating, isSatisfied);
    for (const dimension of REPORT_DIMENSIONS) {
      const group = groups[dimension].get(keys[dimension][0]);
      if (group) addRating(group.figures, rating.rating, isSatisfied);
    }
  }

  const rows = (dimension: ReportDimension): ReportRow[] =>
    [...groups[dimension].values()]
      .sort((a, b) => a.order - b.order || a.key.localeCompare(b.key))
      .map((group) => figuresRow(group.key, group.label, group.figures, targetWaitMinutes));
  return {
    from: input.from,
    to: input.to,
    timeZone: config.hall.timeZone,
    targetWaitMinutes,
    generatedAt: input.now,
    levels,
    total: figuresRow(total.key, total.label, total.figures, targetWaitMinutes),
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
