// The offline hall-server bundle (scripts/hall-bundle.mjs), tested as a hall gets it: the zip is unpacked
// into a fresh folder and started by its own start script inside a network namespace that has no network
// at all (`unshare -n`: only a loopback interface), where /health answers and a kiosk takes tickets over
// Socket.IO. Linux only, as root (network namespaces); on Windows the same bundle is checked by the
// technician's checklist in docs/OPERATIONS.md.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../server/scripts/build-server.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const canUseNamespaces =
  process.platform === 'linux' &&
  process.getuid?.() === 0 &&
  spawnSync('unshare', ['-n', 'true']).status === 0 &&
  spawnSync('unzip', ['-v']).status === 0;
const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

describe.skipIf(!canUseNamespaces)('offline hall bundle (Linux network namespace; needs root)', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'luot bundle '));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('builds, unzips and runs with no network: /health answers and a kiosk takes two tickets', async () => {
    // The web apps were built by this project's global setup; the server is built here, then the bundle
    // command runs as a technician runs it (without repeating the web builds).
    await buildServer();
    const build = spawnSync(
      process.execPath,
      [path.join(ROOT, 'scripts', 'hall-bundle.mjs'), '--skip-build', '--out', work],
      {
        encoding: 'utf8',
        timeout: 300_000,
      },
    );
    expect(build.status, build.stderr + build.stdout).toBe(0);
    const version = (
      JSON.parse(readFileSync(path.join(ROOT, 'server', 'package.json'), 'utf8')) as { version: string }
    ).version;
    const name = `luot-hall-${version}-${process.platform}-${process.arch}`;
    const zip = path.join(work, `${name}.zip`);
    const zipBytes = statSync(zip).size;

    const unpacked = path.join(work, 'hall pc');
    expect(spawnSync('unzip', ['-q', zip, '-d', unpacked]).status).toBe(0);
    const bundle = path.join(unpacked, name);
    // What a hall gets: compiled JavaScript, production dependencies only, no TypeScript anywhere.
    const listing = spawnSync('find', [bundle, '-type', 'f'], { encoding: 'utf8' }).stdout.split('\n');
    expect(listing.filter((file) => /\.(ts|tsx|mts)$/.test(file) && !file.endsWith('.d.ts'))).toEqual([]);
    expect(listing.some((file) => file.includes(`${path.sep}node_modules${path.sep}tsx${path.sep}`))).toBe(
      false,
    );
    for (const required of [
      'start.sh',
      'luot',
      'start.cmd',
      'luot.cmd',
      'luot-service.xml',
      'runtime/node',
      'server/dist/main.mjs',
      'server/dist/cli.mjs',
      'server/dist/report-worker.mjs',
      'server/dist/zone-transitions.mjs',
      'server/node_modules/better-sqlite3/build/Release/better_sqlite3.node',
      'apps/kiosk/dist/index.html',
      'apps/counter/dist/index.html',
      'apps/display/dist/index.html',
      'apps/admin/dist/index.html',
      'docs/OPERATIONS.md',
    ]) {
      expect(existsSync(path.join(bundle, required)), required).toBe(true);
    }
    // The zip kept the executable bits, and Windows batch files have CRLF line ends.
    expect(statSync(path.join(bundle, 'start.sh')).mode & 0o111).not.toBe(0);
    expect(statSync(path.join(bundle, 'runtime', 'node')).mode & 0o111).not.toBe(0);
    expect(readFileSync(path.join(bundle, 'start.cmd'), 'utf8')).toMatch(/\r\n/);
    expect(readFileSync(path.join(bundle, 'start.cmd'), 'utf8').replace(/\r\n/g, '')).not.toMatch(/\n/);

    const check = spawnSync(
      'unshare',
      [
        '-n',
        process.execPath,
        '--import',
        TSX_LOADER,
        path.join(ROOT, 'e2e', 'support', 'offline-hall-check.ts'),
        bundle,
        work,
        '18141',
      ],
      { encoding: 'utf8', timeout: 120_000, cwd: ROOT },
    );
    const report = JSON.parse(check.stdout.trim().split('\n').at(-1) ?? '{}') as {
      error?: string;
      interfaces: string[];
      startMs: number;
      health: { ok: boolean; version: string };
      tickets: { number: string; isPrinted: boolean }[];
      printedPages: number;
      serverExit: number | null;
      serverOutput: string;
    };
    expect(report.error, `${report.error}\n${report.serverOutput}\n${check.stderr}`).toBeUndefined();
    expect(report.interfaces).toEqual(['lo']);
    expect(report.health).toMatchObject({ ok: true, version });
    expect(report.tickets.map((ticket) => ticket.isPrinted)).toEqual([true, true]);
    const [first, second] = report.tickets.map((ticket) => ticket.number);
    expect(second).not.toBe(first);
    expect(report.printedPages).toBe(2);
    expect(report.serverExit).toBe(0);
    // The bundled server took its zone from dist/zone-transitions.mjs (no warning, no fallback to Intl).
    expect(report.serverOutput).not.toMatch(/time zone table/);
    console.log(
      `offline bundle: folder ${(Number(spawnSync('du', ['-sb', bundle], { encoding: 'utf8' }).stdout.split('\t')[0]) / 1048576).toFixed(1)} MB, ` +
        `zip ${(zipBytes / 1048576).toFixed(1)} MB, start → /health ${report.startMs} ms, tickets ${report.tickets.map((t) => t.number).join(', ')}`,
    );
  });
});
