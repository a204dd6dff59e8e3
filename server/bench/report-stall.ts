// Does a manager reading a year's report, or exporting it, stall the hall (issue #17)? A year of one hall
// (≈ 30,000 tickets, test/support/year-of-tickets.ts) is written into the database before the hall server starts, in its
// own process as the compiled JavaScript a hall runs; a manager signs in through the admin API and asks
// for the year as the console does (JSON, then the XLSX and CSV exports), while the server's own
// event-loop delay is measured (monitorEventLoopDelay in the hall child) and a counter keeps calling,
// timed from emit to the last of the displays. Target: no stall over 20 ms while the report or the export
// is made. A report computed on the event loop blocks every counter for its whole duration; computed off
// it (a worker thread with its own read-only connection, issue #13) it does not.
//
//   pnpm bench --only "report stall"
//   pnpm exec tsx server/bench/report-stall.ts [--runs 3] [--displays 5] [--json out.json] [--check-targets]
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Socket } from 'socket.io-client';
import { demoHallConfig } from '../src/app/demo-hall.ts';
import { DEMO_CLERK_PIN } from '../src/app/demo-hall.ts';
import { hashPassword } from '../src/app/managers.ts';
import { AdminStore } from '../src/db/admin-store.ts';
import { openDatabase } from '../src/db/open.ts';
import { DATABASE_FILE } from '../src/hall-server.ts';
import { tempDataDir } from '../test/helpers.ts';
import type { HallChildBundle } from '../test/support/hall-child-bundle.ts';
import { buildHallChildBundle } from '../test/support/hall-child-bundle.ts';
import type { HallChild } from '../test/support/hall-child-process.ts';
import { startHallChild } from '../test/support/hall-child-process.ts';
import type { Summary } from './bench-support.ts';
import {
  connectHall,
  cpuTicks,
  machineLine,
  runBenchMain,
  send,
  sleep,
  stealPercentSince,
  summary,
} from './bench-support.ts';
import { seedYearOfTickets } from '../test/support/year-of-tickets.ts';

/** Issue #17: the longest the server's event loop may be held while a report or export is made. */
export const REPORT_STALL_TARGET_MS = 20;

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    displays: { type: 'string', default: '5' },
    json: { type: 'string' },
    'check-targets': { type: 'boolean', default: false },
  },
});
const runs = Number(values.runs);
const displayCount = Number(values.displays);
if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs must be a whole number ≥ 1');
if (!Number.isInteger(displayCount) || displayCount < 1) throw new Error('--displays must be ≥ 1');

const MANAGER = { username: 'bench-manager', password: 'Bench-report-2026!' } as const;
const data = tempDataDir('luot-bench-report-');
const sockets: Socket[] = [];
let hall: HallChild | undefined;
let bundle: HallChildBundle | undefined;

interface Request {
  readonly label: string;
  readonly query: string;
}

async function main(): Promise<number> {
  // The year, and a manager who may read it, written before the hall starts (as a hall a year old).
  const config = demoHallConfig();
  const { db } = openDatabase(path.join(data.dir, DATABASE_FILE));
  const year = seedYearOfTickets(db, config);
  new AdminStore(db).insertManager({
    username: MANAGER.username,
    displayName: 'Bench manager',
    passwordHash: await hashPassword(MANAGER.password),
    mustChangePassword: false,
    createdAt: Date.now(),
  });
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();

  bundle = await buildHallChildBundle();
  hall = await startHallChild({
    dataDir: data.dir,
    // The demo hall's services and counters without daily quotas (the year was seeded for the demo hall).
    hall: 'large',
    counters: config.counters.length,
    terminals: ['q1'],
    kiosks: 1,
    displays: displayCount,
    ipc: true,
    bundle: bundle.file,
  });
  const login = (await (
    await fetch(`${hall.url}/api/admin/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(MANAGER),
    })
  ).json()) as { ok: boolean; value?: { token: string } };
  if (!login.ok || !login.value) throw new Error(`the manager could not sign in: ${JSON.stringify(login)}`);
  const token = login.value.token;

  // Meanwhile a counter keeps calling (start between calls) and the displays receive every change.
  const arrivals = new Map<number, number[]>();
  for (const device of hall.devices.displays) {
    const { socket } = await connectHall(hall.url, device.token);
    sockets.push(socket);
    socket.on('hall:changes', (changes) => {
      const list = arrivals.get(changes.toVersion) ?? [];
      list.push(performance.now());
      arrivals.set(changes.toVersion, list);
    });
  }
  const { socket: kiosk, snapshot } = await connectHall(hall.url, hall.devices.kiosks[0]!.token);
  sockets.push(kiosk);
  const counterDevice = hall.devices.counters[0]!;
  const { socket: counter } = await connectHall(hall.url, counterDevice.token);
  sockets.push(counter);
  const signIn = await send(counter, 'clerk:sign-in', {
    username: counterDevice.username,
    pin: DEMO_CLERK_PIN,
  });
  if (!signIn.ok) throw new Error(`the clerk could not sign in: ${signIn.error.code}`);
  const services = snapshot.config.counters.find((c) => c.id === counterDevice.counterId)?.serviceIds ?? [];
  let isCalling = true;
  const callTimes: { sentAt: number; version: number }[] = [];
  const calling = (async () => {
    let issued = 0;
    while (isCalling) {
      const issue = await send(kiosk, 'ticket:issue', { serviceId: services[issued++ % services.length]! });
      if (!issue.ok) throw new Error(`issue: ${issue.error.code}`);
      const sentAt = performance.now();
      const call = await send(counter, 'ticket:call-next', {});
      if (!call.ok) throw new Error(`call-next: ${call.error.code}`);
      callTimes.push({ sentAt, version: call.value.version });
      const start = await send(counter, 'ticket:start', {});
      if (!start.ok) throw new Error(`start: ${start.error.code}`);
      await sleep(20);
    }
  })();

  const requests: Request[] = [
    { label: 'year report (JSON)', query: `from=${year.from}&to=${year.to}&format=json` },
    { label: 'year export (XLSX)', query: `from=${year.from}&to=${year.to}&format=xlsx` },
    { label: 'year export (CSV)', query: `from=${year.from}&to=${year.to}&format=csv` },
  ];
  const rows: {
    label: string;
    run: number;
    ms: number;
    bytes: number;
    stallMs: number;
    calls: number;
    callP99: number;
    /** The machine's 1-minute load average as the request began, and the host's steal (%) during it. */
    load: number;
    steal: number | null;
  }[] = [];
  await sleep(500);
  const measuredTicks = cpuTicks();
  for (let run = 1; run <= runs; run += 1) {
    for (const request of requests) {
      await hall.resetStats();
      // After a reset the histogram records nothing until its timer has ticked once (a block in its
      // first interval would go unseen): give it a few ticks of its 10 ms resolution first.
      await sleep(50);
      const load = os.loadavg()[0]!;
      const ticks = cpuTicks();
      const from = performance.now();
      const response = await fetch(`${hall.url}/api/admin/reports?${request.query}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      const bytes = (await response.arrayBuffer()).byteLength;
      if (!response.ok) throw new Error(`${request.label}: HTTP ${response.status}`);
      const ms = performance.now() - from;
      await sleep(50); // a stall that ends with the answer is still seen
      const stats = await hall.stats();
      const during = callTimes.filter((call) => call.sentAt >= from && call.sentAt <= from + ms);
      const callMs = during.flatMap(({ sentAt, version }) => {
        const list = arrivals.get(version);
        return list && list.length === displayCount ? [Math.max(...list) - sentAt] : [];
      });
      rows.push({
        label: request.label,
        run,
        ms,
        bytes,
        stallMs: stats.loopDelayMs.max,
        calls: callMs.length,
        callP99: summary(callMs).p99,
        load,
        steal: stealPercentSince(ticks),
      });
      await sleep(200);
    }
  }
  isCalling = false;
  await calling;
  const measuredSteal = stealPercentSince(measuredTicks);

  const worst = (label: string): { stall: number; ms: Summary } => {
    const of = rows.filter((row) => row.label === label);
    return { stall: Math.max(...of.map((row) => row.stallMs)), ms: summary(of.map((row) => row.ms)) };
  };
  const checks = requests.map((request) => ({
    name: `${request.label}: no event-loop stall over ${REPORT_STALL_TARGET_MS} ms`,
    isMet: worst(request.label).stall <= REPORT_STALL_TARGET_MS,
  }));
  const output = [
    `Report stall: a year of one hall (${year.tickets} tickets, ${year.events} events) read and exported ` +
      `through the admin API while a counter calls to ${displayCount} displays; ${runs} runs each`,
    `  ${machineLine(measuredSteal)}`,
    '  request               run   answer ms   bytes      server loop stall max   calls meanwhile: n, p99 to last display' +
      '   load, host steal',
    ...rows.map(
      (row) =>
        `  ${row.label.padEnd(22)}${String(row.run).padEnd(6)}${row.ms.toFixed(0).padStart(9)}   ` +
        `${String(row.bytes).padEnd(11)}${row.stallMs.toFixed(1).padStart(10)} ms` +
        `${String(row.calls).padStart(10)}, ${Number.isNaN(row.callP99) ? '–' : `${row.callP99.toFixed(1)} ms`}`.padEnd(
          35,
        ) +
        `${row.load.toFixed(1)}${row.steal === null ? '' : `, ${row.steal.toFixed(1)} %`}`,
    ),
    ...checks.map((check) => `  ${check.isMet ? 'met   ' : 'MISSED'} ${check.name}`),
  ];
  console.log(output.join('\n'));
  if (values.json) writeFileSync(values.json, `${JSON.stringify({ year, rows, checks }, null, 2)}\n`);
  await hall.stop();
  return values['check-targets'] && checks.some((check) => !check.isMet) ? 1 : 0;
}

await runBenchMain({
  name: 'report stall',
  main,
  timeoutMs: 10 * 60_000,
  kill: () => hall?.process.kill('SIGKILL'),
  cleanup: async () => {
    for (const socket of sockets) socket.close();
    await hall?.kill();
    bundle?.remove();
    data.remove();
  },
});
