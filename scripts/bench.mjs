#!/usr/bin/env node
// `pnpm bench`: every benchmark of the repository, one after the other, failing if any fails.
//   node scripts/bench.mjs [--only <name part>] [--seconds N] [--soak-minutes N] [--check-targets]
// --check-targets makes a missed target fail the benchmarks that check targets (sequential calls, hall
// simulation, headroom, report stall, sign-in flood); without it only errors fail them. The *.bench.ts files always fail
// on a missed target.
// --seconds goes to the hall simulation (default 180 s measured) and the headroom bench (default 60 s).
// --soak-minutes N adds the soak (server/bench/soak.ts) for N minutes; `--only soak --soak-minutes 30`
// runs it alone (`pnpm bench --only soak --soak-minutes 30`). Each benchmark is a TypeScript script
// run as `node --import <tsx loader> <file>` in its own package folder: no shell, so it runs the same on
// Windows and Linux. Results are printed; docs/BENCHMARKS.md records the figures of a reference run.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { serverEnvironment } from './lib/server-runtime.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tsxLoader = pathToFileURL(createRequire(path.join(root, 'package.json')).resolve('tsx')).href;

// `pnpm bench -- --x` passes the `--` on to the script: drop it.
const args = process.argv.slice(2).filter((arg, index) => !(index === 0 && arg === '--'));
const { values } = parseArgs({
  args,
  options: {
    only: { type: 'string' },
    seconds: { type: 'string' },
    'soak-minutes': { type: 'string' },
    'check-targets': { type: 'boolean', default: false },
  },
});

/**
 * The benchmarks: the hall simulation, then every `*.bench.ts` a package keeps in its `bench/` folder
 * (server, shared, apps/*), each run from its package folder as its own script would be.
 */
function benchmarks() {
  const list = [
    {
      // Issue #17's workload: one counter calling in a row against a bare relay, in one run.
      name: 'server: sequential calls',
      cwd: root,
      file: path.join(root, 'server', 'bench', 'sequential-calls.ts'),
      args: [],
      checksTargets: true,
    },
    {
      name: 'server: hall simulation',
      cwd: root,
      file: path.join(root, 'server', 'bench', 'hall-simulation.ts'),
      args: values.seconds === undefined ? [] : ['--seconds', values.seconds],
      checksTargets: true,
    },
    {
      name: 'server: headroom, 1,000 sockets',
      cwd: root,
      file: path.join(root, 'server', 'bench', 'headroom.ts'),
      args: values.seconds === undefined ? [] : ['--seconds', values.seconds],
      checksTargets: true,
    },
  ];
  list.push({
    // Issue #17: a year's report and its exports through the admin API, the server's loop delay meanwhile.
    name: 'server: report stall',
    cwd: root,
    file: path.join(root, 'server', 'bench', 'report-stall.ts'),
    args: [],
    checksTargets: true,
  });
  list.push({
    // Issue #15: 32 parallel failed manager sign-ins for 5 s; the kiosk page, a clip and a clerk's sign-in meanwhile.
    name: 'server: sign-in flood',
    cwd: root,
    file: path.join(root, 'server', 'bench', 'sign-in-flood.ts'),
    args: [],
    checksTargets: true,
  });
  if (values['soak-minutes'] !== undefined) {
    list.push({
      name: `server: soak, ${values['soak-minutes']} min at 2× peak`,
      cwd: root,
      file: path.join(root, 'server', 'bench', 'soak.ts'),
      args: ['--minutes', values['soak-minutes']],
    });
  }
  const apps = existsSync(path.join(root, 'apps')) ? readdirSync(path.join(root, 'apps')).sort() : [];
  const packages = ['server', 'shared', 'hub', ...apps.map((app) => path.join('apps', app))];
  for (const relative of packages) {
    const folder = path.join(root, relative, 'bench');
    if (!existsSync(folder)) continue;
    for (const entry of readdirSync(folder).sort()) {
      if (!entry.endsWith('.bench.ts')) continue;
      list.push({
        name: `${path.basename(relative)}: ${entry}`,
        cwd: path.join(root, relative),
        file: path.join(folder, entry),
        args: [],
      });
    }
  }
  return list.filter((bench) => values.only === undefined || bench.name.includes(values.only));
}

const results = [];
for (const bench of benchmarks()) {
  console.log(`\n── ${bench.name} ${'─'.repeat(Math.max(0, 70 - bench.name.length))}`);
  const started = Date.now();
  const targetArgs = values['check-targets'] && bench.checksTargets ? ['--check-targets'] : [];
  const run = spawnSync(process.execPath, ['--import', tsxLoader, bench.file, ...bench.args, ...targetArgs], {
    cwd: bench.cwd,
    stdio: 'inherit',
    windowsHide: true,
    // As a hall runs the server (docs/OPERATIONS.md): glibc's memory pools as every production start sets them.
    env: { ...serverEnvironment(), ...process.env },
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const status = run.error
    ? `failed to start: ${run.error.message}`
    : run.status === 0
      ? 'ok'
      : `failed (exit ${run.status ?? run.signal})`;
  results.push({ name: bench.name, status, seconds });
}

console.log('\n── summary');
for (const result of results)
  console.log(`  ${result.status === 'ok' ? 'ok    ' : 'FAILED'} ${result.name} (${result.seconds} s)`);
if (results.length === 0) {
  console.error('no benchmark matched');
  process.exit(1);
}
process.exit(results.every((result) => result.status === 'ok') ? 0 : 1);
