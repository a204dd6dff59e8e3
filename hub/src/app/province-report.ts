import type pg from 'pg';
import type { HallReport, ProvinceDimension, ProvinceReport, ReportRow } from '@luot/shared/contracts';
import type { HallConfig, LocalizedText } from '@luot/shared/domain';
import type { GroupFigures } from '@luot/shared/reports';
import { computeReport, emptyFigures, figuresRow } from '@luot/shared/reports';
import type { FiguresPart, RollupCounts } from './facts.ts';
import { addPart, decodeDurations, factsOf, groupFacts, partOf } from './facts.ts';

/** A period of business days, inclusive. */
export interface ReportPeriod {
  readonly from: string;
  readonly to: string;
  readonly targetWaitMinutes: number;
  /** Only these halls (all when absent). */
  readonly hallIds?: readonly string[];
}

interface HallRow {
  id: string;
  name: string;
  config: HallConfig | null;
}

async function hallsOf(pool: pg.Pool | pg.ClientBase, hallIds?: readonly string[]): Promise<HallRow[]> {
  const { rows } = await pool.query<HallRow>(
    hallIds
      ? 'SELECT id, name, config FROM halls WHERE id = ANY($1) ORDER BY name, id'
      : 'SELECT id, name, config FROM halls ORDER BY name, id',
    hallIds ? [hallIds] : [],
  );
  return rows;
}

/**
 * The figures of every (hall, day, service) in a period: the daily rollups of finished days, and for
 * days still changing (today, or a day whose rollup is stale) the same figures computed from the
 * tickets now. Both are exact (every wait kept), so the report never depends on whether a day was
 * rolled up yet.
 */
export async function periodFigures(
  pool: pg.Pool,
  halls: readonly HallRow[],
  from: string,
  to: string,
): Promise<FiguresPart[]> {
  const hallIds = halls.map((hall) => hall.id);
  const client = await pool.connect();
  try {
    // One snapshot: a day rolled up meanwhile is either still dirty here or in the rollups, never both.
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    // Durations as base64 (a third over their size, where bytea's hexadecimal text doubles it; a year of a
    // province is ≈ 130 MB of them), decoded natively.
    const rolled = await client.query<{
      hall_id: string;
      business_day: string;
      service_id: string;
      counts: RollupCounts;
      waits: string;
      services: string;
    }>(
      `SELECT r.hall_id, r.business_day, r.service_id, r.counts,
              encode(r.waits, 'base64') AS waits, encode(r.services, 'base64') AS services
       FROM daily_rollups r
       WHERE r.business_day BETWEEN $1 AND $2 AND r.hall_id = ANY($3)
         AND NOT EXISTS (SELECT 1 FROM rollup_dirty d WHERE d.hall_id = r.hall_id AND d.business_day = r.business_day)`,
      [from, to, hallIds],
    );
    const live = await client.query<{ hall_id: string; business_day: string }>(
      `SELECT d.hall_id, d.business_day FROM rollup_dirty d
       WHERE d.business_day BETWEEN $1 AND $2 AND d.hall_id = ANY($3)`,
      [from, to, hallIds],
    );
    const facts = await factsOf(
      client,
      live.rows.map((row) => row.hall_id),
      live.rows.map((row) => row.business_day),
    );
    await client.query('COMMIT');
    const configs = new Map(halls.map((hall) => [hall.id, hall.config]));
    return [
      ...rolled.rows.map((row) => ({
        hallId: row.hall_id,
        businessDay: row.business_day,
        serviceId: row.service_id,
        counts: row.counts,
        waits: decodeDurations(Buffer.from(row.waits, 'base64')),
        services: decodeDurations(Buffer.from(row.services, 'base64')),
      })),
      ...groupFacts(facts.tickets, facts.ratings, configs).map(partOf),
    ];
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

interface Group {
  readonly key: string;
  label: LocalizedText;
  readonly order: number;
  readonly figures: GroupFigures;
}

/**
 * A report across halls: per hall, day, field and service, with the hall's own formulas (the shared
 * report code over exact figures). A field or service is the same across halls when its id is (the
 * province catalogue gives halls common ids).
 */
export async function provinceReport(
  pool: pg.Pool,
  period: ReportPeriod,
  now: number,
): Promise<ProvinceReport> {
  const halls = await hallsOf(pool, period.hallIds);
  const figures = await periodFigures(pool, halls, period.from, period.to);
  const hallIndex = new Map(halls.map((hall, index) => [hall.id, { hall, index }]));
  const total = emptyFigures();
  const groups: Record<ProvinceDimension, Map<string, Group>> = {
    hall: new Map(),
    day: new Map(),
    field: new Map(),
    service: new Map(),
  };
  const add = (
    dimension: ProvinceDimension,
    key: string,
    label: LocalizedText,
    order: number,
    from: FiguresPart | null,
  ): void => {
    let group = groups[dimension].get(key);
    if (!group) groups[dimension].set(key, (group = { key, label, order, figures: emptyFigures() }));
    if (from) addPart(group.figures, from);
  };
  // Halls in the list even with no ticket in the period (a silent hall is news too).
  for (const [index, hall] of halls.entries())
    add('hall', hall.id, { vi: hall.name, en: hall.name }, index, null);
  for (const item of figures) {
    const entry = hallIndex.get(item.hallId);
    const config = entry?.hall.config ?? null;
    const service = config?.services.find((candidate) => candidate.id === item.serviceId);
    const field = service ? config?.fields.find((candidate) => candidate.id === service.fieldId) : undefined;
    addPart(total, item);
    add(
      'hall',
      item.hallId,
      { vi: entry?.hall.name ?? item.hallId, en: entry?.hall.name ?? item.hallId },
      entry?.index ?? 1e9,
      item,
    );
    add('day', item.businessDay, { vi: item.businessDay, en: item.businessDay }, 0, item);
    const fieldId = service?.fieldId ?? '';
    add(
      'field',
      fieldId,
      field?.name ?? { vi: fieldId || '—', en: fieldId || '—' },
      field?.kioskOrder ?? 1e9,
      item,
    );
    add(
      'service',
      item.serviceId,
      service?.name ?? { vi: item.serviceId, en: item.serviceId },
      service?.kioskOrder ?? 1e9,
      item,
    );
  }
  const rows = (dimension: ProvinceDimension): ReportRow[] =>
    [...groups[dimension].values()]
      .sort((a, b) => a.order - b.order || a.key.localeCompare(b.key))
      .map((group) => figuresRow(group.key, group.label, group.figures, period.targetWaitMinutes));
  return {
    from: period.from,
    to: period.to,
    targetWaitMinutes: period.targetWaitMinutes,
    generatedAt: now,
    total: figuresRow('total', { vi: 'Toàn tỉnh', en: 'Province' }, total, period.targetWaitMinutes),
    by: { hall: rows('hall'), day: rows('day'), field: rows('field'), service: rows('service') },
  };
}

/**
 * One hall's full report (day, hour, field, service, counter, clerk) from the hub's copy of its tickets:
 * the hall's own `computeReport` over the same facts, so it equals what the hall's console shows.
 */
export async function hallReportFromHub(
  pool: pg.Pool,
  hallId: string,
  period: Omit<ReportPeriod, 'hallIds'>,
  now: number,
): Promise<HallReport | undefined> {
  const [hall] = await hallsOf(pool, [hallId]);
  if (!hall?.config) return undefined;
  const days = await pool.query<{ business_day: string }>(
    'SELECT DISTINCT business_day FROM tickets WHERE hall_id = $1 AND business_day BETWEEN $2 AND $3',
    [hallId, period.from, period.to],
  );
  const facts = await factsOf(
    pool,
    days.rows.map(() => hallId),
    days.rows.map((row) => row.business_day),
  );
  return computeReport({
    from: period.from,
    to: period.to,
    config: hall.config,
    tickets: facts.tickets,
    ratings: facts.ratings,
    targetWaitMinutes: period.targetWaitMinutes,
    now,
  });
}
