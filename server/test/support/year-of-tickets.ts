// A year of one hall's history written straight into the real schema of a database file (as the
// reports bench does): each ticket with its issue, first call, start and completion events and some
// ratings. For tests that need a report heavy enough to matter, without driving a year of commands.
import type { HallConfig } from '@luot/shared/domain';
import { openDatabase } from '../../src/db/open.ts';
import { seededRandom } from './seeded-random.ts';

/** The business days written, first and last (`YYYY-MM-DD`), and the tickets written. */
export interface SeededYear {
  readonly from: string;
  readonly to: string;
  readonly tickets: number;
}

/** Write `days` working days of `ticketsPerDay` tickets into the (new or migrated) database file. */
export function seedYearOfTickets(
  databaseFile: string,
  config: HallConfig,
  options: { readonly days: number; readonly ticketsPerDay: number; readonly firstDayUtc: number },
): SeededYear {
  const { db } = openDatabase(databaseFile);
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
  let id = 0;
  let version = 0;
  let from = '';
  let to = '';
  db.transaction(() => {
    for (let day = 0; day < options.days; day += 1) {
      // Five working days a week.
      const dayStart = options.firstDayUtc + Math.floor((day * 7) / 5) * 86_400_000;
      const businessDay = new Date(dayStart + 7 * 3_600_000).toISOString().slice(0, 10);
      if (from === '') from = businessDay;
      to = businessDay;
      const sequences = new Map<string, number>();
      for (let n = 0; n < options.ticketsPerDay; n += 1) {
        id += 1;
        const service = config.services[Math.floor(random() * config.services.length)]!;
        const sequence = (sequences.get(service.id) ?? 0) + 1;
        sequences.set(service.id, sequence);
        const counter = config.counters[Math.floor(random() * config.counters.length)]!;
        const clerkId = config.clerks[Math.floor(random() * config.clerks.length)]!.id;
        const issuedAt = dayStart + Math.floor(random() * 8 * 3_600_000);
        const calledAt = issuedAt + Math.floor(random() * 40 * 60_000);
        const startedAt = calledAt + 60_000;
        const completedAt = startedAt + Math.floor(random() * 15 * 60_000);
        const isDone = random() < 0.9;
        const number = `${service.prefix}${String(sequence).padStart(3, '0')}`;
        const body = JSON.stringify({ id, number, queuedAt: issuedAt, transferCount: 0 });
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
        insertEvent.run((version += 1), 'ticket.issued', issuedAt, 'kiosk', null, id, null, '{}');
        insertEvent.run(
          (version += 1),
          'ticket.called',
          calledAt,
          'counter',
          clerkId,
          id,
          counter.id,
          JSON.stringify({ clerkId }),
        );
        if (!isDone) continue;
        insertEvent.run(
          (version += 1),
          'ticket.started',
          startedAt,
          'counter',
          clerkId,
          id,
          counter.id,
          '{}',
        );
        insertEvent.run(
          (version += 1),
          'ticket.completed',
          completedAt,
          'counter',
          clerkId,
          id,
          counter.id,
          '{}',
        );
        if (random() < 0.6)
          insertRating.run(id, counter.id, clerkId, 1 + Math.floor(random() * 4), '[]', completedAt + 10_000);
      }
    }
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return { from, to, tickets: id };
}
