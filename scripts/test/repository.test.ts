import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const git = (...args: string[]): string => {
  const result = spawnSync('git', args, { cwd: ROOT, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
};

describe('.gitattributes: a Windows checkout gets LF files (prettier --check passes there too)', () => {
  it('checks text files out with LF and batch files with CRLF, and leaves binaries alone', () => {
    const attributes = git(
      'check-attr',
      'text',
      'eol',
      '--',
      'README.md',
      'server/src/main.ts',
      'start.cmd',
      'apps/kiosk/test/printer/golden/ticket-80mm.png',
    );
    expect(attributes).toContain('README.md: eol: lf');
    expect(attributes).toContain('server/src/main.ts: eol: lf');
    expect(attributes).toContain('start.cmd: eol: crlf');
    expect(attributes).toContain('apps/kiosk/test/printer/golden/ticket-80mm.png: text: unset');
  });

  it('stores no text file with CRLF line ends', () => {
    const withCrlf = git('ls-files', '--eol')
      .split('\n')
      .filter((line) => line.startsWith('i/crlf') || line.startsWith('i/mixed'));
    expect(withCrlf).toEqual([]);
  });
});
