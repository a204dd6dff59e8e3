import type { KioskChannel } from '../bridge.ts';

/** The bridge's IPC channels; the preload sends on them, the main process answers them. */
export const KIOSK_CHANNELS = {
  printerStatus: 'luot-kiosk:printer-status',
  print: 'luot-kiosk:print',
  diagnosticsOpen: 'luot-kiosk:diagnostics-open',
  diagnosticsInfo: 'luot-kiosk:diagnostics-info',
  diagnosticsTestPrint: 'luot-kiosk:diagnostics-test-print',
  diagnosticsPrinters: 'luot-kiosk:diagnostics-printers',
  diagnosticsChoosePrinter: 'luot-kiosk:diagnostics-choose-printer',
  diagnosticsClose: 'luot-kiosk:diagnostics-close',
} as const satisfies Record<string, KioskChannel>;
