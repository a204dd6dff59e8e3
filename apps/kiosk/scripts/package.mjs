#!/usr/bin/env node
// Package the kiosk's Electron shell with electron-builder (a locked devDependency):
//   pnpm --filter @luot/kiosk package                 this PC's installer: Windows → NSIS setup .exe,
//                                                     Linux → a directory build (AppImage/deb: --linux-installers)
//   node scripts/package.mjs --win|--linux [--dir] [--electron-dist <folder>] [--out <folder>]
// electron-builder needs Electron's binary for the target: it uses node_modules/electron/dist when it is
// there (`node node_modules/electron/install.js` fetches it), else downloads it, or takes --electron-dist.
//
// Native modules and the target platform (docs/KIOSK.md "Packaging"): `usb` ships prebuilt binaries for
// every platform in one package, but @napi-rs/canvas and koffi ship one package per platform, and pnpm
// installs only this PC's. Packaging for another platform (a Windows installer built on Linux) fetches
// the target's packages with `npm pack` into .package-natives/ and packs those instead, and every build
// keeps only its target's binaries. Building the Windows installer on Windows avoids the fetch.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { capture } from '../../../scripts/lib/commands.mjs';

export const KIOSK_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(KIOSK_DIR, 'package.json'));

/** Packages whose native binary comes in a separate package per platform: [package, binary package prefix]. */
export const PER_PLATFORM_NATIVES = [
  ['@napi-rs/canvas', '@napi-rs/canvas-'],
  ['koffi', '@koromix/koffi-'],
];

/** An installed package's manifest (found from its entry point: some packages do not export package.json). */
function manifestOf(name) {
  let dir = path.dirname(require.resolve(name));
  for (;;) {
    const file = path.join(dir, 'package.json');
    if (existsSync(file)) {
      const manifest = JSON.parse(readFileSync(file, 'utf8'));
      if (manifest.name === name) return manifest;
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`cannot find the manifest of ${name}`);
    dir = parent;
  }
}

/** The binary package of each per-platform native for a target, e.g. `@napi-rs/canvas-win32-x64-msvc@1.1.1`. */
export function nativePackagesFor(platform, arch) {
  return PER_PLATFORM_NATIVES.map(([name, prefix]) => {
    const manifest = manifestOf(name);
    const candidates = Object.keys(manifest.optionalDependencies ?? {}).filter((dependency) =>
      dependency.startsWith(prefix),
    );
    const wanted = candidates.find((dependency) => {
      const rest = dependency.slice(prefix.length).split('-');
      const isLinuxVariant = platform === 'linux' ? rest.includes('gnu') || rest.length === 2 : true;
      return rest[0] === platform && rest[1] === arch && isLinuxVariant;
    });
    if (!wanted) throw new Error(`${name} has no binary package for ${platform}-${arch}`);
    return { name: wanted, version: manifest.optionalDependencies[wanted] };
  });
}

/**
 * The file filters that keep only the target's native binaries (other platforms' would only weigh the
 * installer down, or — the cross-build trap — be the only ones there).
 */
export function nativeFilesFor(platform, arch) {
  const keep = `${platform}-${arch}`;
  return [
    // usb: prebuilds/<platform>-<arch>/…
    '!**/node_modules/usb/prebuilds/**',
    `**/node_modules/usb/prebuilds/${keep}/**`,
    // The per-platform binary packages of this PC (pnpm installed them) when they are not the target's.
    ...PER_PLATFORM_NATIVES.map(([, prefix]) => `!**/node_modules/${prefix}*/**`),
    ...nativePackagesFor(platform, arch).map(({ name }) => `**/node_modules/${name}/**`),
  ];
}

/** Fetch the target's binary packages (only when building for another platform) into .package-natives. */
function fetchNatives(platform, arch) {
  const dir = path.join(KIOSK_DIR, '.package-natives', `${platform}-${arch}`);
  rmSync(dir, { recursive: true, force: true });
  for (const { name, version } of nativePackagesFor(platform, arch)) {
    const target = path.join(dir, 'node_modules', name);
    mkdirSync(target, { recursive: true });
    const packed = capture('npm', ['pack', `${name}@${version}`, '--silent', '--pack-destination', dir], {
      cwd: dir,
    });
    if (!packed)
      throw new Error(
        `npm pack ${name}@${version} failed (the registry is needed to build for another platform)`,
      );
    const tarball = path.join(dir, packed.split('\n').at(-1));
    // tar ships with Windows 10+ and every Linux.
    if (
      capture('tar', ['-xzf', tarball, '-C', target, '--strip-components=1'], { cwd: dir }) === '' &&
      !existsSync(path.join(target, 'package.json'))
    ) {
      throw new Error(`could not unpack ${tarball}`);
    }
    rmSync(tarball);
  }
  return path.join(dir, 'node_modules');
}

/**
 * Build the main process and preload into out/ with electron-vite, in a child process whose working
 * folder is the kiosk's: electron-vite reads the package's `dependencies` (what stays external) and
 * resolves `out/` from the working folder, so building in-process from anywhere else (a test runner
 * started at the repository root) wrote a bundle with every dependency inlined to the wrong place.
 */
function buildElectronSide() {
  const cli = path.join(
    path.dirname(require.resolve('electron-vite/package.json')),
    'bin',
    'electron-vite.js',
  );
  const result = spawnSync(process.execPath, [cli, 'build', '--logLevel', 'warn'], {
    cwd: KIOSK_DIR,
    stdio: 'inherit',
  });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`electron-vite build failed (exit ${result.status})`);
}

/**
 * Build the main process and preload, then package them. Returns the output folder.
 * @param {{ platform: 'win32' | 'linux', arch?: string, dir?: boolean, installers?: boolean, electronDist?: string, out?: string, config?: Record<string, unknown> }} options
 */
export async function packageKiosk(options) {
  const arch = options.arch ?? 'x64';
  buildElectronSide();

  const builder = await import('electron-builder');
  const localDist = path.join(KIOSK_DIR, 'node_modules', 'electron', 'dist');
  const isCross = options.platform !== process.platform;
  const electronDist = options.electronDist ?? (!isCross && existsSync(localDist) ? localDist : undefined);
  const files = [
    'out/**',
    'package.json',
    '!**/*.map',
    ...fontFiles(),
    ...nativeFilesFor(options.platform, arch),
  ];
  if (isCross)
    files.push({ from: fetchNatives(options.platform, arch), to: 'node_modules', filter: ['**/*'] });
  const platform = options.platform === 'win32' ? builder.Platform.WINDOWS : builder.Platform.LINUX;
  const targetNames =
    options.platform === 'win32'
      ? [options.dir ? 'dir' : 'nsis']
      : options.dir || !options.installers
        ? ['dir']
        : ['AppImage', 'deb'];
  const out = options.out ?? path.join(KIOSK_DIR, 'release');
  await builder.build({
    projectDir: KIOSK_DIR,
    targets: platform.createTarget(targetNames, builder.Arch[arch]),
    publish: 'never',
    config: {
      extends: path.join(KIOSK_DIR, 'electron-builder.yml'),
      files,
      directories: { output: out, buildResources: 'build' },
      ...(electronDist ? { electronDist } : {}),
      ...options.config,
    },
  });
  return out;
}

/** Only the nine font files the ticket uses (the font package ships every weight and subset). */
function fontFiles() {
  return [
    '!**/node_modules/@fontsource/be-vietnam-pro/**',
    '**/node_modules/@fontsource/be-vietnam-pro/package.json',
    '**/node_modules/@fontsource/be-vietnam-pro/files/be-vietnam-pro-{latin,vietnamese,latin-ext}-{400,700,800}-normal.woff2',
  ];
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      win: { type: 'boolean' },
      linux: { type: 'boolean' },
      dir: { type: 'boolean' },
      'linux-installers': { type: 'boolean' },
      'electron-dist': { type: 'string' },
      out: { type: 'string' },
    },
  });
  const platform = values.win ? 'win32' : values.linux ? 'linux' : process.platform;
  if (platform !== 'win32' && platform !== 'linux') {
    console.error('The kiosk is packaged for Windows (--win) or Linux (--linux).');
    process.exit(2);
  }
  packageKiosk({
    platform,
    dir: values.dir,
    installers: values['linux-installers'],
    electronDist: values['electron-dist'],
    out: values.out,
  }).then(
    (out) => console.log(`Kiosk packaged in ${out}`),
    (error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
