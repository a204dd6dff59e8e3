import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

// Tests that restart the hall dozens of times (faults/sigkill-under-load.test.ts) pay the tsx loader at
// every start: ~1 s of CPU a start against ~0.3 s for plain JavaScript. This bundles hall-child.ts once
// per test file with esbuild (the one tsx itself runs on), so each restart is a bare `node bundle.mjs`.

const SUPPORT_DIR = path.dirname(fileURLToPath(import.meta.url));
const SERVER_DIR = path.resolve(SUPPORT_DIR, '..', '..');

interface EsbuildApi {
  build(options: Record<string, unknown>): Promise<{ errors: unknown[] }>;
}

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
  // esbuild is tsx's own dependency: resolve it from there rather than adding a second copy.
  const fromTsx = createRequire(createRequire(import.meta.url).resolve('tsx'));
  const esbuild = fromTsx('esbuild') as EsbuildApi;
  const dir = path.join(SERVER_DIR, 'node_modules', '.cache', 'luot-hall-child');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `hall-child-${process.pid}-${randomBytes(4).toString('hex')}.mjs`);
  const hallServerUrl = pathToFileURL(path.join(SERVER_DIR, 'src', 'hall-server.ts')).href;
  await esbuild.build({
    entryPoints: [path.join(SUPPORT_DIR, 'hall-child.ts')],
    outfile: file,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['better-sqlite3', 'bufferutil', 'utf-8-validate'],
    define: { 'import.meta.url': JSON.stringify(hallServerUrl) },
    // Bundled CommonJS packages call require(); ESM output has none of its own.
    banner: {
      js: "import { createRequire as luotRequire } from 'node:module'; const require = luotRequire(import.meta.url);",
    },
    logLevel: 'error',
  });
  return { file, remove: () => rmSync(file, { force: true }) };
}
