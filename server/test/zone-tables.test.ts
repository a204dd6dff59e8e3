import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { computeZoneTransitions, forgetZoneTransitions, zoneTransitionsOf } from '@luot/shared/domain';
import { DEMO_CLERK_PIN } from '../src/app/demo-hall.ts';
import { ZONE_TABLE_FILE, lookUpZone, parseZoneTable, preloadZone } from '../src/zone-tables.ts';
import { connectClient, requestId, tempDataDir } from './helpers.ts';
import { startHallChild } from './support/hall-child-process.ts';

const HOUR = 3_600_000;
const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 6, 8, 30, 15, 123);

describe('the hall zone as a table, from a child process', () => {
  afterAll(() => {
    forgetZoneTransitions('Pacific/Chatham');
  });

  it('gives Vietnam one offset, UTC+7, from a little over a year back to ten years ahead', () => {
    const lookup = lookUpZone('Asia/Ho_Chi_Minh', NOW);
    if (lookup.kind !== 'table') throw new Error(`expected a table, got ${lookup.kind}`);
    const { table } = lookup;
    expect(table.offsetsMs).toEqual([7 * HOUR]);
    expect(table.fromMs).toBe(Date.UTC(2026, 11, 6, 8, 30, 15) - 400 * DAY);
    expect(table.toMs - table.fromMs).toBe((400 + 3_653) * DAY);
  });

  it('gives a zone with daylight saving the table this process computes itself', () => {
    const lookup = lookUpZone('Europe/Berlin', NOW);
    if (lookup.kind !== 'table') throw new Error(`expected a table, got ${lookup.kind}`);
    expect(lookup.table.startsMs.length).toBeGreaterThan(20);
    expect(lookup.table).toEqual(
      computeZoneTransitions('Europe/Berlin', lookup.table.fromMs, lookup.table.toMs),
    );
  });

  it('says so of a zone ICU does not know', () => {
    expect(lookUpZone('Mars/Olympus_Mons', NOW)).toEqual({ kind: 'unknown-zone' });
  });

  it('preloads a known zone for this process and refuses an unknown one', () => {
    const warnings: string[] = [];
    const data = tempDataDir('luot-zone-preload-');
    try {
      expect(preloadZone('Pacific/Chatham', NOW, data.dir, (line) => warnings.push(line))).toBe(true);
      expect(zoneTransitionsOf('Pacific/Chatham')?.offsetsMs).toContain(13.75 * HOUR);
      expect(preloadZone('Mars/Olympus_Mons', NOW, data.dir, (line) => warnings.push(line))).toBe(false);
      expect(zoneTransitionsOf('Mars/Olympus_Mons')).toBeUndefined();
      expect(warnings).toEqual([]);
    } finally {
      data.remove();
    }
  });

  it('keeps the table in the data folder, so that a restart needs no child process', () => {
    const data = tempDataDir('luot-zone-kept-');
    const file = path.join(data.dir, ZONE_TABLE_FILE);
    const warn = (line: string): never => {
      throw new Error(line);
    };
    try {
      expect(preloadZone('Pacific/Chatham', NOW, data.dir, warn)).toBe(true);
      const kept = JSON.parse(readFileSync(file, 'utf8')) as {
        tzVersion: string;
        tables: Record<string, { fromMs: number; toMs: number; startsMs: number[]; offsetsMs: number[] }>;
      };
      expect(kept.tzVersion).toBe(process.versions.tz);
      expect(kept.tables['Pacific/Chatham']).toEqual(zoneTransitionsOf('Pacific/Chatham'));

      // A name ICU refuses, kept as if computed: answered from the file (the child would say unknown).
      const from = NOW - DAY;
      const fake = {
        timeZone: 'Test/Kept',
        fromMs: from,
        toMs: from + 800 * DAY,
        startsMs: [from],
        offsetsMs: [HOUR],
      };
      writeFileSync(file, JSON.stringify({ ...kept, tables: { ...kept.tables, 'Test/Kept': fake } }));
      expect(preloadZone('Test/Kept', NOW, data.dir, warn)).toBe(true);
      expect(zoneTransitionsOf('Test/Kept')).toEqual(fake);
      forgetZoneTransitions('Test/Kept');
      // Not for a year more from now, or computed by another time zone database: asked again.
      expect(preloadZone('Test/Kept', NOW + 500 * DAY, data.dir, warn)).toBe(false);
      writeFileSync(file, JSON.stringify({ tzVersion: 'older', tables: { 'Test/Kept': fake } }));
      expect(preloadZone('Test/Kept', NOW, data.dir, warn)).toBe(false);
      // A damaged file is computed again and written over.
      writeFileSync(file, '{"tzVersion":');
      expect(preloadZone('Pacific/Chatham', NOW, data.dir, warn)).toBe(true);
      expect(Object.keys((JSON.parse(readFileSync(file, 'utf8')) as typeof kept).tables)).toEqual([
        'Pacific/Chatham',
      ]);
    } finally {
      forgetZoneTransitions('Test/Kept');
      data.remove();
    }
  });

  it('takes only a well-formed table of the zone and span it asked for', () => {
    const table = {
      timeZone: 'Europe/Berlin',
      fromMs: 0,
      toMs: 10_000,
      startsMs: [0, 5_000],
      offsetsMs: [HOUR, 2 * HOUR],
    };
    const parse = (value: unknown) => parseZoneTable(JSON.stringify(value), 'Europe/Berlin', 0, 10_000);
    expect(parse(table)).toEqual(table);
    expect(parse({ ...table, timeZone: 'Europe/Paris' })).toBeUndefined();
    expect(parse({ ...table, toMs: 20_000 })).toBeUndefined();
    expect(parse({ ...table, startsMs: [1, 5_000] })).toBeUndefined();
    expect(parse({ ...table, startsMs: [0, 0] })).toBeUndefined();
    expect(parse({ ...table, startsMs: [0, 10_000] })).toBeUndefined();
    expect(parse({ ...table, offsetsMs: [HOUR] })).toBeUndefined();
    expect(parse({ ...table, offsetsMs: [HOUR, 'x'] })).toBeUndefined();
    expect(parse([])).toBeUndefined();
    expect(parse(null)).toBeUndefined();
    expect(parseZoneTable('{"timeZone":', 'Europe/Berlin', 0, 10_000)).toBeUndefined();
  });
});

describe('a hall server process', () => {
  const trapModule = path.join(path.dirname(fileURLToPath(import.meta.url)), 'support', 'intl-trap.mjs');
  const trapDir = mkdtempSync(path.join(tmpdir(), 'luot-intl-trap-'));
  const data = tempDataDir('luot-zone-table-');

  afterAll(() => {
    rmSync(trapDir, { recursive: true, force: true });
    data.remove();
  });

  // The first Intl object a process builds costs it ≈ 5 MB of RSS (docs/BENCHMARKS.md, "Memory: ICU"):
  // the hall answers every business day and opening hour from its zone's table instead.
  it('builds no Intl object while it starts, issues, calls and serves', async () => {
    const trapFile = path.join(trapDir, 'intl.log');
    const child = await startHallChild({
      dataDir: data.dir,
      hall: 'demo',
      kiosks: 1,
      displays: 1,
      execArgv: ['--import', trapModule],
      env: { LUOT_INTL_TRAP_FILE: trapFile },
    });
    try {
      const kiosk = await connectClient(child.url, child.devices.kiosks[0]!.token);
      const display = await connectClient(child.url, child.devices.displays[0]!.token);
      const terminal = child.devices.counters[0]!;
      const counter = await connectClient(child.url, terminal.token);
      try {
        const signIn = (await counter.send('clerk:sign-in', {
          requestId: requestId(),
          username: terminal.username,
          pin: DEMO_CLERK_PIN,
        })) as { ok: boolean };
        expect(signIn.ok).toBe(true);
        for (let index = 0; index < 3; index += 1) {
          const issued = (await kiosk.send('ticket:issue', {
            requestId: requestId(),
            serviceId: 'dat-dai',
          })) as { ok: boolean };
          expect(issued.ok).toBe(true);
        }
        // Call, start serving, call the next: every step asks the business day, each issue the opening hours.
        for (const command of [
          'ticket:call-next',
          'ticket:start',
          'ticket:call-next',
          'ticket:start',
        ] as const) {
          const answer = (await counter.send(command, { requestId: requestId() })) as { ok: boolean };
          if (!answer.ok) throw new Error(`${command}: ${JSON.stringify(answer)}`);
        }
      } finally {
        kiosk.close();
        display.close();
        counter.close();
      }
    } finally {
      await child.kill();
    }
    expect(child.stderrTail()).not.toMatch(/time zone table/);
    expect(existsSync(trapFile) ? readFileSync(trapFile, 'utf8') : '').toBe('');
  }, 120_000);
});
