/**
 * Date and time as Vietnamese readers expect on a ticket: "dd/MM/yyyy HH:mm" in the hall's time zone,
 * whatever the kiosk's own clock zone is. Built from parts because locale output (order, separators,
 * "lúc") varies between ICU versions and a ticket must not change with a runtime update.
 */
export function formatIssuedAt(epochMs: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(epochMs));
  const part = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((candidate) => candidate.type === type)?.value ?? '';
  return `${part('day')}/${part('month')}/${part('year')} ${part('hour')}:${part('minute')}`;
}

/**
 * A wait range in minutes, "10–20" (en dash, as Vietnamese typography writes ranges) or a single
 * figure when both ends agree.
 */
export function formatMinuteRange(range: { min: number; max: number }): string {
  return range.min === range.max ? `${range.min}` : `${range.min}–${range.max}`;
}
