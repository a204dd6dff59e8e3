import { newReadablePassword, resetManagerPassword, unlockUsername } from '../app/account-recovery.ts';
import type { AdminStore } from '../db/admin-store.ts';
import type { HallStore } from '../db/hall-store.ts';

/** What the recovery commands need: the hall's stores (the CLI opened the database), a clock, output. */
export interface RecoveryContext {
  readonly adminStore: AdminStore;
  readonly hallStore: HallStore;
  readonly now: () => number;
  readonly print: (line: string) => void;
}

/**
 * `unlock <username>`: lift every sign-in lock of that manager or clerk, from every address and
 * terminal. The running server notices at the account's next attempt (no restart).
 */
export function runUnlock(username: string | undefined, context: RecoveryContext): number {
  if (username === undefined || username.trim() === '') {
    context.print('usage: pnpm luot unlock <username>');
    return 2;
  }
  const outcome = unlockUsername(context.adminStore, context.hallStore, username, context.now());
  if (!outcome.manager && !outcome.clerk) {
    context.print(`no manager or clerk named ${username}`);
    return 2;
  }
  if (outcome.manager) context.print(`Manager ${username}: sign-in unlocked (every address).`);
  if (outcome.clerk) {
    context.print(
      `Clerk ${outcome.clerk.username} (${outcome.clerk.name}): sign-in unlocked (every terminal).`,
    );
  }
  return 0;
}

/**
 * `reset-password <username> [--password …]`: give an existing manager a new password (printed when not
 * given), to be changed at the next sign-in; their sessions end and their locks are lifted.
 */
export async function runResetPassword(
  username: string | undefined,
  password: string | undefined,
  context: RecoveryContext,
): Promise<number> {
  if (username === undefined || username.trim() === '') {
    context.print('usage: pnpm luot reset-password <username> [--password <new password>]');
    return 2;
  }
  const chosen = password ?? newReadablePassword();
  const result = await resetManagerPassword(context.adminStore, username, chosen, context.now());
  if (!result.ok) {
    context.print(result.problem);
    return 2;
  }
  context.print(
    password === undefined
      ? `Password of ${username} set to ${chosen} — sign in with it and choose a new one at once.`
      : `Password of ${username} changed — it must be changed again at the next sign-in.`,
  );
  context.print('Every session of this manager has ended; the sign-in locks are lifted.');
  return 0;
}
