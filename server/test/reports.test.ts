import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import type { CommandOutcome } from '@luot/shared/contracts';
import type { ClerkId, Command, CounterId, HallConfig, ServiceId, TicketId } from '@luot/shared/domain';
import { asCounterId, asServiceId } from '@luot/shared/domain';
import type { AdminStore } from '../src/db/admin-store.ts';
import { reportCsv, reportXlsx } from '../src/reports/export.ts';
import type { HallReport, ReportRow } from '../src/reports/report.ts';
import { computeReport } from '../src/reports/report.ts';
import { TEST_MANAGER, demoHallServing, reportHall } from './support/report-hall.ts';
import { seededRandom } from './support/seeded-random.ts';

// A month of hall traffic driven through the real HallService (decide → commit → evolve) with a manual
// clock. While driving it, the test writes down what happened (the raw facts); the expected figures
// are computed from those facts with plain code below, and compared with what the report computes
// from the database.

const MINUTE = 60_000;
const DAYS = 30;
const TARGET_MINUTES = 20;
const SERVICES = ['dat-dai', 'ho-tich', 'chung-thuc', 'kinh-doanh'].map(asServiceId);
const COUNTERS = ['q1', 'q2', 'q3', 'q4'].map(asCounterId);
// Local 07:30 in Asia/Ho_Chi_Minh (UTC+7) of 2026-03-02 is 00:30 UTC.
const FIRST_DAY_UTC = Date.UTC(2026, 2, 2, 0, 30);

interface Fact {
  id: TicketId;
  day: string;
  issuedAt: number;
  serviceId: ServiceId;
  status: 'waiting' | 'called' | 'serving' | 'done' | 'no_show' | 'cancelled' | 'expired';
  firstCalledAt: number | null;
  startedAt: number | null;
  completedAt: number | null;
  counterId: CounterId | null;
  clerkId: ClerkId | null;
  isTransferred: boolean;
  rating: number | null;
}

/** The demo hall with its first counters serving every service, in alternating order. */
const testConfig = (): HallConfig =>
  demoHallServing(COUNTERS.map((_, index) => (index % 2 === 0 ? SERVICES : [...SERVICES].reverse())));

const localDay = (at: number): string => new Date(at + 7 * 60 * MINUTE).toISOString().slice(0, 10);
const localHour = (at: number): number => new Date(at + 7 * 60 * MINUTE).getUTCHours();

/** Nearest rank, written out again here on purpose (not imported from the code under test). */
function expectedStats(values: number[]): {
  count: number;
  average: number | null;
  median: number | null;
  p90: number | null;
} {
  if (values.length === 0) return { count: 0, average: null, median: null, p90: null };
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number): number => sorted[Math.ceil((p / 100) * sorted.length) - 1]!;
  return {
    count: sorted.length,
    average: sorted.reduce((a, b) => a + b, 0) / sorted.length,
    median: at(50),
    p90: at(90),
  };
}

interface Expected {
  issued: number;
  served: number;
  noShow: number;
  cancelled: number;
  expired: number;
  transferred: number;
  wait: ReturnType<typeof expectedStats>;
  service: ReturnType<typeof expectedStats>;
  withinTarget: number;
  ratings: Record<string, number>;
  ratingTotal: number;
  percentSatisfied: number | null;
}

function expectedOf(facts: readonly Fact[]): Expected {
  const waits = facts.filter((f) => f.firstCalledAt !== null).map((f) => f.firstCalledAt! - f.issuedAt);
  const services = facts.filter((f) => f.status === 'done').map((f) => f.completedAt! - f.startedAt!);
  const ratings: Record<string, number> = {};
  for (const fact of facts) if (fact.rating !== null) ratings[fact.rating] = (ratings[fact.rating] ?? 0) + 1;
  const ratingTotal = Object.values(ratings).reduce((a, b) => a + b, 0);
  // The default scale: 4 Rất hài lòng and 3 Hài lòng are "satisfied".
  const satisfied = (ratings['4'] ?? 0) + (ratings['3'] ?? 0);
  return {
    issued: facts.length,
    served: facts.filter((f) => f.status === 'done').length,
    noShow: facts.filter((f) => f.status === 'no_show').length,
    cancelled: facts.filter((f) => f.status === 'cancelled').length,
    expired: facts.filter((f) => f.status === 'expired').length,
    transferred: facts.filter((f) => f.isTransferred).length,
    wait: expectedStats(waits),
    service: expectedStats(services),
    withinTarget: waits.filter((wait) => wait <= TARGET_MINUTES * MINUTE).length,
    ratings,
    ratingTotal,
    percentSatisfied: ratingTotal === 0 ? null : (satisfied / ratingTotal) * 100,
  };
}

function expectRow(row: ReportRow | undefined, expected: Expected): void {
  expect(row).toBeDefined();
  const actual = row!;
  expect({
    issued: actual.issued,
    served: actual.served,
    noShow: actual.noShow,
    cancelled: actual.cancelled,
    expired: actual.expired,
    transferred: actual.transferred,
    withinTarget: actual.withinTarget,
    ratings: actual.satisfaction.byLevel,
    ratingTotal: actual.satisfaction.total,
  }).toEqual({
    issued: expected.issued,
    served: expected.served,
    noShow: expected.noShow,
    cancelled: expected.cancelled,
    expired: expected.expired,
    transferred: expected.transferred,
    withinTarget: expected.withinTarget,
    ratings: expected.ratings,
    ratingTotal: expected.ratingTotal,
  });
  expect(actual.wait.count).toBe(expected.wait.count);
  expect(actual.wait.medianMs).toBe(expected.wait.median);
  expect(actual.wait.p90Ms).toBe(expected.wait.p90);
  expect(actual.service.medianMs).toBe(expected.service.median);
  expect(actual.service.p90Ms).toBe(expected.service.p90);
  if (expected.wait.average === null) expect(actual.wait.averageMs).toBeNull();
  else expect(actual.wait.averageMs).toBeCloseTo(expected.wait.average, 6);
  if (expected.service.average === null) expect(actual.service.averageMs).toBeNull();
  else expect(actual.service.averageMs).toBeCloseTo(expected.service.average, 6);
  if (expected.percentSatisfied === null) expect(actual.satisfaction.percentSatisfied).toBeNull();
  else expect(actual.satisfaction.percentSatisfied).toBeCloseTo(expected.percentSatisfied, 9);
}

type Action =
  | { kind: 'arrive'; serviceId: ServiceId; isPriority: boolean }
  | { kind: 'ready'; counterId: CounterId }
  | { kind: 'recall'; counterId: CounterId }
  | { kind: 'start'; counterId: CounterId; ticketId: TicketId; durationMs: number }
  | { kind: 'complete'; counterId: CounterId; ticketId: TicketId }
  | { kind: 'no-show'; counterId: CounterId; ticketId: TicketId }
  | { kind: 'transfer'; counterId: CounterId; ticketId: TicketId }
  | { kind: 'rate'; counterId: CounterId; ticketId: TicketId };

describe('reports over a generated month of traffic', () => {
  const facts = new Map<number, Fact>();
  let report: HallReport;
  let adminStore: AdminStore;
  let config: HallConfig;
  let closeDb: () => void;

  beforeAll(async () => {
    const random = seededRandom(20260302);
    let now = FIRST_DAY_UTC - 60 * MINUTE;
    config = testConfig();
    const hall = reportHall(config, () => now);
    const service = hall.service;
    adminStore = hall.adminStore;
    closeDb = () => hall.db.close();
    let requests = 0;
    let lastRefusal = '';
    const run = async (command: Command): Promise<CommandOutcome | undefined> => {
      const ack = await service.command(TEST_MANAGER, `report-test-${(requests += 1)}`, command);
      if (!ack.ok) {
        lastRefusal = `${ack.error.code}: ${ack.error.message}`;
        return undefined;
      }
      // The first command of a day expires the open tickets of the day before.
      for (const event of ack.value.events) {
        if (event.type === 'day.started')
          for (const id of event.expiredTicketIds) facts.get(id)!.status = 'expired';
      }
      return ack.value;
    };
    const mustRun = async (command: Command): Promise<CommandOutcome> => {
      const outcome = await run(command);
      if (!outcome)
        throw new Error(
          `refused: ${JSON.stringify(command)} (${lastRefusal}) at ${new Date(now).toISOString()}`,
        );
      return outcome;
    };

    for (const [index, counterId] of COUNTERS.entries()) {
      await mustRun({ type: 'sign-in', counterId, clerkId: config.clerks[index]!.id });
      await mustRun({ type: 'open-counter', counterId });
    }

    for (let dayIndex = 0; dayIndex < DAYS; dayIndex += 1) {
      const dayStart = FIRST_DAY_UTC + dayIndex * 24 * 60 * MINUTE;
      const closeAt = dayStart + 8 * 60 * MINUTE; // no new call after 15:30 local
      const agenda: { at: number; action: Action }[] = [];
      const schedule = (at: number, action: Action): void => {
        let index = agenda.length;
        while (index > 0 && agenda[index - 1]!.at > at) index -= 1;
        agenda.splice(index, 0, { at, action });
      };
      const arrivals = random.int(30, 55);
      for (let n = 0; n < arrivals; n += 1) {
        // Busier in the morning: most arrivals in the first four hours.
        const offset = random.next() < 0.7 ? random.int(0, 240) : random.int(240, 500);
        schedule(dayStart + offset * MINUTE + random.int(0, 59) * 1000, {
          kind: 'arrive',
          serviceId: random.pick(SERVICES),
          isPriority: random.next() < 0.1,
        });
      }
      for (const counterId of COUNTERS)
        schedule(dayStart + random.int(0, 10) * MINUTE, { kind: 'ready', counterId });

      while (agenda.length > 0) {
        const { at, action } = agenda.shift()!;
        now = at;
        switch (action.kind) {
          case 'arrive': {
            const outcome = await mustRun({
              type: 'issue',
              serviceId: action.serviceId,
              procedureId: null,
              priorityGroupId: action.isPriority ? config.priorityGroups[0]!.id : null,
            });
            for (const event of outcome.events) {
              if (event.type === 'ticket.issued') {
                facts.set(event.ticketId, {
                  id: event.ticketId,
                  day: event.businessDay,
                  issuedAt: event.at,
                  serviceId: event.serviceId,
                  status: 'waiting',
                  firstCalledAt: null,
                  startedAt: null,
                  completedAt: null,
                  counterId: null,
                  clerkId: null,
                  isTransferred: false,
                  rating: null,
                });
              }
            }
            // Now and then a manager cancels a waiting ticket (a visitor who left and said so).
            if (random.next() < 0.04) {
              const waiting = [...facts.values()].filter(
                (f) => f.status === 'waiting' && f.day === localDay(at),
              );
              if (waiting.length > 0) {
                const victim = random.pick(waiting);
                await mustRun({ type: 'cancel', ticketId: victim.id, reason: 'Công dân về' });
                victim.status = 'cancelled';
              }
            }
            break;
          }
          case 'ready': {
            if (at > closeAt) break;
            const outcome = await run({ type: 'call-next', counterId: action.counterId });
            const called = outcome?.events.find((event) => event.type === 'ticket.called');
            if (!called || called.type !== 'ticket.called') {
              schedule(at + random.int(1, 4) * MINUTE, action);
              break;
            }
            const fact = facts.get(called.ticketId)!;
            fact.firstCalledAt ??= called.at;
            fact.status = 'called';
            fact.counterId = called.counterId;
            fact.clerkId = called.clerkId;
            const roll = random.next();
            if (random.next() < 0.1) schedule(at + 30_000, { kind: 'recall', counterId: action.counterId });
            if (roll < 0.08) {
              schedule(at + 2 * MINUTE, { kind: 'no-show', counterId: action.counterId, ticketId: fact.id });
            } else if (roll < 0.14) {
              schedule(at + MINUTE, { kind: 'transfer', counterId: action.counterId, ticketId: fact.id });
            } else {
              schedule(at + MINUTE, {
                kind: 'start',
                counterId: action.counterId,
                ticketId: fact.id,
                durationMs: random.int(120, 1_200) * 1000,
              });
            }
            break;
          }
          case 'recall': {
            // A ticket called again after a transfer may pass the recall limit: then it is an
            // automatic no-show and the counter's planned next step for it is dropped.
            const outcome = await run({ type: 'recall', counterId: action.counterId });
            for (const event of outcome?.events ?? []) {
              if (event.type === 'ticket.no-show') facts.get(event.ticketId)!.status = 'no_show';
            }
            break;
          }
          case 'start': {
            if (facts.get(action.ticketId)!.status === 'no_show') {
              schedule(at + 10_000, { kind: 'ready', counterId: action.counterId });
              break;
            }
            const outcome = await mustRun({ type: 'start', counterId: action.counterId });
            const started = outcome.events.find((event) => event.type === 'ticket.started');
            if (started?.type !== 'ticket.started') throw new Error('no start');
            const fact = facts.get(started.ticketId)!;
            fact.startedAt = started.at;
            fact.status = 'serving';
            schedule(at + action.durationMs, {
              kind: 'complete',
              counterId: action.counterId,
              ticketId: fact.id,
            });
            break;
          }
          case 'complete': {
            await mustRun({ type: 'complete', counterId: action.counterId });
            const fact = facts.get(action.ticketId)!;
            fact.completedAt = at;
            fact.status = 'done';
            if (random.next() < 0.7)
              schedule(at + 15_000, { kind: 'rate', counterId: action.counterId, ticketId: fact.id });
            schedule(at + 30_000, { kind: 'ready', counterId: action.counterId });
            break;
          }
          case 'rate': {
            const roll = random.next();
            const rating = roll < 0.45 ? 4 : roll < 0.8 ? 3 : roll < 0.93 ? 2 : 1;
            await mustRun({
              type: 'rate',
              ticketId: action.ticketId,
              counterId: action.counterId,
              rating,
              reasons: [],
            });
            facts.get(action.ticketId)!.rating = rating;
            break;
          }
          case 'no-show': {
            if (facts.get(action.ticketId)!.status === 'no_show') {
              schedule(at + 10_000, { kind: 'ready', counterId: action.counterId });
              break;
            }
            await mustRun({ type: 'no-show', counterId: action.counterId });
            facts.get(action.ticketId)!.status = 'no_show';
            schedule(at + 10_000, { kind: 'ready', counterId: action.counterId });
            break;
          }
          case 'transfer': {
            if (facts.get(action.ticketId)!.status === 'no_show') {
              schedule(at + 10_000, { kind: 'ready', counterId: action.counterId });
              break;
            }
            const fact = facts.get(action.ticketId)!;
            const toServiceId = SERVICES.find((id) => id !== fact.serviceId)!;
            await mustRun({
              type: 'transfer',
              ticketId: fact.id,
              fromCounterId: null,
              toServiceId,
              toCounterId: null,
              note: null,
            });
            Object.assign(fact, {
              serviceId: toServiceId,
              status: 'waiting',
              counterId: null,
              clerkId: null,
              isTransferred: true,
            });
            schedule(at + 10_000, { kind: 'ready', counterId: action.counterId });
            break;
          }
        }
      }
    }
    const from = localDay(FIRST_DAY_UTC);
    const to = localDay(FIRST_DAY_UTC + (DAYS - 1) * 24 * 60 * MINUTE);
    const started = performance.now();
    report = computeReport({
      from,
      to,
      config,
      tickets: adminStore.ticketFacts(from, to),
      ratings: adminStore.ratingFacts(from, to),
      targetWaitMinutes: TARGET_MINUTES,
      now,
    });
    console.log(
      `reports test: ${facts.size} tickets, report in ${(performance.now() - started).toFixed(1)} ms`,
    );
  }, 120_000);

  afterAll(() => closeDb());

  it('generated a month with every outcome the report counts', () => {
    const all = [...facts.values()];
    expect(all.length).toBeGreaterThan(900);
    for (const status of ['done', 'no_show', 'cancelled', 'expired'] as const) {
      expect(
        all.some((f) => f.status === status),
        status,
      ).toBe(true);
    }
    expect(all.some((f) => f.isTransferred)).toBe(true);
    expect(all.some((f) => f.rating === 1)).toBe(true);
  });

  it('matches the independently computed totals (counts, wait and service times, on-time share, satisfaction)', () => {
    const expected = expectedOf([...facts.values()]);
    expectRow(report.total, expected);
    expect(report.total.withinTargetPercent).toBeCloseTo(
      (expected.withinTarget / expected.wait.count) * 100,
      9,
    );
  });

  it('matches per day, per local hour of issue, per service, per counter and per clerk', () => {
    const all = [...facts.values()];
    const days = [...new Set(all.map((f) => f.day))].sort();
    expect(report.by.day.map((row) => row.key)).toEqual(days);
    for (const day of days)
      expectRow(
        report.by.day.find((row) => row.key === day),
        expectedOf(all.filter((f) => f.day === day)),
      );
    const hours = [...new Set(all.map((f) => localHour(f.issuedAt)))].sort((a, b) => a - b);
    expect(report.by.hour.map((row) => Number(row.key))).toEqual(hours);
    for (const hour of hours) {
      expectRow(
        report.by.hour.find((row) => Number(row.key) === hour),
        expectedOf(all.filter((f) => localHour(f.issuedAt) === hour)),
      );
    }
    for (const serviceId of SERVICES) {
      expectRow(
        report.by.service.find((row) => row.key === serviceId),
        expectedOf(all.filter((f) => f.serviceId === serviceId)),
      );
    }
    for (const counterId of COUNTERS) {
      expectRow(
        report.by.counter.find((row) => row.key === counterId),
        expectedOf(all.filter((f) => f.counterId === counterId)),
      );
    }
    expectRow(
      report.by.counter.find((row) => row.key === ''),
      expectedOf(all.filter((f) => f.counterId === null)),
    );
    for (const clerk of config.clerks.slice(0, COUNTERS.length)) {
      expectRow(
        report.by.clerk.find((row) => row.key === clerk.id),
        expectedOf(all.filter((f) => f.clerkId === clerk.id)),
      );
    }
    for (const field of report.by.field) {
      const serviceIds = new Set(
        config.services.filter((s) => s.fieldId === field.key).map((s) => s.id as string),
      );
      expectRow(field, expectedOf(all.filter((f) => serviceIds.has(f.serviceId))));
    }
  });

  it('counts a recalled ticket’s wait from its first call, not the recall', () => {
    const recalled = adminStore
      .ticketFacts(report.from, report.to)
      .filter((ticket) => ticket.firstCalledAt !== null)
      .find((ticket) => adminStore.ticketEvents(ticket.id).some((event) => event.type === 'ticket.recalled'));
    expect(recalled).toBeDefined();
    expect(recalled!.firstCalledAt).toBe(facts.get(recalled!.id)!.firstCalledAt);
  });

  it('exports CSV with a BOM and Vietnamese headers, and an XLSX workbook Excel can open', () => {
    const csv = reportCsv(report);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toContain('Đã phục vụ');
    expect(lines[0]).toContain('Rất hài lòng');
    expect(lines[1]).toMatch(
      new RegExp(`^Tổng hợp,Tổng cộng,${report.total.issued},${report.total.served},`),
    );
    const files = unzipSync(reportXlsx(report));
    expect(Object.keys(files).sort()).toEqual(
      [
        '[Content_Types].xml',
        '_rels/.rels',
        'xl/_rels/workbook.xml.rels',
        'xl/styles.xml',
        'xl/workbook.xml',
        ...[1, 2, 3, 4, 5, 6, 7].map((n) => `xl/worksheets/sheet${n}.xml`),
      ].sort(),
    );
    expect(strFromU8(files['xl/workbook.xml']!)).toContain('<sheet name="Theo dịch vụ"');
    const totalSheet = strFromU8(files['xl/worksheets/sheet1.xml']!);
    expect(totalSheet).toContain(`<c r="C2"><v>${report.total.issued}</v></c>`);
    expect(totalSheet).toContain('Chờ trung vị (phút)');
  });
});
