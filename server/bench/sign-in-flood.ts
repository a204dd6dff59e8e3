// Does a flood of failed manager sign-ins stall the hall (issue #15)? The flood: 32 parallel
// manager sign-ins with unknown usernames for 5 s (here from 8 loopback addresses, 127.0.4.1–8, each
// another machine to the server, as in server/test/hostile/sign-in-limits.test.ts). Before the fix it
// made `GET /kiosk/` take 9.5 s (13 ms quiet), a voice clip 9.5 s and a clerk's PIN sign-in 6.2 s. The
// hall runs in its own process as the compiled JavaScript a hall runs (test/support/hall-child.ts);
// this process floods it and, meanwhile, asks in turn for the kiosk page, a voice clip and a clerk's
// sign-in (then sign-out) at counter q1, timing each; the same probes run for a few seconds before the
// flood for the quiet figures. Target: every probe answered within 500 ms during the flood.
//
//   pnpm bench --only "sign-in flood"
//   pnpm exec tsx server/bench/sign-in-flood.ts [--seconds 5] [--workers 32] [--addresses 8] [--json out.json] [--check-targets]
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Socket } from 'socket.io-client';
import { DEMO_CLERK_PIN } from '../src/app/demo-hall.ts';
import { tempDataDir } from '../test/helpers.ts';
import type { HallChildBundle } from '../test/support/hall-child-bundle.ts';
import { buildHallChildBundle } from '../test/support/hall-child-bundle.ts';
import type { HallChild } from '../test/support/hall-child-process.ts';
import { startHallChild } from '../test/support/hall-child-process.ts';
import { get, login } from '../test/support/sign-in-requests.ts';
import type { HallSocket, Summary } from './bench-support.ts';
import { connectHall, machineLine, runBenchMain, send, sleep, summary } from './bench-support.ts';

/** Issue #15: the longest a page, a clip or a clerk's sign-in may take while the flood runs. */
export const FLOOD_TARGET_MS = 500;
/** The flood starts this long before the probes, so that they meet it at full strength. */
const FLOOD_LEAD_MS = 500;
const QUIET_MS = 3_000;

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '5' },
    workers: { type: 'string', default: '32' },
    addresses: { type: 'string', default: '8' },
    json: { type: 'string' },
    'check-targets': { type: 'boolean', default: false },
  },
});
const floodMs = Number(values.seconds) * 1_000;
const workers = Number(values.workers);
const addresses = Number(values.addresses);
if (!(floodMs >= 1_000)) throw new Error('--seconds must be at least 1');
if (!Number.isInteger(workers) || workers < 1) throw new Error('--workers must be a whole number ≥ 1');
if (!Number.isInteger(addresses) || addresses < 1 || addresses > 254)
  throw new Error('--addresses must be 1–254');

const data = tempDataDir('luot-bench-flood-');
const sockets: Socket[] = [];
let hall: HallChild | undefined;
let bundle: HallChildBundle | undefined;

/** The three requests of the hall's own traffic, each timed. */
interface ProbeSamples {
  readonly page: number[];
  readonly clip: number[];
  readonly signIn: number[];
}

/** Ask for the kiosk page, a clip and a clerk's sign-in (and sign-out) in turn until `until`. */
async function probe(url: string, counter: HallSocket, until: () => boolean): Promise<ProbeSamples> {
  const samples: ProbeSamples = { page: [], clip: [], signIn: [] };
  while (!until()) {
    const page = await get(url, '/kiosk/');
    if (page.status !== 200) throw new Error(`GET /kiosk/: HTTP ${page.status}`);
    samples.page.push(page.ms);
    if (until()) break;
    const clip = await get(url, '/voice/ba.wav');
    if (clip.status !== 200) throw new Error(`voice clip: HTTP ${clip.status}`);
    samples.clip.push(clip.ms);
    if (until()) break;
    const started = performance.now();
    const signIn = await send(counter, 'clerk:sign-in', { username: 'canbo1', pin: DEMO_CLERK_PIN }, 'flood');
    const ms = performance.now() - started;
    if (!signIn.ok) throw new Error(`clerk sign-in: ${signIn.error.code}`);
    samples.signIn.push(ms);
    const signOut = await send(counter, 'clerk:sign-out', {}, 'flood');
    if (!signOut.ok) throw new Error(`clerk sign-out: ${signOut.error.code}`);
  }
  return samples;
}

const figures = (ms: Summary): string =>
  `n ${String(ms.count).padStart(4)}   p50 ${ms.p50.toFixed(0).padStart(5)}   p95 ${ms.p95.toFixed(0).padStart(5)}   max ${ms.max.toFixed(0).padStart(5)} ms`;

async function main(): Promise<number> {
  bundle = await buildHallChildBundle();
  hall = await startHallChild({
    dataDir: data.dir,
    hall: 'demo',
    terminals: ['q1'],
    kiosks: 1,
    displays: 0,
    ipc: true,
    bundle: bundle.file,
  });
  const url = hall.url;
  const { socket: counter } = await connectHall(url, hall.devices.counters[0]!.token);
  sockets.push(counter);

  // Quiet: the same probes with nothing else going on.
  const quietEnds = performance.now() + QUIET_MS;
  const quiet = await probe(url, counter, () => performance.now() >= quietEnds);

  // The flood, and the probes while it runs.
  const answers = new Map<string, number>();
  const floodEnds = performance.now() + floodMs;
  const flooder = async (index: number): Promise<void> => {
    const address = `127.0.4.${(index % addresses) + 1}`;
    let attempt = 0;
    while (performance.now() < floodEnds) {
      const reply = await login(url, address, `khong-co-${index}-${(attempt += 1)}`, 'sai-mat-khau');
      answers.set(reply.code, (answers.get(reply.code) ?? 0) + 1);
    }
  };
  const flood = Promise.all(Array.from({ length: workers }, (_, index) => flooder(index)));
  await sleep(FLOOD_LEAD_MS);
  const during = await probe(url, counter, () => performance.now() >= floodEnds);
  await flood;

  const rows = [
    { label: 'GET /kiosk/', quiet: summary(quiet.page), flood: summary(during.page) },
    { label: 'voice clip', quiet: summary(quiet.clip), flood: summary(during.clip) },
    { label: 'clerk PIN sign-in', quiet: summary(quiet.signIn), flood: summary(during.signIn) },
  ];
  const checks = rows.map((row) => ({
    name: `${row.label}: every answer during the flood within ${FLOOD_TARGET_MS} ms (max ${row.flood.max.toFixed(0)} ms)`,
    isMet: row.flood.count > 0 && row.flood.max <= FLOOD_TARGET_MS,
  }));
  const refusals = [...answers.entries()].map(([code, count]) => `${code} ${count}`).join(', ');
  console.log(
    [
      `Sign-in flood: ${workers} parallel manager sign-ins with unknown usernames from ${addresses} addresses ` +
        `for ${floodMs / 1000} s against the compiled hall server in its own process (answers: ${refusals})`,
      `  ${machineLine()}`,
      ...rows.flatMap((row) => [
        `  ${row.label.padEnd(19)} quiet   ${figures(row.quiet)}`,
        `  ${''.padEnd(19)} flood   ${figures(row.flood)}`,
      ]),
      ...checks.map((check) => `  ${check.isMet ? 'met   ' : 'MISSED'} ${check.name}`),
    ].join('\n'),
  );
  if (values.json) {
    writeFileSync(
      values.json,
      `${JSON.stringify({ workers, addresses, floodMs, answers: Object.fromEntries(answers), rows, checks }, null, 2)}\n`,
    );
  }
  await hall.stop();
  return values['check-targets'] && checks.some((check) => !check.isMet) ? 1 : 0;
}

await runBenchMain({
  name: 'sign-in flood',
  main,
  timeoutMs: 5 * 60_000,
  kill: () => hall?.process.kill('SIGKILL'),
  cleanup: async () => {
    for (const socket of sockets) socket.close();
    await hall?.kill();
    bundle?.remove();
    data.remove();
  },
});
