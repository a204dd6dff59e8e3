import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, ConsoleMessage, Page } from 'playwright-core';
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

/** What Chromium prints when the server's Content-Security-Policy blocks something. */
const CSP_REFUSAL = /Content Security Policy|Content-Security-Policy/i;

/**
 * Debian's Chromium (or CHROMIUM_PATH), headless, with the flags this offline machine needs (and a
 * test's own, e.g. the HTTPS test's trusted server key).
 *
 * Every page of every context it opens is watched for Content-Security-Policy refusals (a script, style,
 * font, image, sound or socket the hall server's CSP blocks): `close()` fails the suite that saw one, so
 * each browser test also proves its app works under the CSP.
 */
export async function launchBrowser(options: { extraArgs?: readonly string[] } = {}): Promise<Browser> {
  const executablePath = (findChromium as () => string | undefined)();
  if (!executablePath)
    throw new Error('Chromium not found: run `node scripts/ensure-chromium.mjs` or set CHROMIUM_PATH');
  const browser = await chromium.launch({
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
      ...(options.extraArgs ?? []),
    ],
  });
  return watchContentSecurityPolicy(browser);
}

const refusalsOf = new WeakMap<Browser, string[]>();

/**
 * The CSP refusals seen so far, taken out of the watch (a test that provokes refusals on purpose checks
 * them itself; whatever is left fails `close()`).
 */
export function takeCspRefusals(browser: Browser): string[] {
  return refusalsOf.get(browser)?.splice(0) ?? [];
}

function watchContentSecurityPolicy(browser: Browser): Browser {
  const refusals: string[] = [];
  refusalsOf.set(browser, refusals);
  const watch = (page: Page): void => {
    page.on('console', (message: ConsoleMessage) => {
      if (message.type() === 'error' && CSP_REFUSAL.test(message.text()))
        refusals.push(`${page.url()}: ${message.text()}`);
    });
  };
  const watchContext = (context: BrowserContext): BrowserContext => {
    context.on('page', watch);
    return context;
  };
  const newContext = browser.newContext.bind(browser);
  const newPage = browser.newPage.bind(browser);
  const close = browser.close.bind(browser);
  return Object.assign(browser, {
    newContext: async (...args: Parameters<Browser['newContext']>) => watchContext(await newContext(...args)),
    newPage: async (...args: Parameters<Browser['newPage']>) => {
      const page = await newPage(...args);
      watch(page);
      return page;
    },
    close: async (...args: Parameters<Browser['close']>) => {
      await close(...args);
      if (refusals.length > 0)
        throw new Error(`the Content-Security-Policy refused:\n${refusals.slice(0, 10).join('\n')}`);
    },
  });
}

/** Save a full-page screenshot as `<name>.png` and return its path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
