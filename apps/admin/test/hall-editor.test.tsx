import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { HallConfig } from '@luot/shared/domain';
import { ConfigScreen } from '../src/ConfigScreen.tsx';
import { answerLogoRequestsAndCleanUp, demoHallConfigForTest } from './fixtures.ts';
import { recordingApi } from './recording-api.ts';

// The hall editor (the first tab of "Cấu hình"): the hall's name and time zone with their rules beside
// them, the notice line the displays show, and the ticket logo (PNG only).

answerLogoRequestsAndCleanUp();

const PNG_BYTES = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function open() {
  const saving = recordingApi({
    'PUT /api/admin/config': () => ({ ok: true, value: { version: 2 } }),
    'PUT /api/admin/logo': () => ({ ok: true, value: { saved: true } }),
  });
  render(<ConfigScreen api={saving.api} config={demoHallConfigForTest()} />);
  return saving;
}

/** The sentence an input points at through aria-describedby. */
const describedText = (input: HTMLElement): string =>
  (input.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');

describe('the hall editor', () => {
  it('puts the name and time zone rules beside their inputs, and saves the notice line for the displays', async () => {
    const { requests } = open();
    const name = screen.getByLabelText('Tên Trung tâm');
    fireEvent.change(name, { target: { value: ' ' } });
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(describedText(name)).toContain('cần nhập tên tiếng Việt');
    const zone = screen.getByLabelText('Múi giờ');
    fireEvent.change(zone, { target: { value: 'Asia/Ha_Noi' } });
    expect(describedText(zone)).toBe('Múi giờ “Asia/Ha_Noi” không tồn tại.');
    fireEvent.click(screen.getByRole('button', { name: 'Lưu cấu hình' }));
    expect(requests).toEqual([]);

    fireEvent.change(name, { target: { value: 'Trung tâm Hành chính công xã An Bình' } });
    fireEvent.change(zone, { target: { value: 'Asia/Ho_Chi_Minh' } });
    expect(name.getAttribute('aria-invalid')).toBeNull();
    fireEvent.change(screen.getByLabelText('Dòng thông báo trên màn hình gọi số'), {
      target: { value: 'Chiều thứ Bảy nghỉ.' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu cấu hình' }));
    const summary = within(screen.getByRole('alertdialog')).getByTestId('change-summary');
    expect(summary.textContent).toContain(
      'Máy lấy số, phiếu và màn hình gọi số dùng thông tin Trung tâm mới.',
    );
    expect(summary.textContent).toContain('Màn hình gọi số hiển thị dòng thông báo mới.');
    fireEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Lưu và áp dụng' }));
    await screen.findByText('Đã lưu.', { exact: false });
    expect((requests[0]?.body as { config: HallConfig }).config.hall).toMatchObject({
      name: 'Trung tâm Hành chính công xã An Bình',
      noticeLine: 'Chiều thứ Bảy nghỉ.',
    });
  });

  it('takes a PNG logo and sends it as a data URL; anything else is refused in words, unsent', async () => {
    const { requests } = open();
    const upload = screen.getByLabelText('Chọn tệp biểu trưng (PNG)');
    fireEvent.change(upload, {
      target: { files: [new File(['GIF89a'], 'logo.gif', { type: 'image/gif' })] },
    });
    expect(screen.getByText('Chỉ nhận ảnh PNG.')).toBeTruthy();
    expect(requests).toEqual([]);

    fireEvent.change(upload, {
      target: { files: [new File([PNG_BYTES], 'logo.png', { type: 'image/png' })] },
    });
    await waitFor(() => expect(requests).toHaveLength(1));
    expect(requests[0]).toEqual({
      method: 'PUT',
      path: '/api/admin/logo',
      body: { dataUrl: `data:image/png;base64,${Buffer.from(PNG_BYTES).toString('base64')}` },
    });
    await waitFor(() => expect(screen.queryByText('Chỉ nhận ảnh PNG.')).toBeNull());
  });
});
