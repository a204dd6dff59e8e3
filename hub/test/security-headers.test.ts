import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPageHeaders, htmlFiles } from '../../server/test/support/page-headers.ts';
import type { HubServer } from '../src/hub-server.ts';
import { REPO_ROOT } from '../src/hub-server.ts';
import { freshDatabaseUrl, startTestHub } from './support/hub-fixtures.ts';

// Issue 15: the province hub's pages (the province console under /province/, the public ticket-status
// page /t/<code>, and / that leads to the console) carry the hall's page policy: CSP with
// frame-ancestors 'none', X-Frame-Options DENY, Referrer-Policy no-referrer (one shared definition,
// server/src/http/security-headers.ts). The pages are found from the built console, as in the hall's walk.

describe('security headers on every page of the province hub', () => {
  let hub: HubServer;
  beforeAll(async () => {
    hub = await startTestHub(await freshDatabaseUrl());
  });
  afterAll(async () => hub?.close());

  it('every page, found from the built province console and the routes, by GET and HEAD', async () => {
    const dist = path.join(REPO_ROOT, 'apps', 'province', 'dist');
    expect(existsSync(dist)).toBe(true);
    const pages = ['/', '/province/', '/t/abcdefghijkl', '/t/not-a-code'];
    for (const file of htmlFiles(dist)) {
      pages.push(`/province/${file}`);
      if (file.endsWith('index.html')) pages.push(`/province/${file.slice(0, -'index.html'.length)}`);
    }
    const checked = await checkPageHeaders(hub.url, pages);
    // `/`, `/province/` and `/province/index.html` at least, by GET and HEAD.
    expect(checked).toBeGreaterThanOrEqual(6);
    // The JSON API carries the same headers (nothing the console fetches can be framed either).
    const health = await fetch(`${hub.url}/health`);
    expect(health.headers.get('x-frame-options')).toBe('DENY');
  });
});
