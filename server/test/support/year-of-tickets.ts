// A year of one hall's history written straight into the real schema: each ticket with its issue, call,
// start and completion events, and ratings with their events. One seeder for the benches (reports,
// report stall) and the tests that need a report heavy enough to matter, without driving a year of
// commands. The defaults are the benches' year: 120 tickets a working day over 250 days of 2025 (30,000
// tickets, 130,375 events); the schedule is seeded, so every run writes the same rows.
import type { Database } from 'better-sqlite3';
import type { HallConfig } from '@luot/shared/domain';
import { openDatabase } from '../../src/db/open.ts';
import { seededRandom } from './seeded-random.ts';

/** What a seeded year holds: the tickets and events written, and the first and last business day (`YYYY-MM-DD`). */
export interface SeededYear {
  readonly tickets: number;
  readonly events: number;
  readonly from: string;
  readonly to: string;
}

/** How much to write: working days (five a week from `firstDayUtc`) of `ticketsPerDay` tickets each. */
export interface YearShape {
  readonly days?: number;
  readonly ticketsPerDay?: number;
  /** The first working day's opening, as a UTC instant (the business day is read 7 hours later). */
  readonly firstDayUtc?: number;
}

/**
 * Write the year into an open (migrated) database, in one transaction. Each counter has its own clerk
 * (the config's clerks in turn), as in a hall where clerks keep their counter.
 */
export function seedYearOfTickets(
  db: Database,
  config: HallConfig,
  { days = 250, ticketsPerDay = 120, firstDayUtc = Date.UTC(2025, 0, 2, 0, 30) }: YearShape = {},
): SeededYear {
  if (config.services.length === 0 || config.counters.length === 0 || config.clerks.length === 0)
    throw new Error('a seeded year needs services, counters and clerks in the hall config');
  const generator = seededRandom(7);
  const random = (): number => generator.next();
  const insertTicket = db.prepare(
    `INSERT INTO tickets (id, business_day, issued_service_id, sequence, number, service_id, status, priority_group_id,
       issued_at, called_at, started_at, completed_at, counter_id, clerk_id, service_ms, public_code, body)
     VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertEvent = db.prepare(
    'INSERT INTO events (version, type, at, actor_role, device_id, clerk_id, ticket_id, counter_id, body) VALUES (?, ?, ?, ?, NULL, ?, ?, ?, ?)',
  );
  const insertRating = db.prepare(
    'INSERT INTO ratings (ticket_id, counter_id, clerk_id, rating, reasons, at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const clerkAt = new Map(
    config.counters.map((counter, index) => [counter.id, config.clerks[index % config.clerks.length]!.id]),
  );

  let id = 0;
  let version = 0;
  let from = '';
  let to = '';
  db.transaction(() => {
    for (let day = 0; day < days; day += 1) {
      const dayStart = firstDayUtc + Math.floor((day * 7) / 5) * 86_400_000;
      const businessDay = new Date(dayStart + 7 * 3_600_000).toISOString().slice(0, 10);
      if (from === '') from = businessDay;
      to = businessDay;
      const sequences = new Map<string, number>();
      for (let n = 0; n < ticketsPerDay; n += 1) {
        id += 1;
        const service = config.services[Math.floor(random() * config.services.length)]!;
        const sequence = (sequences.get(service.id) ?? 0) + 1;
        sequences.set(service.id, sequence);
        const counter = config.counters[Math.floor(random() * config.counters.length)]!;
        const clerkId = clerkAt.get(counter.id)!;
        const issuedAt = dayStart + Math.floor(random() * 8 * 3_600_000);
        const calledAt = issuedAt + Math.floor(random() * 40 * 60_000);
        const startedAt = calledAt + 60_000;
        const completedAt = startedAt + Math.floor(random() * 15 * 60_000);
        const isDone = random() < 0.9;
        const number = `${service.prefix}${String(sequence).padStart(3, '0')}`;
        const body = JSON.stringify({
          id,
          number,
          queuedAt: issuedAt,
          transferCount: random() < 0.05 ? 1 : 0,
        });
        insertTicket.run(
          id,
          businessDay,
          service.id,
          sequence,
          number,
          service.id,
          isDone ? 'done' : 'no_show',
          issuedAt,
          calledAt,
          isDone ? startedAt : null,
          isDone ? completedAt : null,
          counter.id,
          clerkId,
          isDone ? completedAt - startedAt : null,
          `code-${id}`,
          body,
        );
        const event = (type: string, at: number, role: string, body: string): void => {
          insertEvent.run(
            (version += 1),
            type,
            at,
            role,
            role === 'kiosk' ? null : clerkId,
            id,
            role === 'kiosk' ? null : counter.id,
            body,
          );
        };
        event('ticket.issued', issuedAt, 'kiosk', '{}');
        // The report reads the clerk of a call from the event's body, as the hall writes it.
        event('ticket.called', calledAt, 'counter', JSON.stringify({ clerkId }));
        if (!isDone) continue;
        event('ticket.started', startedAt, 'counter', '{}');
        event('ticket.completed', completedAt, 'counter', '{}');
        if (random() < 0.6) {
          insertRating.run(id, counter.id, clerkId, 1 + Math.floor(random() * 4), '[]', completedAt + 10_000);
          event('feedback.rated', completedAt + 10_000, 'feedback', '{}');
        }
      }
    }
  })();
  return { tickets: id, events: version, from, to };
}

/** The same year written into a database file (new or migrated), checkpointed and closed, for a server to open. */
export function seedYearOfTicketsInFile(
  databaseFile: string,
  config: HallConfig,
  shape?: YearShape,
): SeededYear {
  const { db } = openDatabase(databaseFile);
  try {
    const year = seedYearOfTickets(db, config, shape);
    db.pragma('wal_checkpoint(TRUNCATE)');
    return year;
  } finally {
    db.close();
  }
}
