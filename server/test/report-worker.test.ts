import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { getPriority, tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HallReport } from '@luot/shared/contracts';
import type { HallConfig } from '@luot/shared/domain';
import { forgetZoneTransitions, useZoneTransitions } from '@luot/shared/domain';
import { SERVER_DIR, bundleServerEntry } from '../scripts/build-server.ts';
import { hashToken } from '../src/app/credentials.ts';
import { demoHallConfig } from '../src/app/demo-hall.ts';
import { hashPassword } from '../src/app/managers.ts';
import { AdminStore } from '../src/db/admin-store.ts';
import { DATABASE_FILE, openDatabase } from '../src/db/open.ts';
import { AnalysisWorker } from '../src/reports/analysis-worker.ts';
import { computeReport } from '../src/reports/report.ts';
import { reportWorkerEntry } from '../src/worker-files.ts';
import { pairAndConnect, requestId, startTestHall, tempDataDir } from './helpers.ts';
import { seedYearOfTicketsInFile } from './support/year-of-tickets.ts';

// Reports are computed on the analysis worker thread with its own read-only connection (point 1 of
// issue #13): the hall keeps answering while a manager reads a year, from the TypeScript sources and
// from the compiled server alike.

const FIRST_DAY_UTC = Date.UTC(2025, 0, 2, 0, 30);

/** A manager with a live session written into the database; its bearer token. */
async function seedManagerSession(databaseFile: string, now: number): Promise<string> {
  const { db } = openDatabase(databaseFile);
  const store = new AdminStore(db);
  const managerId = store.insertManager({
    username: 'quanly',
    displayName: 'Quản lý báo cáo',
    passwordHash: await hashPassword('Bao-cao-2026'),
    mustChangePassword: false,
    createdAt: now,
  });
  const token = `test-token-${managerId}-${now}`;
  store.insertSession({
    tokenHash: hashToken(token),
    managerId,
    createdAt: now,
    expiresAt: now + 3_600_000,
    lastUsedAt: now,
  });
  db.close();
  return token;
}

/** A report without its generation time, to compare two computations of the same facts. */
const figures = (report: HallReport): Omit<HallReport, 'generatedAt'> => {
  const { generatedAt: _generatedAt, ...rest } = report;
  return rest;
};

describe('reports on the analysis worker (real server from the sources)', () => {
  const data = tempDataDir('luot-report-worker-');
  const databaseFile = path.join(data.dir, DATABASE_FILE);
  let hall: Awaited<ReturnType<typeof startTestHall>>;
  let token = '';
  let year = { from: '', to: '', tickets: 0 };

  beforeAll(async () => {
    // A year of a busy hall: 250 working days of 120 tickets, about what the reports bench times.
    year = seedYearOfTicketsInFile(databaseFile, demoHallConfig(), {
      days: 250,
      ticketsPerDay: 120,
      firstDayUtc: FIRST_DAY_UTC,
    });
    token = await seedManagerSession(databaseFile, Date.now());
    hall = await startTestHall({ dataDir: data.dir });
  }, 120_000);
  afterAll(async () => {
    await hall?.close();
    data.remove();
  });

  it('answers kiosk commands while a year report is computed, and the report is the hall’s figures', async () => {
    const kiosk = await pairAndConnect(hall, 'kiosk');
    const serviceId = hall.service.hallConfig.services[0]!.id;
    let isReportDone = false;
    const reportRequest = fetch(`${hall.url}/api/admin/reports?from=${year.from}&to=${year.to}&target=20`, {
      headers: { authorization: `Bearer ${token}` },
    }).then(async (response) => {
      isReportDone = true;
      return { status: response.status, body: (await response.json()) as { value: HallReport } };
    });
    // One command after another for as long as the report runs. With the report on the event loop the
    // server answers none of them while the year is summed, only those before the request arrived.
    let answeredDuringReport = 0;
    while (!isReportDone) {
      const ack = await kiosk.send('ticket:issue', { requestId: requestId(), serviceId });
      expect(ack.ok).toBe(true);
      if (!isReportDone) answeredDuringReport += 1;
    }
    const { status, body } = await reportRequest;
    kiosk.close();
    expect(status).toBe(200);
    // Measured on the loaded 2-core test machine: 270 answered with the worker; 8 with the report on the
    // event loop (those answered while the request was still on its way). Both the report and each
    // command slow down together under load, so the count keeps its scale.
    expect(answeredDuringReport).toBeGreaterThanOrEqual(40);
    expect(body.value.total.issued).toBe(year.tickets);
    expect(body.value.by.day).toHaveLength(250);

    // The same figures as the hall's report arithmetic over the same facts on the main thread.
    const { db } = openDatabase(databaseFile);
    const store = new AdminStore(db);
    const expected = computeReport({
      from: year.from,
      to: year.to,
      config: hall.service.hallConfig,
      tickets: store.ticketFacts(year.from, year.to),
      ratings: store.ratingFacts(year.from, year.to),
      targetWaitMinutes: 20,
      now: 0,
    });
    db.close();
    expect(figures(body.value)).toEqual(figures(expected));
  }, 120_000);

  it('exports the year as XLSX and CSV from the worker', async () => {
    for (const format of ['xlsx', 'csv'] as const) {
      const response = await fetch(
        `${hall.url}/api/admin/reports?from=${year.from}&to=${year.to}&format=${format}`,
        { headers: { authorization: `Bearer ${token}` } },
      );
      expect(response.status).toBe(200);
      const bytes = new Uint8Array(await response.arrayBuffer());
      if (format === 'xlsx') expect([...bytes.slice(0, 2)]).toEqual([0x50, 0x4b]);
      else expect(new TextDecoder().decode(bytes)).toContain(`${year.from} – ${year.to}`);
    }
  }, 60_000);
});

/** An analysis worker over a new database of three days of ten tickets of the demo hall. */
function workerOverThreeDays(): { worker: AnalysisWorker; remove: () => void } {
  const data = tempDataDir('luot-report-worker-');
  seedYearOfTicketsInFile(path.join(data.dir, DATABASE_FILE), demoHallConfig(), {
    days: 3,
    ticketsPerDay: 10,
    firstDayUtc: FIRST_DAY_UTC,
  });
  return {
    worker: new AnalysisWorker(path.join(data.dir, DATABASE_FILE), reportWorkerEntry()),
    remove: data.remove,
  };
}

/** A report over 2025 (the three days above), before its configuration. */
const REPORT_OF_2025 = {
  kind: 'report',
  from: '2025-01-01',
  to: '2025-12-31',
  targetWaitMinutes: 20,
  now: 0,
  format: 'json',
  dimensions: [],
} as const;

describe('the analysis worker itself', () => {
  it('fails a job that throws with its message and answers the next job', async () => {
    const { worker, remove } = workerOverThreeDays();
    try {
      // A job the worker cannot run (no configuration to name the groups by).
      await expect(
        worker.run({ ...REPORT_OF_2025, config: null as unknown as HallConfig }),
      ).rejects.toThrow();
      const { report } = await worker.run({ ...REPORT_OF_2025, config: demoHallConfig() });
      expect(report.total.issued).toBe(30);
      // On Linux the worker's thread runs at the lowest CPU priority (nice 19), the main thread at its own.
      if (process.platform === 'linux') {
        const niceOf = (tid: string): number => {
          // The fields after the command name in parentheses; nice is the 19th field of the line.
          const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
          return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
        };
        const threads = readdirSync('/proc/self/task');
        expect(threads.filter((tid) => niceOf(tid) === 19).length).toBeGreaterThanOrEqual(1);
        expect(niceOf(String(process.pid))).toBe(getPriority(0));
      }
    } finally {
      await worker.close();
      remove();
    }
    await expect(
      worker.run({ ...REPORT_OF_2025, to: '2025-01-01', config: demoHallConfig() }),
    ).rejects.toThrow(/closed/);
  }, 60_000);
});

describe('the analysis worker and the hall zone', () => {
  // The worker thread answers hours and days from the zone table the main thread holds (src/zone-tables.ts),
  // so that it builds no Intl object either. Shown with a table that is deliberately wrong by an hour.
  it('reads local hours from the table the main thread holds', async () => {
    const { worker, remove } = workerOverThreeDays();
    const config = demoHallConfig();
    const job = { ...REPORT_OF_2025, dimensions: ['hour'], config } as const;
    const hours = async (): Promise<string[]> =>
      (await worker.run(job)).report.by.hour.map((group) => group.key);
    const zone = config.hall.timeZone;
    try {
      const truly = await hours();
      useZoneTransitions({
        timeZone: zone,
        fromMs: FIRST_DAY_UTC - 86_400_000,
        toMs: FIRST_DAY_UTC + 30 * 86_400_000,
        startsMs: [FIRST_DAY_UTC - 86_400_000],
        offsetsMs: [8 * 3_600_000], // Vietnam is UTC+7
      });
      const shifted = await hours();
      expect(shifted).toEqual(truly.map((hour) => String(Number(hour) + 1).padStart(2, '0')));
    } finally {
      forgetZoneTransitions(zone);
      await worker.close();
      remove();
    }
  }, 60_000);
});

describe('reports from the compiled server (esbuild bundle with its worker and zone files)', () => {
  // The production layout: <root>/server/dist/main.mjs beside dist/report-worker.mjs, package.json and
  // node_modules (better-sqlite3 is not bundled), as `pnpm build` and the offline hall bundle lay it out.
  const root = mkdtempSync(path.join(tmpdir(), 'luot-built-server-'));
  const data = tempDataDir('luot-built-data-');
  let child: ChildProcess | null = null;

  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child!.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(root, { recursive: true, force: true });
    data.remove();
  });

  it('answers a report computed by dist/report-worker.mjs', async () => {
    const dist = path.join(root, 'server', 'dist');
    mkdirSync(dist, { recursive: true });
    copyFileSync(path.join(SERVER_DIR, 'package.json'), path.join(root, 'server', 'package.json'));
    symlinkSync(path.join(SERVER_DIR, 'node_modules'), path.join(root, 'server', 'node_modules'), 'dir');
    await bundleServerEntry({
      entry: path.join(SERVER_DIR, 'src', 'main.ts'),
      outfile: path.join(dist, 'main.mjs'),
    });
    await bundleServerEntry({
      entry: path.join(SERVER_DIR, 'src', 'reports', 'report-worker.ts'),
      outfile: path.join(dist, 'report-worker.mjs'),
    });
    // The child process of the start that gives the hall's zone as a table (src/zone-tables.ts).
    await bundleServerEntry({
      entry: path.join(SERVER_DIR, 'src', 'zone-transitions-main.ts'),
      outfile: path.join(dist, 'zone-transitions.mjs'),
    });

    const databaseFile = path.join(data.dir, DATABASE_FILE);
    const days = seedYearOfTicketsInFile(databaseFile, demoHallConfig(), {
      days: 20,
      ticketsPerDay: 40,
      firstDayUtc: FIRST_DAY_UTC,
    });
    const token = await seedManagerSession(databaseFile, Date.now());
    child = spawn(process.execPath, [path.join(dist, 'main.mjs')], {
      env: { ...process.env, PORT: '0', LUOT_HOST: '127.0.0.1', LUOT_DATA_DIR: data.dir, LUOT_DEMO: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const port = await new Promise<number>((resolve, reject) => {
      const lines = createInterface({ input: child!.stdout! });
      lines.on('line', (line) => {
        if (!line.startsWith('{')) return;
        const entry = JSON.parse(line) as { msg?: string; port?: number };
        if (entry.msg === 'hall server started' && entry.port) resolve(entry.port);
      });
      child!.once('exit', (code) => reject(new Error(`the compiled server exited (${code})`)));
    });
    const response = await fetch(
      `http://127.0.0.1:${port}/api/admin/reports?from=${days.from}&to=${days.to}&target=20`,
      { headers: { authorization: `Bearer ${token}` } },
    );
    expect(response.status).toBe(200);
    const { value } = (await response.json()) as { value: HallReport };
    expect(value.total.issued).toBe(days.tickets);
    expect(value.by.day).toHaveLength(20);
    const xlsx = await fetch(
      `http://127.0.0.1:${port}/api/admin/reports?from=${days.from}&to=${days.to}&format=xlsx`,
      { headers: { authorization: `Bearer ${token}` } },
    );
    expect(xlsx.status).toBe(200);
    expect([...new Uint8Array(await xlsx.arrayBuffer()).slice(0, 2)]).toEqual([0x50, 0x4b]);
    // The compiled start found dist/zone-transitions.mjs and took the hall's zone from its table.
    expect(stderr).not.toMatch(/time zone table/);
  }, 180_000);
});
