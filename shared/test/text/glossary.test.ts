// One voice: the house terms of the glossary (shared/design/GLOSSARY.md beside the repository) applied to
// every Vietnamese string the product shows or prints (the catalogue, the defaults, the printed ticket)
// and to the Vietnamese in the docs and the demo hall. This fails on any word the glossary forbids.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_ANNOUNCEMENT,
  DEFAULT_PRIORITY_GROUPS,
  DEFAULT_SATISFACTION_LEVELS,
} from '../../src/domain/index.ts';
import { isMessageId, messages } from '../../src/text/index.ts';
import { DEFAULT_TICKET_FOOTER, layoutTicket } from '../../src/ticket/index.ts';

/** Words the glossary forbids in Vietnamese, with the fixed phrases that contain them legitimately. */
const FORBIDDEN: readonly {
  readonly word: string;
  readonly use: string;
  readonly except?: readonly string[];
}[] = [
  { word: 'bạn', use: 'Ông/Bà' },
  { word: 'quý khách', use: 'Ông/Bà or công dân' },
  { word: 'quý công dân', use: 'Ông/Bà (direct) or công dân (third person)' },
  { word: 'người dân', use: 'công dân' },
  { word: 'khách hàng', use: 'công dân' },
  { word: 'sảnh', use: 'Trung tâm or its name' },
  { word: 'đơn vị', use: 'Trung tâm or its name' },
  { word: 'văn phòng', use: 'Trung tâm or its name' },
  { word: 'vé', use: 'phiếu' },
  { word: 'phát số', use: 'cấp số' },
  { word: 'số phát ra', use: 'số đã cấp' },
  { word: 'bàn', use: 'quầy', except: ['địa bàn'] },
  { word: 'cửa', use: 'quầy', except: ['một cửa', 'cửa sổ'] },
  { word: 'quản trị viên', use: 'cán bộ quản lý' },
  { word: 'cán bộ quản trị', use: 'cán bộ quản lý' },
  { word: 'quản lý trung tâm', use: 'cán bộ quản lý' },
  { word: 'lãnh đạo', use: 'cán bộ quản lý' },
  { word: 'cán bộ hỗ trợ', use: 'cán bộ hướng dẫn' },
  { word: 'đang xử lý', use: 'đang phục vụ' },
  { word: 'bấm', use: 'Nhấn' },
  { word: 'chạm', use: 'Nhấn' },
];

/** English, abbreviations and formats the glossary keeps off Vietnamese screens (checked case-sensitively). */
const NOT_ON_VIETNAMESE_SCREENS = ['Kiosk', 'kiosk', 'Logo', 'logo', 'P90', 'TB', 'HH:mm', 'mm/dd'] as const;

const LETTER = String.raw`[\p{L}\p{N}]`;
const wholeWord = (word: string, flags: string): RegExp =>
  new RegExp(`(?<!${LETTER})${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?!${LETTER})`, flags);

/** The forbidden words in a Vietnamese text (after removing the allowed phrases). */
function violations(text: string, withScreenRules: boolean): string[] {
  const found: string[] = [];
  const lower = text.normalize('NFC').toLocaleLowerCase('vi');
  for (const { word, use, except = [] } of FORBIDDEN) {
    const cleaned = except.reduce((rest, phrase) => rest.replaceAll(phrase, ' '), lower);
    if (wholeWord(word, 'u').test(cleaned)) found.push(`"${word}" (use ${use})`);
  }
  if (withScreenRules) {
    for (const word of NOT_ON_VIETNAMESE_SCREENS)
      if (wholeWord(word, 'u').test(text)) found.push(`"${word}"`);
  }
  return found;
}

const repository = new URL('../../../', import.meta.url);
const read = (path: string): string => readFileSync(new URL(path, repository), 'utf8');

/** Markdown prose: code (fenced and inline) and the generated clip table are names, not sentences. */
function prose(markdown: string): string {
  return markdown
    .replace(/<!-- clip-table:start -->[\s\S]*?<!-- clip-table:end -->/g, ' ')
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/`[^`\n]*`/g, ' ');
}

describe('the glossary', () => {
  it('finds nothing it forbids in any Vietnamese message of the catalogue', () => {
    const found = Object.keys(messages)
      .filter(isMessageId)
      .flatMap((id) => violations(messages[id].vi, true).map((problem) => `${id}: ${problem}`));
    expect(found).toEqual([]);
  });

  it('finds nothing it forbids in the defaults a new hall starts with', () => {
    const texts = [
      DEFAULT_ANNOUNCEMENT.template,
      DEFAULT_TICKET_FOOTER,
      ...DEFAULT_SATISFACTION_LEVELS.map((level) => level.label.vi),
      ...DEFAULT_PRIORITY_GROUPS.map((group) => group.name.vi),
    ];
    expect(texts.flatMap((text) => violations(text, true))).toEqual([]);
  });

  it('finds nothing it forbids on a printed ticket', () => {
    const { blocks } = layoutTicket({
      hallName: 'Trung tâm Hành chính công huyện An Phú',
      number: 'A012',
      serviceName: 'Đất đai',
      procedureName: 'Cấp giấy chứng nhận quyền sử dụng đất',
      priorityLabel: 'Người cao tuổi (từ 60 tuổi)',
      issuedAt: Date.UTC(2026, 2, 2, 2, 0),
      timeZone: 'Asia/Ho_Chi_Minh',
      peopleAhead: 3,
      peopleAheadMax: 5,
      waitMinutes: { min: 10, max: 20 },
      counterNumbers: [1, 2],
      notice: 'Công dân vui lòng giữ phiếu.',
      statusUrl: 'http://hall.local:8080/t/abcdefgh',
    });
    const vietnamese = blocks.flatMap((block) =>
      block.kind === 'text' && block.language === 'vi' ? [block.text] : [],
    );
    expect(vietnamese.length).toBeGreaterThan(5);
    expect(vietnamese.flatMap((text) => violations(text, true))).toEqual([]);
  });

  it('finds nothing it forbids in the Vietnamese of the docs, the demo hall and the pages', () => {
    const docs = readdirSync(new URL('docs/', repository))
      .filter((name) => name.endsWith('.md'))
      .map((name) => `docs/${name}`);
    const files = [
      'README.md',
      ...docs,
      'server/src/app/demo-hall.ts',
      'server/src/app/managers.ts',
      // The devices a new hall's first start offers to pair (their names show in the console).
      'server/src/main.ts',
      'apps/admin/index.html',
      'apps/counter/index.html',
      'apps/counter/feedback/index.html',
      'apps/display/index.html',
      'apps/display/status.html',
      'apps/kiosk/index.html',
    ];
    const found = files.flatMap((file) => {
      const text = file.endsWith('.md') ? prose(read(file)) : read(file);
      return violations(text, false).map((problem) => `${file}: ${problem}`);
    });
    expect(found).toEqual([]);
  });

  it('finds nothing it forbids in the Vietnamese column headers of the exported reports', () => {
    expect(violations(read('server/src/reports/export.ts'), true)).toEqual([]);
  });

  it('catches what it should (the check itself)', () => {
    expect(violations('Số thứ tự của bạn', true)).toEqual(['"bạn" (use Ông/Bà)']);
    expect(violations('Kết quả in vé', true)).toEqual(['"vé" (use phiếu)']);
    expect(violations('Chờ P90', true)).toEqual(['"P90"']);
    expect(violations('Bộ phận Một cửa', true)).toEqual([]);
    expect(violations('Bạn thân', true)).toHaveLength(1);
    expect(violations('bảng', true)).toEqual([]);
  });
});
