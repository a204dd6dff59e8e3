import type { ProvinceDimension, ProvinceReport, ReportRow } from '@luot/shared/contracts';
import { PROVINCE_DIMENSIONS } from '@luot/shared/contracts';
import type { Cell } from '@luot/server/reports-export';
import { minutes, percent, tablesCsv, tablesXlsx } from '@luot/server/reports-export';

const TITLES: Record<ProvinceDimension | 'total', string> = {
  total: 'Toàn tỉnh',
  hall: 'Theo Trung tâm',
  day: 'Theo ngày',
  field: 'Theo lĩnh vực',
  service: 'Theo dịch vụ',
};

function header(report: ProvinceReport): string[] {
  return [
    'Nhóm',
    'Mục',
    'Số đã cấp',
    'Đã phục vụ',
    'Vắng mặt',
    'Tỷ lệ vắng mặt (%)',
    'Chuyển quầy/dịch vụ',
    'Đã hủy',
    'Hết hạn cuối ngày',
    'Chờ trung bình (phút)',
    'Chờ trung vị (phút)',
    '90% số lượt chờ không quá (phút)',
    'Phục vụ trung bình (phút)',
    'Phục vụ trung vị (phút)',
    `% gọi trong ${report.targetWaitMinutes} phút`,
    'Tổng phiếu đánh giá',
    'Số phiếu hài lòng',
    '% hài lòng',
  ];
}

/** The no-show rate of a row: no-shows among tickets that were called. */
export const noShowPercent = (row: ReportRow): number | null =>
  row.wait.count === 0 ? null : (row.noShow / row.wait.count) * 100;

function cells(group: string, row: ReportRow): Cell[] {
  return [
    group,
    row.label.vi,
    row.issued,
    row.served,
    row.noShow,
    percent(noShowPercent(row)),
    row.transferred,
    row.cancelled,
    row.expired,
    minutes(row.wait.averageMs),
    minutes(row.wait.medianMs),
    minutes(row.wait.p90Ms),
    minutes(row.service.averageMs),
    minutes(row.service.medianMs),
    percent(row.withinTargetPercent),
    row.satisfaction.total,
    row.satisfaction.satisfied,
    percent(row.satisfaction.percentSatisfied),
  ];
}

/** The report as tables: the province total, then one per dimension. */
export function provinceTables(report: ProvinceReport): { title: string; rows: Cell[][] }[] {
  const head = header(report);
  return [
    { title: TITLES.total, rows: [head, cells(TITLES.total, report.total)] },
    ...PROVINCE_DIMENSIONS.map((dimension) => ({
      title: TITLES[dimension],
      rows: [head, ...report.by[dimension].map((row) => cells(TITLES[dimension], row))],
    })),
  ];
}

/** CSV for Excel (the hall's own writer: UTF-8 with BOM, CRLF, formulas kept as text). */
export function provinceCsv(report: ProvinceReport): string {
  return tablesCsv(provinceTables(report), [
    [`Khoảng thời gian: ${report.from} – ${report.to}`],
    [
      '% hài lòng = (số phiếu ở các mức hài lòng) / tổng số phiếu đánh giá × 100 (thang đánh giá của từng Trung tâm)',
    ],
  ]);
}

/** The report as an XLSX workbook, one sheet per table (the hall's own XLSX writer). */
export const provinceXlsx = (report: ProvinceReport): Uint8Array => tablesXlsx(provinceTables(report));
