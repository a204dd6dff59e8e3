import { spawnSync } from 'node:child_process';
import {
  linkSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  symlinkSync,
  writeFileSync,
  realpathSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { npmCliPath, planCommand, quoteForCmd, type Machine } from '../lib/commands.mjs';

const windows = (files: string[], env: Record<string, string> = {}): Machine => ({
  platform: 'win32',
  execPath: 'C:\\Program Files\\nodejs\\node.exe',
  env: { ComSpec: 'C:\\WINDOWS\\system32\\cmd.exe', ...env },
  exists: (file) => files.includes(file),
});
const WINDOWS_NPM = 'C:\\Program Files\\nodejs\\node_modules\\npm\\bin\\npm-cli.js';

describe('starting npm and pnpm with spaces in paths (scripts/lib/commands.mjs)', () => {
  it('on Windows, npm runs as `node npm-cli.js` from C:\\Program Files, with no shell to misread the path', () => {
    const plan = planCommand(
      'npm',
      ['exec', '--yes', '--package=pnpm@12.4.2', '--', 'pnpm', 'install'],
      windows([WINDOWS_NPM]),
    );
    expect(plan).toEqual({
      file: 'C:\\Program Files\\nodejs\\node.exe',
      args: [WINDOWS_NPM, 'exec', '--yes', '--package=pnpm@12.4.2', '--', 'pnpm', 'install'],
      windowsVerbatimArguments: false,
    });
  });

  it('prefers the npm that is running us (npm_execpath)', () => {
    const running = 'D:\\Tools\\npm 11\\bin\\npm-cli.js';
    expect(npmCliPath(windows([WINDOWS_NPM, running], { npm_execpath: running }))).toBe(running);
  });

  it('on Windows, a .cmd shim goes through cmd.exe /d /s /c with every spaced argument quoted', () => {
    const plan = planCommand('pnpm', ['--dir', 'D:\\Lượt dự án', 'run', 'build'], windows([]));
    expect(plan.file).toBe('C:\\WINDOWS\\system32\\cmd.exe');
    expect(plan.args).toEqual(['/d', '/s', '/c', '"pnpm --dir "D:\\Lượt dự án" run build"']);
    expect(plan.windowsVerbatimArguments).toBe(true);
    expect(quoteForCmd('a"b c')).toBe('"a""b c"');
    expect(quoteForCmd('')).toBe('""');
    expect(quoteForCmd('50%')).toBe('"50%"');
  });

  it('on Linux, commands start directly (no shell)', () => {
    const linux: Machine = { platform: 'linux', execPath: '/usr/bin/node', env: {}, exists: () => false };
    expect(planCommand('pnpm', ['install'], linux)).toEqual({
      file: 'pnpm',
      args: ['install'],
      windowsVerbatimArguments: false,
    });
  });

  // Not on Windows: the Node layout built here is Linux's (<prefix>/bin/node beside lib/node_modules/npm);
  // the Windows layout is the plan checked above.
  describe.skipIf(process.platform === 'win32')(
    'for real: Node and the repository both in folders with spaces',
    () => {
      const root = mkdtempSync(path.join(tmpdir(), 'luot boot strap '));
      afterAll(() => rmSync(root, { recursive: true, force: true }));

      it('finds npm beside a Node in "node dir/bin" and runs it from a script in "my repo/scripts"', () => {
        const nodeDir = path.join(root, 'node dir');
        const nodeBin = path.join(nodeDir, 'bin', 'node');
        mkdirSync(path.dirname(nodeBin), { recursive: true });
        // A hard link keeps process.execPath at the spaced path (a symlink would resolve to the real one).
        try {
          linkSync(realpathSync(process.execPath), nodeBin);
        } catch {
          copyFileSync(process.execPath, nodeBin);
        }
        // The machine's npm (wherever the Node running this test came from).
        const globalRoot = spawnSync('npm', ['root', '-g'], { encoding: 'utf8' }).stdout.trim();
        const realNpm = path.join(globalRoot, 'npm');
        mkdirSync(path.join(nodeDir, 'lib', 'node_modules'), { recursive: true });
        symlinkSync(realNpm, path.join(nodeDir, 'lib', 'node_modules', 'npm'));

        const repo = path.join(root, 'my repo', 'scripts');
        mkdirSync(repo, { recursive: true });
        const commands = pathToFileURL(
          path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'lib', 'commands.mjs'),
        ).href;
        writeFileSync(
          path.join(repo, 'probe.mjs'),
          `import { capture, planCommand } from ${JSON.stringify(commands)};
const plan = planCommand('npm', ['--version']);
console.log(JSON.stringify({ plan, version: capture('npm', ['--version'], { cwd: process.cwd() }) }));\n`,
        );
        const env = { ...process.env };
        delete env.npm_execpath;
        const result = spawnSync(nodeBin, [path.join(repo, 'probe.mjs')], {
          cwd: path.dirname(repo),
          env,
          encoding: 'utf8',
        });
        expect(result.status, result.stderr).toBe(0);
        const { plan, version } = JSON.parse(result.stdout) as {
          plan: { file: string; args: string[] };
          version: string;
        };
        expect(plan.file).toBe(nodeBin);
        expect(plan.args[0]).toBe(path.join(nodeDir, 'lib', 'node_modules', 'npm', 'bin', 'npm-cli.js'));
        expect(version).toMatch(/^\d+\.\d+\.\d+/);
      });
    },
  );
});
