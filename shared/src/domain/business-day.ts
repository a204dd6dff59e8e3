import type { OpeningWindow } from './config.ts';
import { localFields } from './zone-offsets.ts';

/**
 * The business day (`YYYY-MM-DD`) that an instant belongs to in the hall's zone. The day starts at
 * `rolloverHour` local time, so with rolloverHour 3 the night owl at 02:00 still belongs to yesterday.
 * Vietnam has no daylight saving; for zones that do, the shift is by wall-clock hours of the instant.
 */
export function businessDayOf(epochMs: number, timeZone: string, rolloverHour: number): string {
  // Every command asks (has the day turned over?), and asking ICU for a date in a zone costs ≈ 15 µs. A
  // zone's offset is a whole number of seconds, so the local date cannot change inside one second: the
  // last answer per zone and rollover hour is kept for the second it was given in.
  const shifted = epochMs - rolloverHour * 3_600_000;
  const second = Math.floor(shifted / 1000);
  const key = `${timeZone}|${rolloverHour}`;
  const last = lastBusinessDay.get(key);
  if (last !== undefined && last.second === second) return last.day;
  const local = localFields(shifted, timeZone);
  const day = `${String(local.year).padStart(4, '0')}-${twoDigits(local.month)}-${twoDigits(local.day)}`;
  lastBusinessDay.set(key, { second, day });
  return day;
}

/** The last business day computed per zone and rollover hour, with the second it was computed for. */
const lastBusinessDay = new Map<string, { readonly second: number; readonly day: string }>();

const twoDigits = (value: number): string => String(value).padStart(2, '0');

/** Local weekday (0 = Sunday) and `HH:mm` of an instant in a zone. */
export function localClock(epochMs: number, timeZone: string): { weekday: number; time: string } {
  const local = localFields(epochMs, timeZone);
  return { weekday: local.weekday, time: `${twoDigits(local.hour)}:${twoDigits(local.minute)}` };
}

/**
 * Whether a service takes tickets at an instant: inside the hall's opening hours (if it has any) and
 * inside the service's own (if it has any).
 */
export function isServiceOpen(
  hall: { readonly timeZone: string; readonly openingHours?: readonly OpeningWindow[] },
  service: { readonly openingHours: readonly OpeningWindow[] },
  epochMs: number,
): boolean {
  return (
    isWithinOpeningHours(hall.openingHours ?? [], epochMs, hall.timeZone) &&
    isWithinOpeningHours(service.openingHours, epochMs, hall.timeZone)
  );
}

/** Whether an instant falls in any of the windows; no windows means always open. */
export function isWithinOpeningHours(
  windows: readonly OpeningWindow[],
  epochMs: number,
  timeZone: string,
): boolean {
  if (windows.length === 0) return true;
  const { weekday, time } = localClock(epochMs, timeZone);
  return windows.some(
    (window) => window.weekdays.includes(weekday) && time >= window.from && time < window.to,
  );
}
