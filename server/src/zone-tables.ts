import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ZoneTransitions } from '@luot/shared/domain';
import { isKnownTimeZone, useZoneTransitions } from '@luot/shared/domain';
import { zoneTransitionsCommand } from './worker-files.ts';

// The hall's time zone as a table of its offsets, computed by a child process at the server's start.
// Every command asks the business day in the hall's zone; through Intl, the first DateTimeFormat makes V8
// list every locale ICU has: 5–7 MB of the server's RSS for one zone's offsets (docs/BENCHMARKS.md,
// "Memory: ICU"). The table answers the same (shared/src/domain/zone-offsets.ts, its tests); an instant
// outside it, or a zone changed after the start, is answered through Intl as before.
// The child's entry, compiled or from the sources, is named by worker-files.ts.

const DAY_MS = 86_400_000;
/** Back a little over a year (a business day asked of a recent instant), ahead ten years. */
const SPAN_BEFORE_MS = 400 * DAY_MS;
const SPAN_AFTER_MS = 3_653 * DAY_MS;

/** What the child said of a zone. */
export type ZoneLookup =
  | { readonly kind: 'table'; readonly table: ZoneTransitions }
  | { readonly kind: 'unknown-zone' }
  | { readonly kind: 'failed'; readonly reason: string };

const isWholeNumberList = (value: unknown): value is number[] =>
  Array.isArray(value) && value.every((item) => Number.isSafeInteger(item));

/**
 * A table as the child prints it or the data folder keeps it, checked: one offset per start, starts
 * rising from `fromMs`.
 */
function checkedZoneTable(
  value: unknown,
  timeZone: string,
  fromMs: number,
  toMs: number,
): ZoneTransitions | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const table = value as Record<string, unknown>;
  const { startsMs, offsetsMs } = table;
  if (table.timeZone !== timeZone || table.fromMs !== fromMs || table.toMs !== toMs) return undefined;
  if (!isWholeNumberList(startsMs) || !isWholeNumberList(offsetsMs)) return undefined;
  if (startsMs.length === 0 || startsMs.length !== offsetsMs.length || startsMs[0] !== fromMs)
    return undefined;
  for (let index = 1; index < startsMs.length; index += 1)
    if (startsMs[index]! <= startsMs[index - 1]! || startsMs[index]! >= toMs) return undefined;
  return { timeZone, fromMs, toMs, startsMs, offsetsMs };
}

/** The child's output, checked as above; output that is not JSON is no table either. */
export function parseZoneTable(
  text: string,
  timeZone: string,
  fromMs: number,
  toMs: number,
): ZoneTransitions | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  return checkedZoneTable(value, timeZone, fromMs, toMs);
}

/** Ask a child process for the zone's offsets from a year before `nowMs` to ten years after. */
export function lookUpZone(timeZone: string, nowMs: number): ZoneLookup {
  const fromMs = Math.floor(nowMs / 1000) * 1000 - SPAN_BEFORE_MS;
  const toMs = fromMs + SPAN_BEFORE_MS + SPAN_AFTER_MS;
  let output: string;
  try {
    output = execFileSync(
      process.execPath,
      [...zoneTransitionsCommand(), timeZone, String(fromMs), String(toMs)],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 30_000, windowsHide: true },
    );
  } catch (error) {
    const status = (error as { status?: number | null }).status;
    if (status === 2) return { kind: 'unknown-zone' };
    return { kind: 'failed', reason: error instanceof Error ? error.message.split('\n')[0]! : String(error) };
  }
  const table = parseZoneTable(output, timeZone, fromMs, toMs);
  return table ? { kind: 'table', table } : { kind: 'failed', reason: 'the table it printed is malformed' };
}

/** The tables kept in the data folder, so that a restart needs no child process (≈ 0.15 s of a 0.5 s start). */
export const ZONE_TABLE_FILE = 'time-zones.json';

interface KeptTables {
  /** The IANA time zone database of the Node that computed them (`process.versions.tz`). */
  readonly tzVersion: string;
  readonly tables: Record<string, unknown>;
}

function readKeptTables(dataDir: string): KeptTables {
  const empty: KeptTables = { tzVersion: process.versions.tz ?? '', tables: {} };
  const file = path.join(dataDir, ZONE_TABLE_FILE);
  if (!existsSync(file)) return empty;
  try {
    const kept = JSON.parse(readFileSync(file, 'utf8')) as Partial<KeptTables>;
    if (kept.tzVersion !== empty.tzVersion || typeof kept.tables !== 'object' || kept.tables === null)
      return empty;
    return { tzVersion: empty.tzVersion, tables: kept.tables };
  } catch {
    return empty; // unreadable: computed again and written over
  }
}

/** A kept table of the zone that covers a year from `nowMs` on, computed by this Node's time zone data. */
function keptTable(dataDir: string, timeZone: string, nowMs: number): ZoneTransitions | undefined {
  const kept = readKeptTables(dataDir).tables[timeZone];
  if (typeof kept !== 'object' || kept === null) return undefined;
  const { fromMs, toMs } = kept as { fromMs?: unknown; toMs?: unknown };
  if (typeof fromMs !== 'number' || typeof toMs !== 'number') return undefined;
  if (nowMs < fromMs || nowMs + 366 * DAY_MS > toMs) return undefined;
  return checkedZoneTable(kept, timeZone, fromMs, toMs);
}

function keepTable(dataDir: string, table: ZoneTransitions): void {
  const kept = readKeptTables(dataDir);
  const file = path.join(dataDir, ZONE_TABLE_FILE);
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(
    `${file}.tmp`,
    JSON.stringify({ ...kept, tables: { ...kept.tables, [table.timeZone]: table } }),
  );
  renameSync(`${file}.tmp`, file);
}

/**
 * Whether the zone exists, its table now answering this process's questions when it does: the one kept
 * in the data folder if it was computed by this Node's time zone data and still covers a year ahead, else
 * a new one from the child process, then kept. Should the child fail (it never has), the zone is checked
 * and answered through Intl in this process, with a warning: the server starts either way.
 */
export function preloadZone(
  timeZone: string,
  nowMs: number,
  dataDir: string,
  warn: (line: string) => void,
): boolean {
  const kept = keptTable(dataDir, timeZone, nowMs);
  if (kept !== undefined) {
    useZoneTransitions(kept);
    return true;
  }
  const lookup = lookUpZone(timeZone, nowMs);
  if (lookup.kind === 'table') {
    useZoneTransitions(lookup.table);
    try {
      keepTable(dataDir, lookup.table);
    } catch (error) {
      warn(
        `the time zone table could not be kept in ${dataDir} (${error instanceof Error ? error.message : String(error)})`,
      );
    }
    return true;
  }
  if (lookup.kind === 'unknown-zone') return false;
  warn(`the time zone table of ${timeZone} could not be computed (${lookup.reason}); using Intl`);
  return isKnownTimeZone(timeZone);
}
