import type { DeviceKind } from '@luot/shared/contracts';
import type { HallConfig } from '@luot/shared/domain';

/**
 * The hall's configuration as one role may see it: each device gets only what its screens need.
 *
 * - manager: everything (the console edits it).
 * - counter, feedback: every clerk's id, name and title (the terminal's header and the tablet show the
 *   clerk signed in at the counter, and any clerk may sign in at any counter), never a username: a clerk
 *   types their own username to sign in, so the terminal needs no list of them.
 * - kiosk, display: no clerks at all (a ticket and a call name counters, not people).
 *
 * Everything else in the configuration (services, counters, policy, announcement…) is what kiosks and
 * displays show, and holds no credential. The queue state is the same for every device: each folds the
 * same events, and it names clerks only by id.
 */
export function configForRole(config: HallConfig, role: DeviceKind | 'manager'): HallConfig {
  switch (role) {
    case 'manager':
      return config;
    case 'counter':
    case 'feedback':
      return { ...config, clerks: config.clerks.map((clerk) => ({ ...clerk, username: '' })) };
    case 'kiosk':
    case 'display':
      return { ...config, clerks: [] };
  }
}
