import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

// Where the analysis worker's entry is. This file sits at the top of server/src so that its
// `import.meta.url` names the same folder in all three ways the server runs:
//   - compiled (server/dist/main.mjs, scripts/build-server.ts): the worker is dist/report-worker.mjs;
//   - from the TypeScript sources (tsx, vitest): src/reports/report-worker.ts, loaded through tsx;
//   - the test bundles that pin `import.meta.url` to src/hall-server.ts (test/support/hall-child-bundle.ts):
//     as from the sources.

const here = fileURLToPath(import.meta.url);
const isCompiled = here.endsWith('.mjs');

/** How to start the analysis worker: a file to run, or code to evaluate (which loads tsx first). */
export type WorkerEntry =
  { readonly kind: 'file'; readonly file: string } | { readonly kind: 'eval'; readonly code: string };

/** The analysis worker's entry for the way this server runs. */
export function reportWorkerEntry(): WorkerEntry {
  const folder = path.dirname(here);
  if (isCompiled) return { kind: 'file', file: path.join(folder, 'report-worker.mjs') };
  // Sources: a worker thread does not inherit the tsx loader of its parent, so it registers tsx's ESM
  // hooks itself before importing the TypeScript entry.
  const tsxFolder = path.dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const tsxApi = pathToFileURL(path.join(tsxFolder, 'dist', 'esm', 'api', 'index.mjs')).href;
  const entry = pathToFileURL(path.join(folder, 'reports', 'report-worker.ts')).href;
  return {
    kind: 'eval',
    code: `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`,
  };
}
