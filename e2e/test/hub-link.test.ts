import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asFieldId } from '@luot/shared/domain';
import { FAST_SHIPPING } from '../../hub/test/support/hub-fixtures.ts';
import { launchBrowser } from '../support/browser.ts';
import { checkPageState } from '../support/page-state.ts';
import { startE2eHall } from '../support/hall.ts';
import { startE2eHub } from '../support/hub.ts';

// The hall manager's panel for the province hub, in Chromium: the link's state (connected, then cut
// off with the hall still working), and the province catalogue reviewed and accepted.

describe('province hub panel in the manager console', () => {
  let hub: Awaited<ReturnType<typeof startE2eHub>>;
  let hall: Awaited<ReturnType<typeof startE2eHall>>;
  let plainHall: Awaited<ReturnType<typeof startE2eHall>>;
  let browser: Browser;
  let page: Page;

  const signIn = async (url: string, accounts: typeof hall.accounts): Promise<void> => {
    await accounts.create('quanly', 'Cán bộ quản lý', 'Mat-khau-quan-ly-2026', false);
    await page.goto(`${url}/admin/#hub`);
    await page.getByLabel(/Tên đăng nhập/).fill('quanly');
    await page.getByLabel(/Mật khẩu/).fill('Mat-khau-quan-ly-2026');
    await page.getByRole('button', { name: /Đăng nhập/ }).click();
  };

  beforeAll(async () => {
    hub = await startE2eHub();
    const { key } = await hub.halls.addHall('Trung tâm Hành chính công phường Ba Đình');
    hall = await startE2eHall({ hubLink: { url: hub.url, key, timing: FAST_SHIPPING } });
    plainHall = await startE2eHall();
    await hub.accounts.create('tinh', 'Cán bộ tỉnh', 'Song-Hong-Mua-Thu-2026', false);
    const login = await hub.accounts.login('tinh', 'Song-Hong-Mua-Thu-2026');
    if (!login.ok) throw new Error('province sign-in failed');
    const own = hall.service.hallConfig;
    await fetch(`${hub.url}/api/v1/console/catalogue`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${login.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        fields: [
          ...own.fields,
          { id: asFieldId('giao-thong'), name: { vi: 'Giao thông vận tải', en: 'Transport' }, kioskOrder: 9 },
        ],
        services: [{ ...own.services[0]!, name: { vi: 'Đất đai (danh mục tỉnh)', en: 'Land (province)' } }],
      }),
    });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  });
  afterAll(async () => {
    await browser?.close();
    await hall?.dispose();
    await plainHall?.dispose();
    await hub?.dispose();
  });

  it('says plainly when the hall has no hub', async () => {
    await signIn(plainHall.url, plainHall.accounts);
    await page.getByRole('button', { name: 'Trung tâm tỉnh' }).click();
    await page.getByText('Trung tâm chưa kết nối với máy chủ tỉnh.').waitFor();
    await page.evaluate(() => localStorage.clear());
  });

  it('shows the link connected with nothing behind, and the catalogue changes to accept', async () => {
    await signIn(hall.url, hall.accounts);
    await page.getByRole('button', { name: 'Trung tâm tỉnh' }).click();
    await page.getByText('Đang kết nối', { exact: true }).waitFor();
    await expect(page.locator('dl.facts dd').nth(1).innerText()).resolves.toBe('0');
    await page.getByRole('button', { name: 'Xem danh mục của tỉnh' }).click();
    await page.getByText('Thêm lĩnh vực: Giao thông vận tải').waitFor();
    await page.getByText(/Đổi dịch vụ: Đất đai \(danh mục tỉnh\)/).waitFor();
    await checkPageState(page, 'admin-hub-link');
    await page.getByRole('button', { name: 'Chấp nhận danh mục' }).click();
    await page.getByText('Đã cập nhật cấu hình theo danh mục của tỉnh.').waitFor();
    expect(hall.service.hallConfig.services[0]!.name.vi).toBe('Đất đai (danh mục tỉnh)');
    await page.getByText('Cấu hình của Trung tâm đã khớp với danh mục của tỉnh.').waitFor();
  });

  it('answers a ticket’s status page from the hub, with the same page the hall serves', async () => {
    const issued = await hall.service.issue(
      { role: 'manager', deviceId: 'mgr_test' as never, deviceName: 'test', counterId: null, clerkId: null },
      'status-page-ticket-1',
      {
        type: 'issue',
        serviceId: hall.service.hallConfig.services[1]!.id,
        procedureId: null,
        priorityGroupId: null,
      },
    );
    if (!issued.ok) throw new Error(issued.error.message);
    const version = hall.service.state.version;
    await expect
      .poll(
        async () =>
          (await hub.db.pool.query<{ v: number }>('SELECT shipped_version AS v FROM halls')).rows[0]?.v,
        { timeout: 10_000 },
      )
      .toBe(version);
    await page.goto(`${hub.url}/t/${issued.value.publicCode}`);
    await page.getByText(issued.value.ticket.number, { exact: true }).waitFor();
    await page.getByText(/Cập nhật lúc/).waitFor();
    await checkPageState(page, 'hub-status-page');
  });

  it('shows the link lost, with events waiting, while the hall keeps working', async () => {
    await page.goto(`${hall.url}/admin/#hub`);
    await hub.close();
    // The hall records a change with the hub gone (a configuration change is an event like any other).
    const own = hall.service.hallConfig;
    await hall.service.command(
      { role: 'manager', deviceId: 'mgr_test' as never, deviceName: 'test', counterId: null, clerkId: null },
      'while-hub-down-1',
      { type: 'configure', config: { ...own, hall: { ...own.hall, noticeLine: 'Trong lúc mất kết nối' } } },
    );
    await page.getByText(/Mất kết nối — Trung tâm vẫn hoạt động bình thường/).waitFor({ timeout: 20_000 });
    // "Lost" can show from a status read before the shipper counted the new event: the count follows
    // on a later refresh of the panel, so wait for it rather than read it once.
    await expect
      .poll(() => page.locator('dl.facts dd').nth(1).innerText(), { timeout: 20_000 })
      .not.toBe('0');
    await checkPageState(page, 'admin-hub-link-lost');
  });
});
