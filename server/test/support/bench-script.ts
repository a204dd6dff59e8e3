// Run one of server/bench/*.ts as `pnpm bench` does (its own Node process, through tsx, from the
// repository's root) and collect everything it printed: the harness tests of the benchmarks check a short
// real run of each.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from '../../src/hall-server.ts';
import { TSX_LOADER } from './hall-child-process.ts';

/** Run `server/bench/<file>` with `args`; settles with its exit code and its stdout and stderr together. */
export function runBenchScript(
  file: string,
  args: readonly string[],
): Promise<{ code: number | null; output: string }> {
  const child = spawn(
    process.execPath,
    ['--import', TSX_LOADER, path.join('server', 'bench', file), ...args],
    {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, output })));
}
