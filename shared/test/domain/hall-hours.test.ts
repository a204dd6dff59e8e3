import { describe, expect, it } from 'vitest';
import type { HallConfig } from '@luot/shared/domain';
import { businessDayOf, decide, emptyQueueState, isServiceOpen } from '@luot/shared/domain';
import { KIOSK_ACTOR, SERVICE, T0, hallConfig } from '../fixtures/hall.ts';

// T0 is Monday 2 March 2026, 08:00 in Hà Nội.
const HOUR = 3_600_000;
const withHallHours = (config: HallConfig): HallConfig => ({
  ...config,
  hall: { ...config.hall, openingHours: [{ weekdays: [1, 2, 3, 4, 5], from: '07:30', to: '11:30' }] },
});

function issueAt(config: HallConfig, now: number): string {
  const state = emptyQueueState(businessDayOf(now, config.hall.timeZone, config.hall.rolloverHour));
  const decision = decide(
    state,
    { type: 'issue', serviceId: SERVICE.land, procedureId: null, priorityGroupId: null },
    { now, config, actor: KIOSK_ACTOR },
  );
  return decision.ok ? 'issued' : decision.error.code;
}

describe('hall opening hours', () => {
  const config = withHallHours(hallConfig());

  it('take tickets inside the hall’s hours and refuse them outside, for every service', () => {
    expect(issueAt(config, T0)).toBe('issued');
    expect(issueAt(config, T0 + 4 * HOUR)).toBe('SERVICE_CLOSED'); // 12:00
    expect(issueAt(config, T0 - HOUR)).toBe('SERVICE_CLOSED'); // 07:00
    expect(issueAt(config, T0 + 5 * 24 * HOUR)).toBe('SERVICE_CLOSED'); // Saturday
  });

  it('without hall hours, only the service’s own hours count', () => {
    expect(issueAt(hallConfig(), T0 + 12 * HOUR)).toBe('issued'); // 20:00, no hours anywhere
  });

  it('a service’s own hours apply within the hall’s', () => {
    const service = { openingHours: [{ weekdays: [1], from: '10:00', to: '17:00' }] };
    expect(isServiceOpen(config.hall, service, T0)).toBe(false); // hall open, service not yet
    expect(isServiceOpen(config.hall, service, T0 + 2 * HOUR)).toBe(true); // 10:00
    expect(isServiceOpen(config.hall, service, T0 + 5 * HOUR)).toBe(false); // 13:00: hall closed
  });
});
