// The typographic rules of a narrow ticket, checked on the lines the real renderer (fonts, metrics) wraps
// at 58 mm: a label never loses its value to the next line, no line starts with a dash, a paragraph does
// not end on a lone word when it can avoid it, and the ticket says which counters serve the service and
// the hall's notice.
import { describe, expect, it } from 'vitest';
import { layoutTicket, type PrintableTicket } from '@luot/shared/ticket';
import { PAPER_WIDTH_DOTS, renderTicket } from '../../src/main/printer/render-ticket.ts';
import { goldenTicket } from './ticket-fixtures.ts';

const narrow: PrintableTicket = {
  ...goldenTicket,
  hallLogo: null,
  serviceName: 'Tư pháp – Hộ tịch – Chứng thực bản sao, chữ ký và hợp đồng, giao dịch',
  procedureName: 'Đăng ký biến động quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền với đất',
  peopleAhead: 12,
  peopleAheadMax: 15,
  waitMinutes: { min: 110, max: 240 },
  counterNumbers: [1, 4, 5, 8],
  notice:
    'Công dân vui lòng giữ phiếu và chú ý loa gọi số. Giờ làm việc: sáng 7:30–11:30, chiều 13:30–17:00.',
};

describe('a 58 mm ticket', () => {
  const { lines } = renderTicket(layoutTicket(narrow), PAPER_WIDTH_DOTS[58]);
  const byBlock = new Map<string, string[]>();
  for (const line of lines) {
    const key = `${line.role}|${line.language}`;
    // A no-break space prints as a space: compare as printed.
    byBlock.set(key, [...(byBlock.get(key) ?? []), line.text.replaceAll('\u00a0', ' ')]);
  }

  it('keeps every label with its value', () => {
    for (const role of ['people-ahead', 'wait', 'counters', 'issued-at']) {
      for (const language of ['vi', 'en']) {
        const block = byBlock.get(`${role}|${language}`) ?? [];
        expect(block.length, `${role} ${language}`).toBeGreaterThan(0);
        // The line holding the value also holds the end of its label ("trước: 12–15").
        const valueLine = block.find((line) => line.includes(':'));
        expect(valueLine, `${role} ${language}: ${JSON.stringify(block)}`).toMatch(/\S+:\s\S/);
      }
    }
    expect((byBlock.get('people-ahead|vi') ?? []).join(' ')).toContain('12–15');
  });

  it('starts no line with a dash', () => {
    for (const line of lines) expect(line.text, line.role).not.toMatch(/^\s*[-–—]/);
  });

  it('ends no paragraph on a lone word when the line above can give it company', () => {
    for (const [key, block] of byBlock) {
      if (block.length < 2) continue;
      const last = block
        .at(-1)!
        .split(/[^\S\u00a0]+/)
        .filter(Boolean);
      const above = block
        .at(-2)!
        .split(/[^\S\u00a0]+/)
        .filter(Boolean);
      if (last.length === 1) expect(above.length, `${key}: ${JSON.stringify(block)}`).toBeLessThan(3);
    }
  });

  it('prints the counters that serve the service, the notice and the day it is valid', () => {
    expect((byBlock.get('counters|vi') ?? []).join(' ')).toContain('Quầy phục vụ: 1, 4, 5, 8');
    expect((byBlock.get('notice|vi') ?? []).join(' ')).toContain('giữ phiếu');
    expect((byBlock.get('validity|vi') ?? []).join(' ')).toContain('Phiếu có giá trị trong ngày 29/11/2026');
  });
});
