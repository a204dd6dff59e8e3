import { describe, expect, it } from 'vitest';
import type { ProvinceReport, ReportRow } from '@luot/shared/contracts';
import { emptyFigures, figuresRow } from '@luot/shared/reports';
import { provinceCsv, provinceTables } from '../src/app/province-export.ts';

const row = (key: string, name: string): ReportRow => ({
  ...figuresRow(key, { vi: name, en: name }, emptyFigures(), 30),
  issued: 3,
  noShow: 1,
});

describe('province exports', () => {
  const report: ProvinceReport = {
    from: '2026-12-01',
    to: '2026-12-06',
    targetWaitMinutes: 30,
    generatedAt: 0,
    total: row('total', 'Toàn tỉnh'),
    by: {
      hall: [row('h1', '=HYPERLINK("http://x","bấm")')],
      day: [row('2026-12-01', '2026-12-01')],
      field: [],
      service: [],
    },
  };

  it('writes one table per dimension under the Vietnamese header', () => {
    const tables = provinceTables(report);
    expect(tables.map((table) => table.title)).toEqual([
      'Toàn tỉnh',
      'Theo Trung tâm',
      'Theo ngày',
      'Theo lĩnh vực',
      'Theo dịch vụ',
    ]);
    expect(tables[0]!.rows[0]!.slice(0, 3)).toEqual(['Nhóm', 'Mục', 'Số đã cấp']);
  });

  it('keeps a name that a spreadsheet would run as a formula as plain text', () => {
    const csv = provinceCsv(report);
    expect(csv.startsWith('\uFEFFNhóm,Mục,')).toBe(true);
    expect(csv).toContain(`Theo Trung tâm,"'=HYPERLINK(""http://x"",""bấm"")",3,`);
    expect(csv).not.toMatch(/,=HYPERLINK/);
  });
});
