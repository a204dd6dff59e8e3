import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../src/hall-server.ts';
import { startTestHall } from './helpers.ts';

// Issue 15: every HTML page of the hall carries a CSP with frame-ancestors 'none', X-Frame-Options DENY
// and Referrer-Policy no-referrer. The pages are found, not listed: every .html file the built apps
// serve, the apps' client routes, the landing page and the ticket-status page, by GET and HEAD, so a new
// page cannot ship without the headers.

const SERVED_APPS = ['kiosk', 'counter', 'display', 'admin'] as const;

/** Every .html file under a folder, as paths relative to it. */
function htmlFiles(folder: string, prefix = ''): string[] {
  const found: string[] = [];
  for (const name of readdirSync(folder)) {
    const full = path.join(folder, name);
    if (statSync(full).isDirectory()) found.push(...htmlFiles(full, `${prefix}${name}/`));
    else if (name.endsWith('.html')) found.push(`${prefix}${name}`);
  }
  return found;
}

describe('security headers on every HTML page', () => {
  let hall: Awaited<ReturnType<typeof startTestHall>>;
  beforeAll(async () => {
    hall = await startTestHall();
  });
  afterAll(async () => hall?.dispose());

  it('every page, found from the built apps and the routes, by GET and HEAD', async () => {
    const pages = ['/', '/t/abcdefghijkl', '/t/not-a-code'];
    for (const app of SERVED_APPS) {
      const dist = path.join(REPO_ROOT, 'apps', app, 'dist');
      pages.push(`/${app}/`, `/${app}/a/client/route`);
      for (const file of htmlFiles(dist)) {
        pages.push(`/${app}/${file}`);
        if (file.endsWith('index.html')) pages.push(`/${app}/${file.slice(0, -'index.html'.length)}`);
      }
    }
    expect(pages.length).toBeGreaterThan(12);
    let checked = 0;
    for (const target of [...new Set(pages)]) {
      for (const method of ['GET', 'HEAD']) {
        const response = await fetch(`${hall.url}${target}`, { method });
        await response.arrayBuffer();
        const type = response.headers.get('content-type') ?? '';
        if (!type.startsWith('text/html')) continue;
        checked += 1;
        const csp = response.headers.get('content-security-policy') ?? '';
        expect({ target, method, frameAncestors: csp.includes("frame-ancestors 'none'") }).toEqual({
          target,
          method,
          frameAncestors: true,
        });
        expect({ target, method, xfo: response.headers.get('x-frame-options') }).toEqual({
          target,
          method,
          xfo: 'DENY',
        });
        expect({ target, method, referrer: response.headers.get('referrer-policy') }).toEqual({
          target,
          method,
          referrer: 'no-referrer',
        });
        expect(csp).toContain("script-src 'self'");
      }
    }
    expect(checked).toBeGreaterThan(20);
  });
});
