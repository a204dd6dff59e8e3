import { formatDateTimeVi } from '../text/date-time.ts';

/**
 * Date and time as Vietnamese readers expect on a ticket: "dd/MM/yyyy HH:mm" in the hall's time zone,
 * whatever the kiosk's own clock zone is. Built from the zone's fields, not a locale's output (order,
 * separators, "lúc" vary between ICU versions, and a ticket must not change with a runtime update).
 */
export function formatIssuedAt(epochMs: number, timeZone: string): string {
  return formatDateTimeVi(epochMs, timeZone);
}

/**
 * A wait range in minutes, "10–20" (en dash, as Vietnamese typography writes ranges) or a single
 * figure when both ends agree.
 */
export function formatMinuteRange(range: { min: number; max: number }): string {
  return range.min === range.max ? `${range.min}` : `${range.min}–${range.max}`;
}
