import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { HallConfig } from '@luot/shared/domain';
import { asClerkId, asCounterId } from '@luot/shared/domain';
import { ConfigScreen } from '../src/ConfigScreen.tsx';
import {
  answerLogoRequestsAndCleanUp,
  demoHallConfigForTest,
  testCounter,
  withCivilStatusService,
} from './fixtures.ts';
import { recordingApi } from './recording-api.ts';

// The counters and clerks editors (tab "Quầy và cán bộ") inside the real configuration screen: the
// shared rules beside each field, the before-save summary, and what is sent to the server.

answerLogoRequestsAndCleanUp();

const Q1 = asCounterId('q1');
const Q2 = asCounterId('q2');

/** Two counters (each serving one of two services) and one clerk without a list of counters. */
function hall(): HallConfig {
  const demo = withCivilStatusService(demoHallConfigForTest());
  return {
    ...demo,
    counters: [testCounter(1, ['dat-dai']), testCounter(2, ['ho-tich'])],
    clerks: [
      { id: asClerkId('cb-an'), name: 'Nguyễn Văn An', title: '', username: 'canbo1', isActive: true },
    ],
  };
}

function saving() {
  return recordingApi({ 'PUT /api/admin/config': () => ({ ok: true, value: { version: 2 } }) });
}

/** Open the tab and save, confirming the summary; the configuration the console sent. */
async function saveAndConfirm(requests: ReturnType<typeof saving>['requests']): Promise<HallConfig> {
  fireEvent.click(screen.getByRole('button', { name: 'Lưu cấu hình' }));
  fireEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Lưu và áp dụng' }));
  await screen.findByText('Đã lưu.', { exact: false });
  return (requests.at(-1)?.body as { config: HallConfig }).config;
}

describe('a clerk’s counters: a checkbox list', () => {
  it('starts at “every counter”; unticking it lists every counter ticked; an empty list is an error beside it', async () => {
    const { api, requests } = saving();
    render(<ConfigScreen api={api} config={hall()} />);
    fireEvent.click(screen.getByRole('button', { name: 'Quầy và cán bộ' }));
    const form = screen.getByRole('group', { name: 'Thông tin cán bộ' });
    const picker = within(form).getByRole('group', { name: 'Quầy được làm việc' });
    const every = within(picker).getByRole('checkbox', { name: 'Mọi quầy (cả quầy thêm sau này)' });
    expect(every).toHaveProperty('checked', true);
    expect(within(picker).getAllByRole('checkbox')).toHaveLength(1);

    fireEvent.click(every);
    const first = within(picker).getByRole('checkbox', { name: 'Quầy 1 — Quầy 1' });
    const second = within(picker).getByRole('checkbox', { name: 'Quầy 2 — Quầy 2' });
    expect([first, second].map((box) => (box as HTMLInputElement).checked)).toEqual([true, true]);

    // Untick both: the rule's sentence sits inside the box, which points at it; nothing can be saved.
    fireEvent.click(first);
    fireEvent.click(second);
    const describedBy = picker.getAttribute('aria-describedby') ?? '';
    expect(document.getElementById(describedBy)?.textContent).toContain(
      'cần chọn ít nhất một quầy được làm việc',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Lưu cấu hình' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(requests).toEqual([]);

    // Tick the second counter back: the summary says where the clerk can sign in, and that is sent.
    fireEvent.click(second);
    expect(picker.getAttribute('aria-describedby')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Lưu cấu hình' }));
    const summary = within(screen.getByRole('alertdialog')).getByTestId('change-summary');
    expect(summary.textContent).toContain('quầy được làm việc');
    expect(summary.textContent).toContain('Cán bộ Nguyễn Văn An chỉ đăng nhập được tại: “Quầy 2”.');
    fireEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Lưu và áp dụng' }));
    await screen.findByText('Đã lưu.', { exact: false });
    expect((requests[0]?.body as { config: HallConfig }).config.clerks[0]?.counterIds).toEqual([Q2]);
  });

  it('keeps the hall’s counter order, shows an archived counter on the list with a warning, and “every counter” drops the list', async () => {
    const config = hall();
    const archivedFirst: HallConfig = {
      ...config,
      counters: config.counters.map((counter) =>
        counter.id === Q1 ? { ...counter, isArchived: true } : counter,
      ),
      clerks: [{ ...config.clerks[0]!, counterIds: [Q1] }],
    };
    const { api, requests } = saving();
    const { rerender } = render(<ConfigScreen api={api} config={archivedFirst} />);
    fireEvent.click(screen.getByRole('button', { name: 'Quầy và cán bộ' }));
    const picker = within(screen.getByRole('group', { name: 'Thông tin cán bộ' })).getByRole('group', {
      name: 'Quầy được làm việc',
    });
    expect(
      within(picker)
        .getAllByRole('checkbox')
        .map((box) => box.parentElement?.textContent),
    ).toEqual(['Mọi quầy (cả quầy thêm sau này)', 'Quầy 1 — Quầy 1 (đã lưu trữ)', 'Quầy 2 — Quầy 2']);
    expect(picker.textContent).toContain('đã lưu trữ, cán bộ không đăng nhập được tại quầy này');
    // Ticking Quầy 2 puts it after Quầy 1, as the hall orders them.
    fireEvent.click(within(picker).getByRole('checkbox', { name: 'Quầy 2 — Quầy 2' }));
    const saved = await saveAndConfirm(requests);
    expect(saved.clerks[0]?.counterIds).toEqual([Q1, Q2]);

    // The hall's new configuration comes back (as the app gets it after a save); “every counter” then
    // takes the list away, and the clerk is sent without one.
    rerender(<ConfigScreen api={api} config={saved} />);
    const savedPicker = within(screen.getByRole('group', { name: 'Thông tin cán bộ' })).getByRole('group', {
      name: 'Quầy được làm việc',
    });
    fireEvent.click(within(savedPicker).getByRole('checkbox', { name: 'Mọi quầy (cả quầy thêm sau này)' }));
    expect(within(savedPicker).getAllByRole('checkbox')).toHaveLength(1);
    const sent = await saveAndConfirm(requests);
    expect(sent.clerks[0]).not.toHaveProperty('counterIds');
  });
});

describe('the counters editor', () => {
  it('adds a counter with the next number, wants a service ticked, orders its services, and saves it', async () => {
    const { api, requests } = saving();
    render(<ConfigScreen api={api} config={hall()} />);
    fireEvent.click(screen.getByRole('button', { name: 'Quầy và cán bộ' }));
    fireEvent.click(screen.getByRole('button', { name: 'Thêm quầy' }));
    const form = screen.getByRole('group', { name: 'Thông tin quầy' });
    expect(within(form).getByLabelText('Số quầy')).toHaveProperty('value', '3');
    expect(within(form).getByLabelText('Tên (tiếng Việt)')).toHaveProperty('value', 'Quầy 3');
    const services = within(form).getByRole('group', { name: 'Dịch vụ phục vụ' });
    expect(services.textContent).toContain('cần chọn ít nhất một dịch vụ để phục vụ');

    // Tick both services, then put Hộ tịch first with its arrow: the order the counter calls them.
    fireEvent.click(within(services).getByRole('checkbox', { name: 'A — Đất đai' }));
    fireEvent.click(within(services).getByRole('checkbox', { name: 'B — Hộ tịch' }));
    fireEvent.click(within(services).getByRole('button', { name: 'Đưa “B — Hộ tịch” lên trên' }));
    expect(services.textContent).not.toContain('cần chọn ít nhất một dịch vụ');

    // A number already taken is refused beside the number.
    fireEvent.change(within(form).getByLabelText('Số quầy'), { target: { value: '2' } });
    expect(within(form).getByLabelText('Số quầy').getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(within(form).getByLabelText('Số quầy'), { target: { value: '3' } });
    fireEvent.change(within(form).getByLabelText('Tên (tiếng Việt)'), {
      target: { value: 'Quầy trả kết quả' },
    });

    fireEvent.click(screen.getByRole('button', { name: 'Lưu cấu hình' }));
    const summary = within(screen.getByRole('alertdialog')).getByTestId('change-summary');
    expect(summary.textContent).toContain(
      'Quầy trả kết quả bắt đầu hoạt động, phục vụ “Hộ tịch”, “Đất đai”.',
    );
    fireEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Lưu và áp dụng' }));
    await screen.findByText('Đã lưu.', { exact: false });
    const sent = (requests[0]?.body as { config: HallConfig }).config.counters.at(-1);
    expect(sent).toMatchObject({
      number: 3,
      name: { vi: 'Quầy trả kết quả', en: 'Counter 3' },
      serviceIds: ['ho-tich', 'dat-dai'],
      isActive: true,
    });
  });

  it('adds a clerk who needs a name and a user name, and cannot get a PIN before being saved', () => {
    const { api, requests } = saving();
    render(<ConfigScreen api={api} config={hall()} />);
    fireEvent.click(screen.getByRole('button', { name: 'Quầy và cán bộ' }));
    fireEvent.click(screen.getByRole('button', { name: 'Thêm cán bộ' }));
    const form = screen.getByRole('group', { name: 'Thông tin cán bộ' });
    expect(within(form).getByLabelText('Họ và tên').getAttribute('aria-invalid')).toBe('true');
    expect(within(form).getByLabelText('Tên đăng nhập').getAttribute('aria-invalid')).toBe('true');
    expect(within(form).getByRole('button', { name: 'Đặt lại PIN' })).toHaveProperty('disabled', true);
    expect(form.textContent).toContain('Cán bộ mới cần được lưu cấu hình trước khi đặt mã PIN.');
    // A user name another clerk has (in any case) is refused too.
    fireEvent.change(within(form).getByLabelText('Họ và tên'), { target: { value: 'Trần Thị Bình' } });
    fireEvent.change(within(form).getByLabelText('Tên đăng nhập'), { target: { value: 'CanBo1' } });
    expect(within(form).getByLabelText('Tên đăng nhập').getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(within(form).getByLabelText('Tên đăng nhập'), { target: { value: 'canbo2' } });
    expect(within(form).getByLabelText('Tên đăng nhập').getAttribute('aria-invalid')).toBeNull();
    expect(requests).toEqual([]);
  });
});
