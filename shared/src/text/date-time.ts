/**
 * Vietnamese date and time formatting for screens and tickets. Pure: the instant and the hall's time zone
 * are arguments, never the machine's clock or zone.
 */

import { localFields } from '../domain/zone-offsets.ts';

// The calendar fields in the hall's zone come from its offset (domain/zone-offsets.ts); the wording is
// ours, because Intl's "vi" weekday names vary between ICU versions ("Chủ Nhật" vs "Chủ nhật") and
// tickets must not change.
// The glossary's form: "Thứ Hai, 07/12/2026" (the day's name capitalised, as in official documents).
const WEEKDAYS_VI = {
  Sun: 'Chủ nhật',
  Mon: 'Thứ Hai',
  Tue: 'Thứ Ba',
  Wed: 'Thứ Tư',
  Thu: 'Thứ Năm',
  Fri: 'Thứ Sáu',
  Sat: 'Thứ Bảy',
} as const;

const WEEKDAYS_EN = {
  Sun: 'Sunday',
  Mon: 'Monday',
  Tue: 'Tuesday',
  Wed: 'Wednesday',
  Thu: 'Thursday',
  Fri: 'Friday',
  Sat: 'Saturday',
} as const satisfies Record<keyof typeof WEEKDAYS_VI, string>;

type WeekdayKey = keyof typeof WEEKDAYS_VI;

interface ZonedFields {
  readonly weekday: WeekdayKey;
  readonly day: string;
  readonly month: string;
  readonly year: string;
  readonly hour: string;
  readonly minute: string;
}

const WEEKDAY_KEYS: readonly WeekdayKey[] = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const twoDigits = (value: number): string => String(value).padStart(2, '0');

function zonedFields(epochMs: number, timeZone: string): ZonedFields {
  if (!Number.isFinite(epochMs)) throw new RangeError(`Not an instant: ${epochMs}`);
  const local = localFields(epochMs, timeZone);
  return {
    weekday: WEEKDAY_KEYS[local.weekday]!,
    day: twoDigits(local.day),
    month: twoDigits(local.month),
    year: String(local.year),
    hour: twoDigits(local.hour),
    minute: twoDigits(local.minute),
  };
}

/**
 * The date in the hall's zone, weekday first: `formatDateVi(t, 'Asia/Ho_Chi_Minh')` →
 * `"Chủ nhật, 29/11/2026"`.
 *
 * @param epochMs the instant, in milliseconds since the Unix epoch
 * @param timeZone an IANA zone name, e.g. `Asia/Ho_Chi_Minh`
 * @throws RangeError for an unknown time zone or a non-finite instant
 */
export function formatDateVi(epochMs: number, timeZone: string): string {
  const { weekday, day, month, year } = zonedFields(epochMs, timeZone);
  return `${WEEKDAYS_VI[weekday]}, ${day}/${month}/${year}`;
}

/**
 * The date in the hall's zone in a screen's language: Vietnamese as {@link formatDateVi}, English
 * `"Monday, 02/03/2026"` — day first in both (never mm/dd/yyyy).
 */
export function formatDate(epochMs: number, timeZone: string, locale: 'vi' | 'en'): string {
  if (locale === 'vi') return formatDateVi(epochMs, timeZone);
  const { weekday, day, month, year } = zonedFields(epochMs, timeZone);
  return `${WEEKDAYS_EN[weekday]}, ${day}/${month}/${year}`;
}

/**
 * The 24-hour clock time in the hall's zone: `"07:45"`.
 *
 * @param epochMs the instant, in milliseconds since the Unix epoch
 * @param timeZone an IANA zone name, e.g. `Asia/Ho_Chi_Minh`
 * @throws RangeError for an unknown time zone or a non-finite instant
 */
export function formatTimeVi(epochMs: number, timeZone: string): string {
  const { hour, minute } = zonedFields(epochMs, timeZone);
  return `${hour}:${minute}`;
}

/**
 * Date and time in the hall's zone as digits, day first: `"29/11/2026 07:45"` (a printed ticket's
 * issue time).
 *
 * @throws RangeError for an unknown time zone or a non-finite instant
 */
export function formatDateTimeVi(epochMs: number, timeZone: string): string {
  const { day, month, year, hour, minute } = zonedFields(epochMs, timeZone);
  return `${day}/${month}/${year} ${hour}:${minute}`;
}
