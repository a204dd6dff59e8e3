import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import type { HallConfig } from '@luot/shared/domain';
import { CONSOLE } from '../../server/test/helpers.ts';
import { launchBrowser } from '../support/browser.ts';
import { signInAsFirstManager } from '../support/console.ts';
import { e2eRequestId, nodeDevice, startE2eHall } from '../support/hall.ts';
import { LONG_CLERK_NAME, LONG_SERVICE_NAME } from '../support/long-names.ts';
import { checkPageState } from '../support/page-state.ts';

// Every screen at the size of the device it runs on, in a hall whose service is named with 200
// characters and whose clerk with 60: the kiosk (1080×1920 portrait), the hall TV (1920×1080), the
// counter terminal (1366×768), the feedback tablet (800×1280), a citizen's phone on the ticket status
// page (390×844), and the manager's console (1440×900 and 1280×720). On each: no sideways scroll, no
// text clipped or cut with "…" (findClippedText), no critical or serious axe issue. One server, one
// browser, the pages in sequence; each screenshot is also written to /tmp/sweep/<app>-<w>x<h>.png.

const SWEEP_DIR = '/tmp/sweep';

describe('every screen at its device size, with the longest names', () => {
  let hall: Awaited<ReturnType<typeof startE2eHall>>;
  let browser: Browser;
  let waitingCode = '';

  beforeAll(async () => {
    expect([LONG_SERVICE_NAME.length, LONG_CLERK_NAME.length]).toEqual([200, 60]);
    mkdirSync(SWEEP_DIR, { recursive: true });
    hall = await startE2eHall();
    // Land (A…), served at counter 1 first, gets the long name; so does counter 1's clerk, canbo1.
    const manager = await nodeDevice(hall, 'manager');
    const config: HallConfig = hall.service.hallConfig;
    const saved = await manager.emitWithAck('config:update', {
      requestId: e2eRequestId(),
      config: {
        ...config,
        services: config.services.map((service) =>
          service.id === 'dat-dai'
            ? { ...service, name: { vi: LONG_SERVICE_NAME, en: LONG_SERVICE_NAME } }
            : service,
        ),
        clerks: config.clerks.map((clerk) =>
          clerk.username === 'canbo1' ? { ...clerk, name: LONG_CLERK_NAME } : clerk,
        ),
      },
    });
    expect(saved.ok || saved.error).toBe(true);
    const kiosk = await nodeDevice(hall, 'kiosk');
    for (const serviceId of ['dat-dai', 'dat-dai', 'ho-tich']) {
      const issued = await kiosk.emitWithAck('ticket:issue', {
        requestId: e2eRequestId(),
        serviceId,
        procedureId: null,
        priorityGroupId: null,
      });
      if (!issued.ok) throw new Error(issued.error.message);
      if (issued.value.ticket.number === 'A002') waitingCode = issued.value.publicCode;
    }
    for (const socket of [manager, kiosk]) socket.close();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await hall?.dispose();
  });

  /** A page on a device of its own (own storage), paired with a one-time code when it needs one. */
  async function openDevice(
    options: BrowserContextOptions,
    path: string,
    beforeLoad?: () => void,
  ): Promise<Page> {
    const context = await browser.newContext({ locale: 'vi-VN', ...options });
    if (beforeLoad) await context.addInitScript(beforeLoad);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${hall.url}${path}`);
    return page;
  }

  /** The checks of one screen: no sideways scroll, nothing clipped, axe clean; its PNG kept. */
  async function sweep(page: Page, app: string): Promise<void> {
    const { width, height } = page.viewportSize()!;
    const name = `${app}-${width}x${height}`;
    // Fonts loaded and layout settled before anything is measured.
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const widths = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      body: document.body.scrollWidth,
    }));
    expect.soft(widths, `${name} scrolls sideways`).toEqual({ page: width, body: width });
    // Content pushed out of the window where no scrolling reaches it: above or left of the page (a
    // centred column taller than the screen), or below a page that does not scroll.
    const offscreen = await page.evaluate(() => {
      const doesScroll = getComputedStyle(document.documentElement).overflowY !== 'hidden';
      const bottom = doesScroll ? document.documentElement.scrollHeight : window.innerHeight;
      const found: string[] = [];
      for (const element of Array.from(document.body.querySelectorAll('*'))) {
        const hasText = Array.from(element.childNodes).some(
          (node) => node.nodeType === Node.TEXT_NODE && (node.textContent ?? '').trim() !== '',
        );
        if (!hasText || element.closest('[data-allow-overflow]')) continue;
        const box = element.getBoundingClientRect();
        if (box.width === 0 || box.height === 0) continue;
        if (box.top < -1 || box.left < -1 || box.right > window.innerWidth + 1 || box.bottom > bottom + 1)
          found.push(
            `${element.tagName.toLowerCase()}.${element.className} "${(element.textContent ?? '').trim().slice(0, 40)}" at ${Math.round(box.left)},${Math.round(box.top)}–${Math.round(box.right)},${Math.round(box.bottom)}`,
          );
      }
      return found;
    });
    expect.soft(offscreen, `${name}: text out of the window`).toEqual([]);
    await checkPageState(page, `sweep-${name}`);
    await page.screenshot({ path: `${SWEEP_DIR}/${name}.png`, fullPage: true });
  }

  it('kiosk, portrait 1080×1920: welcome, the fields and the long service', async () => {
    const { code } = hall.createPairingCode('kiosk', 'Kiosk sảnh');
    const page = await openDevice(
      { viewport: { width: 1080, height: 1920 }, hasTouch: true },
      `/kiosk/?code=${code}`,
    );
    const ready = (step: string) => page.locator(`.kiosk[data-step="${step}"][data-ready="true"]`).waitFor();
    await ready('welcome');
    await sweep(page, 'kiosk-welcome');
    await page.getByTestId('start').tap();
    await ready('fields');
    await sweep(page, 'kiosk-fields');
    await page.getByTestId('field-dat-dai').tap();
    await page.locator('.kiosk[data-ready="true"]:not([data-step="fields"])').waitFor();
    await page.getByText(LONG_SERVICE_NAME).first().waitFor();
    await sweep(page, 'kiosk');
    // The ticket on the screen (this kiosk has no printer), with the long name.
    await page.getByTestId('procedure-other').tap();
    await ready('priority');
    await page.getByTestId('regular').tap();
    await ready('result');
    await sweep(page, 'kiosk-ticket');
    await page.context().close();
  });

  it('counter terminal 1366×768 serving the long service, feedback tablet 800×1280, hall TV 1920×1080', async () => {
    const terminalCode = hall.createPairingCode('counter', 'Quầy 1', 'q1' as never).code;
    const terminal = await openDevice(
      { viewport: { width: 1366, height: 768 } },
      `/counter/?code=${terminalCode}`,
    );
    await terminal.getByLabel('Tên đăng nhập').fill('canbo1');
    await terminal.getByLabel('Mã PIN').fill('1234');
    await terminal.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
    await terminal.locator('[data-action="next"]').click();
    await terminal.getByText(LONG_SERVICE_NAME).first().waitFor();
    await sweep(terminal, 'counter');

    const tabletCode = hall.createPairingCode('feedback', 'Đánh giá quầy 1', 'q1' as never).code;
    const tablet = await openDevice(
      { viewport: { width: 800, height: 1280 }, hasTouch: true },
      `/counter/feedback/?code=${tabletCode}`,
    );
    await tablet.getByText(LONG_CLERK_NAME).first().waitFor();
    await sweep(tablet, 'feedback');
    // Served: the tablet asks the citizen to rate the long-named clerk.
    await terminal.locator('[data-action="start"]').click();
    await terminal.locator('[data-action="complete"]:not([disabled])').click();
    await tablet.getByRole('button', { name: 'Không hài lòng Dissatisfied' }).waitFor();
    await sweep(tablet, 'feedback-asking');

    const tvCode = hall.createPairingCode('display', 'TV sảnh').code;
    // The TV's one-time "press to enable sound" was answered long ago (it is kept on the device).
    const tv = await openDevice({ viewport: { width: 1920, height: 1080 } }, `/display/?code=${tvCode}`, () =>
      localStorage.setItem('luot.display.sound-enabled', '1'),
    );
    await tv.locator('.display[data-live="true"]').waitFor();
    await tv.getByText('A001').first().waitFor();
    await sweep(tv, 'display');
    for (const page of [terminal, tablet, tv]) await page.context().close();
  });

  it('a citizen’s phone 390×844: the ticket status page of the long service', async () => {
    const phone = await openDevice(
      {
        viewport: { width: 390, height: 844 },
        isMobile: true,
        hasTouch: true,
        timezoneId: 'Asia/Ho_Chi_Minh',
      },
      `/t/${waitingCode}`,
    );
    await phone.locator('#number', { hasText: 'A002' }).waitFor();
    await sweep(phone, 'status');
    await phone.context().close();
  });

  it('the console at 1440×900 and 1280×720: the monitor with the long names', async () => {
    const page = await openDevice({ viewport: { width: 1440, height: 900 } }, '/admin/');
    await signInAsFirstManager(page);
    await page.getByText(LONG_SERVICE_NAME).first().waitFor();
    await sweep(page, 'console');
    await page.setViewportSize({ width: 1280, height: 720 });
    await sweep(page, 'console');
    // The devices, one of them revoked (its folded section opened).
    const revoked = hall.service.deviceStatuses().find((device) => device.name === 'Kiosk sảnh');
    expect(hall.service.revokeDevice(CONSOLE, revoked!.deviceId)).toBe(true);
    await page.getByRole('button', { name: 'Thiết bị' }).click();
    await page.getByText('Thiết bị đã thu hồi (1)').click();
    await page.getByTestId('revoked-devices').getByText('Đã thu hồi', { exact: true }).waitFor();
    await sweep(page, 'console-devices');
    await page.setViewportSize({ width: 1440, height: 900 });
    await sweep(page, 'console-devices');
    await page.context().close();
  });
});
