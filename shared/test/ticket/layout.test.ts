import { describe, expect, it } from 'vitest';
import {
  DEFAULT_TICKET_FOOTER,
  layoutTicket,
  printableTicketSchema,
  type PrintableTicket,
  type TicketBlock,
  type TicketTextBlock,
  type TicketTextRole,
} from '../../src/ticket/index.ts';

// 29/11/2026 07:05 UTC = 14:05 in Hà Nội / TP.HCM (UTC+7, no daylight saving).
const issuedAt = Date.UTC(2026, 10, 29, 7, 5);

const ticket: PrintableTicket = {
  hallName: 'UBND Phường Bến Nghé',
  hallLogo: null,
  number: 'A012',
  serviceName: 'Đất đai',
  procedureName: 'Cấp giấy chứng nhận quyền sử dụng đất',
  priorityLabel: 'Người cao tuổi',
  issuedAt,
  timeZone: 'Asia/Ho_Chi_Minh',
  peopleAhead: 4,
  waitMinutes: { min: 10, max: 20 },
  statusUrl: 'http://hall:8080/t/k3x9',
};

const texts = (blocks: readonly TicketBlock[], role: TicketTextRole): TicketTextBlock[] =>
  blocks.filter((block): block is TicketTextBlock => block.kind === 'text' && block.role === role);
const vietnamese = (blocks: readonly TicketBlock[], role: TicketTextRole): string | undefined =>
  texts(blocks, role).find((block) => block.language === 'vi')?.text;

describe('layoutTicket', () => {
  it('takes a ticket of a Đ service (Vietnamese prefix)', () => {
    expect(printableTicketSchema.safeParse({ ...ticket, number: 'Đ001' }).success).toBe(true);
    expect(printableTicketSchema.safeParse({ ...ticket, number: 'Ư001' }).success).toBe(false);
  });

  it('prints the counters that serve the service, the hall notice and a range of people ahead', () => {
    const { blocks } = layoutTicket({
      ...ticket,
      peopleAhead: 3,
      peopleAheadMax: 5,
      counterNumbers: [1, 4, 5],
      notice: 'Công dân vui lòng giữ phiếu và chú ý loa gọi số.',
    });
    expect(vietnamese(blocks, 'people-ahead')).toBe('Số người chờ trước:\u00a03–5');
    expect(vietnamese(blocks, 'counters')).toBe('Quầy phục vụ:\u00a01, 4, 5');
    expect(vietnamese(blocks, 'notice')).toBe('Công dân vui lòng giữ phiếu và chú ý loa gọi số.');
  });

  it('says everything in Vietnamese first, with full diacritics, then English', () => {
    const { blocks } = layoutTicket(ticket);
    expect(vietnamese(blocks, 'hall')).toBe('UBND PHƯỜNG BẾN NGHÉ');
    expect(vietnamese(blocks, 'title')).toBe('SỐ THỨ TỰ');
    expect(vietnamese(blocks, 'service')).toBe('Đất đai');
    expect(vietnamese(blocks, 'procedure')).toBe('Cấp giấy chứng nhận quyền sử dụng đất');
    expect(vietnamese(blocks, 'priority')).toBe('Ưu tiên: Người cao tuổi');
    // Each label is held to its value by a no-break space.
    expect(vietnamese(blocks, 'people-ahead')).toBe('Số người chờ trước:\u00a04');
    expect(vietnamese(blocks, 'wait')).toBe('Thời gian chờ dự kiến:\u00a010–20\u00a0phút');
    expect(vietnamese(blocks, 'issued-at')).toBe('Giờ lấy số:\u00a029/11/2026 14:05');
    expect(vietnamese(blocks, 'validity')).toBe('Phiếu có giá trị trong ngày 29/11/2026');
    expect(vietnamese(blocks, 'qr-hint')).toBe('Ông/Bà quét mã QR để theo dõi lượt của mình');
    expect(vietnamese(blocks, 'footer')).toBe(DEFAULT_TICKET_FOOTER);
    for (const role of ['title', 'people-ahead', 'wait', 'issued-at', 'qr-hint', 'footer'] as const) {
      const languages = texts(blocks, role).map((block) => block.language);
      expect(languages, role).toEqual(['vi', 'en']);
    }
  });

  it('orders the blocks: hall, number, service, waiting figures, QR, footer', () => {
    const kinds: string[] = layoutTicket(ticket).blocks.map((block) =>
      block.kind === 'text' ? block.role : block.kind,
    );
    const order = ['hall', 'number', 'service', 'people-ahead', 'qr', 'footer'].map((kind) =>
      kinds.indexOf(kind),
    );
    expect(order.every((index) => index >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('carries the number, the QR payload and the logo unchanged', () => {
    const logo = { width: 2, height: 1, pixels: new Uint8Array([0, 255]) };
    const { blocks } = layoutTicket({ ...ticket, hallLogo: logo });
    expect(blocks[0]).toEqual({ kind: 'logo', logo });
    expect(blocks.find((block) => block.kind === 'number')).toEqual({ kind: 'number', text: 'A012' });
    expect(blocks.find((block) => block.kind === 'qr')).toEqual({
      kind: 'qr',
      payload: 'http://hall:8080/t/k3x9',
    });
  });

  it('leaves out what the ticket does not have', () => {
    const { blocks } = layoutTicket({
      ...ticket,
      procedureName: null,
      priorityLabel: undefined,
      waitMinutes: null,
      footer: 'Hẹn gặp lại',
    });
    expect(texts(blocks, 'procedure')).toEqual([]);
    expect(texts(blocks, 'procedure-label')).toEqual([]);
    expect(texts(blocks, 'priority')).toEqual([]);
    expect(texts(blocks, 'wait')).toEqual([]);
    expect(texts(blocks, 'footer').map((block) => block.text)).toEqual(['Hẹn gặp lại']);
    expect(blocks.some((block) => block.kind === 'logo')).toBe(false);
  });

  it('prints one figure when the wait range is exact, and the priority inverted', () => {
    const { blocks } = layoutTicket({ ...ticket, waitMinutes: { min: 5, max: 5 } });
    expect(vietnamese(blocks, 'wait')).toBe('Thời gian chờ dự kiến:\u00a05\u00a0phút');
    expect(texts(blocks, 'priority')[0]?.inverted).toBe(true);
  });

  it('writes text in composed form (NFC) even when the input was decomposed', () => {
    const decomposed = 'Hộ tịch'.normalize('NFD');
    const { blocks } = layoutTicket({ ...ticket, serviceName: decomposed });
    expect(vietnamese(blocks, 'service')).toBe('Hộ tịch'.normalize('NFC'));
  });
});

describe('printableTicketSchema', () => {
  it('accepts a complete ticket and the optional fields left out', () => {
    expect(printableTicketSchema.parse(ticket)).toEqual(ticket);
    const { procedureName: _p, priorityLabel: _l, hallLogo: _h, ...minimal } = ticket;
    expect(printableTicketSchema.safeParse(minimal).success).toBe(true);
  });

  it.each([
    ['unknown fields', { ...ticket, colour: 'red' }],
    ['a malformed number', { ...ticket, number: 'a12' }],
    ['an unknown time zone', { ...ticket, timeZone: 'Asia/Sai_Gon' }],
    ['an inverted wait range', { ...ticket, waitMinutes: { min: 20, max: 10 } }],
    ['a status URL that is not http', { ...ticket, statusUrl: 'javascript:alert(1)' }],
    [
      'a logo whose pixels do not match its size',
      { ...ticket, hallLogo: { width: 3, height: 3, pixels: new Uint8Array(4) } },
    ],
    ['negative people ahead', { ...ticket, peopleAhead: -1 }],
  ])('rejects %s', (_name, input) => {
    expect(printableTicketSchema.safeParse(input).success).toBe(false);
  });
});
