import type { Database, Statement } from 'better-sqlite3';
import type { DeviceKind, PrinterState } from '@luot/shared/contracts';
import { DEVICE_KINDS } from '@luot/shared/contracts';
import type {
  ClerkId,
  CounterId,
  CounterState,
  DeviceId,
  HallConfig,
  QueueState,
  Ticket,
  TicketId,
  VersionedEvent,
} from '@luot/shared/domain';
import {
  RECENT_SERVICE_TIMES,
  asClerkId,
  asCounterId,
  asDeviceId,
  changedTickets,
  emptyQueueState,
} from '@luot/shared/domain';

/** A ticket row as stored; `Ticket` is the domain shape inside `body`. */
interface TicketRow {
  readonly id: number;
  readonly body: string;
}

/** A device row as stored. */
export interface DeviceRow {
  readonly id: DeviceId;
  readonly kind: DeviceKind;
  readonly name: string;
  readonly counterId: CounterId | null;
  readonly createdAt: number;
  readonly revokedAt: number | null;
  readonly lastSeenAt: number | null;
  readonly printerState: PrinterState | null;
  readonly printerDetail: string | null;
  readonly printerAt: number | null;
}

/** Which terminal holds a counter's clerk session (issue #15: the session is the terminal's, not the counter's). */
export interface CounterSessionRow {
  readonly counterId: CounterId;
  readonly deviceId: DeviceId;
  readonly clerkId: ClerkId;
  readonly signedInAt: number;
}

/** The first answer to a (device, requestId), as kept for repeats of that request. */
export interface StoredAnswer {
  readonly deviceId: DeviceId;
  readonly requestId: string;
  /** When it was answered (epoch ms); answers older than the retention are pruned. */
  readonly at: number;
  /** The ack as JSON. */
  readonly result: string;
  /** A digest of the event and payload it answered (null: written before payloads were fingerprinted). */
  readonly fingerprint: string | null;
  /** A refusal (it changed nothing); each device keeps only its newest `refusalsPerDevice`. */
  readonly isRefusal: boolean;
}

/**
 * How many refusals each device keeps (newest first). A device's own flood of refusals can only push out
 * its own oldest ones, never another device's.
 */
export const REFUSALS_KEPT_PER_DEVICE = 5_000;

/** What one command writes, atomically. */
export interface CommitBatch {
  readonly events: readonly VersionedEvent[];
  readonly before: QueueState;
  readonly after: QueueState;
  /** Status-page codes of the tickets issued in this batch. */
  readonly publicCodes: ReadonlyMap<TicketId, string>;
  /** The (device, requestId) → answer record that makes a retry return the same answer. */
  readonly idempotency: StoredAnswer | null;
  /** A new hall configuration, saved with the event that records it. */
  readonly config?: HallConfig;
}

/**
 * A stored ticket body as the domain's `Ticket`. Bodies written before a field existed get its value as
 * evolve would have given it: the counter of the latest call (`lastCalledCounterId`, the counter that
 * holds it) and no known transfer (`lastTransfer`).
 */
export function readTicket(body: string): Ticket {
  const stored = JSON.parse(body) as Omit<Ticket, 'lastCalledCounterId' | 'lastTransfer'> &
    Partial<Pick<Ticket, 'lastCalledCounterId' | 'lastTransfer'>>;
  return {
    ...stored,
    lastCalledCounterId:
      stored.lastCalledCounterId ?? (stored.lastCalledAt === null ? null : stored.counterId),
    lastTransfer: stored.lastTransfer ?? null,
  };
}

const EVENT_COLUMNS = 'version, type, at, actor_role, device_id, clerk_id, ticket_id, counter_id, body';

function eventTicketId(event: VersionedEvent): number | null {
  return 'ticketId' in event ? event.ticketId : null;
}

function eventCounterId(event: VersionedEvent): string | null {
  return 'counterId' in event ? event.counterId : null;
}

/**
 * The hall's one repository. Every write a command makes happens in `commit`, one synchronous
 * transaction: events appended, projections updated, idempotency recorded. Nothing here is async,
 * so nothing can interleave inside a transaction.
 */
export class HallStore {
  private readonly statements: ReturnType<typeof prepare>;
  private readonly commitTransaction: (batches: readonly CommitBatch[]) => void;

  constructor(
    readonly db: Database,
    private readonly refusalsPerDevice: number = REFUSALS_KEPT_PER_DEVICE,
  ) {
    this.statements = prepare(db);
    this.commitTransaction = db.transaction((batches: readonly CommitBatch[]) => {
      for (const batch of batches) this.writeBatch(batch);
    });
  }

  // ── configuration ────────────────────────────────────────────────────────────────────────────
  loadConfig(): HallConfig | null {
    const row = this.statements.getMeta.get('hall_config') as { value: string } | undefined;
    return row ? (JSON.parse(row.value) as HallConfig) : null;
  }

  saveConfig(config: HallConfig): void {
    this.statements.setMeta.run('hall_config', JSON.stringify(config));
  }

  /**
   * Record how the hall server listens (protocol and real port), at each start: the CLI shares the
   * database, not the server's environment, and prints links with this.
   */
  recordServerAddress(address: { readonly protocol: 'http' | 'https'; readonly port: number }): void {
    this.statements.setMeta.run('server_address', JSON.stringify(address));
  }

  /** How the hall server listened when it last started, or undefined before its first start. */
  serverAddress(): { readonly protocol: 'http' | 'https'; readonly port: number } | undefined {
    const row = this.statements.getMeta.get('server_address') as { value: string } | undefined;
    return row ? (JSON.parse(row.value) as { protocol: 'http' | 'https'; port: number }) : undefined;
  }

  // ── queue ────────────────────────────────────────────────────────────────────────────────────
  /**
   * Rebuild the in-memory queue from the projections: today's tickets and every ticket still open,
   * the counters, today's last sequences and recent service times. The event log is the record; these
   * projections are written in the same transaction as each event, so they always agree with it.
   */
  loadQueueState(defaultBusinessDay: string): QueueState {
    const s = this.statements;
    // The day of the last `day.started`, else of the newest ticket (a hall's first day never started one).
    const businessDay =
      (s.getMeta.get('business_day') as { value: string } | undefined)?.value ??
      (s.latestTicketDay.get() as { day: string | null }).day ??
      defaultBusinessDay;
    const version = (s.maxVersion.get() as { version: number | null }).version ?? 0;
    const tickets: Record<number, Ticket> = {};
    for (const row of s.loadTickets.all(businessDay) as TicketRow[]) {
      tickets[row.id] = readTicket(row.body);
    }
    const counters: Record<string, CounterState> = {};
    for (const row of s.loadCounters.all() as { id: string; body: string }[]) {
      counters[row.id] = JSON.parse(row.body) as CounterState;
    }
    const lastSequence: Record<string, number> = {};
    for (const row of s.lastSequences.all(businessDay) as { service: string; last: number }[]) {
      lastSequence[row.service] = row.last;
    }
    const serviceTimes: Record<string, number[]> = {};
    for (const row of s.recentServiceTimes.all(RECENT_SERVICE_TIMES) as { service: string; ms: number }[]) {
      (serviceTimes[row.service] ??= []).unshift(row.ms);
    }
    const nextTicketId = ((s.maxTicketId.get() as { id: number | null }).id ?? 0) + 1;
    return {
      ...emptyQueueState(businessDay),
      version,
      businessDay,
      nextTicketId,
      tickets,
      counters,
      lastSequence,
      serviceTimes,
    };
  }

  /**
   * Write several commands' events and projections in one transaction (one fsync). Throws, and writes
   * nothing, on any failure.
   */
  commitAll(batches: readonly CommitBatch[]): void {
    this.commitTransaction(batches);
  }

  private writeBatch({ events, before, after, publicCodes, idempotency, config }: CommitBatch): void {
    const s = this.statements;
    if (config) this.saveConfig(config);
    for (const event of events) {
      s.insertEvent.run(
        event.version,
        event.type,
        event.at,
        event.by.role,
        event.by.deviceId,
        event.by.clerkId,
        eventTicketId(event),
        eventCounterId(event),
        JSON.stringify(event),
      );
      if (event.type === 'day.started') s.setMeta.run('business_day', event.businessDay);
      // The session binding changes in the same transaction as the events that sign clerks in and out.
      if (event.type === 'clerk.signed-out') s.endCounterSession.run(event.counterId, event.clerkId);
      if (event.type === 'clerk.signed-in' && event.by.deviceId !== null) {
        s.bindCounterSession.run(event.counterId, event.by.deviceId, event.clerkId, event.at);
      }
      if (event.type === 'feedback.rated') {
        s.insertRating.run(
          event.ticketId,
          event.counterId,
          event.clerkId,
          event.rating,
          JSON.stringify(event.reasons),
          event.at,
        );
      }
    }
    for (const ticket of changedTickets(events, before, after)) {
      const code = publicCodes.get(ticket.id);
      if (code !== undefined) {
        s.insertTicket.run(
          ticket.id,
          ticket.businessDay,
          ticket.issuedServiceId,
          ticket.sequence,
          ticket.number,
          ticket.serviceId,
          ticket.status,
          ticket.priorityGroupId,
          ticket.issuedAt,
          code,
          JSON.stringify(ticket),
        );
      } else {
        const serviceMs =
          ticket.status === 'done' && ticket.startedAt !== null && ticket.completedAt !== null
            ? ticket.completedAt - ticket.startedAt
            : null;
        s.updateTicket.run(
          ticket.serviceId,
          ticket.status,
          ticket.calledAt,
          ticket.startedAt,
          ticket.completedAt,
          ticket.counterId,
          ticket.clerkId,
          serviceMs,
          JSON.stringify(ticket),
          ticket.id,
        );
      }
    }
    // evolve copies the counters' map only when one changes, and then one or two of sixty: compared in
    // place, without a list of every entry per command (3 % of what the hall simulation's server allocated).
    if (after.counters !== before.counters) {
      for (const id in after.counters) {
        const counter = after.counters[id];
        if (counter !== undefined && before.counters[id] !== counter)
          s.upsertCounter.run(id, JSON.stringify(counter));
      }
    }
    if (idempotency) this.writeAnswer(idempotency);
  }

  private writeAnswer(answer: StoredAnswer): void {
    const s = this.statements;
    s.insertResult.run(
      answer.deviceId,
      answer.requestId,
      answer.at,
      answer.result,
      answer.fingerprint,
      answer.isRefusal ? 1 : 0,
    );
    // Keep the device's newest refusals only (an index walk over at most the bound, in this transaction).
    if (answer.isRefusal) s.trimRefusals.run(answer.deviceId, this.refusalsPerDevice);
  }

  /** The stored first answer of a request (device, requestId), if any. */
  findCommandAnswer(
    deviceId: DeviceId,
    requestId: string,
  ): { readonly result: string; readonly fingerprint: string | null } | undefined {
    return this.statements.getResult.get(deviceId, requestId) as
      { result: string; fingerprint: string | null } | undefined;
  }

  /** Forget idempotency records older than a cutoff (retries come within seconds, not days). */
  pruneCommandResults(olderThan: number): void {
    this.statements.pruneResults.run(olderThan);
  }

  /** Events after a version, in order (at most `limit`). */
  eventsSince(version: number, limit = 10_000): VersionedEvent[] {
    return (this.statements.eventsSince.all(version, limit) as { body: string; version: number }[]).map(
      (row) => ({ ...(JSON.parse(row.body) as VersionedEvent), version: row.version }),
    );
  }

  /** A ticket found by its status-page code (any day). */
  ticketByCode(code: string): Ticket | undefined {
    const row = this.statements.ticketByCode.get(code) as TicketRow | undefined;
    return row ? readTicket(row.body) : undefined;
  }

  /** The status-page code of a ticket. */
  codeOfTicket(id: TicketId): string | undefined {
    return (this.statements.codeOfTicket.get(id) as { code: string } | undefined)?.code;
  }

  // ── clerk sessions ──────────────────────────────────────────────────────────────────────────
  /** Every counter's session holder, as recorded. */
  loadCounterSessions(): CounterSessionRow[] {
    return (
      this.statements.loadCounterSessions.all() as {
        counter_id: string;
        device_id: string;
        clerk_id: string;
        signed_in_at: number;
      }[]
    ).map((row) => ({
      counterId: asCounterId(row.counter_id),
      deviceId: asDeviceId(row.device_id),
      clerkId: asClerkId(row.clerk_id),
      signedInAt: row.signed_in_at,
    }));
  }

  /**
   * Record the terminal that holds a counter's session when a sign-in caused no clerk.signed-in event
   * (the same clerk signing in again, from another terminal).
   */
  bindCounterSession(session: CounterSessionRow): void {
    this.statements.bindCounterSession.run(
      session.counterId,
      session.deviceId,
      session.clerkId,
      session.signedInAt,
    );
  }

  /**
   * A counter of SQLite's that changes whenever another connection (the CLI) commits to this database;
   * it stays the same for this connection's own writes. Reading it costs no disk access.
   */
  dataVersion(): number {
    return this.db.pragma('data_version', { simple: true }) as number;
  }

  // ── devices and pairing ─────────────────────────────────────────────────────────────────────
  insertDevice(device: {
    id: DeviceId;
    kind: DeviceKind;
    name: string;
    counterId: CounterId | null;
    tokenHash: string;
    createdAt: number;
  }): void {
    this.statements.insertDevice.run(
      device.id,
      device.kind,
      device.name,
      device.counterId,
      device.tokenHash,
      device.createdAt,
    );
  }

  findDeviceByTokenHash(tokenHash: string): DeviceRow | undefined {
    const row = this.statements.deviceByToken.get(tokenHash) as RawDeviceRow | undefined;
    return row ? toDeviceRow(row) : undefined;
  }

  findDevice(id: DeviceId): DeviceRow | undefined {
    const row = this.statements.deviceById.get(id) as RawDeviceRow | undefined;
    return row ? toDeviceRow(row) : undefined;
  }

  listDevices(): DeviceRow[] {
    return (this.statements.listDevices.all() as RawDeviceRow[]).map(toDeviceRow);
  }

  revokeDevice(id: DeviceId, at: number): boolean {
    return this.statements.revokeDevice.run(at, id).changes > 0;
  }

  touchDevice(id: DeviceId, at: number): void {
    this.statements.touchDevice.run(at, id);
  }

  setPrinterStatus(id: DeviceId, state: PrinterState, detail: string | null, at: number): void {
    this.statements.setPrinter.run(state, detail, at, id);
  }

  insertPairingCode(code: {
    code: string;
    kind: DeviceKind;
    name: string;
    counterId: CounterId | null;
    createdAt: number;
    expiresAt: number;
  }): void {
    this.statements.insertPairing.run(
      code.code,
      code.kind,
      code.name,
      code.counterId,
      code.createdAt,
      code.expiresAt,
    );
  }

  /** Use a pairing code once: returns what it pairs, or undefined when unknown, used or expired. */
  consumePairingCode(
    code: string,
    now: number,
  ): { kind: DeviceKind; name: string; counterId: CounterId | null } | undefined {
    const row = this.statements.getPairing.get(code) as
      | {
          kind: DeviceKind;
          name: string;
          counter_id: string | null;
          expires_at: number;
          used_at: number | null;
        }
      | undefined;
    if (!row || row.used_at !== null || row.expires_at < now) return undefined;
    if (this.statements.usePairing.run(now, code).changes === 0) return undefined;
    return {
      kind: row.kind,
      name: row.name,
      counterId: row.counter_id === null ? null : asCounterId(row.counter_id),
    };
  }

  // ── clerk credentials ───────────────────────────────────────────────────────────────────────
  /**
   * Set a clerk's PIN and lift any lock-out. `mustChangePin`: the manager chose it, so the clerk must
   * replace it at the next sign-in (issue 15); a PIN the clerk chose clears the flag.
   */
  setClerkPin(clerkId: ClerkId, pinHash: string, mustChangePin = false): void {
    this.statements.setPin.run(clerkId, pinHash, mustChangePin ? 1 : 0);
  }

  getClerkCredential(
    clerkId: ClerkId,
  ):
    | { pinHash: string; failedAttempts: number; lockedUntil: number | null; mustChangePin: boolean }
    | undefined {
    const row = this.statements.getPin.get(clerkId) as
      | { pin_hash: string; failed_attempts: number; locked_until: number | null; must_change_pin: number }
      | undefined;
    return row
      ? {
          pinHash: row.pin_hash,
          failedAttempts: row.failed_attempts,
          lockedUntil: row.locked_until,
          mustChangePin: row.must_change_pin === 1,
        }
      : undefined;
  }

  recordPinFailure(clerkId: ClerkId, failedAttempts: number, lockedUntil: number | null): void {
    this.statements.pinFailure.run(failedAttempts, lockedUntil, clerkId);
  }

  // ── maintenance ─────────────────────────────────────────────────────────────────────────────
  /** SQLite's online backup: safe while the hall runs (readers and the writer go on). */
  async backup(file: string): Promise<void> {
    await this.db.backup(file);
  }
}

interface RawDeviceRow {
  id: string;
  kind: DeviceKind;
  name: string;
  counter_id: string | null;
  created_at: number;
  revoked_at: number | null;
  last_seen_at: number | null;
  printer_state: PrinterState | null;
  printer_detail: string | null;
  printer_at: number | null;
}

function toDeviceRow(row: RawDeviceRow): DeviceRow {
  return {
    id: asDeviceId(row.id),
    kind: row.kind,
    name: row.name,
    counterId: row.counter_id === null ? null : asCounterId(row.counter_id),
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
    lastSeenAt: row.last_seen_at,
    printerState: row.printer_state,
    printerDetail: row.printer_detail,
    printerAt: row.printer_at,
  };
}

/**
 * Rows of a kind that no longer exists (the manager device, revoked by migration 004) are never read as
 * devices: nothing can authenticate with them, and lists show only kinds a hall pairs.
 */
const KNOWN_KIND = `kind IN (${DEVICE_KINDS.map((kind) => `'${kind}'`).join(', ')})`;

function prepare(db: Database) {
  const sql = (text: string): Statement<unknown[]> => db.prepare<unknown[]>(text);
  const statements = {
    getMeta: sql('SELECT value FROM hall_meta WHERE key = ?'),
    setMeta: sql(
      'INSERT INTO hall_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    ),
    maxVersion: sql('SELECT MAX(version) AS version FROM events'),
    maxTicketId: sql('SELECT MAX(id) AS id FROM tickets'),
    latestTicketDay: sql('SELECT MAX(business_day) AS day FROM tickets'),
    loadTickets: sql(
      `SELECT id, body FROM tickets WHERE business_day = ?
       UNION SELECT id, body FROM tickets WHERE status IN ('waiting', 'called', 'serving')`,
    ),
    loadCounters: sql('SELECT id, body FROM counters'),
    lastSequences: sql(
      'SELECT issued_service_id AS service, MAX(sequence) AS last FROM tickets WHERE business_day = ? GROUP BY issued_service_id',
    ),
    recentServiceTimes: sql(
      `SELECT service_id AS service, service_ms AS ms FROM (
         SELECT service_id, service_ms, completed_at,
                ROW_NUMBER() OVER (PARTITION BY service_id ORDER BY completed_at DESC) AS n
         FROM tickets WHERE status = 'done' AND service_ms IS NOT NULL
       ) WHERE n <= ? ORDER BY service_id, completed_at DESC`,
    ),
    insertEvent: sql(`INSERT INTO events (${EVENT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    eventsSince: sql('SELECT version, body FROM events WHERE version > ? ORDER BY version LIMIT ?'),
    insertTicket: sql(
      `INSERT INTO tickets (id, business_day, issued_service_id, sequence, number, service_id, status,
         priority_group_id, issued_at, public_code, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    updateTicket: sql(
      `UPDATE tickets SET service_id = ?, status = ?, called_at = ?, started_at = ?, completed_at = ?,
         counter_id = ?, clerk_id = ?, service_ms = ?, body = ? WHERE id = ?`,
    ),
    ticketByCode: sql('SELECT id, body FROM tickets WHERE public_code = ?'),
    codeOfTicket: sql('SELECT public_code AS code FROM tickets WHERE id = ?'),
    upsertCounter: sql(
      'INSERT INTO counters (id, body) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET body = excluded.body',
    ),
    insertRating: sql(
      'INSERT INTO ratings (ticket_id, counter_id, clerk_id, rating, reasons, at) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    insertResult: sql(
      'INSERT INTO command_results (device_id, request_id, at, result, fingerprint, is_refusal) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    getResult: sql('SELECT result, fingerprint FROM command_results WHERE device_id = ? AND request_id = ?'),
    trimRefusals: sql(
      `DELETE FROM command_results WHERE rowid IN (
         SELECT rowid FROM command_results WHERE device_id = ? AND is_refusal = 1 ORDER BY rowid DESC LIMIT -1 OFFSET ?)`,
    ),
    pruneResults: sql('DELETE FROM command_results WHERE at < ?'),
    loadCounterSessions: sql('SELECT counter_id, device_id, clerk_id, signed_in_at FROM counter_sessions'),
    bindCounterSession: sql(
      `INSERT INTO counter_sessions (counter_id, device_id, clerk_id, signed_in_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (counter_id) DO UPDATE SET device_id = excluded.device_id, clerk_id = excluded.clerk_id,
         signed_in_at = excluded.signed_in_at`,
    ),
    endCounterSession: sql('DELETE FROM counter_sessions WHERE counter_id = ? AND clerk_id = ?'),
    insertDevice: sql(
      'INSERT INTO devices (id, kind, name, counter_id, token_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    deviceByToken: sql(`SELECT * FROM devices WHERE token_hash = ? AND revoked_at IS NULL AND ${KNOWN_KIND}`),
    deviceById: sql(`SELECT * FROM devices WHERE id = ? AND ${KNOWN_KIND}`),
    listDevices: sql(`SELECT * FROM devices WHERE ${KNOWN_KIND} ORDER BY kind, name`),
    revokeDevice: sql('UPDATE devices SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL'),
    touchDevice: sql('UPDATE devices SET last_seen_at = ? WHERE id = ?'),
    setPrinter: sql('UPDATE devices SET printer_state = ?, printer_detail = ?, printer_at = ? WHERE id = ?'),
    insertPairing: sql(
      'INSERT INTO pairing_codes (code, kind, name, counter_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    getPairing: sql('SELECT * FROM pairing_codes WHERE code = ?'),
    usePairing: sql(
      `UPDATE pairing_codes SET used_at = ? WHERE code = ? AND used_at IS NULL AND ${KNOWN_KIND}`,
    ),
    setPin: sql(
      `INSERT INTO clerk_credentials (clerk_id, pin_hash, must_change_pin) VALUES (?, ?, ?)
       ON CONFLICT (clerk_id) DO UPDATE SET pin_hash = excluded.pin_hash,
         must_change_pin = excluded.must_change_pin, failed_attempts = 0, locked_until = NULL`,
    ),
    getPin: sql(
      'SELECT pin_hash, failed_attempts, locked_until, must_change_pin FROM clerk_credentials WHERE clerk_id = ?',
    ),
    pinFailure: sql('UPDATE clerk_credentials SET failed_attempts = ?, locked_until = ? WHERE clerk_id = ?'),
  };
  return statements;
}
