import { describe, expect, it } from 'vitest';
import { emptyQueueState, type QueueState } from '@luot/shared/domain';
import { kioskCatalogue, paginate, serviceAvailability } from '../../src/renderer/catalogue.ts';
import { MONDAY_8PM, MONDAY_9AM, ZONE, testHall } from './hall-fixture.ts';

const config = testHall();
const empty = emptyQueueState('2026-03-02');
const serviceOf = (id: string) => config.services.find((service) => service.id === id)!;

describe('serviceAvailability', () => {
  it('is open for an active service within its hours and below its quota', () => {
    expect(serviceAvailability(serviceOf('dat-dai'), empty, MONDAY_9AM, ZONE)).toBeNull();
    expect(serviceAvailability(serviceOf('do-dac'), empty, MONDAY_9AM, ZONE)).toBeNull();
  });

  it('says "suspended" before anything else, then "quota", then "closed" with today\'s hours', () => {
    expect(serviceAvailability(serviceOf('thue'), empty, MONDAY_9AM, ZONE)).toEqual({ kind: 'inactive' });
    const soldOut: QueueState = { ...empty, lastSequence: { 'chung-thuc': 2 } };
    expect(serviceAvailability(serviceOf('chung-thuc'), soldOut, MONDAY_9AM, ZONE)).toEqual({
      kind: 'quota',
    });
    expect(
      serviceAvailability(
        serviceOf('chung-thuc'),
        { ...empty, lastSequence: { 'chung-thuc': 1 } },
        MONDAY_9AM,
        ZONE,
      ),
    ).toBeNull();
    expect(serviceAvailability(serviceOf('do-dac'), empty, MONDAY_8PM, ZONE)).toEqual({
      kind: 'closed',
      todayHours: ['07:30–11:30'],
    });
    // Sunday 1 March 2026: the survey office has no window at all today.
    expect(serviceAvailability(serviceOf('do-dac'), empty, Date.UTC(2026, 2, 1, 2, 0), ZONE)).toEqual({
      kind: 'closed',
      todayHours: [],
    });
  });

  it("closes every service outside the hall's own opening hours, naming the hall's hours", () => {
    const hallHours = [{ weekdays: [1, 2, 3, 4, 5], from: '07:30', to: '11:30' }];
    expect(serviceAvailability(serviceOf('dat-dai'), empty, MONDAY_9AM, ZONE, hallHours)).toBeNull();
    expect(serviceAvailability(serviceOf('dat-dai'), empty, MONDAY_8PM, ZONE, hallHours)).toEqual({
      kind: 'closed',
      todayHours: ['07:30–11:30'],
    });
  });
});

describe('kioskCatalogue', () => {
  it('lists fields in kiosk order, hides a field with no service, and counts who waits', () => {
    const state: QueueState = {
      ...empty,
      tickets: {
        1: { status: 'waiting', serviceId: 'dat-dai' },
        2: { status: 'waiting', serviceId: 'dat-dai' },
        3: { status: 'called', serviceId: 'dat-dai' },
      } as unknown as QueueState['tickets'],
    };
    const catalogue = kioskCatalogue(config, state, MONDAY_9AM);
    expect(catalogue.map((choice) => choice.field.id)).toEqual(['dat-dai', 'ho-tich', 'tu-phap', 'thue']);
    const land = catalogue[0]!;
    expect(land.services.map((choice) => [choice.service.id, choice.waiting])).toEqual([
      ['dat-dai', 2],
      ['do-dac', 0],
    ]);
  });

  it("disables a field when nothing in it can be taken, with its only service's reason", () => {
    const soldOut: QueueState = { ...empty, lastSequence: { 'chung-thuc': 2 } };
    const catalogue = kioskCatalogue(config, soldOut, MONDAY_8PM);
    const byId = new Map(catalogue.map((choice) => [choice.field.id as string, choice.unavailable]));
    expect(byId.get('tu-phap')).toEqual({ kind: 'quota' });
    expect(byId.get('thue')).toEqual({ kind: 'inactive' });
    // Land still has its main service open in the evening; only the survey is closed.
    expect(byId.get('dat-dai')).toBeNull();
  });
});

describe('archived entries', () => {
  it('are gone from the kiosk (an inactive one shows as suspended): services, fields and procedures', () => {
    const archived = {
      ...config,
      services: config.services.map((service) =>
        service.id === 'do-dac'
          ? { ...service, isArchived: true }
          : { ...service, procedures: service.procedures.map((p, i) => ({ ...p, isArchived: i === 0 })) },
      ),
      fields: config.fields.map((field) => (field.id === 'thue' ? { ...field, isArchived: true } : field)),
    };
    const catalogue = kioskCatalogue(archived, empty, MONDAY_9AM);
    expect(catalogue.map((choice) => choice.field.id)).toEqual(['dat-dai', 'ho-tich', 'tu-phap']);
    expect(catalogue[0]!.services.map((choice) => choice.service.id)).toEqual(['dat-dai']);
    const before = kioskCatalogue(config, empty, MONDAY_9AM).flatMap((choice) => choice.services);
    const after = catalogue.flatMap((choice) => choice.services);
    for (const choice of after) {
      const original = before.find((candidate) => candidate.service.id === choice.service.id)!;
      expect(choice.service.procedures.map((p) => p.id)).toEqual(
        original.service.procedures.slice(1).map((p) => p.id),
      );
    }
  });
});

describe('paginate', () => {
  it('splits 42 items into pages of 12 and never returns no page', () => {
    const pages = paginate(
      Array.from({ length: 42 }, (_, index) => index),
      12,
    );
    expect(pages.map((page) => page.length)).toEqual([12, 12, 12, 6]);
    expect(paginate([], 12)).toEqual([[]]);
  });
});
