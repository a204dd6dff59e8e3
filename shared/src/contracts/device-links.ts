import type { DeviceKind } from './messages.ts';

/**
 * The web app each kind of device opens, as its path under the hall server: the feedback tablet runs
 * the counter app's own feedback page. One table for the console's pairing links, the CLI's `pair` and
 * the demo hall's start banner, so a device is never sent to a page that is not its app.
 */
const APP_PATH_OF_KIND: Readonly<Record<DeviceKind, string>> = {
  kiosk: 'kiosk',
  counter: 'counter',
  feedback: 'counter/feedback',
  display: 'display',
};

/** The path (no leading or trailing slash) of the web app a device of this kind opens: `counter/feedback`. */
export const appPathOfKind = (kind: DeviceKind): string => APP_PATH_OF_KIND[kind];

/**
 * The link that pairs a device in one step: its app's page with the one-time code, which the app takes
 * out of the address bar once used. `base` is the hall server's address as the device reaches it
 * (`http://192.168.1.10:8080`, no trailing slash).
 */
export const pairingLink = (base: string, kind: DeviceKind, code: string): string =>
  `${base}/${appPathOfKind(kind)}/?code=${encodeURIComponent(code)}`;
