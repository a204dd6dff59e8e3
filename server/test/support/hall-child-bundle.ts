import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundleServerEntry } from '../../scripts/build-server.ts';

// Tests that restart the hall dozens of times (faults/sigkill-under-load.test.ts) pay the tsx loader at
// every start: ~1 s of CPU a start against ~0.3 s for plain JavaScript. This bundles hall-child.ts once
// per test file with the production server's esbuild settings (scripts/build-server.ts), so each
// restart is a bare `node bundle.mjs`, built exactly as the server a hall runs.

const SUPPORT_DIR = path.dirname(fileURLToPath(import.meta.url));
const SERVER_DIR = path.resolve(SUPPORT_DIR, '..', '..');

/** A built bundle of hall-child.ts; `remove` deletes it. */
export interface HallChildBundle {
  readonly file: string;
  remove(): void;
}

/**
 * Bundle hall-child.ts with the server and shared sources into one ESM file under server/node_modules
 * (so that better-sqlite3, kept external for its native addon, resolves as from the sources). The
 * sources' `import.meta.url` is pinned to hall-server.ts, whose REPO_ROOT it computes. Each call writes
 * its own file, so test files running in parallel never share one.
 */
export async function buildHallChildBundle(): Promise<HallChildBundle> {
  const dir = path.join(SERVER_DIR, 'node_modules', '.cache', 'luot-hall-child');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `hall-child-${process.pid}-${randomBytes(4).toString('hex')}.mjs`);
  await bundleServerEntry({
    entry: path.join(SUPPORT_DIR, 'hall-child.ts'),
    outfile: file,
    moduleUrl: pathToFileURL(path.join(SERVER_DIR, 'src', 'hall-server.ts')).href,
  });
  return { file, remove: () => rmSync(file, { force: true }) };
}
