import { describe, expect, it } from 'vitest';
import { demoHallConfigForTest } from './fixtures.ts';
import { mergeCatalog, parseCatalog, parseCsv, slugOf } from '../src/catalog-csv.ts';

const HEADER = 'field_vi,service_vi,prefix,expected_minutes,procedure_vi,daily_quota';

describe('service catalogue CSV', () => {
  it('reads RFC 4180 CSV as Excel writes it: BOM, CRLF, quotes, doubled quotes, line breaks in quotes', () => {
    const rows = parseCsv('\uFEFFa,b,c\r\n"x, y","say ""hi""","two\nlines"\r\n\r\nlast,,\r\n');
    expect(rows).toEqual([
      { cells: ['a', 'b', 'c'], line: 1 },
      { cells: ['x, y', 'say "hi"', 'two\nlines'], line: 2 },
      { cells: ['last', '', ''], line: 5 },
    ]);
  });

  it('accepts ; as the delimiter (Excel in some locales)', () => {
    expect(parseCsv('a;b\r\n1,5;2')[1]?.cells).toEqual(['1,5', '2']);
  });

  it('makes ids from Vietnamese names and groups procedures under their service', () => {
    expect(slugOf('Đất đai – Hộ tịch')).toBe('dat-dai-ho-tich');
    const catalog = parseCatalog(
      `\uFEFF${HEADER}\r\nĐất đai,Cấp giấy chứng nhận,A,15,Cấp lần đầu,\r\nĐất đai,Cấp giấy chứng nhận,A,15,Cấp đổi,\r\nTư pháp,Chứng thực,C,4,,300\r\n`,
    );
    expect(catalog.errors).toEqual([]);
    expect(catalog.fields.map((field) => [field.id, field.name.vi])).toEqual([
      ['dat-dai', 'Đất đai'],
      ['tu-phap', 'Tư pháp'],
    ]);
    expect(
      catalog.services.map((service) => [
        service.id,
        service.prefix,
        service.dailyQuota,
        service.procedures.length,
      ]),
    ).toEqual([
      ['cap-giay-chung-nhan', 'A', null, 2],
      ['chung-thuc', 'C', 300, 0],
    ]);
    expect(catalog.procedureCount).toBe(2);
    expect(catalog.services[0]!.procedures.map((procedure) => procedure.id)).toEqual([
      'cap-giay-chung-nhan-1',
      'cap-giay-chung-nhan-2',
    ]);
  });

  it('reports each bad line with its line number and keeps the good ones', () => {
    const catalog = parseCatalog(
      `${HEADER}\nĐất đai,Cấp giấy,A,15,,\n,Không lĩnh vực,B,5,,\nĐất đai,Sai ký hiệu,A1,5,,\nĐất đai,Cấp giấy,B,15,Khác ký hiệu,\nĐất đai,Quá lâu,E,999,,0\n`,
    );
    expect(catalog.services.map((service) => service.prefix)).toEqual(['A']);
    expect(catalog.errors.map((error) => error.line)).toEqual([3, 4, 5, 6]);
    expect(catalog.errors[0]!.message).toContain('field_vi is empty');
    expect(catalog.errors[1]!.message).toContain('prefix "A1"');
    expect(catalog.errors[2]!.message).toContain('has prefix A on line 2');
    expect(catalog.errors[3]!.message).toMatch(/daily_quota.*expected_minutes|expected_minutes/);
  });

  it('refuses a file without the required columns', () => {
    expect(parseCatalog('name,prefix\nx,A').errors).toEqual([
      { line: 1, message: 'missing columns: field_vi, service_vi' },
    ]);
  });

  it('merges into a configuration: same ids replaced (opening hours kept), new ones added', () => {
    const config = demoHallConfigForTest();
    const catalog = parseCatalog(
      `field_id,service_id,${HEADER}\ndat-dai,dat-dai,Đất đai,Đất đai (mới),A,20,Thủ tục mới,\ntu-phap,nuoi-con-nuoi,Tư pháp,Nuôi con nuôi,N,20,,\n`,
    );
    const merged = mergeCatalog(config, catalog);
    expect(merged.services.find((service) => service.id === 'dat-dai')).toMatchObject({
      name: { vi: 'Đất đai (mới)' },
      openingHours: config.services.find((service) => service.id === 'dat-dai')!.openingHours,
    });
    expect(merged.services.at(-1)!.id).toBe('nuoi-con-nuoi');
    expect(merged.services).toHaveLength(config.services.length + 1);
  });
});
