// Busy days of a hall driven through the real hall path: the real HallService (decide → commit →
// evolve) on a real SQLite file, with a clock the driver moves. Clerks behave like clerks: they open
// their counters in the morning, call the next visitor when free (and look again every half minute or
// so when nobody waits), visitors walk up, are served for a time that depends on their service, some
// do not come, some leave; a seventh counter opens only for the morning peak. For the policy simulator's
// self-check: replaying these days must give back their waits.
import type { Command, CounterId, HallConfig, ServiceId, TicketId } from '@luot/shared/domain';
import { asServiceId } from '@luot/shared/domain';
import { HallService } from '../../src/app/hall-service.ts';
import { HallStore } from '../../src/db/hall-store.ts';
import { openDatabase } from '../../src/db/open.ts';
import { silentLogger } from '../../src/log.ts';
import { TEST_MANAGER, demoHallServing } from './report-hall.ts';
import { seededRandom } from './seeded-random.ts';

const MINUTE = 60_000;
/** The index of the counter opened for the morning peak only. */
const PEAK_COUNTER = 6;
/** Local 07:30 in Asia/Ho_Chi_Minh (UTC+7) of 2026-03-02 is 00:30 UTC. */
export const GENERATED_FIRST_DAY_UTC = Date.UTC(2026, 2, 2, 0, 30);

export const GENERATED_SERVICES = ['dat-dai', 'ho-tich', 'chung-thuc', 'kinh-doanh'].map(asServiceId);
/** Mean service minutes of each generated service. */
const SERVICE_MINUTES: Record<string, number> = {
  'dat-dai': 8,
  'ho-tich': 5,
  'chung-thuc': 3,
  'kinh-doanh': 7,
};
const [DAT_DAI, HO_TICH, CHUNG_THUC, KINH_DOANH] = GENERATED_SERVICES as [
  ServiceId,
  ServiceId,
  ServiceId,
  ServiceId,
];

/** Seven counters: six with two services each, the seventh (the morning peak's) with all of them. */
export function generatedHallConfig(): HallConfig {
  return demoHallServing(
    [
      [DAT_DAI, HO_TICH],
      [HO_TICH, CHUNG_THUC],
      [CHUNG_THUC, KINH_DOANH],
      [KINH_DOANH, DAT_DAI],
      [DAT_DAI, KINH_DOANH],
      [HO_TICH, CHUNG_THUC],
      [CHUNG_THUC, HO_TICH, KINH_DOANH, DAT_DAI],
    ],
    true,
  );
}

type Action =
  | { kind: 'arrive'; serviceId: ServiceId; priority: number }
  | { kind: 'open'; counterId: CounterId; clerk: number }
  | { kind: 'ready'; counterId: CounterId }
  | { kind: 'start'; counterId: CounterId; ticketId: TicketId; serviceMs: number }
  | { kind: 'complete'; counterId: CounterId; ticketId: TicketId }
  | { kind: 'no-show'; counterId: CounterId }
  | { kind: 'leave'; ticketId: TicketId };

/** What was generated. */
export interface GeneratedDays {
  readonly config: HallConfig;
  readonly days: readonly string[];
  readonly tickets: number;
}

/**
 * Drive `days` days of about `ticketsPerDay` arrivals into the database file (created and migrated if
 * new), and close it.
 */
export async function generateHallDays(
  databaseFile: string,
  options: { readonly days: number; readonly ticketsPerDay: number; readonly seed: number },
): Promise<GeneratedDays> {
  const random = seededRandom(options.seed);
  const config = generatedHallConfig();
  let now = GENERATED_FIRST_DAY_UTC - 60 * MINUTE;
  const { db } = openDatabase(databaseFile);
  const store = new HallStore(db);
  store.saveConfig(config);
  const service = new HallService({ store, config, clock: { now: () => now }, logger: silentLogger });
  let requests = 0;
  const run = async (command: Command): Promise<readonly { type: string; [key: string]: unknown }[]> => {
    const ack = await service.command(TEST_MANAGER, `generated-${(requests += 1)}`, command);
    return ack.ok ? (ack.value.events as unknown as { type: string; [key: string]: unknown }[]) : [];
  };
  const counters = config.counters.filter((counter) => counter.isActive).map((counter) => counter.id);
  const days: string[] = [];
  let tickets = 0;

  for (let dayIndex = 0; dayIndex < options.days; dayIndex += 1) {
    const dayStart = GENERATED_FIRST_DAY_UTC + dayIndex * 24 * 60 * MINUTE;
    const closeAt = dayStart + 9 * 60 * MINUTE; // no new call after 16:30 local
    const agenda: { at: number; action: Action }[] = [];
    const schedule = (at: number, action: Action): void => {
      let index = agenda.length;
      while (index > 0 && agenda[index - 1]!.at > at) index -= 1;
      agenda.splice(index, 0, { at, action });
    };
    for (let n = 0; n < options.ticketsPerDay; n += 1) {
      // A morning peak: over half the arrivals in the first three hours.
      const minute = random.next() < 0.55 ? random.int(0, 180) : random.int(180, 500);
      schedule(dayStart + minute * MINUTE + random.int(0, 59) * 1000, {
        kind: 'arrive',
        serviceId: random.pick(GENERATED_SERVICES),
        priority: random.next() < 0.1 ? random.int(0, 2) : -1,
      });
    }
    counters.forEach((counterId, index) => {
      // The seventh counter helps through the morning peak only (09:00–11:30 local).
      const opensAt = index === PEAK_COUNTER ? dayStart + 90 * MINUTE : dayStart + random.int(0, 10) * MINUTE;
      schedule(opensAt, { kind: 'open', counterId, clerk: index });
    });
    const peakCloseAt = dayStart + 240 * MINUTE;
    const waitingSince = new Map<number, number>();

    while (agenda.length > 0) {
      const { at, action } = agenda.shift()!;
      now = at;
      switch (action.kind) {
        case 'arrive': {
          const events = await run({
            type: 'issue',
            serviceId: action.serviceId,
            procedureId: null,
            priorityGroupId: action.priority < 0 ? null : config.priorityGroups[action.priority]!.id,
          });
          const issued = events.find((event) => event.type === 'ticket.issued');
          if (!issued) throw new Error(`issue refused at ${new Date(at).toISOString()}`);
          const ticketId = issued['ticketId'] as TicketId;
          if (tickets === 0 || !days.includes(issued['businessDay'] as string))
            days.push(issued['businessDay'] as string);
          tickets += 1;
          waitingSince.set(ticketId, at);
          // Now and then a visitor gives up after a while and says so at the desk.
          if (random.next() < 0.03) schedule(at + random.int(10, 40) * MINUTE, { kind: 'leave', ticketId });
          break;
        }
        case 'leave':
          if (waitingSince.has(action.ticketId))
            await run({ type: 'cancel', ticketId: action.ticketId, reason: 'Công dân về' });
          waitingSince.delete(action.ticketId);
          break;
        case 'open':
          await run({
            type: 'sign-in',
            counterId: action.counterId,
            clerkId: config.clerks[action.clerk]!.id,
          });
          await run({ type: 'open-counter', counterId: action.counterId });
          schedule(at, { kind: 'ready', counterId: action.counterId });
          break;
        case 'ready': {
          const isPeakCounter = action.counterId === counters[PEAK_COUNTER];
          if (at > closeAt || (isPeakCounter && at > peakCloseAt)) {
            await run({ type: 'close-counter', counterId: action.counterId });
            break;
          }
          const events = await run({ type: 'call-next', counterId: action.counterId });
          const called = events.find((event) => event.type === 'ticket.called');
          if (!called) {
            // Nobody waiting: the clerk looks at the queue again in a little while.
            schedule(at + random.int(15, 45) * 1000, action);
            break;
          }
          const ticketId = called['ticketId'] as TicketId;
          waitingSince.delete(ticketId);
          const serviceId = service.state.tickets[ticketId]!.serviceId;
          if (random.next() < 0.06) {
            schedule(at + 2 * MINUTE, { kind: 'no-show', counterId: action.counterId });
            break;
          }
          const mean = (SERVICE_MINUTES[serviceId] ?? 6) * MINUTE;
          schedule(at + random.int(20, 90) * 1000, {
            kind: 'start',
            counterId: action.counterId,
            ticketId,
            serviceMs: Math.round(mean * (0.4 + 1.2 * random.next())),
          });
          break;
        }
        case 'start':
          await run({ type: 'start', counterId: action.counterId });
          schedule(at + action.serviceMs, {
            kind: 'complete',
            counterId: action.counterId,
            ticketId: action.ticketId,
          });
          break;
        case 'complete':
          await run({ type: 'complete', counterId: action.counterId });
          schedule(at + random.int(5, 20) * 1000, { kind: 'ready', counterId: action.counterId });
          break;
        case 'no-show':
          await run({ type: 'no-show', counterId: action.counterId });
          schedule(at + random.int(5, 20) * 1000, { kind: 'ready', counterId: action.counterId });
          break;
      }
    }
  }
  db.close();
  return { config, days, tickets };
}
