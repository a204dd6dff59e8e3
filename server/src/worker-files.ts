import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

// Where the entries the server starts beside itself are: the analysis worker thread and the time zone
// child process (zone-tables.ts). This file sits at the top of server/src so that its
// `import.meta.url` names the same folder in all three ways the server runs:
//   - compiled (server/dist/main.mjs, scripts/build-server.ts): dist/report-worker.mjs and
//     dist/zone-transitions.mjs;
//   - from the TypeScript sources (tsx, vitest): src/reports/report-worker.ts and
//     src/zone-transitions-main.ts, loaded through tsx;
//   - the test bundles that pin `import.meta.url` to src/hall-server.ts (test/support/hall-child-bundle.ts):
//     as from the sources.

const here = fileURLToPath(import.meta.url);
const isCompiled = here.endsWith('.mjs');

const tsxFolder = (): string => path.dirname(createRequire(import.meta.url).resolve('tsx/package.json'));

/** How to start the analysis worker: a file to run, or code to evaluate (which loads tsx first). */
export type WorkerEntry =
  { readonly kind: 'file'; readonly file: string } | { readonly kind: 'eval'; readonly code: string };

/** The analysis worker's entry for the way this server runs. */
export function reportWorkerEntry(): WorkerEntry {
  const folder = path.dirname(here);
  if (isCompiled) return { kind: 'file', file: path.join(folder, 'report-worker.mjs') };
  // Sources: a worker thread does not inherit the tsx loader of its parent, so it registers tsx's ESM
  // hooks itself before importing the TypeScript entry.
  const tsxApi = pathToFileURL(path.join(tsxFolder(), 'dist', 'esm', 'api', 'index.mjs')).href;
  const entry = pathToFileURL(path.join(folder, 'reports', 'report-worker.ts')).href;
  return {
    kind: 'eval',
    code: `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`,
  };
}

/** The Node arguments that run the time zone child (zone-transitions-main.ts) for the way this server runs. */
export function zoneTransitionsCommand(): readonly string[] {
  const folder = path.dirname(here);
  if (isCompiled) return [path.join(folder, 'zone-transitions.mjs')];
  const tsxLoader = pathToFileURL(path.join(tsxFolder(), 'dist', 'loader.mjs')).href;
  return ['--import', tsxLoader, path.join(folder, 'zone-transitions-main.ts')];
}
