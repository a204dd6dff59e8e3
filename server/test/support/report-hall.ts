// A hall for the report tests: the real HallService on an in-memory SQLite database, a clock the test
// moves, and a manager who sends every command.
import type { Database } from 'better-sqlite3';
import type { Identity } from '@luot/shared/contracts';
import type { HallConfig, ServiceId } from '@luot/shared/domain';
import { asDeviceId } from '@luot/shared/domain';
import { demoHallConfig } from '../../src/app/demo-hall.ts';
import { HallService } from '../../src/app/hall-service.ts';
import { AdminStore } from '../../src/db/admin-store.ts';
import { HallStore } from '../../src/db/hall-store.ts';
import { openDatabase } from '../../src/db/open.ts';
import { silentLogger } from '../../src/log.ts';

export const TEST_MANAGER: Identity = {
  role: 'manager',
  deviceId: asDeviceId('mgr_test'),
  deviceName: 'test manager',
  counterId: null,
  clerkId: null,
};

/**
 * The demo hall with its first counters serving `serviceIds[index]`; the counters after them keep the
 * demo's services, or are made inactive when `othersInactive`.
 */
export function demoHallServing(
  serviceIds: readonly (readonly ServiceId[])[],
  othersInactive = false,
): HallConfig {
  const demo = demoHallConfig();
  return {
    ...demo,
    counters: demo.counters.map((counter, index) => {
      const served = serviceIds[index];
      if (served) return { ...counter, serviceIds: [...served] };
      return othersInactive ? { ...counter, isActive: false } : counter;
    }),
  };
}

export interface ReportHall {
  readonly db: Database;
  readonly service: HallService;
  readonly adminStore: AdminStore;
}

/** `config` served on a fresh in-memory database, its clock read from `now`. */
export function reportHall(config: HallConfig, now: () => number): ReportHall {
  const { db } = openDatabase(':memory:');
  const service = new HallService({ store: new HallStore(db), config, clock: { now }, logger: silentLogger });
  return { db, service, adminStore: new AdminStore(db) };
}
