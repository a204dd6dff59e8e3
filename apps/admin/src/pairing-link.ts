import type { DeviceKind } from '@luot/shared/contracts';

/**
 * The app each kind of device opens, under the hall server's address. The feedback tablet is the
 * counter app's own page. (No manager kind: a manager signs in with a password, never pairs.)
 */
const APP_PATH: Readonly<Record<Exclude<DeviceKind, 'manager'>, string>> = {
  kiosk: 'kiosk',
  counter: 'counter',
  feedback: 'counter/feedback',
  display: 'display',
};

/** The kinds the console pairs, in the order its picker lists them. */
export const PAIRABLE_KINDS: readonly Exclude<DeviceKind, 'manager'>[] = [
  'kiosk',
  'counter',
  'feedback',
  'display',
];

/**
 * The link that pairs a device in one step: the app's page with the one-time code, which the app takes
 * out of its address bar once used. `origin` is the address the manager reached the console at, which
 * is the address the hall's devices reach the server at on the same LAN.
 */
export function pairingLink(origin: string, kind: Exclude<DeviceKind, 'manager'>, code: string): string {
  return `${origin}/${APP_PATH[kind]}/?code=${encodeURIComponent(code)}`;
}
