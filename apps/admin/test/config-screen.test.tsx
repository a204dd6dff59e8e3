import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { HallConfig } from '@luot/shared/domain';
import { asClerkId, asServiceId } from '@luot/shared/domain';
import { ConfigScreen } from '../src/ConfigScreen.tsx';
import { answerLogoRequestsAndCleanUp, demoHallConfigForTest, testCounter } from './fixtures.ts';
import { recordingApi } from './recording-api.ts';

answerLogoRequestsAndCleanUp();

/** The small test hall with one counter serving its one service and one clerk. */
function hall(): HallConfig {
  return {
    ...demoHallConfigForTest(),
    counters: [testCounter(1, ['dat-dai'])],
    clerks: [
      { id: asClerkId('cb-an'), name: 'Nguyễn Văn An', title: '', username: 'canbo1', isActive: true },
    ],
  };
}

function saving() {
  return recordingApi({ 'PUT /api/admin/config': () => ({ ok: true, value: { version: 2 } }) });
}

describe('configuration screen', () => {
  it('puts each rule’s message beside its field and saves nothing while an error stands', () => {
    const { api, requests } = saving();
    render(<ConfigScreen api={api} config={hall()} />);
    fireEvent.click(screen.getByRole('button', { name: 'Quầy và cán bộ' }));
    const form = screen.getByRole('group', { name: 'Thông tin quầy' });
    // Untick the counter's only service: the rule's sentence appears inside the services box.
    fireEvent.click(within(form).getByRole('checkbox', { name: 'A — Đất đai' }));
    const services = within(form).getByRole('group', { name: 'Dịch vụ phục vụ' });
    expect(services.textContent).toContain('cần chọn ít nhất một dịch vụ để phục vụ');
    // The service left without a counter is a warning, listed in the check at the top.
    expect(screen.getByRole('region', { name: /Kiểm tra cấu hình: 1 lỗi, 1 cảnh báo/ })).toBeTruthy();
    // Empty Vietnamese name: the message sits under that input, which is marked invalid.
    const name = within(form).getByLabelText('Tên (tiếng Việt)');
    fireEvent.change(name, { target: { value: '' } });
    expect(name.getAttribute('aria-invalid')).toBe('true');
    const describedBy = name.getAttribute('aria-describedby') ?? '';
    expect(document.getElementById(describedBy.split(' ')[0]!)?.textContent).toContain(
      'cần nhập tên tiếng Việt',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Lưu cấu hình' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(screen.getByRole('status').textContent).toContain('còn 2 lỗi cần sửa');
    expect(requests).toEqual([]);
  });

  it('shows what will change before saving, and saves only once confirmed', async () => {
    const { api, requests } = saving();
    render(<ConfigScreen api={api} config={hall()} />);
    fireEvent.click(screen.getByRole('button', { name: 'Lĩnh vực và dịch vụ' }));
    const form = screen.getByRole('group', { name: 'Thông tin dịch vụ' });
    fireEvent.change(within(form).getByLabelText('Tên (tiếng Việt)'), {
      target: { value: 'Đất đai và nhà ở' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu cấu hình' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Lưu các thay đổi này?' });
    const summary = within(dialog).getByTestId('change-summary');
    expect(summary.textContent).toContain('Sửa');
    expect(summary.textContent).toContain('“Đất đai và nhà ở”');
    expect(summary.textContent).toContain('Các thiết bị sẽ thấy');
    // Going back saves nothing and keeps the draft.
    fireEvent.click(within(dialog).getByRole('button', { name: 'Quay lại' }));
    expect(requests).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Lưu cấu hình' }));
    fireEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Lưu và áp dụng' }));
    await screen.findByText('Đã lưu.', { exact: false });
    expect(requests).toHaveLength(1);
    const sent = requests[0]?.body as { config: HallConfig };
    expect(sent.config.services[0]?.name.vi).toBe('Đất đai và nhà ở');
  });

  it('archives a clerk after a question (nothing deleted), and "Bỏ thay đổi" restores the saved state', async () => {
    const { api, requests } = saving();
    render(<ConfigScreen api={api} config={hall()} />);
    fireEvent.click(screen.getByRole('button', { name: 'Quầy và cán bộ' }));
    const clerkForm = screen.getByRole('group', { name: 'Thông tin cán bộ' });
    fireEvent.click(within(clerkForm).getByRole('button', { name: 'Lưu trữ' }));
    const question = screen.getByRole('alertdialog', { name: 'Lưu trữ “Nguyễn Văn An”?' });
    fireEvent.click(within(question).getByRole('button', { name: 'Lưu trữ' }));
    expect(within(clerkForm).getByText('Đã lưu trữ')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Bỏ thay đổi' }));
    const discard = screen.getByRole('alertdialog', { name: 'Bỏ mọi thay đổi chưa lưu?' });
    fireEvent.click(within(discard).getByRole('button', { name: 'Bỏ thay đổi' }));
    await waitFor(() => expect(screen.queryByText('Đã lưu trữ')).toBeNull());
    expect(
      within(screen.getByRole('group', { name: 'Thông tin cán bộ' })).getByRole('button', {
        name: 'Lưu trữ',
      }),
    ).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Lưu cấu hình' })).toHaveProperty('disabled', true);
    expect(requests).toEqual([]);
  });

  it('orders services by keyboard, sets hours with 24-hour pickers, and edits procedures without codes', () => {
    const config = hall();
    const second = {
      ...config.services[0]!,
      id: asServiceId('ho-tich'),
      name: { vi: 'Hộ tịch', en: '' },
      prefix: 'B',
      kioskOrder: 2,
    };
    const { api } = saving();
    render(<ConfigScreen api={api} config={{ ...config, services: [...config.services, second] }} />);
    fireEvent.click(screen.getByRole('button', { name: 'Lĩnh vực và dịch vụ' }));
    const list = screen.getByRole('list', { name: 'Danh sách dịch vụ' });
    fireEvent.click(within(list).getByRole('button', { name: 'Đưa “B — Hộ tịch” lên trên' }));
    expect(within(list).getAllByRole('listitem')[0]?.textContent).toContain('Hộ tịch');
    // Alt+↓ on the picked entry moves it back.
    fireEvent.keyDown(within(list).getByRole('button', { name: /^B — Hộ tịch/ }), {
      key: 'ArrowDown',
      altKey: true,
    });
    expect(within(list).getAllByRole('listitem')[0]?.textContent).toContain('Đất đai');

    const form = screen.getByRole('group', { name: 'Thông tin dịch vụ' });
    fireEvent.change(within(form).getByLabelText('Khung giờ 1, đến: giờ'), { target: { value: '16' } });
    fireEvent.change(within(form).getByLabelText('Khung giờ 1, đến: phút'), { target: { value: '45' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Thêm thủ tục' }));
    fireEvent.change(within(form).getAllByLabelText('Tên (tiếng Việt)').at(-1)!, {
      target: { value: 'Cấp giấy chứng nhận lần đầu' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu cấu hình' }));
    const summary = within(screen.getByRole('alertdialog')).getByTestId('change-summary');
    expect(summary.textContent).toContain('“Đất đai”');
    expect(within(form).getByLabelText('Khung giờ 1, đến: giờ')).toHaveProperty('value', '16');
  });
});
