import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HallReport, ReportRow } from '@luot/shared/contracts';
import type { HallConfig } from '@luot/shared/domain';
import { DATABASE_FILE } from '../src/db/open.ts';
import { tablesCsv, tablesXlsx } from '../src/reports/export.ts';
import { startTestHall, tempDataDir } from './helpers.ts';
import { generateHallDays } from './support/generated-days.ts';

// The report exports read back as a spreadsheet program reads them (issue #13): the XLSX through a real
// reader (exceljs), the CSV cell by cell, both fetched from the real admin API with a real manager
// session, and compared with the report's own JSON figures. Names that a spreadsheet would run as a
// formula (a service called `=HYPERLINK(…)`) must come back as plain text.

/**
 * Names a manager could type, each of which Excel or LibreOffice would otherwise run as a formula. (The
 * configuration trims names, so a leading tab or carriage return never reaches a report from there; the
 * writers are tested with those below.)
 */
const FORMULA_NAMES = {
  service: '=HYPERLINK("http://x","y")',
  field: '+1+1',
  clerk: '@SUM(A1)',
  secondService: '-2+3',
  secondClerk: '=1+1',
} as const;
/** A counter's report label is "Quầy <number> — <name>", so its name never starts a cell. */
const COUNTER_NAME = '=HYPERLINK("http://x","quầy")';

const SHEETS = [
  'Tổng hợp',
  'Theo ngày',
  'Theo giờ',
  'Theo lĩnh vực',
  'Theo dịch vụ',
  'Theo quầy',
  'Theo cán bộ',
];
const DIMENSIONS = ['day', 'hour', 'field', 'service', 'counter', 'clerk'] as const;
const COUNTS = ['issued', 'served', 'noShow', 'transferred', 'cancelled', 'expired'] as const;

/** The generated hall renamed as a careless (or hostile) manager might have named it. */
function withFormulaNames(config: HallConfig): HallConfig {
  const [service, secondService] = config.services;
  const [clerk, secondClerk] = config.clerks;
  const serviceNames = new Map<string, string>([
    [service!.id, FORMULA_NAMES.service],
    [secondService!.id, FORMULA_NAMES.secondService],
  ]);
  const clerkNames = new Map<string, string>([
    [clerk!.id, FORMULA_NAMES.clerk],
    [secondClerk!.id, FORMULA_NAMES.secondClerk],
  ]);
  const counterId = config.counters[0]!.id;
  return {
    ...config,
    fields: config.fields.map((field) =>
      field.id === service!.fieldId
        ? { ...field, name: { vi: FORMULA_NAMES.field, en: field.name.en } }
        : field,
    ),
    services: config.services.map((item) => {
      const vi = serviceNames.get(item.id);
      return vi === undefined ? item : { ...item, name: { vi, en: item.name.en } };
    }),
    counters: config.counters.map((counter) =>
      counter.id === counterId ? { ...counter, name: { vi: COUNTER_NAME, en: counter.name.en } } : counter,
    ),
    clerks: config.clerks.map((item) => {
      const name = clerkNames.get(item.id);
      return name === undefined ? item : { ...item, name };
    }),
  };
}

/** An XLSX file as the spreadsheet reader sees it. */
async function readWorkbook(bytes: ArrayBuffer | Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  const copy = new Uint8Array(bytes).slice().buffer;
  await workbook.xlsx.load(copy);
  return workbook;
}

/** The figures of one report row, in the export's column order after the group and the label. */
function rowFigures(report: HallReport, row: ReportRow): (number | null)[] {
  const minutes = (ms: number | null): number | null => (ms === null ? null : ms / 60_000);
  return [
    ...COUNTS.map((count) => row[count]),
    minutes(row.wait.averageMs),
    minutes(row.wait.medianMs),
    minutes(row.wait.p90Ms),
    minutes(row.service.averageMs),
    minutes(row.service.medianMs),
    minutes(row.service.p90Ms),
    row.withinTargetPercent,
    row.satisfaction.total,
    ...report.levels.map((level) => row.satisfaction.byLevel[String(level.value)] ?? 0),
    row.satisfaction.percentSatisfied,
  ];
}

/** A cell's figure equals the report's: counts exactly, minutes and percentages to their one decimal. */
function expectFigure(cell: ExcelJS.Cell, expected: number | null, where: string): void {
  if (expected === null) {
    expect(cell.type, where).toBe(ExcelJS.ValueType.Null);
    return;
  }
  expect(cell.type, where).toBe(ExcelJS.ValueType.Number);
  const value = cell.value as number;
  if (Number.isInteger(expected)) expect(value, where).toBe(expected);
  else expect(Math.abs(value - expected), where).toBeLessThanOrEqual(0.05 + 1e-9);
}

/** RFC 4180 CSV (the export quotes cells with commas, quotes, semicolons and line breaks) to rows of cells. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let isQuoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index]!;
    if (isQuoted) {
      if (char === '"' && text[index + 1] === '"') {
        cell += '"';
        index += 1;
      } else if (char === '"') isQuoted = false;
      else cell += char;
    } else if (char === '"') isQuoted = true;
    else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\r' && text[index + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      index += 1;
    } else cell += char;
  }
  return rows;
}

describe('report exports read back (real server, real session, exceljs)', () => {
  const data = tempDataDir('luot-report-export-');
  let hall: Awaited<ReturnType<typeof startTestHall>>;
  let token = '';
  let days: readonly string[] = [];
  let report: HallReport;
  let query = '';

  const download = async (format: 'xlsx' | 'csv'): Promise<Response> =>
    fetch(`${hall.url}/api/admin/reports?${query}&format=${format}`, {
      headers: { authorization: `Bearer ${token}` },
    });

  beforeAll(async () => {
    // Three busy days driven through the real hall path into the hall's own database file.
    const generated = await generateHallDays(path.join(data.dir, DATABASE_FILE), {
      days: 3,
      ticketsPerDay: 160,
      seed: 20261207,
    });
    days = generated.days;
    hall = await startTestHall({ dataDir: data.dir });
    await hall.accounts.create('quanly-xuat', 'Quản lý xuất báo cáo', 'Xuat-bao-cao-2026', false);
    const login = await fetch(`${hall.url}/api/admin/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'quanly-xuat', password: 'Xuat-bao-cao-2026' }),
    });
    token = ((await login.json()) as { value: { token: string } }).value.token;
    // The manager renames services, a field, a counter and clerks through the console's own API.
    const saved = await fetch(`${hall.url}/api/admin/config`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        requestId: 'rename-formulas',
        config: withFormulaNames(hall.service.hallConfig),
      }),
    });
    expect(saved.status, await saved.clone().text()).toBe(200);
    query = `from=${days[0]}&to=${days.at(-1)}&target=15`;
    const answer = await fetch(`${hall.url}/api/admin/reports?${query}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    report = ((await answer.json()) as { value: HallReport }).value;
  }, 180_000);
  afterAll(async () => {
    await hall?.close();
    data.remove();
  });

  it('XLSX: every sheet, every row’s figures and every total equal the report’s JSON', async () => {
    expect(report.total.issued).toBeGreaterThan(400);
    const response = await download('xlsx');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('spreadsheetml');
    const workbook = await readWorkbook(await response.arrayBuffer());
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(SHEETS);

    const rowsOf = [[report.total], ...DIMENSIONS.map((dimension) => report.by[dimension])];
    workbook.worksheets.forEach((sheet, sheetIndex) => {
      const rows = rowsOf[sheetIndex]!;
      expect(sheet.rowCount, sheet.name).toBe(rows.length + 1);
      const header = sheet.getRow(1);
      expect(header.getCell(3).value).toBe('Số đã cấp');
      expect(header.getCell(17 + report.levels.length).value).toBe('% hài lòng');
      rows.forEach((row, rowIndex) => {
        const cells = sheet.getRow(rowIndex + 2);
        const where = `${sheet.name} row ${rowIndex + 2}`;
        expect(cells.getCell(1).value, where).toBe(sheet.name);
        expect(cells.getCell(2).type, where).toBe(ExcelJS.ValueType.String);
        expect(cells.getCell(2).value, where).toBe(row.label.vi);
        rowFigures(report, row).forEach((figure, column) =>
          expectFigure(cells.getCell(column + 3), figure, `${where} column ${column + 3}`),
        );
      });
    });

    // The total sheet is the JSON total, and the days, hours and services each add up to it.
    const totalIssued = workbook.getWorksheet('Tổng hợp')!.getRow(2).getCell(3).value;
    expect(totalIssued).toBe(report.total.issued);
    for (const title of ['Theo ngày', 'Theo giờ', 'Theo dịch vụ']) {
      const sheet = workbook.getWorksheet(title)!;
      COUNTS.forEach((count, column) => {
        let sum = 0;
        for (let row = 2; row <= sheet.rowCount; row += 1)
          sum += sheet.getRow(row).getCell(column + 3).value as number;
        expect(sum, `${title}: ${count}`).toBe(report.total[count]);
      });
    }
  });

  it('XLSX: names that look like formulas come back as text cells, exactly as typed', async () => {
    const workbook = await readWorkbook(await (await download('xlsx')).arrayBuffer());
    const found = new Map<string, ExcelJS.Cell>();
    for (const sheet of workbook.worksheets) {
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.type, `${sheet.name} ${cell.address}`).not.toBe(ExcelJS.ValueType.Formula);
          if (typeof cell.value === 'string') found.set(cell.value, cell);
        }),
      );
    }
    for (const name of Object.values(FORMULA_NAMES)) {
      const cell = found.get(name);
      expect(cell, `cell named ${JSON.stringify(name)}`).toBeDefined();
      expect(cell!.type).toBe(ExcelJS.ValueType.String);
      expect(cell!.formula).toBeUndefined();
    }
    expect(found.has(`Quầy 1 — ${COUNTER_NAME}`)).toBe(true);
  });

  it('CSV: every row’s counts equal the report’s, and formula-like names are kept as text', async () => {
    const response = await download('csv');
    expect(response.status).toBe(200);
    const text = await response.text();
    // fetch's text() drops the byte-order mark, so read the bytes for it.
    const lines = readCsv(text.replace(/^\uFEFF/, ''));
    const rows = lines.slice(1, 1 + 1 + DIMENSIONS.reduce((sum, d) => sum + report.by[d].length, 0));
    const expected = [
      { group: 'Tổng hợp', row: report.total },
      ...DIMENSIONS.flatMap((dimension, index) =>
        report.by[dimension].map((row) => ({ group: SHEETS[index + 1]!, row })),
      ),
    ];
    expect(rows).toHaveLength(expected.length);
    const formulaNames = new Set<string>(Object.values(FORMULA_NAMES));
    const neutralised = (label: string): string => (formulaNames.has(label) ? `'${label}` : label);
    rows.forEach((cells, index) => {
      const { group, row } = expected[index]!;
      expect(cells[0]).toBe(group);
      expect(cells[1]).toBe(neutralised(row.label.vi));
      expect(cells.slice(2, 8).map(Number)).toEqual(COUNTS.map((count) => row[count]));
    });
    // Each formula-like name is there, behind the apostrophe that makes a spreadsheet keep it as text.
    const labels = new Set(rows.map((cells) => cells[1]));
    for (const name of Object.values(FORMULA_NAMES)) expect(labels.has(`'${name}`), name).toBe(true);
    // No cell of the file starts with a character a spreadsheet reads as the start of a formula.
    for (const cells of lines)
      for (const cell of cells) if (!/^-?\d/.test(cell)) expect(cell, cell).not.toMatch(/^[=+\-@\t\r]/);
  });
});

describe('the export writers with text no configuration lets through', () => {
  // Cells as a future export (an imported name, a note) might carry them: a leading tab or carriage
  // return, a line break inside the text, a minus sign before digits in text, beside real numbers.
  const texts = ['\t=1+1', '\r=1+1', 'dòng một\r\ndòng hai', '-5', '+84 912 345 678', '@ghi chú'];
  const tables = [{ title: 'Bảng', rows: [['Tên', 'Số'], ...texts.map((text, index) => [text, 1 - index])] }];

  it('XLSX: each text comes back as the same string cell, each number as a number', async () => {
    const workbook = await readWorkbook(tablesXlsx(tables));
    const sheet = workbook.getWorksheet('Bảng')!;
    texts.forEach((text, index) => {
      const [name, number] = [sheet.getRow(index + 2).getCell(1), sheet.getRow(index + 2).getCell(2)];
      expect(name.type, JSON.stringify(text)).toBe(ExcelJS.ValueType.String);
      expect(name.value).toBe(text);
      expect(number.type).toBe(ExcelJS.ValueType.Number);
      expect(number.value).toBe(1 - index);
    });
  });

  it('CSV: text that starts with = + - @ tab or CR gets an apostrophe; numbers, negative ones too, do not', () => {
    const rows = readCsv(tablesCsv(tables, []).replace(/^\uFEFF/, ''));
    expect(rows.slice(1, 1 + texts.length)).toEqual([
      ["'\t=1+1", '1'],
      ["'\r=1+1", '0'],
      ['dòng một\r\ndòng hai', '-1'],
      ["'-5", '-2'],
      ["'+84 912 345 678", '-3'],
      ["'@ghi chú", '-4'],
    ]);
  });
});
