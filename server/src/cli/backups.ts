import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { HallStore } from '../db/hall-store.ts';

/** Backups the CLI writes into `<data>/backups`: `luot-2026-12-06T21-00-00-123Z.sqlite`. */
const BACKUP_NAME = /^luot-(\d{4})-(\d{2})-(\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z\.sqlite$/;

const DAY_MS = 24 * 60 * 60 * 1000;

/** The folder of the hall's own backups. */
export function backupsDir(dataDir: string): string {
  return path.join(dataDir, 'backups');
}

/** The file name of a backup taken at `now`; its time is also how pruning dates it. */
export function backupFileName(now: Date): string {
  return `luot-${now.toISOString().replace(/[:.]/g, '-')}.sqlite`;
}

/** When a backup file was taken, from its name (so a copied folder keeps its dates), or null. */
export function backupTakenAt(fileName: string): number | null {
  const match = BACKUP_NAME.exec(fileName);
  if (!match) return null;
  const [, year, month, day, hour, minute, second, ms] = match.map(Number);
  return Date.UTC(year!, month! - 1, day, hour, minute, second, ms);
}

/**
 * Delete the backups in `dir` taken more than `keepDays` days before `now`. Only files named as the CLI
 * names them are touched (never a copy someone put there by hand), and the newest backup is always kept,
 * however old: when backups stopped working for weeks, the last good one is what a restore needs.
 * Returns the deleted files' names, oldest first.
 */
export function pruneBackups(dir: string, keepDays: number, now: number): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const backups = names
    .map((name) => ({ name, takenAt: backupTakenAt(name) }))
    .filter((entry): entry is { name: string; takenAt: number } => entry.takenAt !== null)
    .filter((entry) => statSync(path.join(dir, entry.name)).isFile())
    .sort((a, b) => a.takenAt - b.takenAt);
  const newest = backups.at(-1);
  const cutoff = now - keepDays * DAY_MS;
  const expired = backups.filter((entry) => entry !== newest && entry.takenAt < cutoff);
  for (const entry of expired) rmSync(path.join(dir, entry.name), { force: true });
  return expired.map((entry) => entry.name);
}

/** Parse `--keep-days`: a whole number of days, 1 or more. */
export function parseKeepDays(value: string | undefined): number | null | 'invalid' {
  if (value === undefined) return null;
  return /^[1-9][0-9]{0,4}$/.test(value) ? Number(value) : 'invalid';
}

/**
 * `luot backup [--to <file>] [--keep-days N]` and `luot prune-backups --keep-days N`: the nightly job a
 * hall schedules (docs/OPERATIONS.md). Without `--to` the backup goes into `<data>/backups`, and with
 * `--keep-days` the backups there older than N days are deleted after a successful backup (never before:
 * a failing backup must not eat the old ones).
 */
export async function runBackupCommand(
  command: 'backup' | 'prune-backups',
  options: { readonly to?: string | undefined; readonly keepDays?: string | undefined },
  context: {
    readonly dataDir: string;
    readonly store: HallStore;
    readonly now: () => number;
    readonly print: (line: string) => void;
  },
): Promise<number> {
  const keepDays = parseKeepDays(options.keepDays);
  if (keepDays === 'invalid') {
    context.print('--keep-days is a whole number of days (1 or more)');
    return 2;
  }
  const dir = backupsDir(context.dataDir);
  if (command === 'backup') {
    const target = path.resolve(options.to ?? path.join(dir, backupFileName(new Date(context.now()))));
    mkdirSync(path.dirname(target), { recursive: true });
    await context.store.backup(target);
    context.print(`Backup written: ${target}`);
  } else if (keepDays === null) {
    context.print('prune-backups needs --keep-days N');
    return 2;
  }
  if (keepDays !== null) {
    const deleted = pruneBackups(dir, keepDays, context.now());
    context.print(
      deleted.length === 0
        ? `No backup in ${dir} is older than ${keepDays} days.`
        : `Deleted ${deleted.length} backup(s) older than ${keepDays} days from ${dir}: ${deleted.join(', ')}`,
    );
  }
  return 0;
}
