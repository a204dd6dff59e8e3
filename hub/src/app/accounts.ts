import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { hashToken } from '@luot/server/credentials';
import { FAILED_LOGIN_DELAY_MS, hashPassword, verifyPassword } from '@luot/server/passwords';
import { passwordProblem } from '@luot/shared/domain';
import { passwordProblemText } from '@luot/shared/text';

/** A province console session lives 12 h after sign-in. */
export const HUB_SESSION_TTL_MS = 12 * 60 * 60_000;
const ATTEMPTS_BEFORE_LOCK = 5;
const LOCK_MS = 60_000;
const MAX_LOCK_MS = 60 * 60_000;

/** A province account as the console sees it. */
export interface AccountView {
  readonly id: number;
  readonly username: string;
  readonly displayName: string;
  readonly mustChangePassword: boolean;
}

/** The result of a sign-in. */
export type HubLoginResult =
  | { readonly ok: true; readonly token: string; readonly expiresAt: number; readonly account: AccountView }
  | { readonly ok: false; readonly code: 'BAD_CREDENTIALS' | 'LOCKED_OUT'; readonly retryAt: number | null };

interface AccountRow {
  id: number;
  username: string;
  display_name: string;
  password_hash: string;
  must_change_password: boolean;
  failed_attempts: number;
  locked_until: string | null;
}

const viewOf = (row: AccountRow): AccountView => ({
  id: row.id,
  username: row.username,
  displayName: row.display_name,
  mustChangePassword: row.must_change_password,
});

let decoyHash: Promise<string> | undefined;

/**
 * Province accounts, with the hall manager's rules (the same scrypt hashes, password rules, fixed delay
 * on every refusal and a lock after five wrong passwords that doubles each time, at most an hour).
 * Sessions are 256-bit tokens of which only a SHA-256 is stored.
 */
export class HubAccounts {
  constructor(
    private readonly pool: pg.Pool,
    private readonly now: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = (ms) =>
      new Promise((resolve) => setTimeout(resolve, ms)),
  ) {}

  /** Add an account; `mustChangePassword` for one made by the operator on the command line. */
  async create(
    username: string,
    displayName: string,
    password: string,
    mustChangePassword: boolean,
  ): Promise<number> {
    // An operator's first password is changed at first sign-in, so only a password the account keeps is checked.
    const problem = mustChangePassword ? null : passwordProblem(password, { username });
    if (problem) throw new Error(`password refused: ${passwordProblemText('en', problem)}`);
    const { rows } = await this.pool.query<{ id: number }>(
      `INSERT INTO accounts (username, display_name, password_hash, must_change_password)
       VALUES ($1, $2, $3, $4) RETURNING id`,
      [username, displayName, await hashPassword(password), mustChangePassword],
    );
    return rows[0]!.id;
  }

  async count(): Promise<number> {
    const { rows } = await this.pool.query<{ n: string }>('SELECT count(*) AS n FROM accounts');
    return Number(rows[0]!.n);
  }

  private async find(where: string, value: string | number): Promise<AccountRow | undefined> {
    const { rows } = await this.pool.query<AccountRow>(
      `SELECT id, username, display_name, password_hash, must_change_password, failed_attempts, locked_until
       FROM accounts WHERE ${where}`,
      [value],
    );
    return rows[0];
  }

  async login(username: string, password: string): Promise<HubLoginResult> {
    const now = this.now();
    const account = await this.find('lower(username) = lower($1)', username.trim());
    const lockedUntil = (row: AccountRow | undefined): number | null =>
      row?.locked_until == null ? null : Number(row.locked_until);
    if (account && (lockedUntil(account) ?? 0) > now) {
      await this.sleep(FAILED_LOGIN_DELAY_MS);
      return { ok: false, code: 'LOCKED_OUT', retryAt: lockedUntil(account) };
    }
    decoyHash ??= hashPassword(randomBytes(16).toString('hex'));
    const isValid = await verifyPassword(password, account?.password_hash ?? (await decoyHash));
    if (!account || !isValid) {
      let retryAt: number | null = null;
      if (account) {
        // Counted in the database, so attempts sent together (or to two hub processes) all count.
        const { rows } = await this.pool.query<{ failed_attempts: number }>(
          'UPDATE accounts SET failed_attempts = failed_attempts + 1 WHERE id = $1 RETURNING failed_attempts',
          [account.id],
        );
        const failures = rows[0]?.failed_attempts ?? 1;
        if (failures >= ATTEMPTS_BEFORE_LOCK) {
          retryAt = now + Math.min(LOCK_MS * 2 ** (failures - ATTEMPTS_BEFORE_LOCK), MAX_LOCK_MS);
          await this.pool.query('UPDATE accounts SET locked_until = $2 WHERE id = $1', [account.id, retryAt]);
        }
      }
      await this.sleep(FAILED_LOGIN_DELAY_MS);
      return { ok: false, code: retryAt === null ? 'BAD_CREDENTIALS' : 'LOCKED_OUT', retryAt };
    }
    // A lock set by guesses that ran while this check hashed refuses even the right password.
    const latest = await this.find('id = $1', account.id);
    if (latest && (lockedUntil(latest) ?? 0) > now) {
      await this.sleep(FAILED_LOGIN_DELAY_MS);
      return { ok: false, code: 'LOCKED_OUT', retryAt: lockedUntil(latest) };
    }
    await this.pool.query('UPDATE accounts SET failed_attempts = 0, locked_until = NULL WHERE id = $1', [
      account.id,
    ]);
    const token = randomBytes(32).toString('base64url');
    const expiresAt = now + HUB_SESSION_TTL_MS;
    await this.pool.query('DELETE FROM sessions WHERE expires_at <= $1', [now]);
    await this.pool.query(
      'INSERT INTO sessions (token_hash, account_id, created_at, expires_at) VALUES ($1, $2, $3, $4)',
      [hashToken(token), account.id, now, expiresAt],
    );
    return { ok: true, token, expiresAt, account: viewOf(account) };
  }

  /** The account of a live session token. */
  async session(token: string): Promise<AccountView | undefined> {
    const { rows } = await this.pool.query<AccountRow>(
      `SELECT a.id, a.username, a.display_name, a.password_hash, a.must_change_password, a.failed_attempts,
              a.locked_until
       FROM sessions s JOIN accounts a ON a.id = s.account_id
       WHERE s.token_hash = $1 AND s.expires_at > $2`,
      [hashToken(token), this.now()],
    );
    return rows[0] ? viewOf(rows[0]) : undefined;
  }

  async logout(token: string): Promise<void> {
    await this.pool.query('DELETE FROM sessions WHERE token_hash = $1', [hashToken(token)]);
  }

  /** Change the password of a signed-in account (the current one is asked again); other sessions end. */
  async changePassword(
    token: string,
    currentPassword: string,
    newPassword: string,
  ): Promise<{ ok: true } | { ok: false; code: 'BAD_CREDENTIALS' | 'WEAK_PASSWORD'; message: string }> {
    const session = await this.session(token);
    const account = session ? await this.find('id = $1', session.id) : undefined;
    if (!account || !(await verifyPassword(currentPassword, account.password_hash))) {
      await this.sleep(FAILED_LOGIN_DELAY_MS);
      return { ok: false, code: 'BAD_CREDENTIALS', message: 'the current password is wrong' };
    }
    // The hall manager's rule (shared with the hall, its console and the CLI): issue 15.
    const problem = passwordProblem(newPassword, { username: account.username, currentPassword });
    if (problem) return { ok: false, code: 'WEAK_PASSWORD', message: passwordProblemText('en', problem) };
    await this.pool.query(
      'UPDATE accounts SET password_hash = $2, must_change_password = false WHERE id = $1',
      [account.id, await hashPassword(newPassword)],
    );
    await this.pool.query('DELETE FROM sessions WHERE account_id = $1 AND token_hash <> $2', [
      account.id,
      hashToken(token),
    ]);
    return { ok: true };
  }
}
