import type { FieldConfig, HallConfig, LocalizedText, ServiceConfig } from './config.ts';

/** A province's service catalogue: the fields and services (with procedures) its halls share. */
export interface CatalogueBody {
  readonly fields: readonly FieldConfig[];
  readonly services: readonly ServiceConfig[];
}

/** One detail of a change (the console words it in the manager's language). */
export type CatalogueDetail =
  | { readonly what: 'name' }
  | { readonly what: 'field' | 'prefix'; readonly from: string; readonly to: string }
  | { readonly what: 'expected-minutes'; readonly from: number; readonly to: number }
  | {
      readonly what: 'procedures';
      readonly added: number;
      readonly removed: number;
      readonly renamed: number;
    }
  /** A service new to the hall arrives turned off. */
  | { readonly what: 'inactive' };

/** One change a catalogue brings to a hall's configuration, as the hall manager reviews it. */
export interface CatalogueChange {
  readonly kind: 'field-added' | 'field-changed' | 'service-added' | 'service-changed';
  readonly id: string;
  readonly name: LocalizedText;
  readonly details: readonly CatalogueDetail[];
}

const sameText = (a: LocalizedText, b: LocalizedText): boolean => a.vi === b.vi && a.en === b.en;

/**
 * A hall's configuration with a province catalogue taken in, and what changed. The catalogue decides
 * what a field or service *is* (names, field, prefix, procedures, expected time); the hall keeps how it
 * *runs* it (active or not, quota, opening hours, kiosk order, which counters serve it). A service new
 * to the hall arrives inactive: the manager gives it counters and turns it on, so the kiosk never offers
 * a service nobody serves. The hall's own services and fields outside the catalogue stay.
 */
export function mergeCatalogue(
  config: HallConfig,
  catalogue: CatalogueBody,
): { config: HallConfig; changes: CatalogueChange[] } {
  const changes: CatalogueChange[] = [];
  const fields = [...config.fields];
  for (const field of catalogue.fields) {
    const index = fields.findIndex((candidate) => candidate.id === field.id);
    if (index === -1) {
      fields.push({
        ...field,
        kioskOrder: Math.max(0, ...fields.map((candidate) => candidate.kioskOrder)) + 1,
      });
      changes.push({ kind: 'field-added', id: field.id, name: field.name, details: [] });
    } else if (!sameText(fields[index]!.name, field.name)) {
      changes.push({ kind: 'field-changed', id: field.id, name: field.name, details: [{ what: 'name' }] });
      fields[index] = { ...fields[index]!, name: field.name };
    }
  }
  const services = [...config.services];
  for (const service of catalogue.services) {
    const index = services.findIndex((candidate) => candidate.id === service.id);
    if (index === -1) {
      services.push({
        ...service,
        isActive: false,
        kioskOrder: Math.max(0, ...services.map((candidate) => candidate.kioskOrder)) + 1,
      });
      changes.push({
        kind: 'service-added',
        id: service.id,
        name: service.name,
        details: [{ what: 'inactive' }],
      });
      continue;
    }
    const own = services[index]!;
    const details: CatalogueDetail[] = [];
    if (!sameText(own.name, service.name)) details.push({ what: 'name' });
    if (own.fieldId !== service.fieldId)
      details.push({ what: 'field', from: own.fieldId, to: service.fieldId });
    if (own.prefix !== service.prefix) details.push({ what: 'prefix', from: own.prefix, to: service.prefix });
    if (own.expectedServiceMinutes !== service.expectedServiceMinutes)
      details.push({
        what: 'expected-minutes',
        from: own.expectedServiceMinutes,
        to: service.expectedServiceMinutes,
      });
    const ownProcedures = new Map(own.procedures.map((procedure) => [procedure.id, procedure]));
    const theirs = new Map(service.procedures.map((procedure) => [procedure.id, procedure]));
    const added = service.procedures.filter((procedure) => !ownProcedures.has(procedure.id)).length;
    const removed = own.procedures.filter((procedure) => !theirs.has(procedure.id)).length;
    const renamed = service.procedures.filter((procedure) => {
      const mine = ownProcedures.get(procedure.id);
      return mine !== undefined && !sameText(mine.name, procedure.name);
    }).length;
    if (added + removed + renamed > 0) details.push({ what: 'procedures', added, removed, renamed });
    if (details.length === 0) continue;
    changes.push({ kind: 'service-changed', id: service.id, name: service.name, details });
    services[index] = {
      ...own,
      name: service.name,
      fieldId: service.fieldId,
      prefix: service.prefix,
      expectedServiceMinutes: service.expectedServiceMinutes,
      procedures: service.procedures,
    };
  }
  return { config: { ...config, fields, services }, changes };
}
