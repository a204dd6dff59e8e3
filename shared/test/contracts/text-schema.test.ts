import { describe, expect, it } from 'vitest';
import {
  cancelTicketSchema,
  configUpdateSchema,
  pauseCounterSchema,
  textSchema,
} from '../../src/contracts/index.ts';
import { hallConfig } from '../fixtures/hall.ts';

describe('free text on the wire', () => {
  const text = textSchema();

  it('takes what people type: Vietnamese with every diacritic, emoji, tabs and line breaks', () => {
    for (const typed of [
      'Trung tâm Phục vụ hành chính công quận Đống Đa',
      'Đăng ký hộ kinh doanh – ưu tiên người cao tuổi',
      'Quầy 3 👍🏽 nghỉ trưa',
      'dòng 1\ndòng 2\r\n\tthụt lề',
    ])
      expect(text.safeParse(typed).success, typed).toBe(true);
  });

  it('refuses lone surrogates (SQLite would store U+FFFD: the text would read back changed) and control characters', () => {
    for (const broken of [
      '\uD83D',
      'abc\uDC00',
      '\uDC00\uD83D',
      'a\u0000b',
      'bell\u0007',
      'esc\u001B[2J',
      'del\u007F',
    ])
      expect(text.safeParse(broken).success, JSON.stringify(broken)).toBe(false);
  });

  it('applies to the text fields of commands and of the hall configuration', () => {
    expect(pauseCounterSchema.safeParse({ requestId: 'req-00000001', reason: 'nghỉ\u0000' }).success).toBe(
      false,
    );
    expect(
      cancelTicketSchema.safeParse({ requestId: 'req-00000002', ticketId: 1, reason: '\uD800' }).success,
    ).toBe(false);
    const config = hallConfig();
    expect(configUpdateSchema.safeParse({ requestId: 'req-00000003', config }).success).toBe(true);
    const broken = { ...config, hall: { ...config.hall, name: 'UBND\uDFFF' } };
    expect(configUpdateSchema.safeParse({ requestId: 'req-00000004', config: broken }).success).toBe(false);
  });
});
