// How every production start of the hall server runs Node: the Node flags and the environment in the
// `luot` section of server/package.json, read here for the offline bundle's start scripts
// (hall-bundle.mjs), `node scripts/bootstrap.mjs start` and the benchmarks (bench.mjs), so that one list
// serves them all (docs/OPERATIONS.md, docs/BENCHMARKS.md, issue #17).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

function serverManifest() {
  return JSON.parse(readFileSync(path.join(root, 'server', 'package.json'), 'utf8'));
}

/**
 * The Node flags every production start of the hall server passes (`luot.serverNodeFlags`; the server's
 * `start` script carries them too): V8's young generation capped at 2 MB a semi-space instead of growing
 * to 16 MB, ≈ 20 MB less resident memory for a few more, shorter collections; the old generation
 * collected once it grows 20 % (at least 8 MB) past what the last full collection kept, instead of up to
 * 4× that, ≈ 40 MB less in a busy hall.
 * @returns {string[]}
 */
export function serverNodeFlags() {
  return serverManifest().luot.serverNodeFlags;
}

/**
 * The environment every production start of the hall server sets unless the hall sets it otherwise
 * (`luot.serverEnvironment`): glibc's malloc with two memory pools instead of one per thread, and a fixed
 * mmap threshold (128 KiB), so that large blocks (a PIN check's 4 MiB scrypt buffer) go back to the
 * system when freed instead of raising the threshold and staying in the pools. Linux only; Windows
 * ignores them.
 * @returns {Record<string, string>}
 */
export function serverEnvironment() {
  return serverManifest().luot.serverEnvironment;
}
