// The production hall server is JavaScript compiled from these sources by esbuild: no TypeScript and
// no tsx run in a hall (docs/OPERATIONS.md). One build, used by `pnpm start`, the offline hall bundle
// (scripts/hall-bundle.mjs) and the tests and benchmarks that start the server as a child process.
//
//   pnpm --filter @luot/server build        → server/dist/main.mjs (the server) + server/dist/cli.mjs (the CLI)
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The server package's folder. */
export const SERVER_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** What the production build writes: entry source → output file, both relative to the server folder. */
export const SERVER_ENTRIES = {
  'dist/main.mjs': 'src/main.ts',
  'dist/cli.mjs': 'src/cli/main.ts',
  // The analysis worker thread (reports, the policy simulator): its own file, loaded by main.mjs.
  'dist/report-worker.mjs': 'src/reports/report-worker.ts',
  // A child process of the start: the hall's time zone as a table of offsets (src/zone-tables.ts).
  'dist/zone-transitions.mjs': 'src/zone-transitions-main.ts',
} as const;

/** The slice of esbuild's API the build uses (esbuild is a devDependency of the server). */
interface Esbuild {
  build(options: Record<string, unknown>): Promise<{ errors: unknown[]; warnings: unknown[] }>;
}

/**
 * What stays outside the bundle and is loaded from `node_modules` at run time: the server's production
 * `dependencies` (better-sqlite3 is a native module; anything else listed there is deployed with it by
 * `pnpm deploy --prod`), except our own workspace packages, which are TypeScript source and compiled in.
 * Everything in devDependencies is bundled. ws's optional native helpers are never installed.
 */
export function runtimeExternals(): string[] {
  const manifest = JSON.parse(readFileSync(path.join(SERVER_DIR, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
  };
  const deployed = Object.keys(manifest.dependencies ?? {}).filter((name) => !name.startsWith('@luot/'));
  return [...deployed, 'bufferutil', 'utf-8-validate'];
}

/**
 * What the bundle holds for the `debug` package's entry (`debug/src/index.js`), which socket.io and
 * engine.io load: the real package when DEBUG is set at start (their debug output, as from the sources),
 * else loggers that do nothing. They call their loggers for every packet, and a real logger collects its
 * arguments into an array before it finds it is off: 4.4 % of everything the hall simulation's server
 * allocated (docs/BENCHMARKS.md, issue #17). The silent factory has the package's shape (`debug`,
 * `default`, `enable`, `disable`, `enabled`; loggers with `namespace`, `enabled`, `extend`, `destroy`).
 */
export const DEBUG_ENTRY_WHEN_ASKED = `"use strict";
if (process.env.DEBUG) {
  module.exports = require("./node.js");
} else {
  const silent = (namespace) => {
    const logger = () => {};
    logger.namespace = namespace;
    logger.enabled = false;
    logger.extend = (name, delimiter = ":") => silent(namespace + delimiter + name);
    logger.destroy = () => true;
    logger.log = () => {};
    return logger;
  };
  silent.debug = silent;
  silent.default = silent;
  silent.enable = () => {};
  silent.disable = () => "";
  silent.enabled = () => false;
  module.exports = silent;
}
`;

/** The esbuild plugin that loads DEBUG_ENTRY_WHEN_ASKED for `debug/src/index.js` (its folder as its own). */
const debugWhenAsked = {
  name: 'debug-when-asked',
  setup(build: {
    onLoad(options: { filter: RegExp }, callback: () => { contents: string; loader: 'js' }): void;
  }): void {
    build.onLoad({ filter: /[\\/]node_modules[\\/]debug[\\/]src[\\/]index\.js$/ }, () => ({
      contents: DEBUG_ENTRY_WHEN_ASKED,
      loader: 'js',
    }));
  },
};

/**
 * Bundle one entry of the server into one ES module. `moduleUrl` pins `import.meta.url` for a bundle
 * written outside `server/dist` (the sources compute the repository root from it); leave it out for the
 * production build, whose files sit at the depth of the sources.
 */
export async function bundleServerEntry(options: {
  readonly entry: string;
  readonly outfile: string;
  readonly moduleUrl?: string;
  /** Starts with `#!/usr/bin/env node`. */
  readonly isProgram?: boolean;
}): Promise<void> {
  const esbuild = createRequire(import.meta.url)('esbuild') as Esbuild;
  const result = await esbuild.build({
    entryPoints: [options.entry],
    outfile: options.outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    // The oldest Node we support (README: 20.19, 22 and 24 LTS).
    target: 'node20.19',
    external: runtimeExternals(),
    ...(options.moduleUrl ? { define: { 'import.meta.url': JSON.stringify(options.moduleUrl) } } : {}),
    // Bundled CommonJS packages call require(); an ES module has none of its own. The CLI can also be
    // run as a program (`./dist/cli.mjs` on Linux).
    banner: {
      js: `${options.isProgram ? '#!/usr/bin/env node\n' : ''}import { createRequire as luotCreateRequire } from 'node:module'; const require = luotCreateRequire(import.meta.url);`,
    },
    // Readable stack traces in a hall's log: no renaming, function and class names kept.
    keepNames: true,
    legalComments: 'none',
    // No comments, indentation or line breaks: V8 keeps the whole source of the bundle in the heap (and,
    // once a stack trace is formatted, a table of its line ends), 4.4 → 3.0 MB, ≈ 2.3 MB less heap
    // (issue #17). Names are kept (keepNames): a stack trace names its functions, at a column of one of
    // the bundle's few long lines.
    minifyWhitespace: true,
    logLevel: 'error',
    plugins: [debugWhenAsked],
  });
  if (result.errors.length > 0) throw new Error(`esbuild failed for ${options.entry}`);
  writeFileSync(options.outfile, oneByteSource(readFileSync(options.outfile, 'utf8')));
}

/**
 * The bundle with no character above U+00FF. esbuild writes strings and identifiers ASCII-only, but
 * keeps comments as they are, and a few carry non-ASCII text (our Vietnamese section titles, dashes and quotes in
 * dependencies' JSDoc). One such character makes V8 hold the whole source of the bundle as a two-byte
 * string: 8.7 MB of the idle server's 27 MB heap instead of 4.3 MB (issue #17, heap snapshot). Left
 * outside strings and identifiers they can only be in comments, where a `\uXXXX` escape is just text.
 */
export function oneByteSource(source: string): string {
  return source.replace(
    /[\u0100-\uffff]/g,
    (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** Build the production server into `server/dist`. */
export async function buildServer(): Promise<string[]> {
  const written: string[] = [];
  for (const [output, source] of Object.entries(SERVER_ENTRIES)) {
    const outfile = path.join(SERVER_DIR, output);
    await bundleServerEntry({
      entry: path.join(SERVER_DIR, source),
      outfile,
      isProgram: output === 'dist/cli.mjs',
    });
    written.push(outfile);
  }
  return written;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const started = Date.now();
  const files = await buildServer();
  console.log(
    `server built in ${Date.now() - started} ms: ${files.map((f) => path.relative(SERVER_DIR, f)).join(', ')}`,
  );
}
