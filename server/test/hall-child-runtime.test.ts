// The hall child that the crash tests and the benchmarks measure runs as a hall runs: with the Node flags
// and the environment of every production start (`luot` in server/package.json), however the benchmark
// was started. A benchmark run on its own once measured a server without the malloc environment
// (20–27 MB more RSS than through `pnpm bench`).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tempDataDir } from './helpers.ts';
import { serverEnvironment, serverNodeFlags, startHallChild } from './support/hall-child-process.ts';

/** A running process's environment and arguments, as Linux shows them. */
function processOf(pid: number): { environment: Map<string, string>; commandLine: string[] } {
  const environment = new Map(
    readFileSync(`/proc/${pid}/environ`, 'utf8')
      .split('\0')
      .filter((entry) => entry.includes('='))
      .map((entry) => [entry.slice(0, entry.indexOf('=')), entry.slice(entry.indexOf('=') + 1)] as const),
  );
  return { environment, commandLine: readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0') };
}

describe.skipIf(process.platform !== 'linux')('the hall child’s runtime', { timeout: 60_000 }, () => {
  it('has the production flags and environment, and a test’s own environment over them', async () => {
    expect(Object.keys(serverEnvironment())).toContain('MALLOC_ARENA_MAX');
    const data = tempDataDir('luot-hall-child-runtime-');
    const child = await startHallChild({
      dataDir: data.dir,
      hall: 'demo',
      kiosks: 1,
      env: { MALLOC_MMAP_THRESHOLD_: '262144' },
    });
    try {
      const { environment, commandLine } = processOf(child.process.pid!);
      for (const [name, value] of Object.entries(serverEnvironment())) {
        expect(environment.get(name), name).toBe(name === 'MALLOC_MMAP_THRESHOLD_' ? '262144' : value);
      }
      for (const flag of serverNodeFlags()) expect(commandLine).toContain(flag);
    } finally {
      await child.kill();
      data.remove();
    }
  });
});
