import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupFileName, backupTakenAt, pruneBackups } from '../src/cli/backups.ts';
import { runCli } from '../src/cli/main.ts';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.UTC(2026, 11, 6, 21, 0, 0);

describe('backup pruning (keep N days)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'luot-backups-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const put = (name: string): void => writeFileSync(path.join(dir, name), 'x');
  const takenDaysAgo = (days: number): string => backupFileName(new Date(NOW - days * DAY));

  it('dates a backup by its name, which the CLI writes', () => {
    const name = backupFileName(new Date(NOW));
    expect(name).toBe('luot-2026-12-06T21-00-00-000Z.sqlite');
    expect(backupTakenAt(name)).toBe(NOW);
    expect(backupTakenAt('nightly.sqlite')).toBeNull();
    expect(backupTakenAt('luot-2026-12-06T21-00-00-000Z.sqlite-wal')).toBeNull();
  });

  it('deletes backups older than N days and nothing else', () => {
    const ages = [0, 1, 6.9, 7.1, 30, 400];
    for (const days of ages) put(takenDaysAgo(days));
    put('nightly.sqlite'); // a copy a technician made by hand
    put('luot.sqlite'); // not a backup name
    const deleted = pruneBackups(dir, 7, NOW);
    expect(deleted).toEqual([takenDaysAgo(400), takenDaysAgo(30), takenDaysAgo(7.1)]);
    expect(readdirSync(dir).sort()).toEqual(
      [takenDaysAgo(0), takenDaysAgo(1), takenDaysAgo(6.9), 'nightly.sqlite', 'luot.sqlite'].sort(),
    );
  });

  it('always keeps the newest backup, however old (backups that stopped for weeks)', () => {
    put(takenDaysAgo(90));
    put(takenDaysAgo(60));
    expect(pruneBackups(dir, 7, NOW)).toEqual([takenDaysAgo(90)]);
    expect(readdirSync(dir)).toEqual([takenDaysAgo(60)]);
  });

  it('a missing folder prunes nothing', () => {
    expect(pruneBackups(path.join(dir, 'none'), 7, NOW)).toEqual([]);
  });

  it('`luot backup --keep-days` backs up first, then prunes the backups folder', async () => {
    const dataDir = path.join(dir, 'data');
    const backups = path.join(dataDir, 'backups');
    mkdirSync(backups, { recursive: true });
    const old = backupFileName(new Date(Date.now() - 40 * DAY));
    writeFileSync(path.join(backups, old), 'x');
    const previous = process.env.LUOT_DATA_DIR;
    process.env.LUOT_DATA_DIR = dataDir;
    const lines: string[] = [];
    try {
      expect(await runCli(['backup', '--keep-days', '30'], (line) => lines.push(line))).toBe(0);
      const left = readdirSync(backups);
      expect(left).toHaveLength(1);
      expect(left[0]).not.toBe(old);
      expect(backupTakenAt(left[0]!)).not.toBeNull();
      expect(lines.join('\n')).toMatch(/Deleted 1 backup\(s\) older than 30 days/);

      expect(await runCli(['backup', '--keep-days', 'thirty'], (line) => lines.push(line))).toBe(2);
      expect(await runCli(['prune-backups'], (line) => lines.push(line))).toBe(2);
      expect(await runCli(['prune-backups', '--keep-days', '1'], (line) => lines.push(line))).toBe(0);
      expect(existsSync(path.join(backups, left[0]!))).toBe(true);
    } finally {
      if (previous === undefined) delete process.env.LUOT_DATA_DIR;
      else process.env.LUOT_DATA_DIR = previous;
    }
  });
});
