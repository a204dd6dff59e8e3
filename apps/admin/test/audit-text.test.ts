import { describe, expect, it } from 'vitest';
import { asClerkId, asCounterId, asServiceId } from '@luot/shared/domain';
import type { AuditEntry } from '../src/api.ts';
import { describeEvent, entryIdentifiers } from '../src/audit-text.ts';
import { demoHallConfigForTest } from './fixtures.ts';

describe('describeEvent', () => {
  it('says a transfer as a sentence naming the clerk, both counters, the target service and the note', () => {
    const base = demoHallConfigForTest();
    const counter = (id: string, number: number) => ({
      id: asCounterId(id),
      number,
      name: { vi: `Quầy ${number}`, en: `Counter ${number}` },
      serviceIds: [asServiceId('dat-dai')],
      isActive: true,
    });
    const config = {
      ...base,
      services: [
        ...base.services,
        { ...base.services[0]!, id: asServiceId('tra-ket-qua'), name: { vi: 'Trả kết quả', en: 'Results' } },
      ],
      counters: [counter('q1', 1), counter('q5', 5)],
      clerks: [
        { id: asClerkId('cb1'), name: 'Nguyễn Văn An', title: 'Chuyên viên', username: 'an', isActive: true },
      ],
    };
    const entry: AuditEntry = {
      source: 'event',
      id: 12,
      at: 0,
      type: 'ticket.transferred',
      actorRole: 'counter',
      deviceId: 'dev_q1',
      clerkId: 'cb1',
      managerId: null,
      ticketId: 3,
      ticketNumber: 'A002',
      counterId: 'q1',
      body: {
        fromServiceId: config.services[0]!.id,
        toServiceId: config.services[1]!.id,
        fromCounterId: 'q1',
        toCounterId: 'q5',
        note: 'Hồ sơ cần ký',
      },
    };
    expect(describeEvent(entry, config, 'vi', { dev_q1: 'Máy quầy 1' })).toBe(
      'Cán bộ Nguyễn Văn An chuyển số A002 từ Quầy 1 sang dịch vụ Trả kết quả, Quầy 5 — ghi chú: Hồ sơ cần ký',
    );
    expect(describeEvent(entry, config, 'en')).toBe(
      'Clerk Nguyễn Văn An transferred A002 from Counter 1 to the service Results, Counter 5 — note: Hồ sơ cần ký',
    );
    // Identifiers stay in the detail row.
    expect(describeEvent(entry, config, 'vi')).not.toMatch(/cb1|q5|dev_q1|ticket\.transferred/);
    expect(entryIdentifiers(entry)).toContainEqual(['clerkId', 'cb1']);
    expect(entryIdentifiers(entry)).toContainEqual(['type', 'ticket.transferred']);
  });
});
