import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import type { Identity } from '@luot/shared/contracts';
import { asDeviceId, passwordProblem } from '@luot/shared/domain';
import { passwordProblemText } from '@luot/shared/text';
import type { AdminStore, ManagerRow } from '../db/admin-store.ts';
import type { Clock } from './clock.ts';
import { hashToken } from './credentials.ts';
import type { BudgetLimits, LockRules } from './limits.ts';
import { AttemptBudget, LockBook, WorkGate, managerAccount, unlockSettingKey } from './limits.ts';

const scryptAsync = promisify(scrypt) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: { N: number; r: number; p: number; maxmem: number },
) => Promise<Buffer>;

/** scrypt cost for passwords: N = 2^15 (≈ 30–60 ms on a hall PC), r = 8, p = 1 — OWASP's floor. */
const SCRYPT = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

/** A session lives 12 h after its last use (sliding). */
export const SESSION_TTL_MS = 12 * 60 * 60_000;
/**
 * Wrong passwords in a row from one address before the account is locked *for that address* (doubling
 * each time, ≤ 1 h): a stranger on the Wi-Fi locks only themself out, never the manager at the server PC.
 */
export const MANAGER_LOCK_RULES: LockRules = {
  attemptsBeforeLock: 5,
  firstLockMs: 60_000,
  maxLockMs: 60 * 60_000,
};
/**
 * Sign-in attempts per source address before any hashing: 30 at once, refilled at 3 a minute (a right
 * password gives its attempt back). A flood from one address is refused without costing a hash.
 */
export const SIGN_IN_BUDGET: BudgetLimits = { capacity: 30, perMinute: 3 };
/**
 * Password hashes (scrypt, 32 MiB, tens of ms each) in flight at once, and waiting: libuv's pool has four
 * threads that also read every page and voice clip; two are left to the hall whatever the flood.
 */
export const HASHING_CONCURRENCY = 2;
export const HASHING_QUEUE = 16;
/** What a sign-in refused because the hashing gate is full is told to wait. */
const BUSY_RETRY_MS = 1_000;
/** Every refused sign-in also waits this long, so guessing is slow even across accounts. */
export const FAILED_LOGIN_DELAY_MS = 400;
/** The demo account a new hall starts with; the console forces its password to be changed. */
export const FIRST_MANAGER = { username: 'admin', password: 'admin' } as const;

/** Hash a password with scrypt and a random salt: `scrypt2$N$r$p$<salt>$<hash>`. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scryptAsync(password, salt, 32, SCRYPT);
  return `scrypt2$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

/** Check a password against its stored hash in constant time. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt2' || !n || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = await scryptAsync(password, Buffer.from(salt, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: SCRYPT.maxmem,
  });
  return timingSafeEqual(actual, expected);
}

// A hash of nothing, checked for unknown usernames so timing does not tell which accounts exist.
let decoyHash: Promise<string> | undefined;

/** A manager as the console sees them. */
export interface ManagerView {
  readonly id: number;
  readonly username: string;
  readonly displayName: string;
  readonly mustChangePassword: boolean;
}

/** The result of a sign-in attempt. */
export type LoginResult =
  | { readonly ok: true; readonly token: string; readonly expiresAt: number; readonly manager: ManagerView }
  | {
      readonly ok: false;
      readonly code: 'BAD_CREDENTIALS' | 'LOCKED_OUT' | 'RATE_LIMITED';
      readonly retryAt: number | null;
    };

/** A session found by its token. */
export interface ActiveSession {
  readonly tokenHash: string;
  readonly manager: ManagerView;
  readonly expiresAt: number;
}

const viewOf = (row: ManagerRow): ManagerView => ({
  id: row.id,
  username: row.username,
  displayName: row.displayName,
  mustChangePassword: row.mustChangePassword,
});

/** The Socket.IO identity of a manager's console (the device id names the account in the audit log). */
export const managerDeviceId = (managerId: number): string => `mgr_${managerId}`;

/**
 * Manager accounts and their sessions. Passwords are scrypt-hashed; session tokens are 256 random bits
 * of which only a SHA-256 is stored; a session expires 12 h after its last use. Guessing is slowed by
 * a fixed delay on every refusal and a growing lock after five wrong passwords in a row.
 */
export class ManagerAccounts {
  private readonly endedListeners = new Set<(managerId: number) => void>();
  /** Attempt budgets per address, locks per (username, address), the hashing gate. */
  readonly limits: { attempts: AttemptBudget; locks: LockBook; hashing: WorkGate };

  constructor(
    private readonly store: AdminStore,
    private readonly clock: Clock,
    private readonly sleep: (ms: number) => Promise<void> = (ms) =>
      new Promise((resolve) => setTimeout(resolve, ms)),
  ) {
    this.limits = {
      attempts: new AttemptBudget(SIGN_IN_BUDGET),
      locks: new LockBook(MANAGER_LOCK_RULES, (account) => store.getSetting(unlockSettingKey(account))),
      hashing: new WorkGate(HASHING_CONCURRENCY, HASHING_QUEUE),
    };
  }

  /** Create the first manager (`admin`/`admin`, must change it) when the hall has none. */
  async ensureFirstManager(): Promise<boolean> {
    if (this.store.countManagers() > 0) return false;
    await this.create(FIRST_MANAGER.username, 'Cán bộ quản lý', FIRST_MANAGER.password, true);
    return true;
  }

  /** Add a manager account. */
  async create(
    username: string,
    displayName: string,
    password: string,
    mustChangePassword: boolean,
  ): Promise<number> {
    return this.store.insertManager({
      username,
      displayName,
      passwordHash: await hashPassword(password),
      mustChangePassword,
      createdAt: this.clock.now(),
    });
  }

  /**
   * Check a username and password from a source address; on success open a session. In order, before
   * any hashing: the source's attempt budget (RATE_LIMITED), the lock of this (username, source)
   * (LOCKED_OUT), a free place at the hashing gate (RATE_LIMITED at once when the server is busy). Only
   * then the password is hashed, known name or not, so the answers and their timing are the same for
   * names that do not exist.
   */
  async login(username: string, password: string, source = 'server'): Promise<LoginResult> {
    const now = this.clock.now();
    const account = managerAccount(username);
    const budgetRetryAt = this.limits.attempts.take(source, now);
    if (budgetRetryAt !== null) return { ok: false, code: 'RATE_LIMITED', retryAt: budgetRetryAt };
    const lockedUntil = this.limits.locks.lockedUntil(account, source, now);
    if (lockedUntil !== null) {
      await this.sleep(FAILED_LOGIN_DELAY_MS);
      return { ok: false, code: 'LOCKED_OUT', retryAt: lockedUntil };
    }
    const manager = this.store.findManagerByUsername(username.trim());
    decoyHash ??= hashPassword(randomBytes(16).toString('hex'));
    const stored = manager?.passwordHash ?? (await decoyHash);
    const checked = await this.limits.hashing.run(() => verifyPassword(password, stored));
    if (checked === undefined) {
      return { ok: false, code: 'RATE_LIMITED', retryAt: this.clock.now() + BUSY_RETRY_MS };
    }
    // Check the lock again after the hash: attempts sent together all passed the check above, so each
    // must count on top of the others' failures (and a lock set meanwhile refuses even a right one).
    const lockedMeanwhile = this.limits.locks.lockedUntil(account, source, now);
    if (lockedMeanwhile !== null) {
      await this.sleep(FAILED_LOGIN_DELAY_MS);
      return { ok: false, code: 'LOCKED_OUT', retryAt: lockedMeanwhile };
    }
    const latest = manager ? this.store.findManager(manager.id) : undefined;
    if (!manager || !latest || !checked.value) {
      const retryAt = this.limits.locks.recordFailure(account, source, now);
      if (latest) {
        // Written while the refusal waits, not before it: a known name must not answer later than an
        // unknown one by the time of a disk write.
        const managerId = latest.id;
        setImmediate(() => {
          try {
            this.store.recordAction({
              at: now,
              managerId,
              type: 'manager.sign-in-refused',
              detail: { source, isLocked: retryAt !== null },
            });
          } catch {
            // The server closed meanwhile: the refusal stands, only its audit line is missing.
          }
        });
      }
      await this.sleep(FAILED_LOGIN_DELAY_MS);
      return { ok: false, code: retryAt === null ? 'BAD_CREDENTIALS' : 'LOCKED_OUT', retryAt };
    }
    this.limits.locks.recordSuccess(account, source);
    // A right password is not an attempt against the budget: the owner signing in often is not a flood.
    this.limits.attempts.refund(source, now);
    const token = randomBytes(32).toString('base64url');
    const expiresAt = now + SESSION_TTL_MS;
    this.endExpiredSessions();
    this.store.insertSession({
      tokenHash: hashToken(token),
      managerId: manager.id,
      createdAt: now,
      expiresAt,
      lastUsedAt: now,
    });
    this.store.recordAction({
      at: now,
      managerId: manager.id,
      type: 'manager.signed-in',
      detail: { username: manager.username },
    });
    return { ok: true, token, expiresAt, manager: viewOf(manager) };
  }

  /** Whole seconds from now (hall clock) until `at`, at least 1: a refusal's Retry-After. */
  secondsUntil(at: number): number {
    return Math.max(1, Math.ceil((at - this.clock.now()) / 1_000));
  }

  /**
   * The live session of a token, extended (sliding expiry) unless `slide` is false (a check that is not
   * a use, e.g. re-checking connected consoles); undefined when unknown or expired.
   */
  session(token: string, slide = true): ActiveSession | undefined {
    const now = this.clock.now();
    const tokenHash = hashToken(token);
    const session = this.store.findSession(tokenHash);
    if (!session) return undefined;
    if (session.expiresAt <= now) {
      this.store.deleteSession(tokenHash);
      return undefined;
    }
    const manager = this.store.findManager(session.managerId);
    if (!manager) return undefined;
    // Slide the expiry, writing at most once a minute: every console request must not be a disk write.
    const isDue = slide && now - session.lastUsedAt > 60_000;
    const expiresAt = isDue ? now + SESSION_TTL_MS : session.expiresAt;
    if (isDue) this.store.extendSession(tokenHash, now, expiresAt);
    return { tokenHash, manager: viewOf(manager), expiresAt };
  }

  /**
   * The Socket.IO identity of a session token (HallService's `extraAuthenticator`). A manager who must
   * still change the demo password gets no socket: the console shows only the password form.
   */
  identityOf(token: string, slide = true): Identity | undefined {
    const session = this.session(token, slide);
    if (!session || session.manager.mustChangePassword) return undefined;
    return {
      role: 'manager',
      deviceId: asDeviceId(managerDeviceId(session.manager.id)),
      deviceName: session.manager.displayName,
      counterId: null,
      clerkId: null,
    };
  }

  /**
   * Delete the sessions that expired (12 h unused) and tell the listeners, so that a console left open
   * past its session is cut off even if it never sends another command (called on the server's tick).
   */
  endExpiredSessions(): void {
    for (const managerId of new Set(this.store.pruneSessions(this.clock.now()))) this.notifyEnded(managerId);
  }

  /** End a session. */
  logout(token: string): void {
    const session = this.session(token);
    this.store.deleteSession(hashToken(token));
    if (session) {
      this.store.recordAction({
        at: this.clock.now(),
        managerId: session.manager.id,
        type: 'manager.signed-out',
        detail: {},
      });
      this.notifyEnded(session.manager.id);
    }
  }

  /**
   * Called when sessions of a manager end (sign-out, password change), so that the consoles connected
   * with them are cut off at once rather than keeping a live socket with manager rights.
   */
  onSessionsEnded(listener: (managerId: number) => void): () => void {
    this.endedListeners.add(listener);
    return () => this.endedListeners.delete(listener);
  }

  private notifyEnded(managerId: number): void {
    for (const listener of this.endedListeners) listener(managerId);
  }

  /**
   * Change the password of the session's manager; the current password is asked again (a console left
   * open must not let a passer-by lock the owner out). Other sessions of the account end.
   */
  async changePassword(
    session: ActiveSession,
    currentPassword: string,
    newPassword: string,
  ): Promise<{ ok: true } | { ok: false; code: 'BAD_CREDENTIALS' | 'WEAK_PASSWORD'; message: string }> {
    const manager = this.store.findManager(session.manager.id);
    if (!manager || !(await verifyPassword(currentPassword, manager.passwordHash))) {
      await this.sleep(FAILED_LOGIN_DELAY_MS);
      return { ok: false, code: 'BAD_CREDENTIALS', message: 'the current password is wrong' };
    }
    // The hall's rules for weak passwords (shared with the console and the CLI): issue 15.
    const problem = passwordProblem(newPassword, { username: manager.username, currentPassword });
    if (problem) return { ok: false, code: 'WEAK_PASSWORD', message: passwordProblemText('en', problem) };
    const now = this.clock.now();
    this.store.setPassword(manager.id, await hashPassword(newPassword), false, now);
    this.store.deleteOtherSessions(manager.id, session.tokenHash);
    this.store.recordAction({ at: now, managerId: manager.id, type: 'manager.password-changed', detail: {} });
    this.notifyEnded(manager.id);
    return { ok: true };
  }

  /** Managers by id, for the audit view. */
  names(): Map<number, string> {
    return new Map(this.store.listManagers().map((manager) => [manager.id, manager.username]));
  }
}
