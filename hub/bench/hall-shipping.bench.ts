// `pnpm bench --only hall-shipping`: the hall simulation (server/bench/hall-simulation.ts, 10× a busy
// hall's peak) four times, alternating shipping off and on (to a real hub process on a real PostgreSQL):
// off, on, off, on. The hall's p99 with shipping on against off, and the run-to-run noise (the spread
// between two runs of the same kind): shipping must not move the hall's p99 by more than that noise.
// Options: --seconds 60 (measured per run) --warmup 10
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { machineLine, runBenchMain } from '../../server/bench/bench-support.ts';
import { HallRegistry } from '../src/app/halls.ts';
import { startBenchHub } from './hub-support.ts';

const { values } = parseArgs({
  options: { seconds: { type: 'string', default: '60' }, warmup: { type: 'string', default: '10' } },
});
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const simulation = path.join(root, 'server', 'bench', 'hall-simulation.ts');

interface RunFigures {
  readonly issue: { p50: number; p99: number };
  readonly call: { p50: number; p99: number };
  readonly bareBroadcast: { p99: number };
}

let stopAll: (() => Promise<void>) | undefined;
const folder = mkdtempSync(path.join(tmpdir(), 'luot-hall-shipping-'));

async function main(): Promise<number> {
  console.log(machineLine());
  const bench = await startBenchHub();
  stopAll = bench.stop;
  const registry = new HallRegistry(bench.pool);
  const runs: { isShipping: boolean; figures: RunFigures; shipped: number }[] = [];
  for (const [index, isShipping] of [false, true, false, true].entries()) {
    const json = path.join(folder, `run-${index}.json`);
    const hub = isShipping ? await registry.addHall(`Hall simulation ${index}`) : null;
    const run = spawnSync(
      process.execPath,
      [
        '--import',
        tsxLoader,
        simulation,
        '--seconds',
        values.seconds,
        '--warmup',
        values.warmup,
        '--server-log',
        'silent',
        '--json',
        json,
        ...(hub ? ['--hub-url', bench.hub.url, '--hub-key', hub.key] : []),
      ],
      { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], env: { MALLOC_ARENA_MAX: '2', ...process.env } },
    );
    if (run.status !== 0)
      throw new Error(`hall simulation run ${index} failed (${run.status ?? run.signal})`);
    const figures = JSON.parse(readFileSync(json, 'utf8')) as RunFigures;
    const ms = (value: number): string => value.toFixed(1);
    const shipped = hub
      ? Number(
          (
            await bench.pool.query<{ v: string }>('SELECT shipped_version AS v FROM halls WHERE id = $1', [
              hub.hallId,
            ])
          ).rows[0]!.v,
        )
      : 0;
    runs.push({ isShipping, figures, shipped });
    console.log(
      `run ${index + 1} shipping ${isShipping ? 'on ' : 'off'}: issue → ack p50 ${ms(figures.issue.p50)} p99 ${ms(figures.issue.p99)} ms; ` +
        `call → last display p50 ${ms(figures.call.p50)} p99 ${ms(figures.call.p99)} ms; bare broadcast p99 ${ms(figures.bareBroadcast.p99)} ms` +
        (isShipping ? `; ${shipped} events shipped` : ''),
    );
  }
  const of = (isShipping: boolean, pick: (figures: RunFigures) => number): number[] =>
    runs.filter((run) => run.isShipping === isShipping).map((run) => pick(run.figures));
  for (const [name, pick] of [
    ['issue → ack p99', (figures: RunFigures) => figures.issue.p99],
    ['call → last display p99', (figures: RunFigures) => figures.call.p99],
  ] as const) {
    const off = of(false, pick);
    const on = of(true, pick);
    const mean = (list: number[]): number => list.reduce((sum, value) => sum + value, 0) / list.length;
    const noise = Math.max(Math.abs(off[0]! - off[1]!), Math.abs(on[0]! - on[1]!));
    const difference = mean(on) - mean(off);
    console.log(
      `${name}: off ${off.map((v) => v.toFixed(1)).join(' / ')} ms, on ${on.map((v) => v.toFixed(1)).join(' / ')} ms; difference of the means ${difference.toFixed(1)} ms, ` +
        `run-to-run noise ${noise.toFixed(1)} ms: ${Math.abs(difference) <= noise ? 'within the noise' : 'OUTSIDE the noise'}`,
    );
  }
  return 0;
}

await runBenchMain({
  name: 'hall shipping on/off',
  main,
  timeoutMs: 60 * 60_000,
  kill: () => undefined,
  cleanup: async () => {
    await stopAll?.();
    rmSync(folder, { recursive: true, force: true });
  },
});
