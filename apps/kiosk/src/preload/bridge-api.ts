import type { PrintableTicket } from '@luot/shared/ticket';
import type {
  BridgePrintResult,
  BridgePrinterChoice,
  BridgePrinterStatus,
  DiagnosticsBridge,
  KioskBridge,
  KioskChannel,
} from '../bridge.ts';
import { KIOSK_CHANNELS } from './channels.ts';

/** `ipcRenderer.invoke`, narrowed to the bridge's channels. */
export type Invoke = (channel: KioskChannel, ...args: unknown[]) => Promise<unknown>;

/**
 * The object exposed as `window.luotKiosk`: two printing functions and the diagnostics screen's calls,
 * and nothing else, so the page never holds `ipcRenderer` itself (Electron's advice: never expose the
 * raw IPC object). The main process checks and parses everything again; nothing here is trusted.
 */
export function createKioskBridge(invoke: Invoke): KioskBridge {
  const diagnostics: DiagnosticsBridge = {
    open: (pin: string) =>
      invoke(KIOSK_CHANNELS.diagnosticsOpen, pin) as ReturnType<DiagnosticsBridge['open']>,
    info: () => invoke(KIOSK_CHANNELS.diagnosticsInfo) as ReturnType<DiagnosticsBridge['info']>,
    testPrint: () => invoke(KIOSK_CHANNELS.diagnosticsTestPrint) as Promise<BridgePrintResult>,
    printers: () => invoke(KIOSK_CHANNELS.diagnosticsPrinters) as ReturnType<DiagnosticsBridge['printers']>,
    choosePrinter: (choice: BridgePrinterChoice) =>
      invoke(KIOSK_CHANNELS.diagnosticsChoosePrinter, choice) as ReturnType<
        DiagnosticsBridge['choosePrinter']
      >,
    close: () => invoke(KIOSK_CHANNELS.diagnosticsClose) as Promise<void>,
  };
  return {
    printerStatus: () => invoke(KIOSK_CHANNELS.printerStatus) as Promise<BridgePrinterStatus>,
    print: (ticket: PrintableTicket) => invoke(KIOSK_CHANNELS.print, ticket) as Promise<BridgePrintResult>,
    diagnostics,
  };
}
