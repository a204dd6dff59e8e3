// The compiled server holds no character above U+00FF (issue #17): one wider character left in a comment made V8
// hold the whole 4 MB source of the bundle as a two-byte string, 8.7 MB of heap instead of 4.3 MB.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEBUG_ENTRY_WHEN_ASKED, bundleServerEntry, oneByteSource } from '../scripts/build-server.ts';
import { tempDataDir } from './helpers.ts';

describe('the compiled bundle', () => {
  it('holds no character above U+00FF, and its Vietnamese strings still read the same', async () => {
    const data = tempDataDir();
    const source = path.join(data.dir, 'entry.ts');
    // Comments inside an object literal are the kind esbuild keeps (our text catalogue has them).
    writeFileSync(
      source,
      [
        'export const catalog = {',
        '  // ── Gọi số — “quote”',
        "  greeting: 'Mời số A001 đến quầy 3 😀',",
        '};',
        '',
      ].join('\n'),
    );
    const outfile = path.join(data.dir, 'out', 'entry.mjs');
    mkdirSync(path.dirname(outfile), { recursive: true });
    await bundleServerEntry({ entry: source, outfile });
    const bundle = readFileSync(outfile, 'utf8');
    // Nothing above U+00FF: V8 keeps such a source as one byte a character.
    expect(/[\u0100-\uffff]/.test(bundle)).toBe(false);
    const loaded = (await import(pathToFileURL(outfile).href)) as { catalog: { greeting: string } };
    expect(loaded.catalog.greeting).toBe('Mời số A001 đến quầy 3 😀');
    data.remove();
  });

  it('holds silent `debug` loggers unless DEBUG is set at start, then the real package', async () => {
    // A stand-in `debug` package laid out as the real one (src/index.js picks src/node.js on Node).
    const data = tempDataDir();
    const debugDir = path.join(data.dir, 'node_modules', 'debug');
    mkdirSync(path.join(debugDir, 'src'), { recursive: true });
    writeFileSync(
      path.join(debugDir, 'package.json'),
      JSON.stringify({ name: 'debug', main: './src/index.js' }),
    );
    writeFileSync(path.join(debugDir, 'src', 'index.js'), "module.exports = require('./node.js');\n");
    writeFileSync(
      path.join(debugDir, 'src', 'node.js'),
      [
        'const createDebug = (namespace) =>',
        '  Object.assign(() => {}, { namespace, enabled: true, isReal: true, extend: (name) => createDebug(`${namespace}:${name}`) });',
        'createDebug.debug = createDebug;',
        'createDebug.default = createDebug;',
        'module.exports = createDebug;',
        '',
      ].join('\n'),
    );
    const source = path.join(data.dir, 'entry.ts');
    // As socket.io and engine.io take it: the default export, and the named one.
    writeFileSync(
      source,
      [
        "import createDebug, { debug } from 'debug';",
        "const logger = createDebug('engine:socket');",
        "const child = debug('socket.io').extend('parser');",
        'export const seen = { namespace: logger.namespace, enabled: logger.enabled, isReal: "isReal" in logger,',
        '  child: child.namespace, returns: logger("%s", "packet") ?? null };',
        '',
      ].join('\n'),
    );
    const outfile = path.join(data.dir, 'out', 'entry.mjs');
    mkdirSync(path.dirname(outfile), { recursive: true });
    await bundleServerEntry({ entry: source, outfile });
    const seenWith = (debug: string | undefined): unknown => {
      const { DEBUG: _, ...environment } = process.env;
      const loaded = spawnSync(
        process.execPath,
        [
          '-e',
          `import(${JSON.stringify(pathToFileURL(outfile).href)}).then((m) => console.log(JSON.stringify(m.seen)))`,
        ],
        { encoding: 'utf8', env: debug === undefined ? environment : { ...environment, DEBUG: debug } },
      );
      expect(loaded.stderr).toBe('');
      return JSON.parse(loaded.stdout) as unknown;
    };
    expect(seenWith(undefined)).toEqual({
      namespace: 'engine:socket',
      enabled: false,
      isReal: false,
      child: 'socket.io:parser',
      returns: null,
    });
    expect(seenWith('engine*')).toMatchObject({ namespace: 'engine:socket', enabled: true, isReal: true });
    expect(DEBUG_ENTRY_WHEN_ASKED).toContain('process.env.DEBUG');
    data.remove();
  });

  it('escapes what is left as text a comment can hold', () => {
    expect(oneByteSource('// Quầy — ok\nconst a = 1;')).toBe('// Qu\\u1ea7y \\u2014 ok\nconst a = 1;');
  });
});
