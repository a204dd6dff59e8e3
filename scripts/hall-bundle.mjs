#!/usr/bin/env node
// The offline hall-server bundle: one folder (and the same folder as a zip) that a technician copies to
// the hall's server PC and starts with no network and nothing installed — not even Node.
//
//   node scripts/hall-bundle.mjs [--out <folder>] [--skip-build] [--no-zip]
//
// Build it on the kind of PC the hall runs (a Windows bundle on Windows): the SQLite native module and
// the Node runtime inside are this machine's. What is inside, and why (docs/OPERATIONS.md):
//   runtime/node(.exe)        the Node that built the bundle (same ABI as the native module)
//   server/dist/*.mjs          the server and CLI compiled to JavaScript by esbuild (no TypeScript)
//   server/node_modules        production dependencies only (`pnpm deploy --prod`, flat: no links)
//   apps/*/dist, apps/display/voice/vi   the built web apps and the built-in voice clips
//   start.cmd / luot.cmd / luot-service.xml (Windows), start.sh / luot (Linux), docs/, BUNDLE.json
import {
  chmodSync,
  copyFileSync,
  cpSync,
  createReadStream,
  createWriteStream,
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { installEnvironment, pinnedPnpm, run } from './lib/commands.mjs';
import { serverEnvironment, serverNodeFlags } from './lib/server-runtime.mjs';

export { serverEnvironment, serverNodeFlags };

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The web apps the server serves, and the built-in voice clips; paths relative to the repository. */
export const BUNDLED_APP_FOLDERS = [
  'apps/kiosk/dist',
  'apps/counter/dist',
  'apps/display/dist',
  'apps/admin/dist',
  'apps/display/voice/vi',
];
/** Documents a technician needs at the hall, copied into the bundle's docs/. */
const BUNDLED_DOCS = ['OPERATIONS.md', 'KIOSK.md', 'PRINTING.md'];

/** The bundle's folder name for a version on a platform, e.g. `luot-hall-0.1.0-win32-x64`. */
export function bundleName(version, platform = process.platform, arch = process.arch) {
  return `luot-hall-${version}-${platform}-${arch}`;
}

/** Windows batch files need CRLF line ends (cmd.exe misreads labels and blocks in LF files). */
const crlf = (text) => text.replace(/\r?\n/g, '\r\n');

/** The start scripts and service files, keyed by their path in the bundle; `mode` 0o755 for scripts. */
export function launcherFiles(target, nodeFlags = serverNodeFlags(), environment = serverEnvironment()) {
  const flags = nodeFlags.join(' ');
  // The server's environment, each variable kept when the hall sets it itself.
  const exports = Object.entries(environment)
    .map(([name, value]) => `export ${name}="\${${name}:-${value}}"\n`)
    .join('');
  const wrongPlatform = `This bundle was built for ${target}. Build the bundle for this PC on a PC of the same kind: docs/OPERATIONS.md`;
  const shHeader = `#!/bin/sh
# Lượt hall server, offline bundle (${target}). Settings are environment variables: docs/OPERATIONS.md.
here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
: "\${LUOT_DATA_DIR:=$here/data}"
export LUOT_DATA_DIR
if [ ! -x "$here/runtime/node" ]; then
  echo "${wrongPlatform}" >&2
  exit 1
fi
`;
  const cmdHeader = `@echo off
rem Lượt hall server, offline bundle (${target}). Settings are environment variables: docs\\OPERATIONS.md.
setlocal
set "HERE=%~dp0"
if not defined LUOT_DATA_DIR set "LUOT_DATA_DIR=%ProgramData%\\Luot\\data"
if not exist "%HERE%runtime\\node.exe" (
  echo ${wrongPlatform}
  exit /b 1
)
`;
  return {
    'start.sh': {
      mode: 0o755,
      text: `${shHeader}# glibc's memory pools: two, not one per thread, and large blocks given back (docs/BENCHMARKS.md).
${exports}export NODE_ENV=production
exec "$here/runtime/node" ${flags} "$here/server/dist/main.mjs" "$@"
`,
    },
    luot: {
      mode: 0o755,
      text: `${shHeader}exec "$here/runtime/node" "$here/server/dist/cli.mjs" "$@"
`,
    },
    'start.cmd': {
      mode: 0o644,
      text: crlf(`${cmdHeader}set "NODE_ENV=production"
"%HERE%runtime\\node.exe" ${flags} "%HERE%server\\dist\\main.mjs" %*
exit /b %ERRORLEVEL%
`),
    },
    'luot.cmd': {
      mode: 0o644,
      text: crlf(`${cmdHeader}"%HERE%runtime\\node.exe" "%HERE%server\\dist\\cli.mjs" %*
exit /b %ERRORLEVEL%
`),
    },
    // WinSW 2.x (rename WinSW-x64.exe to luot-service.exe beside this file): docs/OPERATIONS.md.
    'luot-service.xml': {
      mode: 0o644,
      text: crlf(`<service>
  <id>luot</id>
  <name>Luot hall server</name>
  <description>Lượt: queue tickets, counters and hall displays (hall server on port 8080)</description>
  <executable>%BASE%\\runtime\\node.exe</executable>
  <arguments>${flags} "%BASE%\\server\\dist\\main.mjs"</arguments>
  <workingdirectory>%BASE%</workingdirectory>
  <env name="LUOT_DATA_DIR" value="%ProgramData%\\Luot\\data"/>
  <env name="PORT" value="8080"/>
  <env name="NODE_ENV" value="production"/>
  <startmode>Automatic</startmode>
  <onfailure action="restart" delay="2 sec"/>
  <onfailure action="restart" delay="10 sec"/>
  <onfailure action="restart" delay="30 sec"/>
  <resetfailure>1 hour</resetfailure>
  <stoptimeout>15 sec</stoptimeout>
  <logpath>%ProgramData%\\Luot\\logs</logpath>
  <log mode="roll-by-size">
    <sizeThreshold>10240</sizeThreshold>
    <keepFiles>10</keepFiles>
  </log>
</service>
`),
    },
    'README.txt': {
      mode: 0o644,
      text: crlf(`Lượt hall server — offline bundle for ${target}

Windows: start.cmd (or the service: luot-service.xml + WinSW), CLI: luot.cmd <command>
Linux:   ./start.sh, CLI: ./luot <command>

Nothing needs to be installed and no network is used. Step by step (Vietnamese and English),
the Windows service, backups and the kiosk: docs/OPERATIONS.md and docs/KIOSK.md.
`),
    },
  };
}

/**
 * Trim what only building needs from the deployed dependencies: pnpm's bookkeeping, `.bin` links, and
 * better-sqlite3's sources and intermediate objects (only `build/Release/better_sqlite3.node` loads).
 */
function trimDeployed(serverDir) {
  const modules = path.join(serverDir, 'node_modules');
  for (const name of ['.bin', '.pnpm', '.modules.yaml', '.pnpm-workspace-state-v1.json']) {
    rmSync(path.join(modules, name), { recursive: true, force: true });
  }
  for (const name of ['pnpm-lock.yaml', 'pnpm-workspace.yaml'])
    rmSync(path.join(serverDir, name), { force: true });
  const sqlite = path.join(modules, 'better-sqlite3');
  for (const name of [
    'deps',
    'src',
    'build/deps',
    'build/Release/obj',
    'build/Release/obj.target',
    'build/Release/.deps',
  ]) {
    rmSync(path.join(sqlite, name), { recursive: true, force: true });
  }
  const release = path.join(sqlite, 'build', 'Release');
  for (const name of existsSync(release) ? readdirSync(release) : []) {
    if (name !== 'better_sqlite3.node') rmSync(path.join(release, name), { recursive: true, force: true });
  }
  if (!existsSync(path.join(release, 'better_sqlite3.node'))) {
    throw new Error('better-sqlite3 has no built native module (build/Release/better_sqlite3.node)');
  }
}

/** Every file under `dir`, as paths relative to it with `/`, in a stable order. */
export function listFiles(dir, prefix = '') {
  const files = [];
  for (const entry of readdirSync(path.join(dir, prefix), { withFileTypes: true }).sort((a, b) =>
    a.name.localeCompare(b.name),
  )) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isSymbolicLink()) throw new Error(`${relative} is a link: the bundle must be plain files`);
    if (entry.isDirectory()) files.push(...listFiles(dir, relative));
    else files.push(relative);
  }
  return files;
}

/** Zip a folder (as `<name>/…` inside the archive), streaming, keeping the executable bits for Linux. */
async function zipFolder(dir, zipFile) {
  // fflate is one of the server's own (bundled) dependencies; resolve it from there.
  const { Zip, ZipDeflate } = createRequire(path.join(root, 'server', 'package.json'))('fflate');
  const output = createWriteStream(zipFile);
  const written = new Promise((resolve, reject) => {
    output.on('finish', resolve);
    output.on('error', reject);
  });
  let failure = null;
  const zip = new Zip((error, chunk, isFinal) => {
    if (error) failure = error;
    else output.write(chunk);
    if (isFinal || error) output.end();
  });
  const name = path.basename(dir);
  for (const relative of listFiles(dir)) {
    const file = path.join(dir, relative);
    const { mode, mtime } = lstatSync(file);
    const entry = new ZipDeflate(`${name}/${relative}`, { level: 6, mtime });
    // Unix mode in the high half of the external attributes (what unzip restores); os 3 = Unix.
    entry.os = 3;
    entry.attrs = ((0o100000 | (mode & 0o777)) << 16) >>> 0;
    zip.add(entry);
    for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
      entry.push(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    }
    entry.push(new Uint8Array(0), true);
  }
  zip.end();
  await written;
  if (failure) throw failure;
}

function folderSize(dir) {
  return listFiles(dir).reduce((total, relative) => total + statSync(path.join(dir, relative)).size, 0);
}

/**
 * Build the bundle; returns where it is and what it weighs.
 * @param {{ out?: string, skipBuild?: boolean, zip?: boolean, log?: (line: string) => void }} options
 */
export async function buildHallBundle(options = {}) {
  const log = options.log ?? ((line) => console.log(line));
  const env = installEnvironment(root);
  const pnpm = pinnedPnpm(root);
  const runPnpm = (args) => {
    const status = run(pnpm.command, [...pnpm.prefix, ...args], { cwd: root, env });
    if (status !== 0) throw new Error(`pnpm ${args.join(' ')} failed (exit ${status})`);
  };
  if (!options.skipBuild) {
    log('Building the web apps and the server (pnpm build)…');
    runPnpm(['run', 'build']);
  }
  const required = [
    'server/dist/main.mjs',
    'server/dist/cli.mjs',
    'server/dist/report-worker.mjs',
    'server/dist/zone-transitions.mjs',
    ...BUNDLED_APP_FOLDERS,
  ];
  const missing = required.filter((relative) => !existsSync(path.join(root, relative)));
  if (missing.length > 0) throw new Error(`not built: ${missing.join(', ')} (run pnpm build)`);

  const version = JSON.parse(readFileSync(path.join(root, 'server', 'package.json'), 'utf8')).version;
  const target = `${process.platform}-${process.arch}`;
  const outDir = path.resolve(options.out ?? path.join(root, 'release'));
  const dir = path.join(outDir, bundleName(version));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });

  log('Production dependencies (pnpm deploy --prod)…');
  // Flat node_modules (no links), so the folder copies and zips as plain files on any disk.
  runPnpm([
    '--filter',
    '@luot/server',
    'deploy',
    '--prod',
    '--config.node-linker=hoisted',
    path.join(dir, 'server'),
  ]);
  trimDeployed(path.join(dir, 'server'));

  for (const relative of BUNDLED_APP_FOLDERS) {
    cpSync(path.join(root, relative), path.join(dir, relative), { recursive: true });
  }
  mkdirSync(path.join(dir, 'docs'));
  for (const doc of BUNDLED_DOCS) copyFileSync(path.join(root, 'docs', doc), path.join(dir, 'docs', doc));

  const runtime = path.join(dir, 'runtime', process.platform === 'win32' ? 'node.exe' : 'node');
  mkdirSync(path.dirname(runtime));
  copyFileSync(process.execPath, runtime);
  chmodSync(runtime, 0o755);
  for (const [relative, { text, mode }] of Object.entries(launcherFiles(target))) {
    writeFileSync(path.join(dir, relative), text);
    chmodSync(path.join(dir, relative), mode);
  }
  const manifest = {
    name: 'luot-hall',
    version,
    platform: process.platform,
    arch: process.arch,
    node: process.versions.node,
    // The native module in server/node_modules is built for exactly this ABI.
    nodeModulesAbi: process.versions.modules,
    builtAt: new Date().toISOString(),
    start: process.platform === 'win32' ? 'start.cmd' : 'start.sh',
  };
  writeFileSync(path.join(dir, 'BUNDLE.json'), `${JSON.stringify(manifest, null, 2)}\n`);

  const files = listFiles(dir);
  if (files.some((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))) {
    throw new Error('TypeScript source found in the bundle: the hall runs compiled JavaScript only');
  }
  const result = { dir, files: files.length, bytes: folderSize(dir), zip: null, zipBytes: 0 };
  if (options.zip !== false) {
    const zipFile = `${dir}.zip`;
    rmSync(zipFile, { force: true });
    log('Zipping…');
    await zipFolder(dir, zipFile);
    result.zip = zipFile;
    result.zipBytes = statSync(zipFile).size;
  }
  return result;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      out: { type: 'string' },
      'skip-build': { type: 'boolean' },
      'no-zip': { type: 'boolean' },
    },
  });
  const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  buildHallBundle({ out: values.out, skipBuild: values['skip-build'], zip: !values['no-zip'] }).then(
    (bundle) => {
      console.log(`\nHall bundle: ${bundle.dir} (${bundle.files} files, ${mb(bundle.bytes)})`);
      if (bundle.zip) console.log(`Zip:         ${bundle.zip} (${mb(bundle.zipBytes)})`);
    },
    (error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
