import { describe, expect, it } from 'vitest';
import { asCounterId, asServiceId } from '@luot/shared/domain';
import { translate } from '@luot/shared/text';
import type { AuditEntry } from '../src/api.ts';
import { describeEvent } from '../src/audit-text.ts';
import { demoHallConfigForTest } from './fixtures.ts';

describe('describeEvent', () => {
  it("keeps a transfer's target counter and the clerk's note in the ticket history", () => {
    const counter = {
      id: asCounterId('q4'),
      number: 4,
      name: { vi: 'Quầy số 4', en: 'Counter 4' },
      serviceIds: [asServiceId('dat-dai')],
      isActive: true,
    };
    const config = { ...demoHallConfigForTest(), counters: [counter] };
    const entry: AuditEntry = {
      source: 'event',
      id: 12,
      at: 0,
      type: 'ticket.transferred',
      actorRole: 'counter',
      deviceId: null,
      clerkId: null,
      managerId: null,
      ticketId: 3,
      counterId: null,
      body: {
        fromServiceId: config.services[0]!.id,
        toServiceId: config.services[0]!.id,
        fromCounterId: null,
        toCounterId: counter.id,
        note: 'Hồ sơ cần quầy 4 ký',
      },
    };
    const line = describeEvent(
      entry,
      config,
      (id, ...params) => translate('vi', id, ...params),
      (text) => text.vi,
    );
    expect(line).toContain(`→ Quầy ${counter.number}`);
    expect(line).toContain('“Hồ sơ cần quầy 4 ký”');
  });
});
