// Starting npm and pnpm from our scripts (bootstrap, hall bundle) on Windows and Linux, with spaces
// anywhere: in the repository's path, in Node's (`C:\Program Files\nodejs`), in an argument.
//
// Why not `spawn('npm', args, { shell: true })`: the shell gets one unquoted command line, so
// `C:\Program Files\nodejs\npm.cmd` is read as `C:\Program` plus arguments. Instead npm is started as
// what it is, a JavaScript file run by this very Node (no shell at all); anything else on Windows goes
// through `cmd.exe /d /s /c` with every argument quoted.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';

/**
 * @typedef {object} Machine
 * @property {NodeJS.Platform} platform
 * @property {string} execPath   this Node's executable
 * @property {Readonly<Record<string, string | undefined>>} env
 * @property {(file: string) => boolean} exists
 */

/**
 * @typedef {object} CommandPlan
 * @property {string} file      what to spawn
 * @property {string[]} args
 * @property {boolean} windowsVerbatimArguments  true when `args` is one cmd.exe line already quoted
 */

/** @type {Machine} */
export const thisMachine = {
  platform: process.platform,
  execPath: process.execPath,
  env: process.env,
  exists: existsSync,
};

/** @param {Machine} machine */
const pathFor = (machine) => (machine.platform === 'win32' ? path.win32 : path.posix);

/**
 * npm's own entry script, so npm can be started as `node npm-cli.js` without a shell: the one npm is
 * running us from (npm_execpath), else the npm installed beside this Node (Windows: `<node dir>\
 * node_modules\npm`; Linux and macOS: `<prefix>/lib/node_modules/npm`).
 * @param {Machine} machine
 * @returns {string | undefined}
 */
export function npmCliPath(machine) {
  const paths = pathFor(machine);
  const fromNpm = machine.env.npm_execpath;
  if (fromNpm && /npm-cli\.js$/.test(fromNpm) && machine.exists(fromNpm)) return fromNpm;
  const nodeDir = paths.dirname(machine.execPath);
  const candidates =
    machine.platform === 'win32'
      ? [paths.join(nodeDir, 'node_modules', 'npm', 'bin', 'npm-cli.js')]
      : [
          paths.join(nodeDir, '..', 'lib', 'node_modules', 'npm', 'bin', 'npm-cli.js'),
          paths.join(nodeDir, 'node_modules', 'npm', 'bin', 'npm-cli.js'),
        ];
  return candidates.find((candidate) => machine.exists(candidate));
}

/**
 * One argument for a cmd.exe command line: quoted when it holds a space or a character cmd.exe treats
 * specially; a `"` inside is doubled.
 * @param {string} arg
 */
export function quoteForCmd(arg) {
  if (arg !== '' && !/[\s"&|<>^()%!,;=]/.test(arg)) return arg;
  return `"${arg.replace(/"/g, '""')}"`;
}

/**
 * How to start `command args…` on this machine. `npm` becomes `node npm-cli.js` (no shell); on Windows
 * anything else (a `.cmd` shim such as `pnpm.cmd`, which Node refuses to start without a shell) runs
 * through `cmd.exe /d /s /c "<quoted line>"`; elsewhere the command starts directly.
 * @param {string} command
 * @param {readonly string[]} args
 * @param {Machine} [machine]
 * @returns {CommandPlan}
 */
export function planCommand(command, args, machine = thisMachine) {
  if (command === 'npm') {
    const cli = npmCliPath(machine);
    if (cli) return { file: machine.execPath, args: [cli, ...args], windowsVerbatimArguments: false };
  }
  if (machine.platform === 'win32') {
    const line = [command, ...args].map(quoteForCmd).join(' ');
    // /s: cmd.exe strips exactly the outer pair of quotes and keeps the rest of the line as it is.
    return {
      file: machine.env.ComSpec ?? 'cmd.exe',
      args: ['/d', '/s', '/c', `"${line}"`],
      windowsVerbatimArguments: true,
    };
  }
  return { file: command, args: [...args], windowsVerbatimArguments: false };
}

/**
 * Start a planned command and wait for it.
 * @param {string} command
 * @param {readonly string[]} args
 * @param {{ cwd: string, env?: NodeJS.ProcessEnv }} options
 * @param {'inherit' | 'capture'} output
 */
function spawnPlanned(command, args, options, output) {
  const plan = planCommand(command, args);
  return spawnSync(plan.file, plan.args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    windowsVerbatimArguments: plan.windowsVerbatimArguments,
    ...(output === 'inherit' ? { stdio: 'inherit' } : { encoding: 'utf8' }),
  });
}

/**
 * Run a command to its end with inherited output; returns its exit code.
 * @param {string} command
 * @param {readonly string[]} args
 * @param {{ cwd: string, env?: NodeJS.ProcessEnv }} options
 */
export function run(command, args, options) {
  const result = spawnPlanned(command, args, options, 'inherit');
  if (result.error) throw result.error;
  return result.status ?? 1;
}

/**
 * Run a command and return its trimmed standard output, or '' when it fails or does not exist.
 * @param {string} command
 * @param {readonly string[]} args
 * @param {{ cwd: string, env?: NodeJS.ProcessEnv }} options
 */
export function capture(command, args, options) {
  const result = spawnPlanned(command, args, options, 'capture');
  return result.status === 0 ? String(result.stdout).trim() : '';
}

/**
 * pnpm at the version the repository pins (`packageManager`): the one on the PATH if it is that
 * version, otherwise through `npm exec` (which fetches it once into npm's cache).
 * @param {string} root the repository
 * @returns {{ command: string, prefix: string[], version: string }}
 */
export function pinnedPnpm(root) {
  const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const version = String(manifest.packageManager).replace(/^pnpm@/, '');
  if (capture('pnpm', ['--version'], { cwd: root }) === version)
    return { command: 'pnpm', prefix: [], version };
  return {
    command: 'npm',
    prefix: ['exec', '--yes', `--package=pnpm@${version}`, '--', 'pnpm'],
    version,
  };
}

/**
 * better-sqlite3 compiles from source where no prebuilt binary can be downloaded. node-gyp started by
 * pnpm does not read npm's own config, so without this it tries to download Node's headers too and
 * fails offline. Prefer npm's configured nodedir, then the headers that ship beside this Node binary.
 * @param {string} root
 * @returns {string | undefined}
 */
export function findNodeHeaders(root) {
  if (process.env.npm_config_nodedir) return process.env.npm_config_nodedir;
  const configured = capture('npm', ['config', 'get', 'nodedir'], { cwd: root });
  if (configured && configured !== 'undefined' && configured !== 'null' && existsSync(configured)) {
    return configured;
  }
  const besideNode = path.resolve(path.dirname(process.execPath), '..');
  if (existsSync(path.join(besideNode, 'include', 'node', 'node.h'))) return besideNode;
  return undefined;
}

/**
 * The environment for installing: no Electron binary download (the kiosk is built and tested without
 * it), and Node's headers for native builds.
 * @param {string} root
 * @returns {NodeJS.ProcessEnv}
 */
export function installEnvironment(root) {
  const env = { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' };
  const headers = findNodeHeaders(root);
  if (headers) env.npm_config_nodedir = headers;
  return env;
}
