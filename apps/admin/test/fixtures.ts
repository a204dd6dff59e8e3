import type { HallConfig } from '@luot/shared/domain';
import {
  DEFAULT_ANNOUNCEMENT,
  DEFAULT_POLICY,
  DEFAULT_SATISFACTION_LEVELS,
  DEFAULT_TERMINALS,
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
