import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
// @ts-expect-error -- a plain .mjs helper shared with the setup scripts
import { findChromium } from '../../scripts/chromium-path.mjs';

/** Screenshots of every screen land here on each run (gitignored); look at them. */
export const SCREENSHOT_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  'test-output',
  'screenshots',
);

/** Debian's Chromium (or CHROMIUM_PATH), headless, with the flags this offline machine needs. */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = (findChromium as () => string | undefined)();
  if (!executablePath)
    throw new Error('Chromium not found: run `node scripts/ensure-chromium.mjs` or set CHROMIUM_PATH');
  return chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--autoplay-policy=no-user-gesture-required',
    ],
  });
}

/** Save a full-page screenshot as `<name>.png` and return its path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
