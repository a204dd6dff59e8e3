import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { launcherFiles, serverEnvironment, serverNodeFlags } from '../hall-bundle.mjs';

// Every production start of the hall server passes the same Node flags (issue #17: V8's young generation
// capped and its old generation collected before it fills with garbage, ≈ 60 MB less resident memory in
// a busy hall): `luot.serverNodeFlags` in server/package.json is the list, and
// `pnpm start`, the offline bundle's start scripts and service file, and the service set-ups written in
// OPERATIONS.md all carry it.

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const flags = serverNodeFlags();

describe('the server starts with its Node flags everywhere', () => {
  it('has a list, and pnpm start carries it', () => {
    expect(flags.length).toBeGreaterThan(0);
    for (const flag of flags) expect(flag).toMatch(/^--[a-z-]+(=\S+)?$/);
    const manifest = JSON.parse(readFileSync(path.join(ROOT, 'server', 'package.json'), 'utf8')) as {
      scripts: { start: string };
    };
    expect(manifest.scripts.start).toBe(`node ${flags.join(' ')} dist/main.mjs`);
  });

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
