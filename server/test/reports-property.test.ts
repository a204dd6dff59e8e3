// Every breakdown of a period adds up to the same totals, and the counter and clerk tables tell the same
// story: checked as a property over generated days of traffic (issues, calls, starts, completions,
// no-shows, recalls, transfers to services and to counters, ratings) driven through the real HallService
// into a real SQLite database, with one clerk per counter all day.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Command, CounterId, HallConfig, ServiceId } from '@luot/shared/domain';
import { asCounterId, asServiceId, counterOf } from '@luot/shared/domain';
import type { HallReport, ReportDimension, ReportRow } from '../src/reports/report.ts';
import { REPORT_DIMENSIONS, computeReport } from '../src/reports/report.ts';
import { TEST_MANAGER, demoHallServing, reportHall } from './support/report-hall.ts';

const MINUTE = 60_000;
const SERVICES = ['dat-dai', 'ho-tich', 'chung-thuc'].map(asServiceId);
const COUNTERS = ['q1', 'q2', 'q3'].map(asCounterId);
// Local 07:30 in Asia/Ho_Chi_Minh (UTC+7) on Monday 2 March 2026.
const DAY_START = Date.UTC(2026, 2, 2, 0, 30);

type Step =
  | { readonly kind: 'issue'; readonly service: number }
  | {
      readonly kind: 'call-next' | 'start' | 'complete' | 'no-show' | 'recall' | 'rate';
      readonly counter: number;
      readonly rating: number;
    }
  | {
      readonly kind: 'transfer';
      readonly counter: number;
      readonly toService: number | null;
      readonly toCounter: number | null;
    };

const counter = fc.integer({ min: 0, max: COUNTERS.length - 1 });
const stepArbitrary: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('issue' as const), service: fc.nat({ max: 2 }) }) },
  ...(['call-next', 'start', 'complete', 'no-show', 'recall', 'rate'] as const).map((kind) => ({
    weight: kind === 'call-next' || kind === 'complete' ? 5 : 2,
    arbitrary: fc.record({ kind: fc.constant(kind), counter, rating: fc.integer({ min: 1, max: 4 }) }),
  })),
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('transfer' as const),
      counter,
      toService: fc.option(fc.nat({ max: 2 }), { freq: 2 }),
      toCounter: fc.option(counter, { freq: 2 }),
    }),
  },
);
const dayArbitrary = fc.array(
  fc.record({ dt: fc.integer({ min: 0, max: 4 * MINUTE }), step: stepArbitrary }),
  {
    minLength: 10,
    maxLength: 70,
  },
);

/** The demo hall with three counters, each serving its own pair of the three services. */
const testConfig = (): HallConfig =>
  demoHallServing(
    SERVICES.map((service, index) => [service, SERVICES[(index + 1) % SERVICES.length]!]),
    true,
  );

/** Drive one generated day through the real service and database; return the report of that day. */
async function reportOfDay(steps: readonly { dt: number; step: Step }[]): Promise<{
  report: HallReport;
  config: HallConfig;
  transfers: number;
}> {
  const config = testConfig();
  let now = DAY_START;
  const { db, service, adminStore } = reportHall(config, () => now);
  try {
    let requests = 0;
    let transfers = 0;
    const run = async (command: Command): Promise<void> => {
      const ack = await service.command(TEST_MANAGER, `property-${(requests += 1)}`, command);
      if (ack.ok && command.type === 'transfer') transfers += 1;
    };
    for (const [index, counterId] of COUNTERS.entries())
      await run({ type: 'sign-in', counterId, clerkId: config.clerks[index]!.id });
    for (const { dt, step } of steps) {
      now += dt;
      if (step.kind === 'issue') {
        await run({
          type: 'issue',
          serviceId: SERVICES[step.service]!,
          procedureId: null,
          priorityGroupId: null,
        });
        continue;
      }
      const counterId: CounterId = COUNTERS[step.counter]!;
      const current = counterOf(service.state, counterId).currentTicketId;
      switch (step.kind) {
        case 'call-next':
        case 'start':
        case 'complete':
        case 'no-show':
        case 'recall':
          await run({ type: step.kind, counterId });
          break;
        case 'rate': {
          const last = counterOf(service.state, counterId).lastCompletedTicketId;
          if (last !== null)
            await run({ type: 'rate', ticketId: last, counterId, rating: step.rating, reasons: [] });
          break;
        }
        case 'transfer': {
          // From one of the counters holding a ticket (the step's counter when it holds one).
          const holding = COUNTERS.filter((id) => counterOf(service.state, id).currentTicketId !== null);
          const from = current !== null ? counterId : holding[step.counter % Math.max(holding.length, 1)];
          const ticketId = from === undefined ? null : counterOf(service.state, from).currentTicketId;
          if (from !== undefined && ticketId !== null)
            await run({
              type: 'transfer',
              ticketId,
              fromCounterId: from,
              toServiceId: step.toService === null ? null : (SERVICES[step.toService] as ServiceId),
              toCounterId: step.toCounter === null ? null : COUNTERS[step.toCounter]!,
              note: null,
            });
          break;
        }
      }
    }
    const day = service.state.businessDay;
    const report = computeReport({
      from: day,
      to: day,
      config,
      tickets: adminStore.ticketFacts(day, day),
      ratings: adminStore.ratingFacts(day, day),
      targetWaitMinutes: 10,
      now,
    });
    return { report, config, transfers };
  } finally {
    db.close();
  }
}

/** The figures of a row that add up across a breakdown. */
function additive(row: ReportRow): Record<string, number> {
  const figures: Record<string, number> = {
    issued: row.issued,
    served: row.served,
    noShow: row.noShow,
    transferred: row.transferred,
    cancelled: row.cancelled,
    expired: row.expired,
    open: row.open,
    withinTarget: row.withinTarget,
    waits: row.wait.count,
    services: row.service.count,
    ratings: row.satisfaction.total,
    satisfied: row.satisfaction.satisfied,
  };
  for (const [level, count] of Object.entries(row.satisfaction.byLevel)) figures[`level ${level}`] = count;
  return figures;
}

function sum(rows: readonly ReportRow[]): Record<string, number> {
  const total: Record<string, number> = {};
  for (const row of rows)
    for (const [name, value] of Object.entries(additive(row))) total[name] = (total[name] ?? 0) + value;
  return total;
}

/** Drop zero figures, so a missing level and a level counted 0 compare equal. */
const nonZero = (figures: Record<string, number>): Record<string, number> =>
  Object.fromEntries(Object.entries(figures).filter(([, value]) => value !== 0));

describe('report breakdowns over generated days', () => {
  it('add up to the same totals in every dimension, and the counter and clerk tables agree', async () => {
    let transfers = 0;
    await fc.assert(
      fc.asyncProperty(dayArbitrary, async (steps) => {
        const { report, config, transfers: dayTransfers } = await reportOfDay(steps);
        transfers += dayTransfers;
        const total = nonZero(additive(report.total));
        for (const dimension of REPORT_DIMENSIONS satisfies readonly ReportDimension[]) {
          expect(nonZero(sum(report.by[dimension])), dimension).toEqual(total);
        }
        // One clerk per counter all day: the row of a counter is the row of its clerk, and the tickets no
        // counter handled are the same in both tables.
        const clerkRow = new Map(report.by.clerk.map((row) => [row.key, row]));
        for (const row of report.by.counter) {
          const index = COUNTERS.indexOf(row.key as CounterId);
          const clerkKey = index === -1 ? row.key : config.clerks[index]!.id;
          const other = clerkRow.get(clerkKey);
          expect(other, `clerk row for ${row.key}`).toBeDefined();
          expect(nonZero(additive(other!)), `counter ${row.key}`).toEqual(nonZero(additive(row)));
        }
        expect(report.by.clerk.length).toBe(report.by.counter.length);
      }),
      { numRuns: 40 },
    );
    // The days did transfer tickets (the case that used to split the two tables).
    expect(transfers).toBeGreaterThan(5);
  });
});
