import type { PasswordProblem } from '@luot/shared/domain';
import { passwordProblem } from '@luot/shared/domain';
import type { AdminStore } from '../db/admin-store.ts';
import type { Clock } from './clock.ts';
import { hashPassword } from './managers.ts';

/** The display name of a first manager created without one. */
export const FIRST_MANAGER_DISPLAY_NAME = 'Cán bộ quản lý';

/** The result of creating a hall's first manager. */
export type FirstManagerResult =
  | { readonly ok: true; readonly managerId: number }
  | { readonly ok: false; readonly code: 'ALREADY_SET' }
  | { readonly ok: false; readonly code: 'WEAK_PASSWORD'; readonly problem: PasswordProblem }
  | { readonly ok: false; readonly code: 'BAD_USERNAME' };

/**
 * Create the hall's first manager account, only while the hall has none. Both ways in (the CLI on the
 * server PC, the console from loopback) come here; the check and the insert are one transaction, so
 * two at once make one account, never two. The password is the manager's own (no change forced).
 */
export async function createFirstManager(
  store: AdminStore,
  clock: Clock,
  account: { readonly username: string; readonly displayName?: string; readonly password: string },
  via: 'cli' | 'console-loopback',
): Promise<FirstManagerResult> {
  const username = account.username.trim();
  if (!/^[\p{L}\p{N}._-]{1,64}$/u.test(username)) return { ok: false, code: 'BAD_USERNAME' };
  if (store.countManagers() > 0) return { ok: false, code: 'ALREADY_SET' };
  const problem = passwordProblem(account.password, { username });
  if (problem) return { ok: false, code: 'WEAK_PASSWORD', problem };
  const passwordHash = await hashPassword(account.password);
  const now = clock.now();
  const create = store.db.transaction((): FirstManagerResult => {
    if (store.countManagers() > 0) return { ok: false, code: 'ALREADY_SET' };
    const managerId = store.insertManager({
      username,
      displayName: account.displayName?.trim() || FIRST_MANAGER_DISPLAY_NAME,
      passwordHash,
      mustChangePassword: false,
      createdAt: now,
    });
    store.recordAction({ at: now, managerId, type: 'manager.first-created', detail: { username, via } });
    return { ok: true, managerId };
  });
  return create.immediate();
}

/** Whether a socket address is the server PC itself (IPv4 or IPv6 loopback, or IPv4-mapped loopback). */
export const isLoopbackAddress = (address: string | undefined): boolean =>
  address !== undefined && (address === '::1' || /^(::ffff:)?127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(address));

/**
 * The console's way to the first manager: only while the hall has none, and only from a browser on the
 * server PC (a loopback socket address: whoever reaches the hall Wi-Fi first must not take the hall).
 */
export class FirstStart {
  constructor(
    private readonly store: AdminStore,
    private readonly clock: Clock,
  ) {}

  /** Whether the hall still waits for its first manager. */
  needsFirstManager(): boolean {
    return this.store.countManagers() === 0;
  }

  /** Create the first manager for a request from `address`; refused (FORBIDDEN) from any other machine. */
  create(
    address: string | undefined,
    account: { readonly username: string; readonly displayName?: string; readonly password: string },
  ): Promise<FirstManagerResult | { readonly ok: false; readonly code: 'NOT_SERVER_PC' }> {
    if (!isLoopbackAddress(address)) return Promise.resolve({ ok: false, code: 'NOT_SERVER_PC' });
    return createFirstManager(this.store, this.clock, account, 'console-loopback');
  }
}
