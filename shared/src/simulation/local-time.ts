// Local wall-clock times of a business day as instants (the simulator opens counters at local hours).

import { zoneOffsetMs } from '../domain/zone-offsets.ts';

/** The instant of a local time (`minutes` after local midnight) on a calendar day `YYYY-MM-DD`. */
export function localTimeAt(day: string, minutes: number, timeZone: string): number {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(year, month - 1, date) + minutes * 60_000;
  // Twice: the offset at the first guess may differ from the offset at the answer (a DST edge).
  const first = wall - zoneOffsetMs(wall, timeZone);
  return wall - zoneOffsetMs(first, timeZone);
}
