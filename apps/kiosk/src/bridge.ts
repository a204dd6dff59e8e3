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

/**
 * What the preload exposes as `window.luotKiosk`. Every call crosses a process boundary: the main
 * process checks the calling frame's origin and parses every payload before touching the printer.
 */
export interface KioskBridge {
  /** Read the printer's status (between jobs, never during one). */
  printerStatus(): Promise<BridgePrinterStatus>;
  /** Print one ticket that the server has already recorded; never rejects for a printer fault. */
  print(ticket: PrintableTicket): Promise<BridgePrintResult>;
}

/** The IPC channel names, shared as types so a typo is a compile error on both sides. */
export type KioskChannel = 'luot-kiosk:printer-status' | 'luot-kiosk:print';

declare global {
  interface Window {
    /** Present only inside the kiosk's Electron shell; a plain browser has no printer bridge. */
    readonly luotKiosk?: KioskBridge;
  }
}
