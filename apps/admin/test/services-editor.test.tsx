import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { HallConfig } from '@luot/shared/domain';
import { ConfigScreen } from '../src/ConfigScreen.tsx';
import { answerLogoRequestsAndCleanUp, demoHallConfigForTest, testCounter } from './fixtures.ts';
import { recordingApi } from './recording-api.ts';

// The services editor (tab "Lĩnh vực và dịch vụ"): a new service never reaches a kiosk without a
// name, prefixes are letters the announcer can say (Đ too) and unique, a daily quota is a tick box
// and a number, and what is sent once the summary is confirmed.

answerLogoRequestsAndCleanUp();

function hall(): HallConfig {
  return {
    ...demoHallConfigForTest(),
    counters: [testCounter(1, ['dat-dai'])],
  };
}

describe('the services editor', () => {
  it('adds a service that needs a name and its own prefix, with Đ allowed and a daily quota, then saves it', async () => {
    const { api, requests } = recordingApi({
      'PUT /api/admin/config': () => ({ ok: true, value: { version: 2 } }),
    });
    render(<ConfigScreen api={api} config={hall()} />);
    fireEvent.click(screen.getByRole('button', { name: 'Lĩnh vực và dịch vụ' }));
    fireEvent.click(screen.getByRole('button', { name: 'Thêm dịch vụ' }));
    const form = screen.getByRole('group', { name: 'Thông tin dịch vụ' });
    // No placeholder name: the rule asks for one; the next free letter is offered as the prefix.
    expect(within(form).getByLabelText('Tên (tiếng Việt)')).toHaveProperty('value', '');
    expect(within(form).getByLabelText('Tên (tiếng Việt)').getAttribute('aria-invalid')).toBe('true');
    const prefix = within(form).getByLabelText('Ký hiệu');
    expect(prefix).toHaveProperty('value', 'B');

    // The prefix of another service is refused beside the input; typed lower case, it is made upper case.
    fireEvent.change(prefix, { target: { value: 'a' } });
    expect(prefix).toHaveProperty('value', 'A');
    expect(prefix.getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(prefix, { target: { value: 'đ' } });
    expect(prefix).toHaveProperty('value', 'Đ');
    expect(prefix.getAttribute('aria-invalid')).toBeNull();

    fireEvent.change(within(form).getByLabelText('Tên (tiếng Việt)'), {
      target: { value: 'Đăng ký đất đai lần đầu' },
    });
    fireEvent.click(within(form).getByRole('checkbox', { name: 'Giới hạn số phiếu mỗi ngày' }));
    const quota = within(form).getByLabelText('Số phiếu tối đa mỗi ngày');
    fireEvent.change(quota, { target: { value: '0' } });
    expect(form.textContent).toContain('giới hạn 0 số mỗi ngày, máy lấy số sẽ không cấp số');
    fireEvent.change(quota, { target: { value: '80' } });

    fireEvent.click(screen.getByRole('button', { name: 'Lưu cấu hình' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Lưu các thay đổi này?' });
    const summary = within(dialog).getByTestId('change-summary');
    expect(summary.textContent).toContain('Dịch vụ “Đăng ký đất đai lần đầu”');
    expect(summary.textContent).toContain('Máy lấy số có thêm dịch vụ “Đăng ký đất đai lần đầu”.');
    // No counter serves it yet: a warning, shown in the dialog, that does not stop the save.
    expect(summary.textContent).toContain('chưa có quầy nào phục vụ');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Lưu và áp dụng' }));
    await screen.findByText('Đã lưu.', { exact: false });
    const sent = (requests[0]?.body as { config: HallConfig }).config.services.at(-1);
    expect(sent).toMatchObject({
      name: { vi: 'Đăng ký đất đai lần đầu', en: '' },
      prefix: 'Đ',
      dailyQuota: 80,
      fieldId: 'dat-dai',
      isActive: true,
    });
  });
});
