import type { Database, Statement } from 'better-sqlite3';
import type { DomainEvent } from '@luot/shared/domain';

/**
 * What the policy simulator reads: the business days that have tickets, and a day's events in order
 * (the log is the whole truth of a day: arrivals, calls, visits, counters opening and closing). Only
 * reads; used on the analysis worker's read-only connection.
 */
export class SimulationStore {
  private readonly days: Statement;
  private readonly events: Statement;

  constructor(db: Database) {
    this.days = db.prepare(
      'SELECT DISTINCT business_day FROM tickets WHERE business_day BETWEEN ? AND ? ORDER BY business_day',
    );
    this.events = db.prepare('SELECT body FROM events WHERE at >= ? AND at < ? ORDER BY version');
  }

  /** Business days between `from` and `to` (inclusive) on which tickets were issued. */
  daysWithTickets(from: string, to: string): string[] {
    return (this.days.all(from, to) as { business_day: string }[]).map((row) => row.business_day);
  }

  /** Every event with `from <= at < to`, in version order. */
  eventsBetween(from: number, to: number): DomainEvent[] {
    return (this.events.all(from, to) as { body: string }[]).map(
      (row) => JSON.parse(row.body) as DomainEvent,
    );
  }
}
