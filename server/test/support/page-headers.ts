import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';

// Issue 15: every HTML page Lượt serves (the hall's and the province hub's) carries a CSP with
// frame-ancestors 'none', X-Frame-Options DENY and Referrer-Policy no-referrer. The walks in
// server/test/security-headers-walk.test.ts and hub/test/security-headers.test.ts find the pages and
// check them here.

/** Every .html file under a folder, as paths relative to it. */
export function htmlFiles(folder: string, prefix = ''): string[] {
  const found: string[] = [];
  for (const name of readdirSync(folder)) {
    const full = path.join(folder, name);
    if (statSync(full).isDirectory()) found.push(...htmlFiles(full, `${prefix}${name}/`));
    else if (name.endsWith('.html')) found.push(`${prefix}${name}`);
  }
  return found;
}

/**
 * Request each page by GET and HEAD (following redirects, as a browser does) and check the headers of
 * every HTML answer; returns how many HTML answers were checked.
 */
export async function checkPageHeaders(baseUrl: string, pages: readonly string[]): Promise<number> {
  let checked = 0;
  for (const target of [...new Set(pages)]) {
    for (const method of ['GET', 'HEAD']) {
      const response = await fetch(`${baseUrl}${target}`, { method });
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
  return checked;
}
