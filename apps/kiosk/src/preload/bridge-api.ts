import type { PrintableTicket } from '@luot/shared/ticket';
import type { BridgePrintResult, BridgePrinterStatus, KioskBridge, KioskChannel } from '../bridge.ts';
import { KIOSK_CHANNELS } from './channels.ts';

/** `ipcRenderer.invoke`, narrowed to the bridge's channels. */
export type Invoke = (channel: KioskChannel, ...args: unknown[]) => Promise<unknown>;

/**
 * The object exposed as `window.luotKiosk`: two functions and nothing else, so the page never holds
 * `ipcRenderer` itself (Electron's advice: never expose the raw IPC object). The main process checks
 * and parses everything again; nothing here is trusted.
 */
export function createKioskBridge(invoke: Invoke): KioskBridge {
  return {
    printerStatus: () => invoke(KIOSK_CHANNELS.printerStatus) as Promise<BridgePrinterStatus>,
    print: (ticket: PrintableTicket) => invoke(KIOSK_CHANNELS.print, ticket) as Promise<BridgePrintResult>,
  };
}
