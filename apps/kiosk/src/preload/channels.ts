import type { KioskChannel } from '../bridge.ts';

/** The bridge's IPC channels; the preload sends on them, the main process answers them. */
export const KIOSK_CHANNELS = {
  printerStatus: 'luot-kiosk:printer-status',
  print: 'luot-kiosk:print',
} as const satisfies Record<string, KioskChannel>;
