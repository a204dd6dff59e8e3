// Local wall-clock times of a business day as instants (the simulator opens counters at local hours).

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/** How far the zone's wall clock is ahead of UTC at an instant, in ms. */
export function zoneOffsetMs(at: number, timeZone: string): number {
  const parts = formatter(timeZone).formatToParts(new Date(at));
  const part = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
    part('second'),
  );
  return wall - Math.floor(at / 1000) * 1000;
}

/** The instant of a local time (`minutes` after local midnight) on a calendar day `YYYY-MM-DD`. */
export function localTimeAt(day: string, minutes: number, timeZone: string): number {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(year, month - 1, date) + minutes * 60_000;
  // Twice: the offset at the first guess may differ from the offset at the answer (a DST edge).
  const first = wall - zoneOffsetMs(wall, timeZone);
  return wall - zoneOffsetMs(first, timeZone);
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
