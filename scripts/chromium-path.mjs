// Where a system Chromium or Chrome lives, for the browser tests (shared by setup and test helpers).
import { existsSync } from 'node:fs';
import process from 'node:process';

const candidates = {
  linux: ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/snap/bin/chromium'],
  win32: [
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
  ],
  darwin: ['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'],
};

/** @returns {string | undefined} the executable to launch, honouring CHROMIUM_PATH first */
export function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  return (candidates[process.platform] ?? []).find((file) => existsSync(file));
}
