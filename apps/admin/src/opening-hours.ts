import type { OpeningWindow } from '@luot/shared/domain';

/**
 * Opening hours as one line a manager can type: windows separated by `;`, each `days from-to` where
 * days are 0–6 (0 = Sunday) as a list or ranges: `1-5 07:30-11:30; 1-5 13:30-17:00; 6 07:30-11:30`.
 */
export function formatOpeningHours(windows: readonly OpeningWindow[]): string {
  return windows.map((window) => `${formatDays(window.weekdays)} ${window.from}-${window.to}`).join('; ');
}

function formatDays(days: readonly number[]): string {
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let index = 0; index < sorted.length;) {
    let end = index;
    while (end + 1 < sorted.length && sorted[end + 1] === sorted[end]! + 1) end += 1;
    parts.push(end > index ? `${sorted[index]}-${sorted[end]}` : String(sorted[index]));
    index = end + 1;
  }
  return parts.join(',');
}

/** Parse the typed line; null when it cannot be read. An empty line means "whenever the hall is open". */
export function parseOpeningHours(text: string): OpeningWindow[] | null {
  const windows: OpeningWindow[] = [];
  for (const part of text
    .split(';')
    .map((piece) => piece.trim())
    .filter(Boolean)) {
    const match =
      /^([0-6](?:-[0-6])?(?:,[0-6](?:-[0-6])?)*)\s+([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-3]):([0-5]\d)$/.exec(
        part,
      );
    if (!match) return null;
    const weekdays: number[] = [];
    for (const range of match[1]!.split(',')) {
      const [from, to] = range.split('-').map(Number);
      for (let day = from!; day <= (to ?? from!); day += 1) weekdays.push(day);
    }
    windows.push({ weekdays, from: `${match[2]}:${match[3]}`, to: `${match[4]}:${match[5]}` });
  }
  return windows;
}
