import type { DeviceStatus, PrinterState } from '@luot/shared/contracts';
import type { HallConfig, LocalizedText, QueueState, ServiceId } from '@luot/shared/domain';
import { isActiveDevice } from './device-list.ts';

/** Something the manager should look at now. */
export type Alert = { readonly key: string; readonly severity: 'high' | 'medium' } & (
  | {
      readonly kind: 'printer';
      readonly deviceName: string;
      readonly printerState: Exclude<PrinterState, 'ok'>;
    }
  | { readonly kind: 'offline'; readonly deviceName: string }
  | {
      readonly kind: 'long-wait';
      readonly ticketNumber: string;
      readonly serviceId: ServiceId;
      readonly minutes: number;
    }
  | {
      readonly kind: 'low-rating';
      readonly ticketNumber: string;
      readonly counterNumber: number | string;
      /** The level the citizen chose, as the hall names it (not always "Không hài lòng"). */
      readonly level: LocalizedText;
    }
);

/**
 * The alerts of the live monitor, most urgent first: kiosk printers that cannot print, devices that
 * went offline, tickets waiting longer than the threshold, and today's ratings at the hall's lowest level
 * (named as the hall names it).
 */
export function alertsOf(input: {
  readonly state: QueueState;
  readonly config: HallConfig;
  readonly devices: readonly DeviceStatus[];
  readonly lowRatings: readonly { at: number; ticketId: number; counterId: string; rating: number }[];
  readonly now: number;
  readonly thresholdMs: number;
}): Alert[] {
  const alerts: Alert[] = [];
  // A revoked device is offline for good and its printer no longer matters: nothing to act on.
  for (const device of input.devices.filter(isActiveDevice)) {
    if (device.printer && device.printer.state !== 'ok') {
      alerts.push({
        key: `printer-${device.deviceId}`,
        severity: device.printer.state === 'paper_low' ? 'medium' : 'high',
        kind: 'printer',
        deviceName: device.name,
        printerState: device.printer.state,
      });
    }
    if (!device.isOnline && device.lastSeenAt !== null) {
      alerts.push({
        key: `offline-${device.deviceId}`,
        severity: 'high',
        kind: 'offline',
        deviceName: device.name,
      });
    }
  }
  const late = Object.values(input.state.tickets)
    .filter((ticket) => ticket.status === 'waiting' && input.now - ticket.queuedAt > input.thresholdMs)
    .sort((a, b) => a.queuedAt - b.queuedAt);
  for (const ticket of late) {
    alerts.push({
      key: `wait-${ticket.id}`,
      severity: 'medium',
      kind: 'long-wait',
      ticketNumber: ticket.number,
      serviceId: ticket.serviceId,
      minutes: Math.floor((input.now - ticket.queuedAt) / 60_000),
    });
  }
  for (const rating of [...input.lowRatings].sort((a, b) => b.at - a.at)) {
    const ticket = input.state.tickets[rating.ticketId];
    const counter = input.config.counters.find((candidate) => candidate.id === rating.counterId);
    alerts.push({
      key: `rating-${rating.ticketId}`,
      severity: 'medium',
      kind: 'low-rating',
      ticketNumber: ticket?.number ?? `#${rating.ticketId}`,
      counterNumber: counter ? counter.number : rating.counterId,
      level: input.config.satisfaction.levels.find((level) => level.value === rating.rating)?.label ?? {
        vi: String(rating.rating),
        en: String(rating.rating),
      },
    });
  }
  const order = { high: 0, medium: 1 } as const;
  return alerts.sort((a, b) => order[a.severity] - order[b.severity]);
}
