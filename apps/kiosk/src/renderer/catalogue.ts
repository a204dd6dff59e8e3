import type {
  FieldConfig,
  FieldId,
  HallConfig,
  OpeningWindow,
  QueueState,
  ServiceConfig,
} from '@luot/shared/domain';
import { isArchived, isQuotaReached, isServiceOpen, localClock } from '@luot/shared/domain';

/** Why a service cannot be taken right now; the kiosk shows it on the disabled button. */
export type UnavailableReason =
  | { readonly kind: 'inactive' }
  | { readonly kind: 'quota' }
  /** Outside its opening hours; `todayHours` lists today's windows ("07:30–11:30"), empty when closed all day. */
  | { readonly kind: 'closed'; readonly todayHours: readonly string[] };

/** A service as the kiosk shows it. */
export type ServiceChoice = {
  readonly service: ServiceConfig;
  readonly waiting: number;
  /** Null when a visitor can take a ticket now. */
  readonly unavailable: UnavailableReason | null;
};

/** A field with its services, in the hall's kiosk order. */
export type FieldChoice = {
  readonly field: FieldConfig;
  readonly services: readonly ServiceChoice[];
  /** Null when at least one service of the field can be taken now. */
  readonly unavailable: UnavailableReason | { readonly kind: 'none-open' } | null;
};

/**
 * Whether a service can be taken now, checked in the order a visitor can do something about: a
 * suspended service first, then today's quota, then the opening hours (with today's hours to come back).
 */
export function serviceAvailability(
  service: ServiceConfig,
  state: QueueState,
  now: number,
  timeZone: string,
  hallHours: readonly OpeningWindow[] = [],
): UnavailableReason | null {
  if (!service.isActive) return { kind: 'inactive' };
  if (isQuotaReached(service, state.lastSequence[service.id])) return { kind: 'quota' };
  if (!isServiceOpen({ timeZone, openingHours: hallHours }, service, now)) {
    const { weekday } = localClock(now, timeZone);
    const todayHours = (service.openingHours.length > 0 ? service.openingHours : hallHours)
      .filter((window) => window.weekdays.includes(weekday))
      .map((window) => `${window.from}–${window.to}`);
    return { kind: 'closed', todayHours };
  }
  return null;
}

const byKioskOrder = <T extends { readonly kioskOrder: number }>(a: T, b: T): number =>
  a.kioskOrder - b.kioskOrder;

/**
 * The kiosk's catalogue: fields that have at least one service, each with its services and their
 * availability, both in the hall's kiosk order. Waiting counts come from the live replica.
 */
export function kioskCatalogue(config: HallConfig, state: QueueState, now: number): FieldChoice[] {
  const waiting = new Map<string, number>();
  for (const ticket of Object.values(state.tickets)) {
    if (ticket.status === 'waiting') waiting.set(ticket.serviceId, (waiting.get(ticket.serviceId) ?? 0) + 1);
  }
  const servicesByField = new Map<FieldId, ServiceChoice[]>();
  // Archived services and fields are gone from the kiosk (an inactive one shows as suspended).
  for (const service of [...config.services].filter((s) => !isArchived(s)).sort(byKioskOrder)) {
    const choices = servicesByField.get(service.fieldId) ?? [];
    choices.push({
      service: { ...service, procedures: service.procedures.filter((procedure) => !isArchived(procedure)) },
      waiting: waiting.get(service.id) ?? 0,
      unavailable: serviceAvailability(service, state, now, config.hall.timeZone, config.hall.openingHours),
    });
    servicesByField.set(service.fieldId, choices);
  }
  const fields = config.fields.filter((field) => !isArchived(field));
  return fields.sort(byKioskOrder).flatMap((field): FieldChoice[] => {
    const services = servicesByField.get(field.id) ?? [];
    if (services.length === 0) return [];
    const isAnyOpen = services.some((choice) => choice.unavailable === null);
    const single = services.length === 1 ? services[0] : undefined;
    return [
      {
        field,
        services,
        unavailable: isAnyOpen ? null : (single?.unavailable ?? { kind: 'none-open' }),
      },
    ];
  });
}

/** Split a list into pages of `size` (at least one page, possibly empty). */
export function paginate<T>(items: readonly T[], size: number): T[][] {
  const pages: T[][] = [];
  for (let start = 0; start < items.length; start += size) pages.push(items.slice(start, start + size));
  return pages.length === 0 ? [[]] : pages;
}
