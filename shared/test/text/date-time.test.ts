import { describe, expect, it } from 'vitest';
import { formatDate, formatDateVi, formatTimeVi } from '../../src/text/index.ts';

const HALL_ZONE = 'Asia/Ho_Chi_Minh'; // UTC+7, no daylight saving

describe('formatDateVi / formatTimeVi in Asia/Ho_Chi_Minh', () => {
  it.each([
    // [instant (UTC), hall date, hall time]
    ['2026-11-28T16:59:00Z', 'Thứ Bảy, 28/11/2026', '23:59'],
    ['2026-11-28T17:00:00Z', 'Chủ nhật, 29/11/2026', '00:00'], // hall midnight, still 28/11 in UTC
    ['2026-11-28T23:59:00Z', 'Chủ nhật, 29/11/2026', '06:59'], // just before UTC midnight
    ['2026-11-29T00:00:00Z', 'Chủ nhật, 29/11/2026', '07:00'], // UTC midnight: the hall's day goes on
    ['2026-11-29T00:45:00Z', 'Chủ nhật, 29/11/2026', '07:45'],
    ['2026-12-31T17:05:00Z', 'Thứ Sáu, 01/01/2027', '00:05'], // new year in the hall first
  ])('%s → %s %s', (iso, date, time) => {
    const epochMs = Date.parse(iso);
    expect(formatDateVi(epochMs, HALL_ZONE)).toBe(date);
    expect(formatTimeVi(epochMs, HALL_ZONE)).toBe(time);
  });

  it('names every weekday', () => {
    const monday = Date.parse('2026-11-23T03:00:00Z');
    const days = Array.from({ length: 7 }, (_, day) => formatDateVi(monday + day * 86_400_000, HALL_ZONE));
    expect(days).toEqual([
      'Thứ Hai, 23/11/2026',
      'Thứ Ba, 24/11/2026',
      'Thứ Tư, 25/11/2026',
      'Thứ Năm, 26/11/2026',
      'Thứ Sáu, 27/11/2026',
      'Thứ Bảy, 28/11/2026',
      'Chủ nhật, 29/11/2026',
    ]);
  });

  it('uses the zone it is given, not the machine’s', () => {
    const epochMs = Date.parse('2026-11-28T17:30:00Z');
    expect(formatDateVi(epochMs, 'UTC')).toBe('Thứ Bảy, 28/11/2026');
    expect(formatTimeVi(epochMs, 'UTC')).toBe('17:30');
    expect(formatDateVi(epochMs, HALL_ZONE)).toBe('Chủ nhật, 29/11/2026');
  });

  it('writes the date in English on an English screen, day first', () => {
    const epochMs = Date.parse('2026-03-02T11:00:00Z');
    expect(formatDate(epochMs, HALL_ZONE, 'en')).toBe('Monday, 02/03/2026');
    expect(formatDate(epochMs, HALL_ZONE, 'vi')).toBe('Thứ Hai, 02/03/2026');
  });

  it('rejects an unknown zone or an invalid instant', () => {
    expect(() => formatDateVi(0, 'Asia/Nowhere')).toThrow(RangeError);
    expect(() => formatTimeVi(Number.NaN, HALL_ZONE)).toThrow(RangeError);
  });
});
