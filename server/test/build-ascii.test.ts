// The compiled server holds no character above U+00FF (issue #17): one wider character left in a comment made V8
// hold the whole 4 MB source of the bundle as a two-byte string, 8.7 MB of heap instead of 4.3 MB.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { oneByteSource, bundleServerEntry } from '../scripts/build-server.ts';
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

  it('escapes what is left as text a comment can hold', () => {
    expect(oneByteSource('// Quầy — ok\nconst a = 1;')).toBe('// Qu\\u1ea7y \\u2014 ok\nconst a = 1;');
  });
});
