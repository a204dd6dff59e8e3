import { describe, expect, it } from 'vitest';
import type { DeviceStatus } from '@luot/shared/contracts';
import { asDeviceId, emptyQueueState } from '@luot/shared/domain';
import { alertsOf } from '../src/monitor-model.ts';
import { demoHallConfigForTest } from './fixtures.ts';

describe('alertsOf', () => {
  it('names a low rating by the level the hall configured, not always "Không hài lòng"', () => {
    const config = {
      ...demoHallConfigForTest(),
      satisfaction: {
        levels: [
          { value: 3, label: { vi: 'Hài lòng', en: 'Satisfied' }, isSatisfied: true },
          { value: 2, label: { vi: 'Chấp nhận được', en: 'Acceptable' }, isSatisfied: false },
          { value: 1, label: { vi: 'Chưa hài lòng', en: 'Not satisfied' }, isSatisfied: false },
        ],
        lowRatingReasons: [],
      },
    };
    const alerts = alertsOf({
      state: emptyQueueState('2026-03-02'),
      config,
      devices: [],
      lowRatings: [{ at: 1, ticketId: 7, counterId: 'q1', rating: 1 }],
      now: 2,
      thresholdMs: 60_000,
    });
    expect(alerts).toEqual([
      expect.objectContaining({ kind: 'low-rating', level: { vi: 'Chưa hài lòng', en: 'Not satisfied' } }),
    ]);
  });

  it('warns of an offline device or a printer problem, but not of a revoked device', () => {
    const device = (name: string, revokedAt: number | null): DeviceStatus => ({
      deviceId: asDeviceId(`dev_${name}`),
      kind: 'kiosk',
      name,
      counterId: null,
      isOnline: false,
      lastSeenAt: 1,
      revokedAt,
      printer: { state: 'paper_out', detail: null, at: 1 },
    });
    const alerts = alertsOf({
      state: emptyQueueState('2026-03-02'),
      config: demoHallConfigForTest(),
      devices: [device('Kiosk sảnh', null), device('Kiosk cũ', 5)],
      lowRatings: [],
      now: 10,
      thresholdMs: 60_000,
    });
    expect(alerts.map((alert) => alert.key).sort()).toEqual([
      'offline-dev_Kiosk sảnh',
      'printer-dev_Kiosk sảnh',
    ]);
  });
});
