import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../src/hall-server.ts';
import { startTestHall } from './helpers.ts';
import { checkPageHeaders, htmlFiles } from './support/page-headers.ts';

// Issue 15: every HTML page of the hall carries a CSP with frame-ancestors 'none', X-Frame-Options DENY
// and Referrer-Policy no-referrer. The pages are found, not listed: every .html file the built apps
// serve, the apps' client routes, the landing page and the ticket-status page, by GET and HEAD, so a new
// page cannot ship without the headers.

const SERVED_APPS = ['kiosk', 'counter', 'display', 'admin'] as const;

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
    const checked = await checkPageHeaders(hall.url, pages);
    expect(checked).toBeGreaterThan(20);
  });
});
