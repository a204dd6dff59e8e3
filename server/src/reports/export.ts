import { strToU8, zipSync } from 'fflate';
import type { HallReport, ReportDimension, ReportRow } from './report.ts';
import { REPORT_DIMENSIONS } from './report.ts';

/** A cell of an exported table. */
export type Cell = string | number | null;

const DIMENSION_TITLES: Record<ReportDimension | 'total', string> = {
  total: 'Tổng hợp',
  day: 'Theo ngày',
  hour: 'Theo giờ',
  field: 'Theo lĩnh vực',
  service: 'Theo dịch vụ',
  counter: 'Theo quầy',
  clerk: 'Theo cán bộ',
};

/** Milliseconds as minutes with one decimal, for a table cell. */
export const minutes = (ms: number | null): Cell =>
  ms === null ? null : Math.round((ms / 60_000) * 10) / 10;
/** A percentage with one decimal, for a table cell. */
export const percent = (value: number | null): Cell => (value === null ? null : Math.round(value * 10) / 10);

/** The header row of every exported table (Vietnamese, as the hall reports upwards). */
export function reportHeader(report: HallReport): string[] {
  return [
    'Nhóm',
    'Mục',
    'Số đã cấp',
    'Đã phục vụ',
    'Vắng mặt',
    'Chuyển quầy/dịch vụ',
    'Đã hủy',
    'Hết hạn cuối ngày',
    'Chờ trung bình (phút)',
    'Chờ trung vị (phút)',
    '90% lượt chờ không quá (phút)',
    'Phục vụ trung bình (phút)',
    'Phục vụ trung vị (phút)',
    '90% lượt phục vụ không quá (phút)',
    `% gọi trong ${report.targetWaitMinutes} phút`,
    'Tổng phiếu đánh giá',
    ...report.levels.map((level) => level.label.vi),
    '% hài lòng',
  ];
}

function rowCells(report: HallReport, group: string, row: ReportRow): Cell[] {
  return [
    group,
    row.label.vi,
    row.issued,
    row.served,
    row.noShow,
    row.transferred,
    row.cancelled,
    row.expired,
    minutes(row.wait.averageMs),
    minutes(row.wait.medianMs),
    minutes(row.wait.p90Ms),
    minutes(row.service.averageMs),
    minutes(row.service.medianMs),
    minutes(row.service.p90Ms),
    percent(row.withinTargetPercent),
    row.satisfaction.total,
    ...report.levels.map((level) => row.satisfaction.byLevel[String(level.value)] ?? 0),
    percent(row.satisfaction.percentSatisfied),
  ];
}

/** The report as tables: the total, then one per dimension (or only the dimensions asked for). */
export function reportTables(
  report: HallReport,
  dimensions: readonly ReportDimension[] = REPORT_DIMENSIONS,
): { title: string; rows: Cell[][] }[] {
  const header = reportHeader(report);
  const tables = [
    { title: DIMENSION_TITLES.total, rows: [header, rowCells(report, DIMENSION_TITLES.total, report.total)] },
  ];
  for (const dimension of dimensions) {
    const title = DIMENSION_TITLES[dimension];
    tables.push({
      title,
      rows: [header, ...report.by[dimension].map((row) => rowCells(report, title, row))],
    });
  }
  return tables;
}

const csvCell = (cell: Cell): string => {
  if (cell === null) return '';
  let text = String(cell);
  // Text a spreadsheet would run as a formula (a hall or service named "=HYPERLINK(…)") is kept as text.
  if (typeof cell === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/**
 * Tables as one CSV for Excel: UTF-8 with a byte-order mark (without it Excel reads Vietnamese as
 * mojibake), CRLF line ends, the first table's header once, then every table's rows, then a footer.
 */
export function tablesCsv(
  tables: readonly { rows: readonly (readonly Cell[])[] }[],
  footer: readonly (readonly Cell[])[],
): string {
  const lines = [tables[0]!.rows[0]!, ...tables.flatMap((table) => table.rows.slice(1))];
  return `\uFEFF${[...lines, [], ...footer].map((line) => line.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/**
 * CSV for Excel: UTF-8 with a byte-order mark (without it Excel reads Vietnamese as mojibake), CRLF
 * line ends, one header then every group's rows (the first column names the group).
 */
export function reportCsv(
  report: HallReport,
  dimensions: readonly ReportDimension[] = REPORT_DIMENSIONS,
): string {
  return tablesCsv(reportTables(report, dimensions), [
    [`Khoảng thời gian: ${report.from} – ${report.to} (${report.timeZone})`],
    ['% hài lòng = (số phiếu ở các mức hài lòng) / tổng số phiếu đánh giá × 100'],
  ]);
}

// eslint-disable-next-line no-control-regex -- these are exactly the characters XML 1.0 forbids
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g;

const xml = (text: string): string =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    // A literal CR is read back as LF (XML normalises line ends); a character reference survives.
    .replace(/\r/g, '&#13;')
    // Characters XML 1.0 cannot carry at all.
    .replace(XML_FORBIDDEN, '');

function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

function sheetXml(rows: readonly (readonly Cell[])[]): string {
  const body = rows
    .map((cells, r) => {
      const xmlCells = cells
        .map((cell, c) => {
          const ref = `${columnName(c)}${r + 1}`;
          const style = r === 0 ? ' s="1"' : '';
          if (cell === null) return `<c r="${ref}"${style}/>`;
          if (typeof cell === 'number') return `<c r="${ref}"${style}><v>${cell}</v></c>`;
          return `<c r="${ref}"${style} t="inlineStr"><is><t xml:space="preserve">${xml(cell)}</t></is></c>`;
        })
        .join('');
      return `<row r="${r + 1}">${xmlCells}</row>`;
    })
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>' +
    '<cols><col min="1" max="1" width="16" customWidth="1"/><col min="2" max="2" width="40" customWidth="1"/></cols>' +
    `<sheetData>${body}</sheetData></worksheet>`
  );
}

/**
 * A minimal XLSX workbook (Office Open XML): one worksheet per table, inline strings, a bold header
 * style. Zipped with fflate; no template file or native module needed.
 */
export function tablesXlsx(
  tables: readonly { title: string; rows: readonly (readonly Cell[])[] }[],
): Uint8Array {
  const sheetName = (title: string): string => xml(title.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31));
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
        tables
          .map(
            (_, index) =>
              `<Override PartName="/xl/worksheets/sheet${index + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
          )
          .join('') +
        '</Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
        '</Relationships>',
    ),
    'xl/workbook.xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>' +
        tables
          .map(
            (table, index) =>
              `<sheet name="${sheetName(table.title)}" sheetId="${index + 1}" r:id="rId${index + 1}"/>`,
          )
          .join('') +
        '</sheets></workbook>',
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        tables
          .map(
            (_, index) =>
              `<Relationship Id="rId${index + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${index + 1}.xml"/>`,
          )
          .join('') +
        `<Relationship Id="rId${tables.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
        '</Relationships>',
    ),
    'xl/styles.xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
        '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>' +
        '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
        '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
        '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
        '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>' +
        '</styleSheet>',
    ),
  };
  tables.forEach((table, index) => {
    files[`xl/worksheets/sheet${index + 1}.xml`] = strToU8(sheetXml(table.rows));
  });
  return zipSync(files, { level: 6 });
}

/** The report as an XLSX workbook: a sheet for the total and one per dimension. */
export const reportXlsx = (
  report: HallReport,
  dimensions: readonly ReportDimension[] = REPORT_DIMENSIONS,
): Uint8Array => tablesXlsx(reportTables(report, dimensions));
