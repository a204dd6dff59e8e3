import { passwordProblemText } from '@luot/shared/text';
import { systemClock } from '../app/clock.ts';
import { createFirstManager } from '../app/first-manager.ts';
import type { AdminStore } from '../db/admin-store.ts';
import type { ReadSecret } from './read-secret.ts';

/**
 * `luot init-manager <username> [--name "Họ và tên"]`: the hall's first manager account, created on the
 * server PC (a new hall has none: no `admin`/`admin` for whoever reaches the network first). The password
 * is asked twice, never taken from the command line, and refused when weak. Once the hall has a manager
 * this refuses; a forgotten password is `luot reset-password`.
 */
export async function initManager(
  args: { readonly username: string | undefined; readonly displayName: string | undefined },
  deps: {
    readonly store: AdminStore;
    readonly readSecret: ReadSecret;
    readonly print: (line: string) => void;
  },
): Promise<number> {
  const { store, readSecret, print } = deps;
  if (!args.username) {
    print('usage: pnpm luot init-manager <username> [--name "Họ và tên"]');
    return 2;
  }
  if (store.countManagers() > 0) {
    print(
      'Trung tâm đã có tài khoản cán bộ quản lý. / This hall already has a manager account; a forgotten password: pnpm luot reset-password <username>',
    );
    return 1;
  }
  const password = await readSecret('Mật khẩu mới / New password: ');
  const repeat = await readSecret('Nhập lại mật khẩu mới / Repeat the new password: ');
  if (password !== repeat) {
    print('Hai mật khẩu mới không khớp. / The two passwords differ. Nothing was changed.');
    return 1;
  }
  const result = await createFirstManager(
    store,
    systemClock,
    { username: args.username, password, ...(args.displayName ? { displayName: args.displayName } : {}) },
    'cli',
  );
  if (result.ok) {
    print(
      `Đã tạo tài khoản cán bộ quản lý ${args.username.trim()}. / Manager ${args.username.trim()} created: sign in to the console at /admin/.`,
    );
    return 0;
  }
  switch (result.code) {
    case 'ALREADY_SET':
      print('Trung tâm đã có tài khoản cán bộ quản lý. / This hall already has a manager account.');
      return 1;
    case 'BAD_USERNAME':
      print(
        'Tên đăng nhập: chữ, số, dấu chấm, gạch dưới, gạch ngang (tối đa 64). / A username is letters, digits, . _ - (at most 64).',
      );
      return 2;
    case 'WEAK_PASSWORD':
      print(`${passwordProblemText('vi', result.problem)} / ${passwordProblemText('en', result.problem)}`);
      return 1;
  }
}
