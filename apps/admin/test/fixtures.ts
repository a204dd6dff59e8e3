import { afterEach, beforeEach, vi } from 'vitest';
import { cleanup } from '@testing-library/react';
import type { CounterConfig, HallConfig } from '@luot/shared/domain';
import {
  DEFAULT_ANNOUNCEMENT,
  DEFAULT_POLICY,
  DEFAULT_SATISFACTION_LEVELS,
  DEFAULT_TERMINALS,
  asCounterId,
  asFieldId,
  asServiceId,
} from '@luot/shared/domain';

/** A small hall for the console's unit tests. */
export function demoHallConfigForTest(): HallConfig {
  return {
    hall: {
      name: 'Sảnh thử',
      address: '',
      phone: '',
      timeZone: 'Asia/Ho_Chi_Minh',
      rolloverHour: 0,
      noticeLine: '',
    },
    fields: [{ id: asFieldId('dat-dai'), name: { vi: 'Đất đai', en: 'Land' }, kioskOrder: 1 }],
    services: [
      {
        id: asServiceId('dat-dai'),
        fieldId: asFieldId('dat-dai'),
        name: { vi: 'Đất đai', en: 'Land' },
        prefix: 'A',
        firstNumber: 1,
        dailyQuota: null,
        openingHours: [{ weekdays: [1, 2, 3, 4, 5], from: '07:30', to: '11:30' }],
        expectedServiceMinutes: 15,
        procedures: [],
        isActive: true,
        kioskOrder: 1,
      },
    ],
    counters: [],
    clerks: [],
    priorityGroups: [],
    policy: DEFAULT_POLICY,
    satisfaction: { levels: DEFAULT_SATISFACTION_LEVELS, lowRatingReasons: [] },
    announcement: DEFAULT_ANNOUNCEMENT,
    terminals: DEFAULT_TERMINALS,
  };
}

/** The test hall's services plus a second one, Hộ tịch (prefix B), like the first in everything else. */
export function withCivilStatusService(config: HallConfig): HallConfig {
  const land = config.services[0]!;
  const civil = {
    ...land,
    id: asServiceId('ho-tich'),
    name: { vi: 'Hộ tịch', en: 'Civil status' },
    prefix: 'B',
  };
  return { ...config, services: [land, civil] };
}

/** Counter `q<number>`, named "Quầy <number>", serving these services in this order. */
export function testCounter(number: number, serviceIds: readonly string[], isActive = true): CounterConfig {
  return {
    id: asCounterId(`q${number}`),
    number,
    name: { vi: `Quầy ${number}`, en: `Counter ${number}` },
    serviceIds: serviceIds.map(asServiceId),
    isActive,
  };
}

/**
 * For tests that render the configuration screen: its hall editor asks for the logo with the browser's
 * own fetch, answered here as a hall without one (204) rather than sent to happy-dom's localhost:3000;
 * each test ends unmounted and unstubbed.
 */
export function answerLogoRequestsAndCleanUp(): void {
  beforeEach(() => vi.stubGlobal('fetch', () => Promise.resolve(new Response(null, { status: 204 }))));
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });
}
