import { describe, expect, it } from 'vitest';
import type { ReportRow } from '@luot/shared/contracts';
import { noShowRate, rankHalls } from '../src/ReportsScreen.tsx';
import { formatDay, formatMinutes, formatPercent } from '../src/text.ts';

const row = (
  key: string,
  figures: { satisfied: number | null; p90: number | null; noShow: number; called: number },
): ReportRow => ({
  key,
  label: { vi: key, en: key },
  issued: figures.called,
  served: figures.called - figures.noShow,
  noShow: figures.noShow,
  transferred: 0,
  cancelled: 0,
  expired: 0,
  open: 0,
  wait: { count: figures.called, averageMs: null, medianMs: null, p90Ms: figures.p90 },
  service: { count: 0, averageMs: null, medianMs: null, p90Ms: null },
  withinTarget: 0,
  withinTargetPercent: null,
  satisfaction: { total: 10, byLevel: {}, satisfied: 0, percentSatisfied: figures.satisfied },
});

describe('ranking halls', () => {
  const rows = [
    row('a', { satisfied: 70, p90: 900_000, noShow: 2, called: 40 }),
    row('b', { satisfied: 95, p90: 1_500_000, noShow: 1, called: 50 }),
    row('c', { satisfied: null, p90: null, noShow: 0, called: 0 }),
  ];
  it('puts the best first, by a measure where more is better or where less is', () => {
    expect(rankHalls(rows, 'satisfaction').map((r) => r.key)).toEqual(['b', 'a', 'c']);
    expect(rankHalls(rows, 'waitP90').map((r) => r.key)).toEqual(['a', 'b', 'c']);
    expect(rankHalls(rows, 'noShowRate').map((r) => r.key)).toEqual(['b', 'a', 'c']);
  });
  it('counts no-shows among the tickets that were called', () => {
    expect(noShowRate(rows[0]!)).toBe(5);
    expect(noShowRate(rows[2]!)).toBeNull();
  });
  it('writes figures the Vietnamese way', () => {
    expect(formatDay('2026-12-07')).toBe('07/12/2026');
    expect(formatMinutes('vi', 750_000)).toBe('12,5 phút');
    expect(formatPercent('vi', 87.46)).toBe('87,5 %');
    expect(formatMinutes('en', null)).toBe('—');
  });
});
