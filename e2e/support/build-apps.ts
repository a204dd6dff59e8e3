import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { axeSummary, resetAxeReport } from './axe-report.ts';

const appsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'apps');

/**
 * Build every web app before the browser tests, so they always test the current source (the hall
 * server serves `apps/<name>/dist`). Apps without a vite config (the kiosk's Electron parts) are skipped.
 * The axe report starts empty, and its summary (every page state's figures) is printed at the end.
 */
export async function setup(): Promise<() => void> {
  resetAxeReport();
  for (const app of ['counter', 'display', 'admin', 'kiosk', 'province']) {
    const root = path.join(appsDir, app);
    const config = path.join(root, 'vite.config.ts');
    if (!existsSync(config)) continue;
    await build({ root, configFile: config, logLevel: 'warn' });
  }
  return () => console.info(axeSummary());
}
