#!/usr/bin/env node
// One entry point for a fresh machine that has only Node.js 20+ and npm (Windows or Linux):
//   node scripts/bootstrap.mjs start   install everything, build the web apps, start a hall with demo data
//   node scripts/bootstrap.mjs install install everything and build the web apps (a hall's server PC)
//   node scripts/bootstrap.mjs test    install everything, then lint, typecheck and run every test
// It needs no global state: pnpm runs through `npm exec` at the version package.json pins, and the
// native-build settings it needs are passed to that one install through the environment.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const isWindows = process.platform === 'win32';
const mode = process.argv[2] ?? 'start';
const modes = new Set(['install', 'start', 'test']);
if (!modes.has(mode)) {
  console.error(`usage: node scripts/bootstrap.mjs <${[...modes].join('|')}>`);
  process.exit(2);
}

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`Lượt needs Node.js 20.19 or newer; this is ${process.versions.node}.`);
  process.exit(1);
}

const pnpmVersion = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).packageManager.replace(
  /^pnpm@/,
  '',
);

function run(command, args, env = process.env) {
  // npm and pnpm are .cmd shims on Windows, which only a shell can start.
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env, shell: isWindows });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

function capture(command, args) {
  const result = spawnSync(command, args, { cwd: root, encoding: 'utf8', shell: isWindows });
  return result.status === 0 ? result.stdout.trim() : '';
}

/**
 * better-sqlite3 compiles from source where no prebuilt binary can be downloaded. node-gyp started by
 * pnpm does not read npm's own config, so without this it tries to download Node's headers too and
 * fails offline. Prefer npm's configured nodedir, then the headers that ship beside this Node binary.
 */
function findNodeHeaders() {
  if (process.env.npm_config_nodedir) return process.env.npm_config_nodedir;
  const configured = capture('npm', ['config', 'get', 'nodedir']);
  if (configured && configured !== 'undefined' && configured !== 'null' && existsSync(configured)) {
    return configured;
  }
  const besideNode = path.resolve(path.dirname(process.execPath), '..');
  if (existsSync(path.join(besideNode, 'include', 'node', 'node.h'))) return besideNode;
  return undefined;
}

function pnpmCommand() {
  if (capture('pnpm', ['--version']) === pnpmVersion) return { command: 'pnpm', prefix: [] };
  return { command: 'npm', prefix: ['exec', '--yes', `--package=pnpm@${pnpmVersion}`, '--', 'pnpm'] };
}

const installEnv = { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' };
const headers = findNodeHeaders();
if (headers) installEnv.npm_config_nodedir = headers;

const pnpm = pnpmCommand();
const frozen = existsSync(path.join(root, 'pnpm-lock.yaml')) ? ['--frozen-lockfile'] : [];
let status = run(pnpm.command, [...pnpm.prefix, 'install', ...frozen], installEnv);
if (status !== 0) process.exit(status);

if (mode === 'test') {
  status = run(process.execPath, [path.join(root, 'scripts', 'ensure-chromium.mjs')]);
  if (status !== 0) process.exit(status);
  status = run(pnpm.command, [...pnpm.prefix, 'run', 'check'], installEnv);
} else if (mode === 'start') {
  // The hall server serves the web apps from their build output.
  status = run(pnpm.command, [...pnpm.prefix, 'run', 'build'], installEnv);
  // glibc keeps a memory pool per worker thread; two keep the server's memory flat (docs/BENCHMARKS.md).
  const serverEnv = { MALLOC_ARENA_MAX: '2', ...installEnv };
  if (status === 0) status = run(pnpm.command, [...pnpm.prefix, 'run', 'start'], serverEnv);
} else if (mode === 'install') {
  status = run(pnpm.command, [...pnpm.prefix, 'run', 'build'], installEnv);
}
process.exit(status);
