import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Manager } from '../src/api.ts';
import { ChangePasswordScreen } from '../src/ChangePasswordScreen.tsx';
import { FirstStartScreen } from '../src/FirstStartScreen.tsx';
import { LoginScreen } from '../src/LoginScreen.tsx';
import { recordingFetch } from './recording-api.ts';

// The signed-out screens share one form (AuthForm): sign-in, the first manager, the password change.
// Each is driven as a manager would, with the browser's fetch recorded at the network edge.

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const MANAGER: Manager = {
  id: 1,
  username: 'admin',
  displayName: 'Quản trị',
  mustChangePassword: true,
};
const type = (label: string, value: string): void => {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
};
const submit = (name: string): HTMLButtonElement => screen.getByRole<HTMLButtonElement>('button', { name });

describe('sign-in', () => {
  it('says a wrong password in the manager’s words, and signs in with the right one', async () => {
    const { fetcher, requests } = recordingFetch({
      'GET /api/admin/first-start': () => ({
        ok: true,
        value: { needsFirstManager: false, isServerPc: false },
      }),
      'POST /api/admin/login': (body) =>
        (body as { password: string }).password === 'Sen-Hong-2026'
          ? {
              ok: true,
              value: { token: 'phien', expiresAt: 0, manager: { ...MANAGER, mustChangePassword: false } },
            }
          : { ok: false, error: { code: 'BAD_CREDENTIALS', message: 'no' } },
    });
    vi.stubGlobal('fetch', fetcher);
    const onSignedIn = vi.fn();
    render(<LoginScreen notice={null} onSignedIn={onSignedIn} onToggleLocale={() => {}} />);
    expect(screen.getByRole('form', { name: 'Lượt' })).toBeTruthy();
    expect(submit('Đăng nhập').disabled).toBe(true);
    type('Tên đăng nhập', 'admin');
    type('Mật khẩu', 'sai-mat-khau');
    fireEvent.click(submit('Đăng nhập'));
    expect((await screen.findByRole('alert')).textContent).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
    type('Mật khẩu', 'Sen-Hong-2026');
    fireEvent.click(submit('Đăng nhập'));
    await waitFor(() => expect(onSignedIn).toHaveBeenCalledTimes(1));
    expect(onSignedIn.mock.calls[0]?.[0]).toBe('phien');
    expect(requests.filter((request) => request.method === 'POST').map((request) => request.body)).toEqual([
      { username: 'admin', password: 'sai-mat-khau' },
      { username: 'admin', password: 'Sen-Hong-2026' },
    ]);
  });

  it('shows the first-start form instead when the hall has no manager', async () => {
    const { fetcher } = recordingFetch({
      'GET /api/admin/first-start': () => ({
        ok: true,
        value: { needsFirstManager: true, isServerPc: false },
      }),
    });
    vi.stubGlobal('fetch', fetcher);
    render(<LoginScreen notice="expired" onSignedIn={() => {}} onToggleLocale={() => {}} />);
    expect(screen.getByRole('alert').textContent).toBe('Phiên làm việc đã hết hạn. Vui lòng đăng nhập lại.');
    await screen.findByRole('heading', { name: 'Tạo tài khoản cán bộ quản lý đầu tiên' });
    // Not on the server PC: a notice, no form anybody on the Wi-Fi could use.
    expect(screen.getByRole('status').textContent).toContain('chỉ được tạo trên chính máy chủ');
    expect(screen.queryByRole('textbox')).toBeNull();
  });
});

describe('the first manager, on the server PC', () => {
  it('checks the new password with the shared rules as it is typed, then creates the account and signs in', async () => {
    const { fetcher, requests } = recordingFetch({
      'POST /api/admin/first-manager': () => ({ ok: true, value: { created: true } }),
      'POST /api/admin/login': () => ({
        ok: true,
        value: { token: 'dau-tien', expiresAt: 0, manager: MANAGER },
      }),
    });
    vi.stubGlobal('fetch', fetcher);
    const onSignedIn = vi.fn();
    render(<FirstStartScreen isServerPc onSignedIn={onSignedIn} onToggleLocale={() => {}} />);
    const create = submit('Tạo tài khoản và đăng nhập');
    type('Tên đăng nhập', ' quanly ');
    type('Mật khẩu mới', 'quanly2026!');
    expect(screen.getByRole('alert').textContent).toBe('Mật khẩu không được chứa tên đăng nhập.');
    type('Mật khẩu mới', 'Matkhau@2026');
    expect(screen.getByRole('alert').textContent).toContain('quá phổ biến hoặc dễ đoán');
    type('Mật khẩu mới', 'Hoa-Sen-Vang-2026');
    type('Nhập lại mật khẩu mới', 'Hoa-Sen-Vang-2025');
    expect(screen.getByRole('alert').textContent).toBe('Hai mật khẩu mới không khớp.');
    expect(create.disabled).toBe(true);
    type('Nhập lại mật khẩu mới', 'Hoa-Sen-Vang-2026');
    expect(screen.queryByRole('alert')).toBeNull();
    type('Họ và tên (không bắt buộc)', 'Nguyễn Thị Quản Lý');
    fireEvent.click(create);
    await waitFor(() => expect(onSignedIn).toHaveBeenCalledWith('dau-tien', MANAGER));
    expect(requests.map((request) => [request.path, request.body])).toEqual([
      [
        '/api/admin/first-manager',
        { username: 'quanly', displayName: 'Nguyễn Thị Quản Lý', password: 'Hoa-Sen-Vang-2026' },
      ],
      ['/api/admin/login', { username: 'quanly', password: 'Hoa-Sen-Vang-2026' }],
    ]);
  });
});

describe('the password change', () => {
  it('is forced for the demo password, refuses the current one again, and sends the change', async () => {
    const { fetcher, requests } = recordingFetch({
      'POST /api/admin/password': () => ({ ok: true, value: { changed: true } }),
    });
    vi.stubGlobal('fetch', fetcher);
    const onChanged = vi.fn();
    render(
      <ChangePasswordScreen token="phien" manager={MANAGER} onChanged={onChanged} onExpired={() => {}} />,
    );
    expect(screen.getByText('Tài khoản admin đang dùng mật khẩu mặc định', { exact: false })).toBeTruthy();
    const save = submit('Lưu mật khẩu mới');
    type('Mật khẩu hiện tại', 'Sen-Hong-2025');
    type('Mật khẩu mới', 'Sen-Hong-2025');
    expect(screen.getByRole('alert').textContent).toBe('Mật khẩu mới cần khác mật khẩu hiện tại.');
    type('Mật khẩu mới', 'Sen-Hong-2026');
    type('Nhập lại mật khẩu mới', 'Sen-Hong-2026');
    expect(save.disabled).toBe(false);
    fireEvent.click(save);
    await waitFor(() => expect(onChanged).toHaveBeenCalledTimes(1));
    expect(requests).toEqual([
      {
        method: 'POST',
        path: '/api/admin/password',
        body: { currentPassword: 'Sen-Hong-2025', newPassword: 'Sen-Hong-2026' },
      },
    ]);
  });

  it('says the server refused a weak password in a sentence, and offers to go back when it is not forced', async () => {
    const { fetcher } = recordingFetch({
      'POST /api/admin/password': () => ({ ok: false, error: { code: 'WEAK_PASSWORD', message: 'weak' } }),
    });
    vi.stubGlobal('fetch', fetcher);
    const onCancel = vi.fn();
    render(
      <ChangePasswordScreen
        token="phien"
        manager={{ ...MANAGER, mustChangePassword: false }}
        onChanged={() => {}}
        onExpired={() => {}}
        onCancel={onCancel}
      />,
    );
    type('Mật khẩu hiện tại', 'Sen-Hong-2025');
    type('Mật khẩu mới', 'Sen-Hong-2026');
    type('Nhập lại mật khẩu mới', 'Sen-Hong-2026');
    fireEvent.click(submit('Lưu mật khẩu mới'));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Mật khẩu mới chưa đạt yêu cầu. Vui lòng chọn mật khẩu khác.',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Hủy' }));
    expect(onCancel).toHaveBeenCalledTimes(1);
  });
});
