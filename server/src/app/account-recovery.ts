import { randomBytes, randomInt } from 'node:crypto';
import type { ClerkConfig } from '@luot/shared/domain';
import type { AdminStore } from '../db/admin-store.ts';
import type { HallStore } from '../db/hall-store.ts';
import { clerkAccount, managerAccount, unlockSettingKey } from './limits.ts';
import { passwordProblem } from '@luot/shared/domain';
import { passwordProblemText } from '@luot/shared/text';
import { hashPassword } from './managers.ts';

/**
 * Recovery on the server PC (the CLI, which shares the database with the running server): lift the
 * sign-in locks of an account, or give a manager a new password. The running server keeps its locks in
 * memory and reads the mark of the last unlock from `hall_meta` whenever a locked account tries again,
 * so an unlock here takes effect at the next attempt without a restart. The mark is a fresh value each
 * time, not a time to compare: the CLI's clock need not agree with the server's.
 */

/** Record that every lock of an account (all addresses and terminals) ends now: a new unlock mark. */
export function recordUnlock(store: AdminStore, account: string, now: number): void {
  store.setSetting(unlockSettingKey(account), `${now}-${randomBytes(4).toString('hex')}`);
}

/** What `unlock <username>` found and unlocked. */
export interface UnlockOutcome {
  readonly manager: boolean;
  readonly clerk: ClerkConfig | undefined;
}

/**
 * Lift every sign-in lock of a username: the manager of that name and the clerk of that name (both
 * kinds share no names in practice, but either may be meant). Unknown names are recorded too, so the
 * command says nothing a lock did not already say; the outcome tells the operator what matched.
 */
export function unlockUsername(
  adminStore: AdminStore,
  hallStore: HallStore,
  username: string,
  now: number,
): UnlockOutcome {
  const manager = adminStore.findManagerByUsername(username.trim());
  const clerk = hallStore
    .loadConfig()
    ?.clerks.find((candidate) => candidate.username.toLowerCase() === username.trim().toLowerCase());
  recordUnlock(adminStore, managerAccount(username), now);
  recordUnlock(adminStore, clerkAccount(username), now);
  if (manager) {
    adminStore.recordLoginFailure(manager.id, 0, null);
    adminStore.recordAction({ at: now, managerId: null, type: 'manager.unlocked', detail: { username } });
  }
  if (clerk) hallStore.recordPinFailure(clerk.id, 0, null);
  return { manager: manager !== undefined, clerk };
}

/** A password a person can read out and type: 4 groups of 4 lowercase letters and digits (≈ 82 bits). */
export function newReadablePassword(): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789';
  const group = (): string => Array.from({ length: 4 }, () => alphabet[randomInt(alphabet.length)]).join('');
  return [group(), group(), group(), group()].join('-');
}

/**
 * Give an existing manager a new password (to be changed at the next sign-in), end all their sessions
 * and lift their locks. Refused when there is no such manager or the password is too weak.
 */
export async function resetManagerPassword(
  store: AdminStore,
  username: string,
  password: string,
  now: number,
): Promise<{ ok: true } | { ok: false; problem: string }> {
  const manager = store.findManagerByUsername(username.trim());
  if (!manager) return { ok: false, problem: `no manager named ${username}` };
  // The hall's rules for weak passwords, as in the console and `init-manager`.
  const problem = passwordProblem(password, { username: manager.username });
  if (problem) return { ok: false, problem: passwordProblemText('en', problem) };
  store.setPassword(manager.id, await hashPassword(password), true, now);
  // No session is kept: whoever held one signs in again with the new password.
  store.deleteOtherSessions(manager.id, '');
  store.recordLoginFailure(manager.id, 0, null);
  recordUnlock(store, managerAccount(manager.username), now);
  store.recordAction({ at: now, managerId: manager.id, type: 'manager.password-reset', detail: {} });
  return { ok: true };
}
