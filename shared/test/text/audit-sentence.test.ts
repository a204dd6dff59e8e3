// The audit speaks Vietnamese sentences that name people, counters and services; identifiers stay out.
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../src/contracts/index.ts';
import { auditSentence } from '../../src/text/index.ts';
import { hallConfig } from '../fixtures/hall.ts';

const config = hallConfig();
const entry = (partial: Partial<AuditEntry> & Pick<AuditEntry, 'type' | 'body'>): AuditEntry => ({
  source: 'event',
  id: 1,
  at: 0,
  actorRole: 'counter',
  deviceId: null,
  clerkId: null,
  managerId: null,
  ticketId: null,
  counterId: null,
  ...partial,
});
const names = { mgr_1: 'admin', kiosk_1: 'Tầng 1' };
const vi = (e: AuditEntry): string => auditSentence(e, config, names, 'vi');

describe('auditSentence', () => {
  it('names what a configuration change did, by name', () => {
    const configured = entry({
      source: 'admin',
      type: 'hall.configured',
      actorRole: 'manager',
      managerId: 1,
      body: {
        changes: ['service dat-dai changed', 'counter q9 archived', 'clerk lan added', 'policy changed'],
      },
    });
    expect(vi(configured)).toBe(
      'Cán bộ quản lý admin thay đổi cấu hình: sửa dịch vụ “Đất đai”; lưu trữ quầy “Quầy 9”; thêm cán bộ “Nguyễn Thị Lan”; sửa quy tắc gọi số',
    );
  });

  it('speaks of tickets, counters and clerks in sentences', () => {
    expect(
      vi(
        entry({
          type: 'ticket.issued',
          actorRole: 'kiosk',
          deviceId: 'kiosk_1',
          ticketId: 4,
          ticketNumber: 'A004',
          body: { serviceId: 'dat-dai', number: 'A004', priorityGroupId: 'elderly' },
        }),
      ),
    ).toBe('Máy lấy số “Tầng 1” cấp số A004, dịch vụ Đất đai (ưu tiên: Người cao tuổi)');
    expect(
      vi(
        entry({
          type: 'ticket.called',
          clerkId: 'minh',
          counterId: 'q2',
          ticketNumber: 'B007',
          body: { counterId: 'q2', isOutOfOrder: true, reason: 'Người cao tuổi' },
        }),
      ),
    ).toBe('Cán bộ Trần Văn Minh gọi số B007 tới Quầy 2 (gọi ngoài thứ tự, lý do: Người cao tuổi)');
    expect(
      vi(entry({ type: 'clerk.signed-out', counterId: 'q1', body: { clerkId: 'lan', reason: 'idle' } })),
    ).toBe('Cán bộ Nguyễn Thị Lan đăng xuất khỏi Quầy 1 (tự đăng xuất do không thao tác)');
    expect(
      vi(entry({ source: 'admin', type: 'clerk.pin-reset', managerId: 1, body: { clerkId: 'hoa' } })),
    ).toBe('Cán bộ quản lý admin đặt lại mã PIN của cán bộ Lê Thị Hoa');
  });

  it('never shows a raw type or id in the sentence', () => {
    const sentence = vi(entry({ type: 'clerk.signed-in', counterId: 'q3', body: { clerkId: 'tuan' } }));
    expect(sentence).toBe('Cán bộ Phạm Anh Tuấn đăng nhập tại Quầy 3');
    expect(sentence).not.toMatch(/clerk\.signed-in|tuan|q3/);
  });
});

describe('auditSentence durations', () => {
  it('says how long a service took, and "under a minute" rather than rounding up', () => {
    const completed = (serviceMs: number) =>
      vi(
        entry({
          type: 'ticket.completed',
          clerkId: 'lan',
          counterId: 'q1',
          ticketNumber: 'A001',
          body: { serviceMs },
        }),
      );
    expect(completed(13)).toBe('Cán bộ Nguyễn Thị Lan hoàn thành số A001 tại Quầy 1 (phục vụ dưới 1 phút)');
    expect(completed(7 * 60_000 + 20_000)).toBe(
      'Cán bộ Nguyễn Thị Lan hoàn thành số A001 tại Quầy 1 (phục vụ 7 phút)',
    );
  });
});
