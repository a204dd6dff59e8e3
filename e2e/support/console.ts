import type { Page } from 'playwright-core';

/**
 * On the console's sign-in page of a new demo hall: sign in as the first manager (admin/admin) and
 * change the demo password, as the console demands at once; resolves on the live monitor.
 */
export async function signInAsFirstManager(page: Page, newPassword = 'Sen-Hong-2026'): Promise<void> {
  await page.getByLabel('Tên đăng nhập').fill('admin');
  await page.getByLabel('Mật khẩu').fill('admin');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByLabel('Mật khẩu hiện tại').fill('admin');
  await page.getByLabel('Mật khẩu mới', { exact: true }).fill(newPassword);
  await page.getByLabel('Nhập lại mật khẩu mới').fill(newPassword);
  await page.getByRole('button', { name: 'Lưu mật khẩu mới' }).click();
  await page.getByText('Hàng chờ theo dịch vụ').waitFor();
}
