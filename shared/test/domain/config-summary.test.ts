// The before-save summary: what the manager's edit adds, changes, archives, and what the devices in the
// hall will show differently once it is saved.
import { describe, expect, it } from 'vitest';
import {
  asClerkId,
  asCounterId,
  asServiceId,
  summarizeConfigChange,
  type HallConfig,
} from '../../src/domain/index.ts';
import { CLERK, COUNTER, SERVICE, hallConfig } from '../fixtures/hall.ts';

describe('summarizeConfigChange', () => {
  it('is empty when nothing changed', () => {
    const summary = summarizeConfigChange(hallConfig(), hallConfig());
    expect(summary.isEmpty).toBe(true);
    expect(summary.devices).toEqual([]);
  });

  it('lists what was added, changed (which fields), archived and restored', () => {
    const before = hallConfig();
    const after: HallConfig = {
      ...before,
      services: [
        ...before.services.map((service) =>
          service.id === SERVICE.civil
            ? { ...service, name: { vi: 'Hộ tịch, chứng thực', en: 'Civil status' }, prefix: 'H' }
            : service.id === SERVICE.business
              ? { ...service, isArchived: true }
              : service,
        ),
        {
          ...before.services[0]!,
          id: asServiceId('cong-chung'),
          name: { vi: 'Công chứng', en: '' },
          prefix: 'E',
          procedures: [],
        },
      ],
      counters: before.counters.map((counter) =>
        counter.id === COUNTER.q3
          ? { ...counter, serviceIds: [SERVICE.land, asServiceId('cong-chung')] }
          : counter,
      ),
      clerks: before.clerks.map((clerk) =>
        clerk.id === CLERK.former ? { ...clerk, isArchived: true } : clerk,
      ),
    };
    const summary = summarizeConfigChange(before, after);
    expect(summary.isEmpty).toBe(false);
    expect(summary.added).toEqual([
      { entity: 'service', id: 'cong-chung', name: { vi: 'Công chứng', en: '' } },
    ]);
    expect(summary.archived.map((item) => [item.entity, item.id])).toEqual([
      ['service', 'kinh-doanh'],
      ['clerk', 'former'],
    ]);
    expect(summary.changed.map((item) => [item.id, item.fields.map((field) => field.label.vi)])).toEqual([
      ['ho-tich', ['tên', 'ký hiệu']],
      ['q3', ['dịch vụ phục vụ']],
    ]);
    expect(summary.removed).toEqual([]);
    expect(summary.devices.map((line) => line.message.vi)).toEqual([
      'Dịch vụ “Hộ tịch” hiển thị với tên mới “Hộ tịch, chứng thực”.',
      'Số mới của dịch vụ “Hộ tịch, chứng thực” bắt đầu bằng H (trước đây B); số đã cấp giữ nguyên.',
      'Máy lấy số có thêm dịch vụ “Công chứng”.',
      'Máy lấy số không còn dịch vụ “Kinh doanh”.',
      'Quầy 3 phục vụ thêm dịch vụ “Công chứng”.',
      'Quầy 3 không còn phục vụ dịch vụ “Kinh doanh”.',
    ]);
    // English falls back to the Vietnamese name where the manager left it empty.
    expect(summary.devices[2]!.message.en).toBe('The kiosk offers a new service: “Công chứng”.');
    expect(summary.devices[2]!.devices).toEqual(['kiosk']);
    // Restoring is the way back.
    const restored = summarizeConfigChange(after, before);
    expect(restored.restored.map((item) => item.id)).toEqual(['kinh-doanh', 'former']);
    expect(restored.removed.map((item) => item.id)).toEqual(['cong-chung']);
  });

  it('says where a clerk may sign in once their counters change, and names the changed field', () => {
    const before = hallConfig({ clerks: { minh: { counterIds: [COUNTER.q2] } } });
    const after = hallConfig({
      clerks: { lan: { counterIds: [COUNTER.q1, COUNTER.q3] }, minh: {}, hoa: { counterIds: [] } },
    });
    const unlisted: HallConfig = {
      ...after,
      clerks: after.clerks.map((clerk) => {
        if (clerk.id !== CLERK.minh) return clerk;
        const { counterIds: _counterIds, ...everyCounter } = clerk;
        return everyCounter;
      }),
    };
    const summary = summarizeConfigChange(before, unlisted);
    expect(summary.devices.map((line) => line.message.vi)).toEqual([
      'Cán bộ Nguyễn Thị Lan chỉ đăng nhập được tại: “Quầy 1”, “Quầy 3”.',
      'Cán bộ Trần Văn Minh đăng nhập được tại mọi quầy.',
      'Cán bộ Lê Thị Hoa chỉ đăng nhập được tại: không quầy nào.',
    ]);
    expect(summary.devices.every((line) => line.devices.join() === 'counter')).toBe(true);
    expect(summary.changed.map((item) => [item.id, item.fields.map((field) => field.label.vi)])).toEqual([
      ['lan', ['quầy được làm việc']],
      ['minh', ['quầy được làm việc']],
      ['hoa', ['quầy được làm việc']],
    ]);
    expect(summary.devices[0]!.message.en).toBe(
      'Clerk Nguyễn Thị Lan can sign in only at: “Counter 1”, “Counter 3”.',
    );
  });

  it('says which counters and clerks go out of or come into use, and hall-wide changes', () => {
    const before = hallConfig();
    const after: HallConfig = {
      ...before,
      hall: { ...before.hall, noticeLine: 'Trung tâm nghỉ chiều thứ Bảy.' },
      counters: [
        ...before.counters.map((counter) =>
          counter.id === COUNTER.q4 ? { ...counter, isArchived: true } : counter,
        ),
        {
          id: asCounterId('q6'),
          number: 6,
          name: { vi: 'Quầy 6', en: 'Counter 6' },
          serviceIds: [SERVICE.land, SERVICE.civil],
          isActive: true,
        },
      ],
      clerks: [
        ...before.clerks.map((clerk) => (clerk.id === CLERK.thu ? { ...clerk, isActive: false } : clerk)),
        {
          id: asClerkId('an'),
          name: 'Nguyễn Văn An',
          title: 'Chuyên viên',
          username: 'an',
          isActive: true,
        },
      ],
      policy: { ...before.policy, priorityBound: 2 },
    };
    const summary = summarizeConfigChange(before, after);
    expect(summary.devices.map((line) => line.message.vi)).toEqual([
      'Quầy 6 bắt đầu hoạt động, phục vụ “Đất đai”, “Hộ tịch”.',
      'Quầy 4 ngừng hoạt động: không đăng nhập và gọi số được nữa.',
      'Cán bộ Nguyễn Văn An đăng nhập được tại quầy.',
      'Cán bộ Võ Minh Thư không đăng nhập được nữa.',
      'Màn hình gọi số hiển thị dòng thông báo mới.',
      'Các quầy gọi số theo quy tắc mới.',
    ]);
    expect(summary.sections).toEqual([
      {
        section: 'hall',
        fields: [{ key: 'noticeLine', label: { vi: 'dòng thông báo', en: 'notice line' } }],
      },
      {
        section: 'policy',
        fields: [
          {
            key: 'priorityBound',
            label: { vi: 'số lượt ưu tiên liên tiếp tối đa', en: 'priority calls in a row' },
          },
        ],
      },
    ]);
  });
});
