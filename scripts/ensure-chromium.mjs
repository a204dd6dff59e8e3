#!/usr/bin/env node
// Browser tests drive a system Chromium through playwright-core (its own browser download cannot
// work offline). Find one; on Debian/Ubuntu as root, install Debian's package; otherwise say what to do.
import { spawnSync } from 'node:child_process';
import process from 'node:process';
import { findChromium } from './chromium-path.mjs';

if (findChromium()) process.exit(0);

const canApt =
  process.platform === 'linux' &&
  typeof process.getuid === 'function' &&
  process.getuid() === 0 &&
  spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;

if (canApt) {
  console.log('Installing Chromium for the browser tests (apt-get install chromium)…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  spawnSync('apt-get', ['update'], { stdio: 'inherit', env });
  spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium', 'fonts-dejavu-core'], {
    stdio: 'inherit',
    env,
  });
}

if (!findChromium()) {
  console.error(
    'The browser tests need Chromium or Google Chrome. Install it (Debian: apt-get install chromium) ' +
      'or point CHROMIUM_PATH at its executable, then run this command again.',
  );
  process.exit(1);
}
