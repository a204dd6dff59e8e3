// Tap → ticket number on screen, against a real local hall server, in Debian's Chromium.
// Plain script (not a test): pnpm --filter @luot/kiosk bench:tap  [--taps 30] [--no-build]
//
// It builds the renderer, starts the hall server as `pnpm start` would (its own process, a temporary
// data folder, a kiosk issue limit high enough for a burst of 30 tickets), pairs a kiosk page with the
// server's printed pairing link, then for each round walks to the last screen and measures, inside the
// page, from the touch on "Lấy số thường" to the first frame after the number is in the DOM.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { build } from 'vite';
// @ts-expect-error -- a plain .mjs helper shared with the setup scripts
import { findChromium } from '../../../scripts/chromium-path.mjs';

const kioskRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = path.resolve(kioskRoot, '..', '..');
const args = process.argv.slice(2);
const TAPS = Number(args[args.indexOf('--taps') + 1] ?? 30) || 30;
const WARMUP = 3;
const TARGET_MS = 300;

const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;

/** Start the hall server in its own process; resolve with its URL and the kiosk's pairing code. */
async function startServer(dataDir: string): Promise<{ url: string; code: string; stop: () => void }> {
  const settings = path.join(dataDir, 'luot.config.json');
  writeFileSync(settings, JSON.stringify({ kioskIssueLimit: { burst: 1_000, perMinute: 10_000 } }));
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'server/src/main.ts')], {
    cwd: path.join(repoRoot, 'server'),
    // LUOT_DEMO: the bench reads the demo hall's first pairing link from the start banner.
    env: {
      ...process.env,
      PORT: '0',
      LUOT_HOST: '127.0.0.1',
      LUOT_DATA_DIR: dataDir,
      LUOT_CONFIG: settings,
      LUOT_DEMO: '1',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  const found = await new Promise<{ port: string; code: string }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the hall server did not start:\n${output}`)), 30_000);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = /https?:\/\/[^\s/]+:(\d+)\/kiosk\/\?code=(\d{6})/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ port: match[1]!, code: match[2]! });
      }
    });
    child.once('exit', (code) => reject(new Error(`the hall server exited (${code}):\n${output}`)));
  });
  return { url: `http://127.0.0.1:${found.port}`, code: found.code, stop: () => child.kill('SIGTERM') };
}

async function ready(page: Page, step: string): Promise<void> {
  await page.locator(`.kiosk[data-step="${step}"][data-ready="true"]`).waitFor();
}

/** Install the in-page stopwatch: touch on the button → next frame after the number appears. */
async function armStopwatch(page: Page): Promise<void> {
  await page.evaluate(() => {
    const target = window as unknown as { __tapMs?: Promise<number> };
    target.__tapMs = new Promise<number>((resolve) => {
      let touchedAt = 0;
      document.addEventListener('touchstart', () => (touchedAt = performance.now()), {
        capture: true,
        once: true,
      });
      const observer = new MutationObserver(() => {
        if (touchedAt === 0 || !document.querySelector('[data-testid="ticket-number"]')) return;
        observer.disconnect();
        requestAnimationFrame(() => resolve(performance.now() - touchedAt));
      });
      observer.observe(document.body, { childList: true, subtree: true });
    });
  });
}

async function main(): Promise<void> {
  if (!args.includes('--no-build'))
    await build({ root: kioskRoot, configFile: path.join(kioskRoot, 'vite.config.ts'), logLevel: 'warn' });
  const executablePath = (findChromium as () => string | undefined)();
  if (!executablePath) throw new Error('Chromium not found (set CHROMIUM_PATH)');
  const dataDir = mkdtempSync(path.join(tmpdir(), 'luot-tap-bench-'));
  const server = await startServer(dataDir);
  const browser = await chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  try {
    const context = await browser.newContext({
      viewport: { width: 1920, height: 1080 },
      hasTouch: true,
      locale: 'vi-VN',
    });
    const page = await context.newPage();
    await page.goto(`${server.url}/kiosk/?code=${server.code}`);
    await ready(page, 'welcome');
    const samples: number[] = [];
    for (let round = 0; round < WARMUP + TAPS; round += 1) {
      await page.getByTestId('start').tap();
      await ready(page, 'fields');
      await page.getByTestId('field-tra-ket-qua').tap();
      await ready(page, 'priority');
      await armStopwatch(page);
      await page.getByTestId('regular').tap();
      const ms = await page.evaluate(() => (window as unknown as { __tapMs: Promise<number> }).__tapMs);
      if (round >= WARMUP) samples.push(ms);
      await ready(page, 'result');
      await page.getByTestId('done').tap();
      await ready(page, 'welcome');
    }
    const sorted = [...samples].sort((a, b) => a - b);
    const p95 = percentile(sorted, 95);
    const line = (label: string, value: number): string =>
      `  ${label.padEnd(6)} ${value.toFixed(1).padStart(7)} ms`;
    console.log(
      `\nTap on "Lấy số thường" → ticket number on screen (${samples.length} taps, real hall server, Chromium)`,
    );
    console.log(
      [
        line('min', sorted[0] ?? Number.NaN),
        line('p50', percentile(sorted, 50)),
        line('p95', p95),
        line('max', sorted.at(-1) ?? Number.NaN),
      ].join('\n'),
    );
    console.log(`  target ≤ ${TARGET_MS} ms p95: ${p95 <= TARGET_MS ? 'met' : 'NOT met'}\n`);
  } finally {
    await browser.close();
    server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
