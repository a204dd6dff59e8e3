import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { HallConfig } from '@luot/shared/domain';
import { asClerkId, asServiceId, configIssues, summarizeConfigChange } from '@luot/shared/domain';
import { ChangeSummary } from '../src/ConfigScreen.tsx';
import { LocaleContext } from '../src/text.ts';
import { demoHallConfigForTest, testCounter } from './fixtures.ts';

// The dialog body shown before a save: what the manager's edit adds, changes, archives and restores,
// the hall-wide settings, what the devices will see, and the warnings that do not block it.

afterEach(cleanup);

function before(): HallConfig {
  const demo = demoHallConfigForTest();
  return {
    ...demo,
    counters: [testCounter(1, ['dat-dai'])],
    clerks: [
      { id: asClerkId('cb-an'), name: 'Nguyễn Văn An', title: '', username: 'canbo1', isActive: true },
      {
        id: asClerkId('cb-binh'),
        name: 'Trần Thị Bình',
        title: '',
        username: 'canbo2',
        isActive: true,
        isArchived: true,
      },
    ],
  };
}

/** A service added (no counter serves it: a warning), a counter renamed, one clerk archived and one restored, the policy changed. */
function after(): HallConfig {
  const config = before();
  const land = config.services[0]!;
  return {
    ...config,
    services: [
      ...config.services,
      { ...land, id: asServiceId('ho-tich'), name: { vi: 'Hộ tịch', en: 'Civil status' }, prefix: 'B' },
    ],
    counters: config.counters.map((counter) => ({
      ...counter,
      name: { vi: 'Quầy tiếp nhận', en: 'Intake' },
    })),
    clerks: config.clerks.map((clerk) => ({ ...clerk, isArchived: clerk.id === 'cb-an' })),
    policy: { ...config.policy, recallLimit: 3 },
  };
}

const groups = (): Record<string, string[]> =>
  Object.fromEntries(
    [...screen.getByTestId('change-summary').querySelectorAll('.summary-group')].map((group) => [
      group.querySelector('h3')?.textContent ?? '',
      [...group.querySelectorAll('li')].map((item) => item.textContent ?? ''),
    ]),
  );

describe('the before-save summary', () => {
  it('lists every kind of change in the manager’s words, then what devices will see and the warnings', () => {
    const draft = after();
    const warnings = configIssues(draft, before()).filter((issue) => issue.severity === 'warning');
    render(<ChangeSummary summary={summarizeConfigChange(before(), draft)} warnings={warnings} />);
    const { 'Các thiết bị sẽ thấy': devices, ...others } = groups();
    expect(others).toEqual({
      'Thêm mới': ['Dịch vụ “Hộ tịch”'],
      Sửa: ['Quầy “Quầy tiếp nhận”: tên'],
      'Lưu trữ (ẩn khỏi máy lấy số và máy tính quầy, vẫn có trong báo cáo)': ['Cán bộ “Nguyễn Văn An”'],
      'Đưa trở lại sử dụng': ['Cán bộ “Trần Thị Bình”'],
      'Thiết lập chung': ['Quy tắc gọi số: số lần gọi lại tối đa'],
      'Cảnh báo (vẫn lưu được)': [
        'Dịch vụ “Hộ tịch”: chưa có quầy nào phục vụ, số đã cấp sẽ không được gọi.',
      ],
    });
    for (const line of [
      'Máy lấy số có thêm dịch vụ “Hộ tịch”.',
      'Cán bộ Nguyễn Văn An không đăng nhập được nữa.',
      'Cán bộ Trần Thị Bình đăng nhập được tại quầy.',
      'Các quầy gọi số theo quy tắc mới.',
    ])
      expect(devices).toContain(line);
  });

  it('speaks English in the English console, and says when nothing changed', () => {
    const { rerender } = render(
      <LocaleContext.Provider value="en">
        <ChangeSummary summary={summarizeConfigChange(before(), after())} warnings={[]} />
      </LocaleContext.Provider>,
    );
    expect(within(screen.getByTestId('change-summary')).getByText('Service “Civil status”')).toBeTruthy();
    expect(screen.getByTestId('change-summary').textContent).toContain('Counter “Intake”: name');
    rerender(<ChangeSummary summary={summarizeConfigChange(before(), before())} warnings={[]} />);
    expect(screen.getByTestId('change-summary').textContent).toBe('Không có thay đổi nào.');
  });
});
