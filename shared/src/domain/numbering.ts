import type { ServiceConfig } from './config.ts';

/** Pad the day's sequence to three digits, growing past 999 without truncation: A001, A999, A1000. */
export function formatTicketNumber(prefix: string, sequence: number): string {
  return `${prefix}${String(sequence).padStart(3, '0')}`;
}

/** The sequence the next ticket of a service gets, given the last one issued this business day. */
export function nextSequence(service: ServiceConfig, lastToday: number | undefined): number {
  return lastToday === undefined ? service.firstNumber : lastToday + 1;
}

/** How many tickets a service has issued this business day (numbers are contiguous from firstNumber). */
export function issuedToday(service: ServiceConfig, lastToday: number | undefined): number {
  return lastToday === undefined ? 0 : lastToday - service.firstNumber + 1;
}

/** Whether a service's daily quota is used up. */
export function isQuotaReached(service: ServiceConfig, lastToday: number | undefined): boolean {
  return service.dailyQuota !== null && issuedToday(service, lastToday) >= service.dailyQuota;
}
