import { isDeepStrictEqual } from 'node:util';
import BetterSqlite3 from 'better-sqlite3';
import type { Ack, CommandOutcome } from '@luot/shared/contracts';
import type { CounterState, HallConfig, QueueState, Ticket, VersionedEvent } from '@luot/shared/domain';
import { businessDayOf, emptyQueueState, evolve, formatTicketNumber } from '@luot/shared/domain';
import { COMMAND_RESULT_RETENTION_MS } from '../../src/app/hall-service.ts';
import type { Operation } from './recording-client.ts';

/** What an audit learnt about the database, for the checks of the next server life. */
export interface AuditFacts {
  readonly version: number;
  readonly maxTicketId: number;
  /** Last sequence per `service|day`. */
  readonly lastSequence: ReadonlyMap<string, number>;
  /** The queue folded from the event log alone. */
  readonly folded: QueueState;
  readonly config: HallConfig;
  readonly eventCount: number;
  readonly ticketCount: number;
}

interface EventRow {
  version: number;
  body: string;
}
interface TicketRow {
  id: number;
  business_day: string;
  issued_service_id: string;
  sequence: number;
  number: string;
  public_code: string;
  body: string;
}
interface ResultRow {
  device_id: string;
  request_id: string;
  result: string;
  is_refusal: number;
}

/** Requests the server makes itself (the business day rolling over) are not in any client's history. */
const isSystemRequest = (row: ResultRow): boolean => row.device_id === 'system';

/** The ids of the tickets a client was given: every acknowledged `ticket:issue` of a history. */
export function acknowledgedTicketIds(history: readonly Operation[]): Set<number> {
  const ids = new Set<number>();
  for (const operation of history) {
    if (
      operation.event === 'ticket:issue' &&
      operation.outcome !== 'pending' &&
      operation.outcome.kind === 'ok'
    )
      ids.add(operation.outcome.value.ticket.id);
  }
  return ids;
}

export const sequenceKey = (serviceId: string, businessDay: string): string => `${serviceId}|${businessDay}`;

/**
 * Check a (dead) hall's database file against a client-side history, read-only:
 * - `PRAGMA integrity_check` is ok and event versions are exactly 1..N;
 * - every acknowledged command is stored once, with the very events and result its sender got;
 * - every stored command was invoked by a client and not refused (nothing appears from nowhere),
 *   and every event belongs to exactly one stored command;
 * - every ticket row comes from exactly one `ticket.issued` event, numbers per (service, day) are
 *   contiguous from the service's first number and formatted from the prefix;
 * - every ticket comes from an invoked `ticket:issue` (nothing appears that was never issued);
 * - nothing is called twice: the log calls only waiting tickets, no two counters ever hold one ticket,
 *   and no ticket is in two acknowledged calls unless the log put it back in the queue in between;
 * - the projections (tickets, counters) equal the state folded from the event log.
 * Returns the violations found (empty when all hold) and the facts for the next life.
 */
export function auditDatabase(
  file: string,
  history: readonly Operation[],
): { violations: string[]; facts: AuditFacts } {
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    return audit(db, history);
  } finally {
    db.close();
  }
}

function audit(
  db: BetterSqlite3.Database,
  history: readonly Operation[],
): { violations: string[]; facts: AuditFacts } {
  const violations: string[] = [];
  const fail = (message: string): void => {
    violations.push(message);
  };

  const integrity = db.pragma('integrity_check', { simple: true });
  if (integrity !== 'ok') fail(`integrity_check: ${String(integrity)}`);

  const configRow = db.prepare("SELECT value FROM hall_meta WHERE key = 'hall_config'").get() as
    { value: string } | undefined;
  if (!configRow) throw new Error('the database has no hall configuration');
  const config = JSON.parse(configRow.value) as HallConfig;

  // ── the event log ────────────────────────────────────────────────────────────────────────────
  const eventRows = db.prepare('SELECT version, body FROM events ORDER BY version').all() as EventRow[];
  const events: VersionedEvent[] = [];
  eventRows.forEach((row, index) => {
    if (row.version !== index + 1)
      fail(`event versions are not gap-free: position ${index + 1} holds version ${row.version}`);
    const event = JSON.parse(row.body) as VersionedEvent;
    if (event.version !== row.version) fail(`event ${row.version}: body says version ${event.version}`);
    events.push(event);
  });
  const eventAt = new Map(events.map((event) => [event.version, event]));
  // At each rollover the server deletes the stored answers older than COMMAND_RESULT_RETENTION_MS
  // (hall time): events from before that horizon can no longer be matched to a stored command, so they
  // are checked against the client's history instead.
  let lastRolloverAt = Number.NEGATIVE_INFINITY;
  for (const event of events) if (event.type === 'day.started') lastRolloverAt = event.at;
  const forgottenBefore = lastRolloverAt - COMMAND_RESULT_RETENTION_MS;
  const isForgotten = (event: VersionedEvent): boolean => event.at < forgottenBefore;

  // ── stored command results against the history ──────────────────────────────────────────────
  const operations = new Map(
    history.map((operation) => [`${operation.deviceId}:${operation.requestId}`, operation]),
  );
  const resultRows = db
    .prepare('SELECT device_id, request_id, result, is_refusal FROM command_results')
    .all() as ResultRow[];
  const stored = new Map<string, Ack<CommandOutcome>>();
  const storedRefusals = new Map<string, Ack<CommandOutcome>>();
  const claimedBy = new Map<number, string>();
  for (const row of resultRows) {
    const key = `${row.device_id}:${row.request_id}`;
    const result = JSON.parse(row.result) as Ack<CommandOutcome>;
    // A kept refusal (issue #15: a repeat gets the same refusal) must answer a request some client sent
    // and that was not acknowledged as a success; it claims no event.
    if (row.is_refusal === 1) {
      storedRefusals.set(key, result);
      const operation = operations.get(key);
      if (result.ok) fail(`stored refusal ${key} holds a success`);
      else if (result.error.code === 'INTERNAL') fail(`stored refusal ${key} is INTERNAL (never kept)`);
      if (!operation) fail(`stored refusal ${key} was never invoked`);
      else if (operation.outcome !== 'pending' && operation.outcome.kind === 'ok')
        fail(`stored refusal ${key} was acknowledged as a success`);
      continue;
    }
    stored.set(key, result);
    if (!isSystemRequest(row)) {
      const operation = operations.get(key);
      if (!operation) fail(`stored command ${key} was never invoked`);
      else if (operation.outcome !== 'pending' && operation.outcome.kind === 'failed') {
        fail(`stored command ${key} was refused with ${operation.outcome.error.code}`);
      }
    }
    if (!result.ok) {
      fail(`stored command ${key} holds a refusal`);
      continue;
    }
    for (const event of result.value.events) {
      const previous = claimedBy.get(event.version);
      if (previous !== undefined)
        fail(`event ${event.version} belongs to two commands: ${previous} and ${key}`);
      claimedBy.set(event.version, key);
      if (!isDeepStrictEqual(eventAt.get(event.version), event)) {
        fail(`event ${event.version} of ${key} differs from the log (or is missing)`);
      }
    }
  }
  for (const event of events) {
    if (!claimedBy.has(event.version) && !isForgotten(event))
      fail(`event ${event.version} (${event.type}) belongs to no stored command`);
  }

  // ── tickets ──────────────────────────────────────────────────────────────────────────────────
  const ticketRows = db
    .prepare(
      'SELECT id, business_day, issued_service_id, sequence, number, public_code, body FROM tickets ORDER BY id',
    )
    .all() as TicketRow[];
  const ticketById = new Map(ticketRows.map((row) => [row.id, row]));
  const issuedEvents = new Map<number, number>();
  for (const event of events) {
    if (event.type === 'ticket.issued')
      issuedEvents.set(event.ticketId, (issuedEvents.get(event.ticketId) ?? 0) + 1);
  }
  for (const [ticketId, times] of issuedEvents) {
    if (times !== 1) fail(`ticket ${ticketId} was issued ${times} times in the log`);
    if (!ticketById.has(ticketId)) fail(`ticket ${ticketId} is in the log but has no row`);
  }
  for (const row of ticketRows) {
    if (!issuedEvents.has(row.id)) fail(`ticket row ${row.id} (${row.number}) has no ticket.issued event`);
  }
  // Nothing appears that was never issued: each ticket's issuing event is the answer to a ticket:issue
  // some client invoked (a stored result of another command, or of nobody, would be a phantom). Past
  // the retention horizon the stored answer is gone: the ticket must then be one a client was given.
  const givenTicketIds = acknowledgedTicketIds(history);
  for (const event of events) {
    if (event.type !== 'ticket.issued') continue;
    const key = claimedBy.get(event.version);
    const operation = key === undefined ? undefined : operations.get(key);
    const isIssued =
      operation?.event === 'ticket:issue' ||
      (key === undefined && isForgotten(event) && givenTicketIds.has(event.ticketId));
    if (!isIssued)
      fail(`ticket ${event.ticketId} (${event.number}) was not issued by an invoked ticket:issue`);
  }
  const sequences = new Map<string, number[]>();
  for (const row of ticketRows) {
    const key = sequenceKey(row.issued_service_id, row.business_day);
    sequences.set(key, [...(sequences.get(key) ?? []), row.sequence]);
    const service = config.services.find((candidate) => candidate.id === row.issued_service_id);
    if (!service) fail(`ticket ${row.id} has unknown service ${row.issued_service_id}`);
    else if (row.number !== formatTicketNumber(service.prefix, row.sequence)) {
      fail(`ticket ${row.id}: number ${row.number} does not match sequence ${row.sequence}`);
    }
  }
  const lastSequence = new Map<string, number>();
  for (const [key, list] of sequences) {
    const serviceId = key.split('|')[0];
    const first = config.services.find((service) => service.id === serviceId)?.firstNumber ?? 1;
    const sorted = [...list].sort((a, b) => a - b);
    const isContiguous = sorted.every((sequence, index) => sequence === first + index);
    if (!isContiguous) fail(`numbers of ${key} are not contiguous from ${first}: ${sorted.join(',')}`);
    lastSequence.set(key, sorted.at(-1) ?? 0);
  }

  // ── every acknowledged command is there, once, as acknowledged ───────────────────────────────
  for (const operation of history) {
    const key = `${operation.deviceId}:${operation.requestId}`;
    if (operation.outcome === 'pending') {
      fail(`${key} is still pending at audit time`);
      continue;
    }
    if (operation.outcome.kind === 'failed' && stored.has(key)) fail(`refused ${key} left a stored result`);
    const keptRefusal = storedRefusals.get(key);
    if (
      operation.outcome.kind === 'failed' &&
      keptRefusal &&
      !isDeepStrictEqual(keptRefusal.ok ? null : keptRefusal.error, operation.outcome.error)
    )
      fail(`refused ${key} is kept with another refusal than its ack`);
    if (operation.outcome.kind !== 'ok') continue;
    const value: CommandOutcome = operation.outcome.value;
    if (value.events.length === 0) continue; // nothing changed, nothing stored (e.g. a repeated sign-in)
    const result = stored.get(key);
    if (!result && !value.events.every(isForgotten)) {
      fail(`acknowledged ${operation.event} ${key} (life ${operation.life}) is not stored`);
      continue;
    }
    if (result && !isDeepStrictEqual(result, { ok: true, value }))
      fail(`stored result of ${key} differs from its ack`);
    for (const event of value.events) {
      if (!isDeepStrictEqual(eventAt.get(event.version), event)) {
        fail(`acknowledged event ${event.version} of ${key} is missing or differs`);
      }
    }
    if (operation.event === 'ticket:issue' && operation.outcome.kind === 'ok') {
      const { ticket, publicCode } = operation.outcome.value;
      const row = ticketById.get(ticket.id);
      if (!row) fail(`acknowledged ticket ${ticket.id} (${ticket.number}) has no row`);
      else if (
        row.number !== ticket.number ||
        row.sequence !== ticket.sequence ||
        row.issued_service_id !== ticket.issuedServiceId ||
        row.business_day !== ticket.businessDay ||
        row.public_code !== publicCode
      ) {
        fail(`ticket row ${ticket.id} differs from the acknowledged ticket ${ticket.number}`);
      }
    }
  }

  // ── nothing called twice ─────────────────────────────────────────────────────────────────────
  // Folding the log event by event: a call takes only a waiting ticket, and after every event no two
  // counters hold the same ticket.
  const firstAt = events[0]?.at ?? 0;
  let folded = emptyQueueState(businessDayOf(firstAt, config.hall.timeZone, config.hall.rolloverHour));
  const requeued = new Map<number, number[]>();
  for (const event of events) {
    if (event.type === 'ticket.called') {
      const status = folded.tickets[event.ticketId]?.status ?? 'unknown';
      if (status !== 'waiting')
        fail(`event ${event.version} calls ticket ${event.ticketId} to ${event.counterId} while ${status}`);
    }
    if (event.type === 'ticket.returned' || event.type === 'ticket.transferred')
      requeued.set(event.ticketId, [...(requeued.get(event.ticketId) ?? []), event.version]);
    folded = evolve(folded, event);
    if (event.type === 'ticket.called') {
      const holders = Object.values(folded.counters).filter(
        (counter) => counter.currentTicketId === event.ticketId,
      );
      if (holders.length > 1)
        fail(`after event ${event.version} counters ${holders.map((c) => c.id).join(', ')} hold one ticket`);
    }
  }
  // The same from the clients' side: two acknowledged calls of one ticket, with no return or transfer
  // between them in the log, mean two counters were told to serve one visitor.
  const ackedCalls = new Map<number, Map<string, number>>();
  for (const operation of history) {
    if (operation.outcome === 'pending' || operation.outcome.kind !== 'ok') continue;
    const value: CommandOutcome = operation.outcome.value;
    for (const event of value.events) {
      if (event.type !== 'ticket.called') continue;
      const calls = ackedCalls.get(event.ticketId) ?? new Map<string, number>();
      calls.set(`${operation.deviceId}:${operation.requestId}`, event.version);
      ackedCalls.set(event.ticketId, calls);
    }
  }
  for (const [ticketId, calls] of ackedCalls) {
    const versions = [...calls.values()].sort((a, b) => a - b);
    for (let index = 1; index < versions.length; index += 1) {
      const [before, after] = [versions[index - 1]!, versions[index]!];
      const isRequeued = (requeued.get(ticketId) ?? []).some((v) => v > before && v < after);
      if (!isRequeued)
        fail(`ticket ${ticketId} is in two acknowledged calls (events ${before} and ${after})`);
    }
  }

  // ── projections agree with the log ───────────────────────────────────────────────────────────
  for (const row of ticketRows) {
    const ticket = folded.tickets[row.id];
    if (ticket !== undefined && !isDeepStrictEqual(JSON.parse(row.body) as Ticket, ticket)) {
      fail(`ticket row ${row.id} (${row.number}) differs from the folded log`);
    }
  }
  const counterRows = db.prepare('SELECT id, body FROM counters').all() as { id: string; body: string }[];
  for (const row of counterRows) {
    if (!isDeepStrictEqual(JSON.parse(row.body) as CounterState, folded.counters[row.id])) {
      fail(`counter row ${row.id} differs from the folded log`);
    }
  }

  return {
    violations,
    facts: {
      version: events.length,
      maxTicketId: ticketRows.at(-1)?.id ?? 0,
      lastSequence,
      folded,
      config,
      eventCount: events.length,
      ticketCount: ticketRows.length,
    },
  };
}
