// What electron-builder would ship, checked against what the main process loads at run time. Runs the
// real packaging (scripts/package.mjs: electron-vite build, then electron-builder with the repository's
// config, fuses included) for a Linux directory build, with a stand-in for Electron's binary (it cannot
// be downloaded here) that carries Electron's fuse wire. Then the archive and the unpacked folder are
// read: the built main process and preload, every package the main process imports, the ticket fonts,
// and the native binaries for the target — which are then loaded and used by a plain Node from the
// unpacked copy, as Electron would load them.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractAll, extractFile, listPackage } from '@electron/asar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TICKET_FONTS } from '../../src/main/printer/fonts.ts';

const KIOSK = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Electron 45's fuse wire as shipped: RunAsNode, CookieEncryption, NodeOptions, Inspect, AsarIntegrity, OnlyLoadAppFromAsar, V8Snapshot, FileProtocolExtra. */
const SHIPPED_FUSES = '10110001';

type PackageModule = {
  packageKiosk(options: {
    platform: 'linux' | 'win32';
    dir: boolean;
    electronDist: string;
    out: string;
  }): Promise<string>;
  nativePackagesFor(platform: string, arch: string): { name: string; version: string }[];
  nativeFilesFor(platform: string, arch: string): string[];
};

const work = mkdtempSync(path.join(tmpdir(), 'luot kiosk package '));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const resources = path.join(work, 'release', 'linux-unpacked', 'resources');
let files: Set<string>;
let packaging: PackageModule;

beforeAll(async () => {
  const electronDist = path.join(work, 'electron');
  mkdirSync(path.join(electronDist, 'resources'), { recursive: true });
  writeFileSync(
    path.join(electronDist, 'electron'),
    Buffer.concat([
      Buffer.from('stand-in for the Electron binary '),
      Buffer.from(SENTINEL),
      Buffer.from([1, 8]),
      Buffer.from(SHIPPED_FUSES),
    ]),
    { mode: 0o755 },
  );
  writeFileSync(path.join(electronDist, 'version'), '45.5.0');
  packaging = (await import(path.join(KIOSK, 'scripts', 'package.mjs'))) as PackageModule;
  await packaging.packageKiosk({
    platform: 'linux',
    dir: true,
    electronDist,
    out: path.join(work, 'release'),
  });
  files = new Set(
    listPackage(path.join(resources, 'app.asar'), { isPack: false }).map((file) => file.replace(/\\/g, '/')),
  );
}, 180_000);

/** Bare package names the built main process imports (static and dynamic), Node's and Electron's aside. */
function importedPackages(source: string): string[] {
  const specifiers = [...source.matchAll(/(?:from\s*|import\s*\(\s*)["']([^"'./][^"']*)["']/g)].map(
    (match) => match[1]!,
  );
  return [
    ...new Set(
      specifiers
        .filter((name) => !name.startsWith('node:') && name !== 'electron')
        .map((name) => (name.startsWith('@') ? name.split('/').slice(0, 2).join('/') : name.split('/')[0]!)),
    ),
  ].sort();
}

describe('the packaged kiosk (electron-builder, Linux directory build)', () => {
  it('holds the built main process and preload, and starts at the main process', () => {
    expect(files.has('/out/main/index.js')).toBe(true);
    expect(files.has('/out/preload/index.cjs')).toBe(true);
    const manifest = JSON.parse(readFileSync(path.join(KIOSK, 'package.json'), 'utf8')) as { main: string };
    expect(manifest.main).toBe('out/main/index.js');
    // The example settings ship beside the program (the Windows installer copies it to ProgramData).
    expect(existsSync(path.join(work, 'release', 'linux-unpacked', 'luot-kiosk.example.json'))).toBe(true);
    // The renderer is served by the hall server (every kiosk runs the server's version): not packed,
    // and neither is React or any other renderer-only package.
    expect([...files].some((file) => file.startsWith('/dist/'))).toBe(false);
    expect(files.has('/node_modules/react')).toBe(false);
    expect([...files].some((file) => file.startsWith('/node_modules/@luot/'))).toBe(false);
  });

  it('holds every package the main process imports, and everything those need', () => {
    const main = readFileSync(path.join(KIOSK, 'out', 'main', 'index.js'), 'utf8');
    const imported = importedPackages(main);
    expect(imported).toEqual(['@napi-rs/canvas', 'koffi', 'pngjs', 'qrcode', 'usb', 'zod']);
    const missing: string[] = [];
    const seen = new Set<string>();
    const visit = (name: string, from: string): void => {
      // Node's lookup: nested node_modules first, then the top level.
      const candidates = [`${from}/node_modules/${name}`, `/node_modules/${name}`];
      const dir = candidates.find((candidate) => files.has(`${candidate}/package.json`));
      if (!dir) {
        missing.push(`${name} (needed by ${from || 'the main process'})`);
        return;
      }
      if (seen.has(dir)) return;
      seen.add(dir);
      const manifest = JSON.parse(
        extractFile(path.join(resources, 'app.asar'), `${dir.slice(1)}/package.json`).toString(),
      ) as {
        dependencies?: Record<string, string>;
      };
      for (const dependency of Object.keys(manifest.dependencies ?? {})) visit(dependency, dir);
    };
    for (const name of imported) visit(name, '');
    expect(missing).toEqual([]);
  });

  it('holds the nine ticket font files the main process reads into memory (no path handed to native code)', () => {
    for (const { file } of TICKET_FONTS) expect(files.has(`/node_modules/${file}`), file).toBe(true);
    const fontFilesShipped = [...files].filter((file) => file.endsWith('.woff2') || file.endsWith('.woff'));
    expect(fontFilesShipped).toHaveLength(TICKET_FONTS.length);
    const main = readFileSync(path.join(KIOSK, 'out', 'main', 'index.js'), 'utf8');
    expect(main).toContain('GlobalFonts.register(');
    expect(main).not.toMatch(/registerFromPath\(/);
  });

  it('unpacks the target’s native binaries beside the archive, and only the target’s', () => {
    const unpacked = path.join(resources, 'app.asar.unpacked', 'node_modules');
    const natives = spawnSync('find', [unpacked, '-name', '*.node'], { encoding: 'utf8' })
      .stdout.split('\n')
      .filter(Boolean)
      .map((file) => path.relative(unpacked, file))
      .sort();
    expect(natives).toEqual([
      '@koromix/koffi-linux-x64/linux_x64/koffi.node',
      '@koromix/koffi-linux-x64/musl_x64/koffi.node',
      '@napi-rs/canvas-linux-x64-gnu/skia.linux-x64-gnu.node',
      'usb/prebuilds/linux-x64/node.napi.glibc.node',
      'usb/prebuilds/linux-x64/node.napi.musl.node',
    ]);
  });

  it('flips Electron’s fuses in the packaged binary (checklist item 19)', () => {
    const binary = readFileSync(path.join(work, 'release', 'linux-unpacked', 'luot-kiosk'));
    const at = binary.indexOf(SENTINEL) + SENTINEL.length;
    expect([...binary.subarray(at + 2, at + 10)].map((byte) => String.fromCharCode(byte)).join('')).toBe(
      // RunAsNode off, cookies encrypted, NODE_OPTIONS off, --inspect off, (integrity as shipped), asar only, (snapshot as shipped), no file:// extras.
      '01000100',
    );
  });

  it('what it ships loads and works: canvas draws Vietnamese with the shipped fonts, usb and koffi load', () => {
    const app = path.join(work, 'app');
    extractAll(path.join(resources, 'app.asar'), app);
    cpSync(path.join(resources, 'app.asar.unpacked'), app, { recursive: true });
    const fonts = JSON.stringify(TICKET_FONTS.map(({ file }) => file));
    const probe = `
      import { createRequire } from 'node:module';
      import { readFileSync } from 'node:fs';
      const require = createRequire(${JSON.stringify(path.join(app, 'package.json'))});
      const { GlobalFonts, createCanvas } = require('@napi-rs/canvas');
      for (const file of ${fonts}) if (!GlobalFonts.register(readFileSync(require.resolve(file)), 'Probe')) throw new Error('font ' + file);
      const context = createCanvas(400, 60).getContext('2d');
      context.font = '700 40px "Probe"';
      const width = context.measureText('Đất đai – Hộ tịch').width;
      const usb = require('usb');
      const koffi = (await import(${JSON.stringify(path.join(app, 'node_modules', 'koffi', 'index.js'))})).default;
      console.log(JSON.stringify({ width, usbDevices: Array.isArray(usb.getDeviceList()), koffi: koffi.version }));
    `;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', probe], {
      encoding: 'utf8',
      cwd: app,
    });
    expect(run.status, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as { width: number; usbDevices: boolean; koffi: string };
    expect(result.width).toBeGreaterThan(200);
    expect(result).toMatchObject({ usbDevices: true, koffi: '3.3.4' });
    expect(existsSync(path.join(app, 'node_modules', '@koromix', 'koffi-linux-x64'))).toBe(true);
  });
});

describe('packaging for another platform (a Windows installer built on Linux)', () => {
  it('takes the Windows binaries of @napi-rs/canvas and koffi (fetched with npm pack), never this PC’s', () => {
    expect(packaging.nativePackagesFor('win32', 'x64')).toEqual([
      { name: '@napi-rs/canvas-win32-x64-msvc', version: '1.1.1' },
      { name: '@koromix/koffi-win32-x64', version: '3.3.4' },
    ]);
    expect(packaging.nativePackagesFor('linux', 'x64').map(({ name }) => name)).toEqual([
      '@napi-rs/canvas-linux-x64-gnu',
      '@koromix/koffi-linux-x64',
    ]);
    expect(packaging.nativeFilesFor('win32', 'x64')).toEqual([
      '!**/node_modules/usb/prebuilds/**',
      '**/node_modules/usb/prebuilds/win32-x64/**',
      '!**/node_modules/@napi-rs/canvas-*/**',
      '!**/node_modules/@koromix/koffi-*/**',
      '**/node_modules/@napi-rs/canvas-win32-x64-msvc/**',
      '**/node_modules/@koromix/koffi-win32-x64/**',
    ]);
  });
});
