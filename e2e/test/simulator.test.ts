import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DATABASE_FILE } from '../../server/src/db/open.ts';
import { generateHallDays } from '../../server/test/support/generated-days.ts';
import { launchBrowser } from '../support/browser.ts';
import type { PageProblems } from '../support/page-state.ts';
import { checkPageState, watchPage } from '../support/page-state.ts';
import { startE2eHall } from '../support/hall.ts';

// The policy simulator in Chromium against a real hall whose log holds a busy day (driven through the
// real hall path): the manager picks the day, changes the setup (one counter fewer, a smaller
// anti-starvation bound), runs it, and reads the comparison with what really happened.

describe('policy simulator (manager console)', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'luot-e2e-simulator-'));
  let hall: Awaited<ReturnType<typeof startE2eHall>>;
  let browser: Browser;
  let page: Page;
  let problems: PageProblems;
  let day = '';

  beforeAll(async () => {
    const generated = await generateHallDays(path.join(dataDir, DATABASE_FILE), {
      days: 1,
      ticketsPerDay: 200,
      seed: 42,
    });
    day = generated.days[0]!;
    hall = await startE2eHall({ dataDir, initialConfig: generated.config });
    await hall.accounts.create('quanly', 'Cán bộ quản lý thử nghiệm', 'Thu-nghiem-2026', false);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    problems = watchPage(page);
    page.setDefaultTimeout(30_000);
    page.on('pageerror', (error) => console.log('PAGE ERROR', error.message));
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await hall?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('runs a simulation of a past day and shows it beside what really happened', async () => {
    await page.goto(`${hall.url}/admin/#simulator`);
    await page.getByLabel('Tên đăng nhập').fill('quanly');
    await page.getByLabel('Mật khẩu').fill('Thu-nghiem-2026');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('button', { name: 'Chạy thử nghiệm' }).waitFor();
    await page.getByLabel('Từ ngày').fill(day);
    await page.getByLabel('Đến ngày').fill(day);
    await page.getByLabel(/lượt ưu tiên liên tiếp/).fill('1');
    // One counter fewer than the hall really had.
    await page.getByLabel(/Quầy số 4 — Mở quầy này/).uncheck();
    await checkPageState(page, 'simulator-01-setup');
    await page.getByRole('button', { name: 'Chạy thử nghiệm' }).click();
    const result = page.getByTestId('simulation-result');
    await result.waitFor();
    await expect.poll(() => result.textContent()).toContain(`Các ngày đã chạy lại: ${day}`);
    const summary = page.getByRole('table', { name: 'Toàn Trung tâm' });
    await summary.waitFor();
    const summaryText = (await summary.textContent()) ?? '';
    expect(summaryText).toContain('Thực tế');
    expect(summaryText).toContain('Thử nghiệm');
    expect(summaryText).toContain('Hàng chờ dài nhất');
    const byService = page.getByRole('table', { name: 'Theo dịch vụ' });
    expect(await byService.locator('tbody tr').count()).toBe(4);
    await page.getByRole('img', { name: /Chờ trung bình theo giờ đến/ }).waitFor();
    await page.getByRole('img', { name: /Hàng chờ dài nhất theo giờ/ }).waitFor();
    await checkPageState(page, 'simulator-02-comparison');
    expect(problems.list()).toEqual([]);
  }, 180_000);
});
