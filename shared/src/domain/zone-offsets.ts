// A zone's local wall clock, from its offset to UTC. The offset comes from ICU through Intl, or from a
// table of the zone's offsets computed ahead of time (by Intl, in another process) and handed in with
// `useZoneTransitions`. Both give the same answers (zone-offsets.test.ts compares them around every
// transition of zones with daylight saving, half-hour and 45-minute offsets). Why a table at all: the
// first Intl.DateTimeFormat a process builds makes V8 list every locale ICU has, which makes 4–5 MB of
// ICU's data resident: 5–7 MB of the hall server's RSS (docs/BENCHMARKS.md, "Memory: ICU"). The hall
// server, which asks the business day on every command, builds none while its zone has a table.

/**
 * A zone's offsets to UTC over [fromMs, toMs): `offsetsMs[i]` holds from `startsMs[i]` until the next
 * start. `startsMs[0]` is `fromMs`.
 */
export interface ZoneTransitions {
  readonly timeZone: string;
  readonly fromMs: number;
  readonly toMs: number;
  readonly startsMs: readonly number[];
  readonly offsetsMs: readonly number[];
}

/** Local calendar and clock fields of an instant (month 1–12, weekday 0 = Sunday, hour 0–23). */
export interface LocalFields {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly weekday: number;
  readonly hour: number;
  readonly minute: number;
}

const tables = new Map<string, ZoneTransitions>();
// Intl formatters are costly to build and pure to use: one per zone.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
      era: 'short',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The zone's offset at an instant as ICU gives it (whole seconds: ICU's local time has no finer part). */
function intlOffsetMs(epochMs: number, timeZone: string): number {
  const second = Math.floor(epochMs / 1000) * 1000;
  let year = 0;
  let month = 0;
  let day = 0;
  let hour = 0;
  let minute = 0;
  let secondOfMinute = 0;
  let isBeforeChrist = false;
  for (const part of formatterFor(timeZone).formatToParts(second)) {
    if (part.type === 'year') year = Number(part.value);
    else if (part.type === 'month') month = Number(part.value);
    else if (part.type === 'day') day = Number(part.value);
    else if (part.type === 'hour') hour = Number(part.value);
    else if (part.type === 'minute') minute = Number(part.value);
    else if (part.type === 'second') secondOfMinute = Number(part.value);
    else if (part.type === 'era') isBeforeChrist = part.value === 'BC';
  }
  const wall = new Date(0);
  wall.setUTCFullYear(isBeforeChrist ? 1 - year : year, month - 1, day);
  wall.setUTCHours(hour, minute, secondOfMinute, 0);
  return wall.getTime() - second;
}

/** The offset in a table that covers the instant (binary search over its starts). */
function tableOffsetMs(table: ZoneTransitions, epochMs: number): number {
  let low = 0;
  let high = table.startsMs.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (table.startsMs[middle]! <= epochMs) low = middle;
    else high = middle - 1;
  }
  return table.offsetsMs[low]!;
}

/** The zone's offset to UTC at an instant, in ms (local = UTC + offset). */
export function zoneOffsetMs(epochMs: number, timeZone: string): number {
  const table = tables.get(timeZone);
  if (table !== undefined && epochMs >= table.fromMs && epochMs < table.toMs) {
    return tableOffsetMs(table, epochMs);
  }
  return intlOffsetMs(epochMs, timeZone);
}

/** An instant's local date and time in a zone. */
export function localFields(epochMs: number, timeZone: string): LocalFields {
  const local = new Date(epochMs + zoneOffsetMs(epochMs, timeZone));
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    weekday: local.getUTCDay(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
  };
}

/** A reader of local hours (0–23) of instants, the zone's offset looked up once per quarter hour. */
export function localHourReader(timeZone: string): (at: number) => number {
  const offsets = new Map<number, number>();
  return (at) => {
    const bucket = Math.floor(at / 900_000);
    let offset = offsets.get(bucket);
    if (offset === undefined) {
      offset = zoneOffsetMs(bucket * 900_000, timeZone);
      offsets.set(bucket, offset);
    }
    return new Date(at + offset).getUTCHours();
  };
}

/**
 * The zone's offsets over [fromMs, toMs), asked of ICU: a day at a time, and where two days differ, the
 * second the offset changed. Every zone in ICU's database changes its offset at most once in any 24 hours.
 */
export function computeZoneTransitions(timeZone: string, fromMs: number, toMs: number): ZoneTransitions {
  const dayMs = 86_400_000;
  const startsMs = [fromMs];
  const offsetsMs = [intlOffsetMs(fromMs, timeZone)];
  let before = fromMs;
  let offsetBefore = offsetsMs[0]!;
  while (before < toMs) {
    const next = Math.min(before + dayMs, toMs);
    const offsetNext = intlOffsetMs(next, timeZone);
    if (offsetNext !== offsetBefore) {
      // The first second with the new offset lies in (before, next]: halve the span down to one second.
      let low = before;
      let high = next;
      while (high - low > 1000) {
        const middle = low + Math.floor((high - low) / 2000) * 1000;
        if (intlOffsetMs(middle, timeZone) === offsetBefore) low = middle;
        else high = middle;
      }
      const changeAt = Math.floor(high / 1000) * 1000;
      startsMs.push(changeAt);
      offsetsMs.push(intlOffsetMs(changeAt, timeZone));
    }
    before = next;
    offsetBefore = offsetNext;
  }
  return { timeZone, fromMs, toMs, startsMs, offsetsMs };
}

/** Answer a zone's offsets from this table while an instant lies within it (Intl for any other). */
export function useZoneTransitions(table: ZoneTransitions): void {
  tables.set(table.timeZone, table);
}

/**
 * Whether a zone exists: one with a table does (its table was computed by ICU); any other is asked of
 * Intl. So a configuration saved with the hall's own zone builds no Intl object in the server.
 */
export function isKnownTimeZone(timeZone: string): boolean {
  if (tables.has(timeZone)) return true;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The table that answers for a zone, if one was handed in. */
export function zoneTransitionsOf(timeZone: string): ZoneTransitions | undefined {
  return tables.get(timeZone);
}

/** Forget a zone's table (tests). */
export function forgetZoneTransitions(timeZone: string): void {
  tables.delete(timeZone);
}
