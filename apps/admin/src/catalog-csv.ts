import type { FieldConfig, HallConfig, ProcedureConfig, ServiceConfig } from '@luot/shared/domain';
import { asFieldId, asProcedureId, asServiceId } from '@luot/shared/domain';

/**
 * The columns of a service catalogue CSV (docs/ADMIN.md). One row per procedure; the field and service
 * columns repeat on each row of the same service. A row without a procedure only declares the service.
 * Ids may be left empty: they are made from the Vietnamese names.
 */
export const CATALOG_COLUMNS = [
  'field_id',
  'field_vi',
  'field_en',
  'service_id',
  'service_vi',
  'service_en',
  'prefix',
  'first_number',
  'daily_quota',
  'expected_minutes',
  'procedure_id',
  'procedure_vi',
  'procedure_en',
  'active',
  'kiosk_order',
] as const;
type Column = (typeof CATALOG_COLUMNS)[number];
const REQUIRED: readonly Column[] = ['field_vi', 'service_vi', 'prefix'];

/** A problem on one line of the file (1-based, the header is line 1). */
export interface CatalogError {
  readonly line: number;
  readonly message: string;
}

/** What a catalogue file holds. */
export interface ParsedCatalog {
  readonly fields: readonly FieldConfig[];
  readonly services: readonly ServiceConfig[];
  readonly procedureCount: number;
  readonly errors: readonly CatalogError[];
}

/**
 * Split CSV text into rows (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes).
 * Strips the UTF-8 byte-order mark Excel writes; accepts `,` or `;` (Excel in some locales) as the
 * delimiter, chosen from the header line. Returns each row with the line it started on.
 */
export function parseCsv(text: string): { cells: string[]; line: number }[] {
  const source = text.replace(/^\uFEFF/, '');
  const firstLine = source.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const rows: { cells: string[]; line: number }[] = [];
  let cells: string[] = [];
  let cell = '';
  let isQuoted = false;
  let line = 1;
  let rowLine = 1;
  for (let index = 0; index < source.length; index += 1) {
    const char = source[index]!;
    if (isQuoted) {
      if (char === '"') {
        if (source[index + 1] === '"') {
          cell += '"';
          index += 1;
        } else {
          isQuoted = false;
        }
      } else {
        if (char === '\n') line += 1;
        cell += char;
      }
    } else if (char === '"' && cell === '') {
      isQuoted = true;
    } else if (char === delimiter) {
      cells.push(cell);
      cell = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && source[index + 1] === '\n') index += 1;
      cells.push(cell);
      rows.push({ cells, line: rowLine });
      cells = [];
      cell = '';
      line += 1;
      rowLine = line;
    } else {
      cell += char;
    }
  }
  if (cell !== '' || cells.length > 0) {
    cells.push(cell);
    rows.push({ cells, line: rowLine });
  }
  return rows.filter((row) => row.cells.some((value) => value.trim() !== ''));
}

/** A slug id from Vietnamese text: `Đất đai` → `dat-dai`. */
export function slugOf(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}

const SLUG = /^[A-Za-z0-9_-]{1,64}$/;

function numberOr(value: string, fallback: number | null): number | null | 'bad' {
  if (value.trim() === '') return fallback;
  const number = Number(value.trim().replace(',', '.'));
  return Number.isFinite(number) ? number : 'bad';
}

function isTrue(value: string): boolean {
  return !['0', 'false', 'no', 'không', 'khong', 'n'].includes(value.trim().toLowerCase());
}

/** Read a catalogue file: fields, services and their procedures, with the errors of each bad line. */
export function parseCatalog(text: string): ParsedCatalog {
  const rows = parseCsv(text);
  const errors: CatalogError[] = [];
  const header = rows[0];
  if (!header)
    return { fields: [], services: [], procedureCount: 0, errors: [{ line: 1, message: 'empty file' }] };
  const index = new Map<string, number>();
  header.cells.forEach((name, position) => index.set(name.trim().toLowerCase(), position));
  const missing = REQUIRED.filter((column) => !index.has(column));
  if (missing.length > 0) {
    return {
      fields: [],
      services: [],
      procedureCount: 0,
      errors: [{ line: 1, message: `missing columns: ${missing.join(', ')}` }],
    };
  }
  const fields = new Map<string, { field: FieldConfig }>();
  const services = new Map<string, { service: ServiceConfig; procedures: ProcedureConfig[]; line: number }>();
  let procedureCount = 0;
  for (const row of rows.slice(1)) {
    const get = (column: Column): string => {
      const position = index.get(column);
      return position === undefined ? '' : (row.cells[position] ?? '').trim();
    };
    const problems: string[] = [];
    const fieldVi = get('field_vi');
    const serviceVi = get('service_vi');
    const fieldId = get('field_id') || slugOf(fieldVi);
    const serviceId = get('service_id') || slugOf(serviceVi);
    const prefix = get('prefix').toUpperCase();
    if (!fieldVi) problems.push('field_vi is empty');
    if (!serviceVi) problems.push('service_vi is empty');
    if (!SLUG.test(fieldId)) problems.push(`field_id "${fieldId}" must be letters, digits, - or _`);
    if (!SLUG.test(serviceId)) problems.push(`service_id "${serviceId}" must be letters, digits, - or _`);
    if (!/^[A-Z]{1,2}$/.test(prefix)) problems.push(`prefix "${get('prefix')}" must be 1–2 letters`);
    const firstNumber = numberOr(get('first_number'), 1);
    const quota = numberOr(get('daily_quota'), null);
    const expected = numberOr(get('expected_minutes'), 10);
    const order = numberOr(get('kiosk_order'), services.size + 1);
    if (
      firstNumber === 'bad' ||
      (firstNumber !== null && (!Number.isInteger(firstNumber) || firstNumber < 0))
    ) {
      problems.push('first_number must be a whole number');
    }
    if (quota === 'bad' || (quota !== null && (!Number.isInteger(quota) || quota < 1))) {
      problems.push('daily_quota must be empty or a whole number ≥ 1');
    }
    if (expected === 'bad' || expected === null || expected < 0.5 || expected > 480) {
      problems.push('expected_minutes must be between 0.5 and 480');
    }
    if (order === 'bad' || (order !== null && !Number.isInteger(order)))
      problems.push('kiosk_order must be a whole number');
    const existing = services.get(serviceId);
    if (existing && existing.service.prefix !== prefix && /^[A-Z]{1,2}$/.test(prefix)) {
      problems.push(`service ${serviceId} has prefix ${existing.service.prefix} on line ${existing.line}`);
    }
    if (problems.length > 0) {
      errors.push({ line: row.line, message: problems.join('; ') });
      continue;
    }
    if (!fields.has(fieldId)) {
      fields.set(fieldId, {
        field: {
          id: asFieldId(fieldId),
          name: { vi: fieldVi, en: get('field_en') },
          kioskOrder: fields.size + 1,
        },
      });
    }
    let entry = existing;
    if (!entry) {
      entry = {
        line: row.line,
        procedures: [],
        service: {
          id: asServiceId(serviceId),
          fieldId: asFieldId(fieldId),
          name: { vi: serviceVi, en: get('service_en') },
          prefix,
          firstNumber: firstNumber as number,
          dailyQuota: quota as number | null,
          openingHours: [],
          expectedServiceMinutes: expected as number,
          procedures: [],
          isActive: get('active') === '' ? true : isTrue(get('active')),
          kioskOrder: order as number,
        },
      };
      services.set(serviceId, entry);
    }
    const procedureVi = get('procedure_vi');
    if (procedureVi) {
      const procedureId = get('procedure_id') || `${serviceId}-${entry.procedures.length + 1}`.slice(0, 64);
      if (!SLUG.test(procedureId)) {
        errors.push({
          line: row.line,
          message: `procedure_id "${procedureId}" must be letters, digits, - or _`,
        });
        continue;
      }
      if (entry.procedures.some((procedure) => procedure.id === procedureId)) {
        errors.push({ line: row.line, message: `procedure ${procedureId} appears twice in ${serviceId}` });
        continue;
      }
      entry.procedures.push({
        id: asProcedureId(procedureId),
        name: { vi: procedureVi, en: get('procedure_en') },
      });
      procedureCount += 1;
    }
  }
  return {
    fields: [...fields.values()].map((entry) => entry.field),
    services: [...services.values()].map((entry) => ({ ...entry.service, procedures: entry.procedures })),
    procedureCount,
    errors,
  };
}

/**
 * Merge an imported catalogue into a configuration: fields and services with the same id are replaced
 * (a service keeps its opening hours), new ones are added after the existing ones.
 */
export function mergeCatalog(config: HallConfig, catalog: ParsedCatalog): HallConfig {
  const fieldIds = new Set(catalog.fields.map((field) => field.id as string));
  const byService = new Map(config.services.map((service) => [service.id as string, service]));
  const services = catalog.services.map((service) => {
    const previous = byService.get(service.id);
    return previous ? { ...service, openingHours: previous.openingHours } : service;
  });
  const serviceIds = new Set(services.map((service) => service.id as string));
  return {
    ...config,
    fields: [...config.fields.filter((field) => !fieldIds.has(field.id)), ...catalog.fields],
    services: [...config.services.filter((service) => !serviceIds.has(service.id)), ...services],
  };
}
