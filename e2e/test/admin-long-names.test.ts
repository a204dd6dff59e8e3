import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { HallConfig } from '@luot/shared/domain';
import { asCounterId } from '@luot/shared/domain';
import { launchBrowser } from '../support/browser.ts';
import { signInAsFirstManager } from '../support/console.ts';
import { checkPageState } from '../support/page-state.ts';
import { e2eRequestId, nodeDevice, startE2eHall } from '../support/hall.ts';
import { LONG_SERVICE_NAME } from '../support/long-names.ts';

// A hall whose service has a 200-character name (Vietnamese procedure names are that long): the
// monitor, the ticket search with its "Chuyển sang dịch vụ…" choice, the reports and the audit must
// fit a 1440×900 office monitor and a 1280×720 laptop — no horizontal page scroll, no clipped text,
// axe clean. (The transfer choice once widened the page to 1,720 px.)

const LONG_NAME = LONG_SERVICE_NAME;

describe('the console with a 200-character service name', () => {
  let hall: Awaited<ReturnType<typeof startE2eHall>>;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    expect(LONG_NAME).toHaveLength(200);
    hall = await startE2eHall();
    const manager = await nodeDevice(hall, 'manager');
    const config: HallConfig = hall.service.hallConfig;
    const renamed: HallConfig = {
      ...config,
      services: config.services.map((service) =>
        service.id === 'dat-dai' ? { ...service, name: { vi: LONG_NAME, en: LONG_NAME } } : service,
      ),
    };
    const saved = await manager.emitWithAck('config:update', { requestId: e2eRequestId(), config: renamed });
    expect(saved.ok || saved.error).toBe(true);
    // History with the long name everywhere: issued, called, transferred to it with a note, served.
    const kiosk = await nodeDevice(hall, 'kiosk');
    for (const serviceId of ['dat-dai', 'dat-dai', 'ho-tich', 'ho-tich'])
      await kiosk.emitWithAck('ticket:issue', { requestId: e2eRequestId(), serviceId });
    const q1 = await nodeDevice(hall, 'counter', asCounterId('q1'));
    await q1.emitWithAck('clerk:sign-in', { requestId: e2eRequestId(), username: 'canbo1', pin: '1234' });
    const counter = await nodeDevice(hall, 'counter', asCounterId('q3'));
    await counter.emitWithAck('clerk:sign-in', {
      requestId: e2eRequestId(),
      username: 'canbo3',
      pin: '1234',
    });
    const called = await counter.emitWithAck('ticket:call-next', { requestId: e2eRequestId() });
    const calledEvent = called.ok
      ? called.value.events.find((event) => event.type === 'ticket.called')
      : undefined;
    const transferred = await counter.emitWithAck('ticket:transfer', {
      requestId: e2eRequestId(),
      ticketId: calledEvent?.ticketId ?? 3,
      toServiceId: 'dat-dai',
      toCounterId: 'q1',
      note: 'Hồ sơ cần ký bổ sung tại quầy đất đai',
    });
    expect(transferred.ok || transferred.error).toBe(true);
    await q1.emitWithAck('ticket:call-next', { requestId: e2eRequestId() });
    await q1.emitWithAck('ticket:start', { requestId: e2eRequestId() });
    await q1.emitWithAck('ticket:complete', { requestId: e2eRequestId() });
    for (const socket of [manager, kiosk, counter, q1]) socket.close();

    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.setDefaultTimeout(10_000);
    await page.goto(`${hall.url}/admin/`);
    await signInAsFirstManager(page);
  });

  afterAll(async () => {
    await browser?.close();
    await hall?.dispose();
  });

  /** The page never scrolls sideways: everything wraps inside the window. */
  const pageWidth = (): Promise<{ scroll: number; window: number }> =>
    page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, window: window.innerWidth }));

  for (const [width, height] of [
    [1440, 900],
    [1280, 720],
  ] as const) {
    it(`fits the monitor, ticket search, reports and audit at ${width}×${height}`, async () => {
      await page.setViewportSize({ width, height });
      await page.getByRole('button', { name: 'Giám sát' }).click();
      await page.getByText('Hàng chờ theo dịch vụ').waitFor();
      await page.getByText(LONG_NAME).first().waitFor();
      // A waiting ticket of another service: its card offers "Chuyển sang dịch vụ…" with the long option.
      await page.getByLabel('Số thứ tự').fill('B002');
      await page.getByRole('button', { name: 'Tra cứu' }).click();
      await page.locator('.ticket-card').first().waitFor();
      expect(await page.locator('.ticket-card select option', { hasText: LONG_NAME }).count()).toBe(1);
      expect(await pageWidth()).toMatchObject({ scroll: width });
      await checkPageState(page, `admin-long-monitor-${width}x${height}`);

      await page.getByRole('button', { name: 'Báo cáo' }).click();
      await page.getByText('Cách tính tỷ lệ hài lòng').waitFor();
      await page.getByText(LONG_NAME).first().waitFor();
      expect(await pageWidth()).toMatchObject({ scroll: width });
      await checkPageState(page, `admin-long-reports-${width}x${height}`);

      await page.getByRole('button', { name: 'Nhật ký' }).click();
      await page
        .getByText(/ chuyển số B001 từ Quầy số 3 sang dịch vụ Cấp giấy/)
        .first()
        .waitFor();
      expect(await pageWidth()).toMatchObject({ scroll: width });
      await checkPageState(page, `admin-long-audit-${width}x${height}`);
    });
  }
});
