// The kiosk's hidden diagnostics screen in Chromium: the built kiosk page served by a real hall server,
// `window.luotKiosk` wired by exposeBinding to the real main-process IPC handlers (sender check
// included), the real diagnostics service and printer slot, a fake Windows spooler and USB bus at the OS
// edge. A technician's visit: long press on the top-left corner, PIN, overview, test print, choose the
// Windows printer. Screenshots: e2e/test-output/screenshots/kiosk-diagnostics-*.png.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Frame } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KioskChannel } from '../../apps/kiosk/src/bridge.ts';
import { PRINTER_STATUS } from '../../apps/kiosk/src/main/printer/spooler.ts';
import { KIOSK_CHANNELS } from '../../apps/kiosk/src/preload/channels.ts';
import { FakeSpooler } from '../../apps/kiosk/test/printer/fake-spooler.ts';
import { createTestKioskShell } from '../../apps/kiosk/test/main/kiosk-shell.ts';
import { launchBrowser } from '../support/browser.ts';
import { checkPageState } from '../support/page-state.ts';
import { startE2eHall } from '../support/hall.ts';

let hall: Awaited<ReturnType<typeof startE2eHall>>;
let browser: Browser;
let context: BrowserContext;
const directory = mkdtempSync(path.join(tmpdir(), 'luot-e2e-diagnostics-'));

beforeAll(async () => {
  hall = await startE2eHall();
  browser = await launchBrowser();
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await hall?.dispose();
  rmSync(directory, { recursive: true, force: true });
});

/** The kiosk shell's main process, as index.ts composes it, on the OS-edge fakes. */
function kioskShell() {
  const spooler = new FakeSpooler()
    .addPrinter('XP-80C', { portName: 'USB001', driverName: 'XP-80' })
    .addPrinter('EPSON TM-T82III Receipt', { portName: 'ESDPRT001', driverName: 'EPSON TM-T82III Receipt5' })
    .addPrinter('Microsoft Print to PDF', { portName: 'PORTPROMPT:', driverName: 'Microsoft Print To PDF' });
  spooler.defaultPrinter = 'XP-80C';
  spooler.setPrinter('EPSON TM-T82III Receipt', { status: PRINTER_STATUS.OFFLINE });
  const shell = createTestKioskShell({
    serverUrl: hall.url,
    managerPin: '2468',
    printer: { kind: 'file', directory: path.join(directory, 'out'), paperWidthMm: 80 },
    spooler,
  });
  const invokeAs = (frame: Frame, channel: KioskChannel, args: unknown[]): Promise<unknown> =>
    shell.invokeAs({ url: frame.url(), parent: frame.parentFrame() }, channel, ...args);
  return { spooler, invokeAs };
}

describe('kiosk diagnostics screen in Chromium', () => {
  it('a technician opens it with a long press and the PIN, prints a test page and chooses the Windows printer', async () => {
    const shell = kioskShell();
    context = await browser.newContext({
      viewport: { width: 1920, height: 1080 },
      hasTouch: true,
      locale: 'vi-VN',
      deviceScaleFactor: 1,
    });
    await context.exposeBinding('__luotInvoke', ({ frame }, channel: KioskChannel, ...args: unknown[]) =>
      shell.invokeAs(frame, channel, args),
    );
    // The preload's bridge (src/preload/bridge-api.ts), as the page sees it.
    await context.addInitScript(`
      const invoke = (channel, ...args) => window.__luotInvoke(channel, ...args);
      Object.defineProperty(window, 'luotKiosk', {
        value: Object.freeze({
          printerStatus: () => invoke(${JSON.stringify(KIOSK_CHANNELS.printerStatus)}),
          print: (ticket) => invoke(${JSON.stringify(KIOSK_CHANNELS.print)}, ticket),
          diagnostics: Object.freeze({
            open: (pin) => invoke(${JSON.stringify(KIOSK_CHANNELS.diagnosticsOpen)}, pin),
            info: () => invoke(${JSON.stringify(KIOSK_CHANNELS.diagnosticsInfo)}),
            testPrint: () => invoke(${JSON.stringify(KIOSK_CHANNELS.diagnosticsTestPrint)}),
            printers: () => invoke(${JSON.stringify(KIOSK_CHANNELS.diagnosticsPrinters)}),
            choosePrinter: (choice) => invoke(${JSON.stringify(KIOSK_CHANNELS.diagnosticsChoosePrinter)}, choice),
            close: () => invoke(${JSON.stringify(KIOSK_CHANNELS.diagnosticsClose)}),
          }),
        }),
      });
    `);
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const { code } = hall.createPairingCode('kiosk', 'Kiosk diagnostics');
    await page.goto(`${hall.url}/kiosk/?code=${code}`);
    await page.locator('.kiosk[data-step="welcome"][data-ready="true"]').waitFor();

    // A finger held on the top-left corner for three seconds.
    await page.mouse.move(20, 20);
    await page.mouse.down();
    await page.waitForTimeout(3_300);
    await page.mouse.up();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await checkPageState(page, 'kiosk-diagnostics-pin');
    for (const digit of '2468') await page.getByRole('button', { name: digit, exact: true }).tap();
    await page.getByRole('button', { name: /^Mở/ }).tap();
    await page.locator('[data-link="reachable"]').waitFor();
    expect(await page.locator('[data-printer-state]').getAttribute('data-printer-state')).toBe('ok');
    await page.getByRole('button', { name: /^In thử/ }).tap();
    await page.getByText('Đã in thử. Kiểm tra tờ giấy in ra.').waitFor();
    await checkPageState(page, 'kiosk-diagnostics-overview');

    await page.getByRole('button', { name: /^Chọn máy in/ }).tap();
    await page.getByText('EPSON TM-T82III Receipt', { exact: true }).waitFor();
    await checkPageState(page, 'kiosk-diagnostics-printers');
    await page
      .getByRole('listitem')
      .filter({ hasText: 'XP-80C' })
      .getByRole('button', { name: /^Dùng máy in này/ })
      .tap();
    await page.getByText(/Đã lưu và đang dùng: windows "XP-80C" \(raw\)/).waitFor();
    await page.getByRole('button', { name: /^Quay lại/ }).tap();
    await page.getByText('windows "XP-80C" (raw)').waitFor();
    await page.getByRole('button', { name: /^In thử/ }).tap();
    await page.getByText('Đã in thử. Kiểm tra tờ giấy in ra.').waitFor();
    expect(shell.spooler.submitted.map((job) => job.document)).toEqual([
      expect.stringMatching(/^Luot ticket T000 /),
    ]);
    await checkPageState(page, 'kiosk-diagnostics-windows-printer');

    await page.getByRole('button', { name: /^Đóng/ }).tap();
    await dialog.waitFor({ state: 'detached' });
    await page.locator('.kiosk[data-step="welcome"]').waitFor();
    expect(pageErrors).toEqual([]);
  });
});
