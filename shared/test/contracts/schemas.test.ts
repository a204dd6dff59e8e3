// Every inbound payload schema: a good payload passes (and is normalised), anything else is refused at the
// edge — unknown fields, wrong types, oversized strings, ids that are not slugs, ticket ids that are not
// positive integers.
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  ERROR_CODES,
  MAX_PAYLOAD_BYTES,
  PROTOCOL_VERSION,
  callSpecificSchema,
  cancelTicketSchema,
  counterActionSchema,
  createPairingSchema,
  handshakeSchema,
  issueTicketSchema,
  pairRequestSchema,
  pauseCounterSchema,
  printResultSchema,
  printerStatusSchema,
  rateSchema,
  requestIdSchema,
  returnTicketSchema,
  revokeDeviceSchema,
  signInSchema,
  signOutSchema,
  snapshotRequestSchema,
  ticketIdSchema,
  transferTicketSchema,
} from '../../src/contracts/index.ts';
import { DOMAIN_ERROR_CODES } from '../../src/domain/index.ts';

const requestId = 'c0ffee00-1234-4abc-8def-0123456789ab';
const long = (length: number): string => 'x'.repeat(length);

interface SchemaCase {
  readonly name: string;
  readonly schema: z.ZodType;
  readonly good: Record<string, unknown>;
  /** Fields that must each be refused when set to these values. */
  readonly bad: Readonly<Record<string, readonly unknown[]>>;
}

const BAD_SLUGS = ['../x', '<script>', 'a b', '', long(65), 'dat-dai/../../etc', 'quầy-1', 42, null];
const BAD_TICKET_IDS = [
  -1,
  0,
  1.5,
  '7',
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.MAX_SAFE_INTEGER + 2,
  null,
];
const BAD_REQUEST_IDS = ['short', long(65), 'has space in it', '<script>alert(1)</script>', 12345678, null];

const cases: readonly SchemaCase[] = [
  {
    name: 'ticket:issue',
    schema: issueTicketSchema,
    good: { requestId, serviceId: 'dat-dai', procedureId: 'cap-gcn', priorityGroupId: 'elderly' },
    bad: {
      requestId: BAD_REQUEST_IDS,
      serviceId: [...BAD_SLUGS, undefined],
      procedureId: ['../x', '<script>', 7],
      priorityGroupId: ['../x', '<script>', true],
    },
  },
  {
    name: 'counter actions (call-next, recall, start, complete, no-show, open, close)',
    schema: counterActionSchema,
    good: { requestId, counterId: 'q1' },
    bad: { requestId: [...BAD_REQUEST_IDS, undefined], counterId: BAD_SLUGS },
  },
  {
    name: 'ticket:call',
    schema: callSpecificSchema,
    good: { requestId, counterId: 'q1', ticketId: 12, reason: 'Hồ sơ bổ sung' },
    bad: {
      ticketId: [...BAD_TICKET_IDS, undefined],
      reason: ['', '   ', long(201), 5, undefined],
      counterId: BAD_SLUGS,
    },
  },
  {
    name: 'ticket:return',
    schema: returnTicketSchema,
    good: { requestId, ticketId: 3 },
    bad: { ticketId: [...BAD_TICKET_IDS, undefined], requestId: BAD_REQUEST_IDS },
  },
  {
    name: 'ticket:transfer',
    schema: transferTicketSchema,
    good: { requestId, ticketId: 3, toServiceId: 'ho-tich', toCounterId: 'q2', note: 'Cần bổ sung giấy tờ' },
    bad: {
      ticketId: [...BAD_TICKET_IDS, undefined],
      toServiceId: ['../x', '<script>', 3],
      toCounterId: ['../x', '<script>', 3],
      note: [long(501), 9],
    },
  },
  {
    name: 'ticket:cancel',
    schema: cancelTicketSchema,
    good: { requestId, ticketId: 3, reason: 'Khách về' },
    bad: { ticketId: BAD_TICKET_IDS, reason: ['', ' ', long(201), undefined] },
  },
  {
    name: 'ticket:print-result',
    schema: printResultSchema,
    good: { requestId, ticketId: 3, isPrinted: false, failure: 'Hết giấy' },
    bad: { ticketId: BAD_TICKET_IDS, isPrinted: ['true', 1, null, undefined], failure: [long(201), 404] },
  },
  {
    name: 'counter:pause',
    schema: pauseCounterSchema,
    good: { requestId, counterId: 'q3', reason: 'Nghỉ giải lao' },
    bad: { reason: ['', long(201), undefined], counterId: BAD_SLUGS },
  },
  {
    name: 'clerk:sign-in',
    schema: signInSchema,
    good: { requestId, username: 'lan', pin: '2468' },
    bad: { username: ['', '   ', long(65), 1], pin: ['123', '123456789', '12a4', 1234, '', undefined] },
  },
  {
    name: 'clerk:sign-out',
    schema: signOutSchema,
    good: { requestId, reason: 'idle' },
    bad: { reason: ['takeover', 'moved', '', 3] },
  },
  {
    name: 'feedback:rate',
    schema: rateSchema,
    good: { requestId, ticketId: 3, rating: 4, reasons: ['Chờ lâu', 'Thái độ chưa tốt'] },
    bad: {
      ticketId: BAD_TICKET_IDS,
      rating: [0, 11, 2.5, '4', -1, undefined],
      reasons: [[''], [long(201)], Array.from({ length: 11 }, () => 'Chờ lâu'), 'Chờ lâu', [3]],
    },
  },
  {
    name: 'printer:status',
    schema: printerStatusSchema,
    good: { requestId, state: 'paper_low', detail: 'Giấy sắp hết' },
    bad: { state: ['on_fire', '', 1, undefined], detail: [long(201), false] },
  },
  {
    name: 'device:create-pairing',
    schema: createPairingSchema,
    good: { requestId, kind: 'counter', name: 'Máy quầy 3', counterId: 'q3' },
    bad: {
      kind: ['system', 'admin', '', undefined],
      name: ['', '  ', long(81), undefined],
      counterId: BAD_SLUGS.filter((value) => value !== null),
    },
  },
  {
    name: 'device:revoke',
    schema: revokeDeviceSchema,
    good: { requestId, deviceId: 'kiosk-1' },
    bad: { deviceId: [...BAD_SLUGS, undefined] },
  },
  {
    name: 'handshake',
    schema: handshakeSchema,
    good: { token: long(32), protocolVersion: PROTOCOL_VERSION },
    bad: { token: ['', long(15), long(201), 42, undefined], protocolVersion: ['1', 1.5, null, undefined] },
  },
  {
    name: 'POST /api/pair',
    schema: pairRequestSchema,
    good: { code: '123456', name: 'Ki-ốt sảnh chính' },
    bad: { code: ['12345', '1234567', 'abcdef', 123456, undefined], name: ['', '  ', long(81), 5] },
  },
];

describe.each(cases)('$name schema', ({ schema, good, bad }) => {
  it('accepts a good payload', () => {
    expect(schema.safeParse(good).success).toBe(true);
  });

  it('rejects unknown fields', () => {
    expect(schema.safeParse({ ...good, isAdmin: true }).success).toBe(false);
    // A `__proto__` key as JSON.parse builds it from the wire (an own property, not the prototype).
    const polluted: unknown = JSON.parse(
      JSON.stringify(good).replace(/^\{/, '{"__proto__":{"isAdmin":true},'),
    );
    expect(schema.safeParse(polluted).success).toBe(false);
  });

  it('rejects what is not an object', () => {
    for (const value of [null, undefined, 'payload', 42, [good]])
      expect(schema.safeParse(value).success).toBe(false);
  });

  const rows = Object.entries(bad).flatMap(([field, values]) => values.map((value) => ({ field, value })));
  it.each(rows)('rejects $field = $value', ({ field, value }) => {
    const payload: Record<string, unknown> = { ...good };
    if (value === undefined) delete payload[field];
    else payload[field] = value;
    expect(schema.safeParse(payload).success).toBe(false);
  });
});

describe('normalisation', () => {
  it('brands ids and fills optional nulls on ticket:issue', () => {
    expect(issueTicketSchema.parse({ requestId, serviceId: 'dat-dai' })).toEqual({
      requestId,
      serviceId: 'dat-dai',
      procedureId: null,
      priorityGroupId: null,
    });
  });

  it('trims reasons and keeps Vietnamese text whole', () => {
    expect(cancelTicketSchema.parse({ requestId, ticketId: 1, reason: '  Khách đổi ý  ' }).reason).toBe(
      'Khách đổi ý',
    );
    expect(pauseCounterSchema.parse({ requestId, reason: 'Nghỉ trưa' })).toEqual({
      requestId,
      reason: 'Nghỉ trưa',
    });
  });

  it('defaults sign-out to a plain sign-out and rating reasons to none', () => {
    expect(signOutSchema.parse({ requestId })).toEqual({ requestId, reason: 'sign-out' });
    expect(rateSchema.parse({ requestId, ticketId: 1, rating: 3 }).reasons).toEqual([]);
  });

  it('accepts a snapshot request with nothing in it, and nothing else', () => {
    expect(snapshotRequestSchema.safeParse({}).success).toBe(true);
    expect(snapshotRequestSchema.safeParse({ since: 4 }).success).toBe(false);
  });
});

describe('ticket:transfer', () => {
  it('is rejected without a destination', () => {
    for (const payload of [
      { requestId, ticketId: 3 },
      { requestId, ticketId: 3, toServiceId: null, toCounterId: null },
      { requestId, ticketId: 3, note: 'Chuyển' },
    ]) {
      const result = transferTicketSchema.safeParse(payload);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.path).toEqual(['toServiceId']);
    }
  });

  it('accepts a service only or a counter only, and turns an empty note into none', () => {
    expect(
      transferTicketSchema.parse({ requestId, ticketId: 3, toServiceId: 'ho-tich', note: '  ' }),
    ).toEqual({
      requestId,
      ticketId: 3,
      toServiceId: 'ho-tich',
      toCounterId: null,
      note: null,
    });
    expect(transferTicketSchema.parse({ requestId, ticketId: 3, toCounterId: 'q2' }).toServiceId).toBeNull();
  });
});

describe('ids', () => {
  it.each([1, 2, 999_999, Number.MAX_SAFE_INTEGER])('accepts ticket id %d', (id) => {
    expect(ticketIdSchema.parse(id)).toBe(id);
  });

  it.each(['abcdefgh', 'a'.repeat(64), requestId, 'REQ_2026-03-02_0001'])('accepts request id %s', (id) => {
    expect(requestIdSchema.parse(id)).toBe(id);
  });
});

describe('error codes and limits', () => {
  it('include every domain refusal, once', () => {
    for (const code of DOMAIN_ERROR_CODES) expect(ERROR_CODES).toContain(code);
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
  });

  it('keep the largest accepted payload well above the largest valid command', () => {
    const largest = {
      requestId: 'r'.repeat(64),
      ticketId: Number.MAX_SAFE_INTEGER,
      rating: 4,
      reasons: Array.from({ length: 10 }, () => 'ữ'.repeat(200)),
    };
    expect(rateSchema.safeParse(largest).success).toBe(true);
    expect(new TextEncoder().encode(JSON.stringify(largest)).length).toBeLessThan(MAX_PAYLOAD_BYTES);
  });
});
