#!/usr/bin/env node
// One entry point for a fresh machine that has only Node.js (20.19+, 22 or 24) and npm (Windows or Linux):
//   node scripts/bootstrap.mjs start   install everything, build the web apps and the server, start a demo hall
//   node scripts/bootstrap.mjs install install everything and build the web apps and the server
//   node scripts/bootstrap.mjs test    install everything, then lint, typecheck and run every test
// It needs no global state: pnpm runs through `npm exec` at the version package.json pins, and the
// native-build settings it needs are passed to that one install through the environment. Paths with
// spaces (`C:\Program Files\nodejs`, `D:\Lượt dự án`) are fine: no command goes through a shell unquoted
// (scripts/lib/commands.mjs).
import { existsSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { installEnvironment, pinnedPnpm, run } from './lib/commands.mjs';
import { serverEnvironment } from './lib/server-runtime.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const mode = process.argv[2] ?? 'start';
const modes = new Set(['install', 'start', 'test']);
if (!modes.has(mode)) {
  console.error(`usage: node scripts/bootstrap.mjs <${[...modes].join('|')}>`);
  process.exit(2);
}

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(
    `Lượt needs Node.js 20.19 or newer (22 or 24 LTS recommended); this is ${process.versions.node}.`,
  );
  process.exit(1);
}

const installEnv = installEnvironment(root);
const pnpm = pinnedPnpm(root);
const runPnpm = (args, env = installEnv) => run(pnpm.command, [...pnpm.prefix, ...args], { cwd: root, env });

const frozen = existsSync(path.join(root, 'pnpm-lock.yaml')) ? ['--frozen-lockfile'] : [];
let status = runPnpm(['install', ...frozen]);
if (status !== 0) process.exit(status);

if (mode === 'test') {
  status = run(process.execPath, [path.join(root, 'scripts', 'ensure-chromium.mjs')], { cwd: root });
  if (status !== 0) process.exit(status);
  status = runPnpm(['run', 'check']);
} else if (mode === 'start') {
  // The hall server is compiled JavaScript (server/dist) and serves the web apps from their build output.
  status = runPnpm(['run', 'build']);
  // The server's environment as every production start sets it (glibc's memory pools, docs/BENCHMARKS.md).
  // The quick start shows the demo hall (LUOT_DEMO=1): a new database gets its services, counters, clerks
  // (PIN 1234) and the manager admin/admin. A real hall starts without it (docs/OPERATIONS.md, "First start").
  if (status === 0)
    status = runPnpm(['run', 'start'], { ...serverEnvironment(), LUOT_DEMO: '1', ...installEnv });
} else if (mode === 'install') {
  status = runPnpm(['run', 'build']);
}
process.exit(status);
