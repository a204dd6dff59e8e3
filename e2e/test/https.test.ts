// A hall on HTTPS (issue #15, `luot tls init`) in Debian's Chromium: the display pairs on its https://
// link and goes live over wss://, under the hall's Content-Security-Policy (connect-src names the page's
// own wss:// address), with calls from a Node counter appearing. Chromium is told to trust exactly the
// hall server's key (--ignore-certificate-errors-spki-list): installing the hall CA in a browser's store
// is the OS's part (docs/OPERATIONS.md, "HTTPS in the hall"); the chain itself is proven with real TLS
// clients in server/test/tls.test.ts.
import { execFileSync } from 'node:child_process';
import { createHash, createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asCounterId } from '@luot/shared/domain';
import { hallTlsFiles, readServerCertificate } from '../../server/src/app/hall-tls.ts';
import { REPO_ROOT } from '../../server/src/hall-server.ts';
import { tempDataDir } from '../../server/test/helpers.ts';
import { launchBrowser } from '../support/browser.ts';
import { e2eRequestId, nodeDevice, startE2eHall } from '../support/hall.ts';
import { checkPageState, watchPage } from '../support/page-state.ts';

type Hall = Awaited<ReturnType<typeof startE2eHall>>;

describe('the hall on HTTPS in Chromium', () => {
  const tlsData = tempDataDir('luot-e2e-tls-');
  let hall: Hall;
  let browser: Browser;
  let caPem = '';
  beforeAll(async () => {
    // The hall CLI as a technician runs it (from the sources, as `pnpm luot tls init` does).
    execFileSync(
      path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx'),
      ['server/src/cli/main.ts', 'tls', 'init'],
      {
        cwd: REPO_ROOT,
        env: { ...process.env, LUOT_DATA_DIR: tlsData.dir, LUOT_HOSTS: 'localhost' },
        stdio: 'ignore',
      },
    );
    const files = hallTlsFiles(tlsData.dir);
    caPem = readFileSync(files.caCert, 'utf8');
    const certificate = readServerCertificate(
      { certFile: files.serverCert, keyFile: files.serverKey },
      Date.now(),
    );
    hall = await startE2eHall({ tls: { cert: certificate.cert, key: certificate.key } });
    // Chromium's pin: base64 SHA-256 of the server key's SubjectPublicKeyInfo.
    const spki = createPublicKey(certificate.cert).export({ type: 'spki', format: 'der' });
    const pin = createHash('sha256').update(spki).digest('base64');
    browser = await launchBrowser({ extraArgs: [`--ignore-certificate-errors-spki-list=${pin}`] });
  });
  afterAll(async () => {
    await browser?.close();
    await hall?.dispose();
    tlsData.remove();
  });

  it('pairs the display on its https:// link, goes live over wss:// and shows a call', async () => {
    expect(hall.url.startsWith('https://')).toBe(true);
    const base = `https://localhost:${hall.port}`;
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const page = await context.newPage();
    const problems = watchPage(page);
    const { code } = hall.createPairingCode('display', 'TV HTTPS');
    await page.goto(`${base}/display/?code=${code}`);
    await page.locator('.display[data-live="true"]').waitFor();
    problems.clear(); // leaving the pairing page cuts its clip preloads short (the test's own navigation)
    expect(page.url().startsWith('https://')).toBe(true);
    // The console sees the display as a secure device (no plain-HTTP warning for it).
    const display = hall.service.deviceStatuses().find((device) => device.name === 'TV HTTPS');
    expect(display?.transport?.isSecure).toBe(true);

    const counter = await nodeDevice(hall, 'counter', asCounterId('q1'), { ca: caPem });
    try {
      const signedIn = await counter.emitWithAck('clerk:sign-in', {
        requestId: e2eRequestId(),
        username: 'canbo1',
        pin: '1234',
      });
      expect(signedIn.ok).toBe(true);
      const kiosk = await nodeDevice(hall, 'kiosk', null, { ca: caPem });
      try {
        const issued = await kiosk.emitWithAck('ticket:issue', {
          requestId: e2eRequestId(),
          serviceId: hall.service.hallConfig.counters[0]!.serviceIds[0]!,
        });
        expect(issued.ok).toBe(true);
      } finally {
        kiosk.close();
      }
      const called = await counter.emitWithAck('ticket:call-next', { requestId: e2eRequestId() });
      expect(called.ok).toBe(true);
      await page.locator('[data-testid="featured-ticket"]').waitFor();
      expect(await page.getByTestId('featured-counter').textContent()).toBe('1');
    } finally {
      counter.close();
    }
    await checkPageState(page, 'display-https');
    expect(problems.list()).toEqual([]);
    await context.close();
  });
});
