import { describe, expect, it } from 'vitest';
import { formatIssuedAt, formatMinuteRange, wrapText } from '../../src/ticket/index.ts';

// A monospace measure: one unit per grapheme, so expected lines are easy to read in the test.
const monospace = (text: string): number =>
  [...new Intl.Segmenter('vi', { granularity: 'grapheme' }).segment(text)].length;

describe('wrapText', () => {
  it('keeps a short line whole', () => {
    expect(wrapText('Đất đai', 20, monospace)).toEqual(['Đất đai']);
  });

  it('breaks between words, filling each line as far as it fits', () => {
    const lines = wrapText('Cấp giấy chứng nhận quyền sử dụng đất', 16, monospace);
    expect(lines).toEqual(['Cấp giấy chứng', 'nhận quyền sử', 'dụng đất']);
    expect(lines.every((line) => monospace(line) <= 16)).toBe(true);
  });

  it('breaks a word longer than the line between graphemes and loses nothing', () => {
    const lines = wrapText('Chứngthựcbảnsaotừbảnchính', 10, monospace);
    expect(lines.every((line) => monospace(line) <= 10)).toBe(true);
    expect(lines.join('')).toBe('Chứngthựcbảnsaotừbảnchính');
  });

  it('never splits a decomposed letter from its tone marks', () => {
    const lines = wrapText('Người'.normalize('NFD'), 2, monospace);
    expect(lines).toEqual(['Ng', 'ườ', 'i']);
  });

  it('collapses runs of spaces and keeps explicit line breaks', () => {
    expect(wrapText('Hộ   tịch\nChứng thực', 30, monospace)).toEqual(['Hộ tịch', 'Chứng thực']);
  });

  it('keeps a figure and its unit together across a no-break space', () => {
    expect(wrapText('chờ 10–20\u00a0phút', 10, monospace)).toEqual(['chờ', '10–20\u00a0phút']);
  });

  it('puts a lone too-wide grapheme on its own line rather than looping', () => {
    expect(wrapText('ab', 0, monospace)).toEqual(['a', 'b']);
  });
});

describe('formatIssuedAt', () => {
  it('formats dd/MM/yyyy HH:mm in the hall time zone, not the machine one', () => {
    const instant = Date.UTC(2026, 0, 5, 17, 30); // 00:30 next day in UTC+7
    expect(formatIssuedAt(instant, 'Asia/Ho_Chi_Minh')).toBe('06/01/2026 00:30');
    expect(formatIssuedAt(instant, 'UTC')).toBe('05/01/2026 17:30');
  });
});

describe('formatMinuteRange', () => {
  it('writes a range with an en dash and an exact wait as one figure', () => {
    expect(formatMinuteRange({ min: 10, max: 20 })).toBe('10–20');
    expect(formatMinuteRange({ min: 0, max: 0 })).toBe('0');
  });
});

describe('wrapText on a narrow ticket', () => {
  const rows = [
    {
      name: 'a dash never starts a line: it travels with the word before it',
      text: 'Tư pháp – Chứng thực',
      width: 8,
      lines: ['Tư', 'pháp\u00a0–', 'Chứng', 'thực'],
    },
    {
      name: 'the last line is not a lone word when the line above can give it company',
      text: 'Số người chờ trước tại quầy',
      width: 23,
      lines: ['Số người chờ trước', 'tại quầy'],
    },
    {
      name: 'a label and its value joined by a no-break space stay together',
      text: 'Số người chờ trước:\u00a012',
      width: 20,
      lines: ['Số người', 'chờ trước:\u00a012'],
    },
    {
      name: 'a lone last word stays when the line above would be left with one word',
      text: 'Chứng thực',
      width: 6,
      lines: ['Chứng', 'thực'],
    },
  ] as const;

  it.each(rows)('$name', ({ text, width, lines }) => {
    const wrapped = wrapText(text, width, monospace);
    expect(wrapped).toEqual(lines);
    expect(wrapped.every((line) => monospace(line) <= width)).toBe(true);
    expect(wrapped.some((line) => /^[-–—]/.test(line))).toBe(false);
  });
});
