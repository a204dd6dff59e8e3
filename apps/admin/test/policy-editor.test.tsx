import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { HallConfig } from '@luot/shared/domain';
import { DEFAULT_PRIORITY_GROUPS } from '@luot/shared/domain';
import { ConfigScreen } from '../src/ConfigScreen.tsx';
import { answerLogoRequestsAndCleanUp, demoHallConfigForTest } from './fixtures.ts';
import { recordingApi } from './recording-api.ts';

// The policy editor (tab "Quy tắc, đánh giá, loa gọi") inside the real configuration screen: queue
// rules, priority groups, the satisfaction scale and the call phrase, each rule's message beside it,
// and what is sent once the summary is confirmed.

answerLogoRequestsAndCleanUp();

function hall(): HallConfig {
  return { ...demoHallConfigForTest(), priorityGroups: DEFAULT_PRIORITY_GROUPS.slice(0, 2) };
}

function open() {
  const saving = recordingApi({ 'PUT /api/admin/config': () => ({ ok: true, value: { version: 2 } }) });
  render(<ConfigScreen api={saving.api} config={hall()} />);
  fireEvent.click(screen.getByRole('button', { name: 'Quy tắc, đánh giá, loa gọi' }));
  return saving;
}

describe('the policy editor', () => {
  it('edits the queue rules and adds a priority group, refused beside the row until it has a name, then saved', async () => {
    const { requests } = open();
    fireEvent.change(screen.getByLabelText('Số lượt ưu tiên liên tiếp tối đa'), { target: { value: '5' } });
    fireEvent.change(screen.getByLabelText('Số lần gọi lại tối đa'), { target: { value: '0' } });
    const groups = screen.getByRole('group', { name: 'Nhóm ưu tiên' });
    fireEvent.click(within(groups).getByRole('button', { name: 'Thêm nhóm ưu tiên' }));
    expect(groups.textContent).toContain('cần nhập tên tiếng Việt');
    fireEvent.click(screen.getByRole('button', { name: 'Lưu cấu hình' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(requests).toEqual([]);

    fireEvent.change(within(groups).getAllByLabelText('Tên (tiếng Việt)').at(-1)!, {
      target: { value: 'Thương binh, bệnh binh' },
    });
    expect(groups.textContent).not.toContain('cần nhập tên tiếng Việt');
    fireEvent.click(screen.getByRole('button', { name: 'Lưu cấu hình' }));
    const summary = within(screen.getByRole('alertdialog')).getByTestId('change-summary');
    expect(summary.textContent).toContain('Nhóm ưu tiên “Thương binh, bệnh binh”');
    expect(summary.textContent).toContain('Các quầy gọi số theo quy tắc mới.');
    fireEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Lưu và áp dụng' }));
    await screen.findByText('Đã lưu.', { exact: false });
    const sent = (requests[0]?.body as { config: HallConfig }).config;
    expect(sent.policy).toMatchObject({ priorityBound: 5, recallLimit: 0 });
    // The groups already there keep their ids (tickets store them); the new one gets its own.
    expect(sent.priorityGroups.map((group) => group.id).slice(0, 2)).toEqual(
      DEFAULT_PRIORITY_GROUPS.slice(0, 2).map((group) => group.id),
    );
    expect(sent.priorityGroups[2]).toMatchObject({ name: { vi: 'Thương binh, bệnh binh', en: '' } });
    expect(sent.priorityGroups[2]!.id).not.toBe('');
  });

  it('keeps the satisfaction scale meaningful and the call phrase speakable before anything is saved', () => {
    const { requests } = open();
    for (const box of screen.getAllByRole('checkbox', { name: 'Tính là hài lòng' }))
      if ((box as HTMLInputElement).checked) fireEvent.click(box);
    expect(
      screen.getByText('Thang đánh giá cần ít nhất một mức được tính là hài lòng.', { exact: false }),
    ).toBeTruthy();
    fireEvent.click(screen.getAllByRole('checkbox', { name: 'Tính là hài lòng' })[0]!);
    expect(
      screen.queryByText('Thang đánh giá cần ít nhất một mức được tính là hài lòng.', { exact: false }),
    ).toBeNull();

    fireEvent.change(screen.getByLabelText(/Câu gọi số/), {
      target: { value: 'Kính mời quý vị số {ticket} đến quầy {counter}' },
    });
    expect(screen.getByTestId('template-check').textContent).toContain(
      'Chưa có tệp âm thanh cho: kính, quý, vị',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Lưu cấu hình' }));
    expect(screen.getByText(/còn 1 lỗi cần sửa/).getAttribute('role')).toBe('status');
    expect(requests).toEqual([]);
  });
});
