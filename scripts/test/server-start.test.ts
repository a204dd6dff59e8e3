import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { launcherFiles, serverEnvironment, serverNodeFlags } from '../hall-bundle.mjs';
import { pinnedPnpm } from '../lib/commands.mjs';

// Every production start of the hall server passes the same Node flags (issue #17: V8's young generation
// capped and its old generation collected before it fills with garbage, ≈ 60 MB less resident memory in
// a busy hall): `luot.serverNodeFlags` in server/package.json is the list, and
// `pnpm start`, the offline bundle's start scripts and service file, and the service set-ups written in
// OPERATIONS.md all carry it.

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const flags = serverNodeFlags();

describe('the server starts with its Node flags everywhere', () => {
  it('has a list, and pnpm start carries it with the environment, each variable kept when the hall sets it', () => {
    expect(flags.length).toBeGreaterThan(0);
    for (const flag of flags) expect(flag).toMatch(/^--[a-z-]+(=\S+)?$/);
    const manifest = JSON.parse(readFileSync(path.join(ROOT, 'server', 'package.json'), 'utf8')) as {
      scripts: { start: string };
    };
    const environment = Object.entries(serverEnvironment())
      .map(([name, value]) => `${name}=\${${name}:-${value}}`)
      .join(' ');
    expect(manifest.scripts.start).toBe(`${environment} node ${flags.join(' ')} dist/main.mjs`);
    // pnpm runs scripts in its own shell on every system, so that this line works in cmd.exe too.
    expect(readFileSync(path.join(ROOT, 'pnpm-workspace.yaml'), 'utf8')).toMatch(/^shellEmulator: true$/m);
  });

  it.runIf(process.platform === 'linux')(
    'pnpm start runs the compiled server with its flags and environment (a hall’s own values kept)',
    { timeout: 120_000 },
    async () => {
      if (!existsSync(path.join(ROOT, 'server', 'dist', 'main.mjs'))) {
        const built = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build-server.ts'], {
          cwd: path.join(ROOT, 'server'),
          encoding: 'utf8',
        });
        expect(built.status, built.stderr).toBe(0);
      }
      const pnpm = pinnedPnpm(ROOT);
      /** Start the hall with `pnpm start`; answer the server process's command line and environment. */
      const startedWith = async (
        hallEnvironment: Record<string, string>,
      ): Promise<{ args: string[]; env: Map<string, string> }> => {
        const dataDir = mkdtempSync(path.join(tmpdir(), 'luot-pnpm-start-'));
        const child = spawn(pnpm.command, [...pnpm.prefix, '--filter', '@luot/server', 'start'], {
          cwd: ROOT,
          env: {
            // Only what this test sets of the server's environment reaches pnpm.
            ...Object.fromEntries(
              Object.entries(process.env).filter(([name]) => !(name in serverEnvironment())),
            ),
            ...hallEnvironment,
            PORT: '0',
            LUOT_HOST: '127.0.0.1',
            LUOT_TLS: 'off',
            LUOT_DATA_DIR: dataDir,
          },
          stdio: ['ignore', 'pipe', 'pipe'],
          // Its own process group: pnpm, its shell and the server stop together.
          detached: true,
        });
        try {
          let output = '';
          await new Promise<void>((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`no start banner:\n${output}`)), 90_000);
            const seen = (chunk: Buffer): void => {
              output += chunk.toString();
              if (output.includes('Hall server: http')) {
                clearTimeout(timer);
                resolve();
              }
            };
            child.stdout.on('data', seen);
            child.stderr.on('data', seen);
            child.once('exit', (code) => reject(new Error(`pnpm start exited (${code}):\n${output}`)));
          });
          // The server: the process whose command line runs dist/main.mjs with this data folder.
          for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
            let args: string[];
            let env: Map<string, string>;
            try {
              args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
              env = new Map(
                readFileSync(`/proc/${pid}/environ`, 'utf8')
                  .split('\0')
                  .filter(Boolean)
                  .map((entry) => [entry.slice(0, entry.indexOf('=')), entry.slice(entry.indexOf('=') + 1)]),
              );
            } catch {
              continue; // gone meanwhile, or not ours to read
            }
            if (args.some((arg) => arg.endsWith('dist/main.mjs')) && env.get('LUOT_DATA_DIR') === dataDir)
              return { args, env };
          }
          throw new Error('the server process was not found');
        } finally {
          if (child.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
          await new Promise((resolve) => setTimeout(resolve, 500));
          rmSync(dataDir, { recursive: true, force: true });
        }
      };

      const defaults = await startedWith({});
      expect(defaults.args.slice(1, 1 + flags.length)).toEqual(flags);
      for (const [name, value] of Object.entries(serverEnvironment()))
        expect(defaults.env.get(name), name).toBe(value);
      const hallsOwn = await startedWith({ MALLOC_ARENA_MAX: '4' });
      expect(hallsOwn.env.get('MALLOC_ARENA_MAX')).toBe('4');
      expect(hallsOwn.env.get('MALLOC_MMAP_THRESHOLD_')).toBe(serverEnvironment().MALLOC_MMAP_THRESHOLD_);
    },
  );

  it('every flag is one this Node accepts (a flag V8 dropped would stop the server from starting)', () => {
    const started = spawnSync(process.execPath, [...flags, '-e', 'process.exit(0)'], { encoding: 'utf8' });
    expect(started.stderr).toBe('');
    expect(started.status).toBe(0);
  });

  it('the bundle’s start.sh, start.cmd and Windows service file carry it, before the server file', () => {
    const files = launcherFiles('test-x64') as Record<string, { text: string }>;
    const joined = flags.join(' ');
    expect(files['start.sh']!.text).toContain(`"$here/runtime/node" ${joined} "$here/server/dist/main.mjs"`);
    // glibc's memory pools as the benchmarks run the server, each variable kept when the hall sets it.
    const environment = Object.entries(serverEnvironment());
    expect(environment.map(([name]) => name)).toEqual(['MALLOC_ARENA_MAX', 'MALLOC_MMAP_THRESHOLD_']);
    for (const [name, value] of environment)
      expect(files['start.sh']!.text).toContain(`export ${name}="\${${name}:-${value}}"`);
    expect(files['start.cmd']!.text).toContain(`node.exe" ${joined} "%HERE%server\\dist\\main.mjs"`);
    expect(files['luot-service.xml']!.text).toContain(
      `<arguments>${joined} "%BASE%\\server\\dist\\main.mjs"</arguments>`,
    );
    // The CLI is not the server: it starts without them.
    expect(files.luot!.text).not.toContain(joined);
  });

  it('OPERATIONS.md’s hand-made services (NSSM, systemd from a clone) pass it too', () => {
    const operations = readFileSync(path.join(ROOT, 'docs', 'OPERATIONS.md'), 'utf8');
    const joined = flags.join(' ');
    expect(operations).toContain(
      `nssm install Luot "C:\\Luot\\runtime\\node.exe" ${joined} "C:\\Luot\\server`,
    );
    expect(operations).toContain(`ExecStart=/usr/bin/node ${joined} server/dist/main.mjs`);
    const environment = Object.entries(serverEnvironment());
    expect(operations).toContain(
      `Environment=${environment.map(([name, value]) => `${name}=${value}`).join(' ')}`,
    );
  });
});
