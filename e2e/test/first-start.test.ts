import { networkInterfaces } from 'node:os';
import type { Browser } from 'playwright-core';
import { io } from 'socket.io-client';
import { PROTOCOL_VERSION } from '@luot/shared/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asCounterId } from '@luot/shared/domain';
import { hashPin } from '@luot/server/credentials';
import { launchBrowser } from '../support/browser.ts';
import { checkPageState } from '../support/page-state.ts';
import { startE2eHall } from '../support/hall.ts';

// Issue 15, first start: a PIN the manager set is replaced by the clerk at the first sign-in, on the
// counter terminal, in Vietnamese, axe clean.

describe('first start in Chromium', () => {
  let hall: Awaited<ReturnType<typeof startE2eHall>>;
  let browser: Browser;

  beforeAll(async () => {
    hall = await startE2eHall();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await hall?.dispose();
  });

  it('a clerk whose PIN the manager reset chooses their own before signing in', async () => {
    // As the console's PIN reset or `luot reset-pin` leaves it: set by the manager, to be changed.
    const clerk = hall.service.hallConfig.clerks.find((candidate) => candidate.username === 'canbo4')!;
    hall.store.setClerkPin(clerk.id, await hashPin('48213'), true);
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
    const page = await context.newPage();
    const { code } = hall.createPairingCode('counter', 'Máy quầy 4 (e2e)', asCounterId('q4'));
    await page.goto(`${hall.url}/counter/?code=${code}`);
    await page.getByLabel('Tên đăng nhập').fill('canbo4');
    await page.getByLabel('Mã PIN', { exact: true }).fill('48213');
    await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
    await page.getByRole('heading', { name: 'Đặt mã PIN mới' }).waitFor();
    expect(hall.service.state.counters[asCounterId('q4')]?.clerkId ?? null).toBeNull();
    await page.getByLabel('Mã PIN mới', { exact: true }).fill('1234');
    await page.getByLabel('Nhập lại mã PIN mới').fill('1234');
    expect(await page.getByTestId('pin-change-error').textContent()).toContain('dãy số liên tiếp');
    await checkPageState(page, 'counter-first-start-pin-change');
    await page.getByLabel('Mã PIN mới', { exact: true }).fill('730519');
    await page.getByLabel('Nhập lại mã PIN mới').fill('730519');
    await page.getByRole('button', { name: 'Lưu mã PIN mới và đăng nhập' }).click();
    await page.locator('[data-action="next"]').waitFor();
    expect(hall.service.state.counters[asCounterId('q4')]?.clerkId).toBe(clerk.id);
    await context.close();
  });

  it('a new hall without a manager: the console on the server PC creates the first one', async () => {
    const empty = await startE2eHall({ seedDemo: false, host: '0.0.0.0' });
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
    try {
      const page = await context.newPage();
      await page.goto(`${empty.url}/admin/`);
      await page.getByRole('heading', { name: 'Tạo tài khoản cán bộ quản lý đầu tiên' }).waitFor();
      await page.getByLabel('Tên đăng nhập').fill('quanly');
      await page.getByLabel('Mật khẩu mới', { exact: true }).fill('12345678');
      expect(await page.getByRole('alert').textContent()).toContain('ít nhất 10 ký tự');
      await page.getByLabel('Mật khẩu mới', { exact: true }).fill('Sen-Hong-2026');
      await page.getByLabel('Nhập lại mật khẩu mới').fill('Sen-Hong-2026');
      await checkPageState(page, 'admin-first-start');
      await page.getByRole('button', { name: 'Tạo tài khoản và đăng nhập' }).click();
      await page.getByRole('navigation').waitFor();
      expect(empty.hasNoManager()).toBe(false);
      // A display on another machine over plain HTTP: the console warns (issue 15).
      const lan = Object.values(networkInterfaces())
        .flat()
        .find((address) => address?.family === 'IPv4' && !address.internal)?.address;
      if (lan !== undefined) {
        const { token } = empty.registerDevice('display', 'Màn hình gọi số 1');
        const display = io(`http://${lan}:${empty.port}`, {
          auth: { token, protocolVersion: PROTOCOL_VERSION },
          transports: ['websocket'],
          forceNew: true,
        });
        await page.getByTestId('plain-http-banner').waitFor();
        expect(await page.getByTestId('plain-http-banner').textContent()).toContain('Màn hình gọi số 1');
        await checkPageState(page, 'admin-plain-http-warning');
        display.close();
      }
    } finally {
      await context.close();
      await empty.dispose();
    }
  });
});
