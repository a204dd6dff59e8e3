import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, takeCspRefusals } from '../support/browser.ts';
import { startE2eHall } from '../support/hall.ts';

// The security headers in a real browser: no page of the hall renders inside another site's frame (a
// page on another port of the same host included), and the Content-Security-Policy really holds (an
// injected inline script does not run). Every other browser test runs under the same headers and fails
// on any CSP refusal (support/browser.ts), which proves the apps work under them.

describe('security headers in Chromium', () => {
  let hall: Awaited<ReturnType<typeof startE2eHall>>;
  let browser: Browser;
  let framer: http.Server;
  let framerUrl: string;

  beforeAll(async () => {
    hall = await startE2eHall();
    browser = await launchBrowser();
    // Another "site" on the same host: a page that puts the hall's apps in frames.
    framer = http.createServer((request, response) => {
      const target = new URL(request.url ?? '/', 'http://x').searchParams.get('src') ?? '/admin/';
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(
        `<!doctype html><title>framer</title><iframe id="f" src="${hall.url}${target}" width="800" height="600"></iframe>`,
      );
    });
    await new Promise<void>((resolve) => framer.listen(0, '127.0.0.1', resolve));
    framerUrl = `http://127.0.0.1:${(framer.address() as AddressInfo).port}/`;
  });
  afterAll(async () => {
    await browser?.close();
    framer?.close();
    await hall?.dispose();
  });

  it('no app renders inside a frame of another origin (frame-ancestors none, X-Frame-Options DENY)', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    for (const app of ['/admin/', '/counter/', '/kiosk/', '/display/', '/t/abcdefghijkl']) {
      await page.goto(`${framerUrl}?src=${encodeURIComponent(app)}`);
      await page.waitForTimeout(300);
      const frame = page.frames().find((candidate) => candidate !== page.mainFrame());
      // The blocked frame holds Chromium's error page, never the app's root element.
      const hasApp = frame
        ? await frame.evaluate(() => document.getElementById('root') !== null).catch(() => false)
        : false;
      expect({ app, hasApp }).toEqual({ app, hasApp: false });
    }
    const refusals = takeCspRefusals(browser);
    expect(refusals.length).toBeGreaterThanOrEqual(5);
    expect(refusals.every((line) => line.includes('frame-ancestors'))).toBe(true);
    await context.close();
  });

  it('the CSP holds: an inline script injected into a page does not run', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${hall.url}/display/`);
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.injected = true';
      document.body.append(script);
    });
    expect(await page.evaluate(() => (window as unknown as { injected?: boolean }).injected)).toBeUndefined();
    const refusals = takeCspRefusals(browser);
    expect(refusals.some((line) => line.includes("script-src 'self'"))).toBe(true);
    await context.close();
  });
});
