import { describe, expect, it } from 'vitest';
import { reconnectDelayMs } from '../src/connection.ts';

describe('reconnectDelayMs (our reconnection after the server dropped or refused us)', () => {
  it('doubles from 0.5 s to a 5 s cap, each wait between half and all of its ceiling', () => {
    const lowest = (attempt: number) => reconnectDelayMs(attempt, () => 0);
    const highest = (attempt: number) => reconnectDelayMs(attempt, () => 0.999_999);
    expect([0, 1, 2, 3, 4, 10, 50].map(highest)).toEqual([500, 1_000, 2_000, 4_000, 5_000, 5_000, 5_000]);
    expect([0, 1, 2, 3, 4, 10].map(lowest)).toEqual([250, 500, 1_000, 2_000, 2_500, 2_500]);
  });

  it('spreads the devices of a hall over the window (jitter), never beyond it', () => {
    const waits = Array.from({ length: 200 }, () => reconnectDelayMs(3));
    expect(Math.min(...waits)).toBeGreaterThanOrEqual(2_000);
    expect(Math.max(...waits)).toBeLessThanOrEqual(4_000);
    expect(new Set(waits).size).toBeGreaterThan(50);
  });
});
