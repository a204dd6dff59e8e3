import type { Database, Statement } from 'better-sqlite3';
import type { AuditEntry } from '@luot/shared/contracts';
import type { RatingFact, TicketFact } from '@luot/shared/reports';

export type { AuditEntry, RatingFact, TicketFact };

/** A manager account as stored (the password hash never leaves the server). */
export interface ManagerRow {
  readonly id: number;
  readonly username: string;
  readonly displayName: string;
  readonly passwordHash: string;
  readonly mustChangePassword: boolean;
  readonly failedAttempts: number;
  readonly lockedUntil: number | null;
  readonly createdAt: number;
}

/** A manager session as stored: only the token's hash. */
export interface ManagerSessionRow {
  readonly tokenHash: string;
  readonly managerId: number;
  readonly createdAt: number;
  readonly expiresAt: number;
  readonly lastUsedAt: number;
}

/** Filters of the audit view; every one is optional. */
export interface AuditFilter {
  readonly type?: string;
  readonly actorRole?: string;
  readonly counterId?: string;
  readonly from?: number;
  readonly to?: number;
  /** Only entries strictly older than this time (paging backwards). */
  readonly before?: number;
  readonly limit: number;
}

interface RawManager {
  id: number;
  username: string;
  display_name: string;
  password_hash: string;
  must_change_password: number;
  failed_attempts: number;
  locked_until: number | null;
  created_at: number;
}

const toManager = (row: RawManager): ManagerRow => ({
  id: row.id,
  username: row.username,
  displayName: row.display_name,
  passwordHash: row.password_hash,
  mustChangePassword: row.must_change_password === 1,
  failedAttempts: row.failed_attempts,
  lockedUntil: row.locked_until,
  createdAt: row.created_at,
});

/**
 * SQL of the manager console: accounts, sessions, manager actions, report facts, ticket history and
 * the audit log. It reads the queue's tables but never writes them: the command service is their
 * only writer. Hall settings outside the configuration (the logo) live in `hall_meta`.
 */
export class AdminStore {
  private readonly s: ReturnType<typeof prepare>;

  constructor(readonly db: Database) {
    this.s = prepare(db);
  }

  // ── managers ─────────────────────────────────────────────────────────────────────────────
  countManagers(): number {
    return (this.s.countManagers.get() as { n: number }).n;
  }

  insertManager(manager: {
    username: string;
    displayName: string;
    passwordHash: string;
    mustChangePassword: boolean;
    createdAt: number;
  }): number {
    const result = this.s.insertManager.run(
      manager.username,
      manager.displayName,
      manager.passwordHash,
      manager.mustChangePassword ? 1 : 0,
      manager.createdAt,
    );
    return Number(result.lastInsertRowid);
  }

  findManagerByUsername(username: string): ManagerRow | undefined {
    const row = this.s.managerByUsername.get(username) as RawManager | undefined;
    return row ? toManager(row) : undefined;
  }

  findManager(id: number): ManagerRow | undefined {
    const row = this.s.managerById.get(id) as RawManager | undefined;
    return row ? toManager(row) : undefined;
  }

  listManagers(): ManagerRow[] {
    return (this.s.listManagers.all() as RawManager[]).map(toManager);
  }

  recordLoginFailure(id: number, failedAttempts: number, lockedUntil: number | null): void {
    this.s.loginFailure.run(failedAttempts, lockedUntil, id);
  }

  setPassword(id: number, passwordHash: string, mustChange: boolean, at: number): void {
    this.s.setPassword.run(passwordHash, mustChange ? 1 : 0, at, id);
  }

  // ── sessions ─────────────────────────────────────────────────────────────────────────────
  insertSession(session: ManagerSessionRow): void {
    this.s.insertSession.run(
      session.tokenHash,
      session.managerId,
      session.createdAt,
      session.expiresAt,
      session.lastUsedAt,
    );
  }

  findSession(tokenHash: string): ManagerSessionRow | undefined {
    const row = this.s.sessionByHash.get(tokenHash) as
      | {
          token_hash: string;
          manager_id: number;
          created_at: number;
          expires_at: number;
          last_used_at: number;
        }
      | undefined;
    return row
      ? {
          tokenHash: row.token_hash,
          managerId: row.manager_id,
          createdAt: row.created_at,
          expiresAt: row.expires_at,
          lastUsedAt: row.last_used_at,
        }
      : undefined;
  }

  extendSession(tokenHash: string, lastUsedAt: number, expiresAt: number): void {
    this.s.extendSession.run(lastUsedAt, expiresAt, tokenHash);
  }

  deleteSession(tokenHash: string): void {
    this.s.deleteSession.run(tokenHash);
  }

  /** End every session of a manager except one (after a password change). */
  deleteOtherSessions(managerId: number, keepTokenHash: string): void {
    this.s.deleteOtherSessions.run(managerId, keepTokenHash);
  }

  /** Delete the sessions expired at `now`; returns the managers whose sessions went (one per session). */
  pruneSessions(now: number): number[] {
    return (this.s.pruneSessions.all(now) as { manager_id: number }[]).map((row) => row.manager_id);
  }

  // ── manager actions and hall settings ─────────────────────────────────────────────────────
  recordAction(action: {
    at: number;
    managerId: number | null;
    type: string;
    detail: Record<string, unknown>;
  }): void {
    this.s.insertAction.run(action.at, action.managerId, action.type, JSON.stringify(action.detail));
  }

  getSetting(key: string): string | undefined {
    return (this.s.getMeta.get(key) as { value: string } | undefined)?.value;
  }

  setSetting(key: string, value: string): void {
    this.s.setMeta.run(key, value);
  }

  deleteSetting(key: string): void {
    this.s.deleteMeta.run(key);
  }

  // ── reports ──────────────────────────────────────────────────────────────────────────────
  /** Every ticket of the business days `from`…`to` (inclusive, `YYYY-MM-DD`), with its first call. */
  ticketFacts(from: string, to: string): TicketFact[] {
    return (this.s.ticketFacts.all(from, to) as RawTicketFact[]).map((row) => ({
      id: row.id,
      number: row.number,
      businessDay: row.business_day,
      issuedServiceId: row.issued_service_id,
      serviceId: row.service_id,
      status: row.status,
      priorityGroupId: row.priority_group_id,
      issuedAt: row.issued_at,
      queuedAt: row.queued_at ?? row.issued_at,
      firstCalledAt: row.first_called_at,
      startedAt: row.started_at,
      completedAt: row.completed_at,
      counterId: row.counter_id,
      clerkId: row.clerk_id,
      transferCount: row.transfer_count ?? 0,
    }));
  }

  /** Every rating of a ticket issued on the business days `from`…`to`. */
  ratingFacts(from: string, to: string): RatingFact[] {
    return (this.s.ratingFacts.all(from, to) as RawRatingFact[]).map((row) => ({
      ticketId: row.ticket_id,
      businessDay: row.business_day,
      serviceId: row.service_id,
      counterId: row.counter_id,
      clerkId: row.clerk_id,
      rating: row.rating,
      reasons: JSON.parse(row.reasons) as string[],
      at: row.at,
    }));
  }

  // ── tickets and audit ────────────────────────────────────────────────────────────────────
  /** Tickets with a printed number (any day when `day` is null), newest first. */
  ticketsByNumber(number: string, day: string | null): { id: number; businessDay: string; body: unknown }[] {
    const rows = (
      day === null ? this.s.ticketsByNumber.all(number) : this.s.ticketsByNumberOnDay.all(number, day)
    ) as {
      id: number;
      business_day: string;
      body: string;
    }[];
    return rows.map((row) => ({
      id: row.id,
      businessDay: row.business_day,
      body: JSON.parse(row.body) as unknown,
    }));
  }

  /** The whole history of one ticket, oldest first. */
  ticketEvents(ticketId: number): AuditEntry[] {
    return (this.s.ticketEvents.all(ticketId) as RawEvent[]).map(toEventEntry);
  }

  /**
   * The audit view: events of the log and manager actions, newest first, filtered. Built as SQL with
   * bound parameters only (filters never reach the SQL text).
   */
  audit(filter: AuditFilter): AuditEntry[] {
    const eventWhere: string[] = [];
    const actionWhere: string[] = [];
    const eventParams: (string | number)[] = [];
    const actionParams: (string | number)[] = [];
    const both = (clause: string, actionClause: string | null, value: string | number): void => {
      eventWhere.push(clause);
      eventParams.push(value);
      if (actionClause !== null) {
        actionWhere.push(actionClause);
        actionParams.push(value);
      }
    };
    if (filter.from !== undefined) both('at >= ?', 'at >= ?', filter.from);
    if (filter.to !== undefined) both('at < ?', 'at < ?', filter.to);
    if (filter.before !== undefined) both('at < ?', 'at < ?', filter.before);
    if (filter.type !== undefined) both('type = ?', 'type = ?', filter.type);
    if (filter.actorRole !== undefined) both('actor_role = ?', null, filter.actorRole);
    if (filter.counterId !== undefined) both('counter_id = ?', null, filter.counterId);
    // Manager actions have no counter; and their role is always manager.
    const isActionsIncluded =
      filter.counterId === undefined && (filter.actorRole === undefined || filter.actorRole === 'manager');
    const where = (clauses: string[]): string =>
      clauses.length === 0 ? '' : `WHERE ${clauses.join(' AND ')}`;
    const events = this.db
      .prepare<unknown[]>(
        `SELECT version, type, at, actor_role, device_id, clerk_id, ticket_id, counter_id, body,
           (SELECT number FROM tickets WHERE tickets.id = events.ticket_id) AS ticket_number FROM events
         ${where(eventWhere)} ORDER BY at DESC, version DESC LIMIT ?`,
      )
      .all(...eventParams, filter.limit) as RawEvent[];
    const actions = isActionsIncluded
      ? (this.db
          .prepare<unknown[]>(
            `SELECT id, at, manager_id, type, detail FROM admin_actions ${where(actionWhere)}
             ORDER BY at DESC, id DESC LIMIT ?`,
          )
          .all(...actionParams, filter.limit) as RawAction[])
      : [];
    return [...events.map(toEventEntry), ...actions.map(toActionEntry)]
      .sort((a, b) => b.at - a.at || b.id - a.id)
      .slice(0, filter.limit);
  }

  /** The distinct event and action types, for the audit filter. */
  auditTypes(): string[] {
    return (this.s.auditTypes.all() as { type: string }[]).map((row) => row.type);
  }

  /** Names of devices by id (the audit view shows who, not an opaque id). */
  deviceNames(): Map<string, string> {
    return new Map(
      (this.s.deviceNames.all() as { id: string; name: string }[]).map((row) => [row.id, row.name]),
    );
  }
}

interface RawTicketFact {
  id: number;
  number: string;
  business_day: string;
  issued_service_id: string;
  service_id: string;
  status: string;
  priority_group_id: string | null;
  issued_at: number;
  queued_at: number | null;
  first_called_at: number | null;
  started_at: number | null;
  completed_at: number | null;
  counter_id: string | null;
  clerk_id: string | null;
  transfer_count: number | null;
}

interface RawRatingFact {
  ticket_id: number;
  business_day: string;
  service_id: string;
  counter_id: string;
  clerk_id: string | null;
  rating: number;
  reasons: string;
  at: number;
}

interface RawEvent {
  version: number;
  type: string;
  at: number;
  actor_role: string;
  device_id: string | null;
  clerk_id: string | null;
  ticket_id: number | null;
  counter_id: string | null;
  body: string;
  /** The ticket's number (the same through transfers), for the audit's sentences. */
  ticket_number: string | null;
}

interface RawAction {
  id: number;
  at: number;
  manager_id: number | null;
  type: string;
  detail: string;
}

const toEventEntry = (row: RawEvent): AuditEntry => ({
  source: 'event',
  id: row.version,
  at: row.at,
  type: row.type,
  actorRole: row.actor_role,
  deviceId: row.device_id,
  clerkId: row.clerk_id,
  managerId: null,
  ticketId: row.ticket_id,
  ticketNumber: row.ticket_number,
  counterId: row.counter_id,
  body: JSON.parse(row.body) as Readonly<Record<string, unknown>>,
});

const toActionEntry = (row: RawAction): AuditEntry => ({
  source: 'admin',
  id: row.id,
  at: row.at,
  type: row.type,
  actorRole: 'manager',
  deviceId: null,
  clerkId: null,
  managerId: row.manager_id,
  ticketId: null,
  counterId: null,
  body: JSON.parse(row.detail) as Readonly<Record<string, unknown>>,
});

function prepare(db: Database) {
  const sql = (text: string): Statement<unknown[]> => db.prepare<unknown[]>(text);
  const managerColumns =
    'id, username, display_name, password_hash, must_change_password, failed_attempts, locked_until, created_at';
  return {
    countManagers: sql('SELECT COUNT(*) AS n FROM managers'),
    insertManager: sql(
      `INSERT INTO managers (username, display_name, password_hash, must_change_password, created_at)
       VALUES (?, ?, ?, ?, ?)`,
    ),
    managerByUsername: sql(`SELECT ${managerColumns} FROM managers WHERE username = ?`),
    managerById: sql(`SELECT ${managerColumns} FROM managers WHERE id = ?`),
    listManagers: sql(`SELECT ${managerColumns} FROM managers ORDER BY id`),
    loginFailure: sql('UPDATE managers SET failed_attempts = ?, locked_until = ? WHERE id = ?'),
    setPassword: sql(
      `UPDATE managers SET password_hash = ?, must_change_password = ?, password_changed_at = ?,
         failed_attempts = 0, locked_until = NULL WHERE id = ?`,
    ),
    insertSession: sql(
      'INSERT INTO manager_sessions (token_hash, manager_id, created_at, expires_at, last_used_at) VALUES (?, ?, ?, ?, ?)',
    ),
    sessionByHash: sql(
      'SELECT token_hash, manager_id, created_at, expires_at, last_used_at FROM manager_sessions WHERE token_hash = ?',
    ),
    extendSession: sql('UPDATE manager_sessions SET last_used_at = ?, expires_at = ? WHERE token_hash = ?'),
    deleteSession: sql('DELETE FROM manager_sessions WHERE token_hash = ?'),
    deleteOtherSessions: sql('DELETE FROM manager_sessions WHERE manager_id = ? AND token_hash <> ?'),
    pruneSessions: sql('DELETE FROM manager_sessions WHERE expires_at <= ? RETURNING manager_id'),
    insertAction: sql('INSERT INTO admin_actions (at, manager_id, type, detail) VALUES (?, ?, ?, ?)'),
    getMeta: sql('SELECT value FROM hall_meta WHERE key = ?'),
    setMeta: sql(
      'INSERT INTO hall_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    ),
    deleteMeta: sql('DELETE FROM hall_meta WHERE key = ?'),
    ticketFacts: sql(
      `SELECT t.id, t.number, t.business_day, t.issued_service_id, t.service_id, t.status, t.priority_group_id,
              t.issued_at, json_extract(t.body, '$.queuedAt') AS queued_at,
              (SELECT MIN(e.at) FROM events e WHERE e.ticket_id = t.id AND e.type = 'ticket.called') AS first_called_at,
              t.started_at, t.completed_at,
              -- Counter and clerk of the same event, the ticket's last call, so the by-counter and by-clerk
              -- tables agree (after a transfer the ticket row forgets its counter but not its clerk).
              (SELECT e.counter_id FROM events e WHERE e.ticket_id = t.id AND e.type = 'ticket.called'
                 ORDER BY e.version DESC LIMIT 1) AS counter_id,
              (SELECT json_extract(e.body, '$.clerkId') FROM events e WHERE e.ticket_id = t.id
                 AND e.type = 'ticket.called' ORDER BY e.version DESC LIMIT 1) AS clerk_id,
              json_extract(t.body, '$.transferCount') AS transfer_count
       FROM tickets t WHERE t.business_day BETWEEN ? AND ?`,
    ),
    ratingFacts: sql(
      `SELECT r.ticket_id, t.business_day, t.service_id, r.counter_id, r.clerk_id, r.rating, r.reasons, r.at
       FROM tickets t JOIN ratings r ON r.ticket_id = t.id WHERE t.business_day BETWEEN ? AND ?`,
    ),
    ticketsByNumber: sql(
      'SELECT id, business_day, body FROM tickets WHERE number = ? ORDER BY business_day DESC LIMIT 50',
    ),
    ticketsByNumberOnDay: sql(
      'SELECT id, business_day, body FROM tickets WHERE number = ? AND business_day = ?',
    ),
    ticketEvents: sql(
      `SELECT version, type, at, actor_role, device_id, clerk_id, ticket_id, counter_id, body,
         (SELECT number FROM tickets WHERE tickets.id = events.ticket_id) AS ticket_number FROM events WHERE ticket_id = ? ORDER BY version`,
    ),
    auditTypes: sql(
      'SELECT DISTINCT type FROM events UNION SELECT DISTINCT type FROM admin_actions ORDER BY type',
    ),
    deviceNames: sql('SELECT id, name FROM devices'),
  };
}
