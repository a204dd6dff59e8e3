import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Durations, durationStats, nearestRank } from '../../src/reports/index.ts';

describe('durationStats', () => {
  it('gives the nearest-rank median and 90th percentile a full sort gives, by selection', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 5_000_000 }), { minLength: 1, maxLength: 400 }),
        (values) => {
          const sorted = Float64Array.from(values).sort();
          const durations = new Durations();
          for (const value of values) durations.push(value);
          const stats = durationStats(durations);
          expect(stats).toEqual(durationStats(values));
          expect(stats.count).toBe(values.length);
          expect(stats.medianMs).toBe(nearestRank(sorted, 50));
          expect(stats.p90Ms).toBe(nearestRank(sorted, 90));
          expect(stats.averageMs).toBeCloseTo(
            values.reduce((sum, value) => sum + value, 0) / values.length,
            6,
          );
        },
      ),
    );
  });

  it('is empty for no durations, and merges blocks in order', () => {
    expect(durationStats(new Durations())).toEqual({
      count: 0,
      averageMs: null,
      medianMs: null,
      p90Ms: null,
    });
    const durations = new Durations();
    durations.pushAll([3, 1]);
    durations.pushAll(new Uint32Array([2, 5, 4]));
    expect([...durations.values()]).toEqual([3, 1, 2, 5, 4]);
    expect(durationStats(durations)).toMatchObject({ medianMs: 3, p90Ms: 5 });
  });
});
