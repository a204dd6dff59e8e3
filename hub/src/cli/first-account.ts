import type { HubAccounts } from '../app/accounts.ts';

/** The province's first account, whose password the console makes its owner change at once. */
export const FIRST_ACCOUNT = { username: 'admin', password: 'admin' } as const;

/** Create the first account when the hub has none. */
export async function ensureFirstAccount(accounts: HubAccounts): Promise<boolean> {
  if ((await accounts.count()) > 0) return false;
  try {
    await accounts.create(FIRST_ACCOUNT.username, 'Cán bộ quản lý tỉnh', FIRST_ACCOUNT.password, true);
    return true;
  } catch {
    // Another hub process created it at the same moment.
    return false;
  }
}
