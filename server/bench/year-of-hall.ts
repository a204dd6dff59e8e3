// A year of one hall written straight into the real schema: about 30,000 tickets (120 a working day over
// 250 days of 2025) with their events and ratings, as the reports bench and the report-stall bench read it.
import type { Database } from 'better-sqlite3';
import type { HallConfig } from '@luot/shared/domain';

/** What a seeded year holds. */
export interface SeededYear {
  readonly tickets: number;
  readonly events: number;
  readonly from: string;
  readonly to: string;
}

/** Write a year of tickets, events and ratings for `config`'s services and counters, in one transaction. */
export function seedYearOfHall(
  db: Database,
  config: HallConfig,
  { ticketsPerDay = 120, days = 250 }: { ticketsPerDay?: number; days?: number } = {},
): SeededYear {
  let seed = 7;
  const random = (): number => (seed = (Math.imul(seed, 1_664_525) + 1_013_904_223) >>> 0) / 2 ** 32;
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
  db.transaction(() => {
    for (let day = 0; day < days; day += 1) {
      const dayStart = Date.UTC(2025, 0, 2, 0, 30) + Math.floor((day * 7) / 5) * 86_400_000;
      const businessDay = new Date(dayStart + 7 * 3_600_000).toISOString().slice(0, 10);
      const sequences = new Map<string, number>();
      for (let n = 0; n < ticketsPerDay; n += 1) {
        id += 1;
        const service = config.services[Math.floor(random() * config.services.length)]!;
        const sequence = (sequences.get(service.id) ?? 0) + 1;
        sequences.set(service.id, sequence);
        const counter = config.counters[Math.floor(random() * config.counters.length)]!;
        const clerkId = `cb${counter.number}`;
        const issuedAt = dayStart + Math.floor(random() * 8 * 3_600_000);
        const calledAt = issuedAt + Math.floor(random() * 40 * 60_000);
        const startedAt = calledAt + 60_000;
        const completedAt = startedAt + Math.floor(random() * 15 * 60_000);
        const status = random() < 0.9 ? 'done' : 'no_show';
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
          status,
          issuedAt,
          calledAt,
          status === 'done' ? startedAt : null,
          status === 'done' ? completedAt : null,
          counter.id,
          clerkId,
          status === 'done' ? completedAt - startedAt : null,
          `code-${id}`,
          body,
        );
        insertEvent.run((version += 1), 'ticket.issued', issuedAt, 'kiosk', null, id, null, '{}');
        insertEvent.run((version += 1), 'ticket.called', calledAt, 'counter', clerkId, id, counter.id, '{}');
        if (status === 'done') {
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
          if (random() < 0.6) {
            insertRating.run(
              id,
              counter.id,
              clerkId,
              1 + Math.floor(random() * 4),
              '[]',
              completedAt + 10_000,
            );
            insertEvent.run(
              (version += 1),
              'feedback.rated',
              completedAt + 10_000,
              'feedback',
              clerkId,
              id,
              counter.id,
              '{}',
            );
          }
        }
      }
    }
  })();
  return { tickets: id, events: version, from: '2025-01-01', to: '2025-12-31' };
}
