// The one door between the kiosk's renderer (a web page from the hall server) and its main process
// (which owns the printer). Types only: the renderer and the preload both import this file, and neither
// may pull the other's runtime in.
import type { PrinterState } from '@luot/shared/contracts';
import type { PrintableTicket } from '@luot/shared/ticket';

/** The printer's state as the bridge reports it; only `ok` and `paper_low` can print. */
export type BridgePrinterStatus = {
  readonly state: PrinterState;
  /** Technical English detail for the manager's device list, never shown to a visitor. */
  readonly detail: string;
};

/** Why a print job did not come out. */
export type BridgePrintFailure =
  /** The printer said it cannot print (paper out, cover open…); nothing was sent. */
  | 'refused'
  /** The printer stopped taking the job, or the link broke: part of the ticket may have come out. */
  | 'write_timeout'
  | 'write_failed'
  /** Every byte went out but the printer reported a fault right after: the ticket may be incomplete. */
  | 'unconfirmed'
  /** The same ticket was already printed once: a second copy is never made. */
  | 'duplicate';

/** The outcome of one print job; `status` is what the printer reported for it. */
export type BridgePrintResult =
  | { readonly ok: true; readonly status: BridgePrinterStatus }
  | { readonly ok: false; readonly status: BridgePrinterStatus; readonly failure: BridgePrintFailure };

/** How the kiosk reaches its printer, as the diagnostics screen chooses it (the settings file's `printer`). */
export type BridgePrinterChoice =
  | {
      readonly kind: 'windows';
      readonly printerName: string;
      readonly mode: 'raw' | 'driver';
      readonly paperWidthMm: 58 | 80;
    }
  | {
      readonly kind: 'usb';
      readonly vendorId: number;
      readonly productId: number;
      readonly paperWidthMm: 58 | 80;
    }
  | { readonly kind: 'tcp'; readonly host: string; readonly port: number; readonly paperWidthMm: 58 | 80 };

/** What the kiosk's main process tells the diagnostics screen about itself. */
export type DiagnosticsInfo = {
  /** The kiosk program's version (the installer's), e.g. "0.1.0". */
  readonly kioskVersion: string;
  readonly electronVersion: string;
  readonly platform: string;
  /** The hall server the kiosk is set to, from its settings file. */
  readonly serverUrl: string;
  readonly settingsFile: string;
  readonly logFile: string;
  /** `usb 0416:5011`, `tcp 192.168.1.50:9100`, `windows "XP-80C" (raw)`. */
  readonly printerDescription: string;
  readonly printerKind: 'usb' | 'tcp' | 'windows' | 'file';
  readonly paperWidthMm: 58 | 80;
  readonly printerStatus: BridgePrinterStatus;
};

/** A printer Windows knows, for the diagnostics screen's list. */
export type BridgeWindowsPrinter = {
  readonly name: string;
  readonly portName: string;
  readonly driverName: string;
  readonly isDefault: boolean;
  /** What the spooler says of it now. */
  readonly status: BridgePrinterStatus;
};

/** A USB device, with its ids in hex (`0416:5011`) as Windows' Device Manager and `lsusb` show them. */
export type BridgeUsbDevice = {
  readonly vendorId: number;
  readonly productId: number;
  readonly id: string;
  readonly isPrinterClass: boolean | null;
};

/** The printers the kiosk could use; each list says why it is empty when it cannot be read. */
export type PrinterChoices = {
  readonly windows: { readonly printers: readonly BridgeWindowsPrinter[]; readonly problem: string | null };
  readonly usb: { readonly devices: readonly BridgeUsbDevice[]; readonly problem: string | null };
};

/** Why the diagnostics screen did not open. */
export type DiagnosticsRefusal =
  /** No `managerPin` in the kiosk's settings file: the screen cannot be opened at all. */
  | { readonly reason: 'not_configured' }
  | { readonly reason: 'wrong_pin'; readonly attemptsLeft: number }
  /** Too many wrong PINs: try again after this many seconds. */
  | { readonly reason: 'locked'; readonly retryAfterSeconds: number };

/** The hidden diagnostics screen's calls; all but `open` need the session `open` started. */
export interface DiagnosticsBridge {
  open(
    pin: string,
  ): Promise<
    { readonly ok: true; readonly info: DiagnosticsInfo } | ({ readonly ok: false } & DiagnosticsRefusal)
  >;
  info(): Promise<DiagnosticsInfo>;
  /** Print a test page (not a ticket: no number is issued) through the current printer. */
  testPrint(): Promise<BridgePrintResult>;
  printers(): Promise<PrinterChoices>;
  /** Save another printer in the settings file and use it at once. */
  choosePrinter(
    choice: BridgePrinterChoice,
  ): Promise<
    { readonly ok: true; readonly info: DiagnosticsInfo } | { readonly ok: false; readonly reason: string }
  >;
  close(): Promise<void>;
}

/**
 * What the preload exposes as `window.luotKiosk`. Every call crosses a process boundary: the main
 * process checks the calling frame's origin and parses every payload before touching the printer.
 */
export interface KioskBridge {
  /** Read the printer's status (between jobs, never during one). */
  printerStatus(): Promise<BridgePrinterStatus>;
  /** Print one ticket that the server has already recorded; never rejects for a printer fault. */
  print(ticket: PrintableTicket): Promise<BridgePrintResult>;
  /** The hidden diagnostics screen (long press + manager PIN); absent in older kiosk programs. */
  readonly diagnostics?: DiagnosticsBridge;
}

/** The IPC channel names, shared as types so a typo is a compile error on both sides. */
export type KioskChannel =
  | 'luot-kiosk:printer-status'
  | 'luot-kiosk:print'
  | 'luot-kiosk:diagnostics-open'
  | 'luot-kiosk:diagnostics-info'
  | 'luot-kiosk:diagnostics-test-print'
  | 'luot-kiosk:diagnostics-printers'
  | 'luot-kiosk:diagnostics-choose-printer'
  | 'luot-kiosk:diagnostics-close';

declare global {
  interface Window {
    /** Present only inside the kiosk's Electron shell; a plain browser has no printer bridge. */
    readonly luotKiosk?: KioskBridge;
  }
}
