import type { PrinterState } from '@luot/shared/contracts';
import { printableTicketSchema, type PrintableTicket } from '@luot/shared/ticket';
import type { BridgePrintResult, BridgePrinterStatus, KioskBridge } from '../bridge.ts';

/** The kiosk's printer as the renderer sees it: the Electron bridge, or the screen in a browser. */
export interface PrinterPort extends KioskBridge {
  /** True in a plain browser: the "printed" ticket is shown on screen instead. */
  readonly isScreen: boolean;
}

/** Only these states can print (paper near end still has metres of roll). */
export const canPrintIn = (state: PrinterState): boolean => state === 'ok' || state === 'paper_low';

/**
 * The printer of a plain browser (development, demos): always ready, and printing means showing the
 * ticket on screen. It still checks the ticket with the same strict schema the main process uses, so a
 * browser run catches a ticket the real printer would refuse.
 */
export function screenPrinter(): PrinterPort {
  const status: BridgePrinterStatus = { state: 'ok', detail: 'screen printer (browser, no bridge)' };
  return {
    isScreen: true,
    printerStatus: () => Promise.resolve(status),
    print: (ticket: PrintableTicket): Promise<BridgePrintResult> => {
      const parsed = printableTicketSchema.safeParse(ticket);
      return Promise.resolve(
        parsed.success ? { ok: true, status } : { ok: false, status, failure: 'write_failed' },
      );
    },
  };
}

/**
 * The printer behind the preload bridge. Either call may reject (the main process refused the call, or
 * the IPC broke): that is reported as `offline`, never thrown into the flow.
 */
export function bridgePrinter(bridge: KioskBridge): PrinterPort {
  const offline = (error: unknown): BridgePrinterStatus => ({
    state: 'offline',
    detail: `bridge: ${error instanceof Error ? error.message : String(error)}`.slice(0, 200),
  });
  return {
    isScreen: false,
    printerStatus: () => bridge.printerStatus().catch(offline),
    print: (ticket) =>
      bridge
        .print(ticket)
        .catch((error: unknown) => ({ ok: false, status: offline(error), failure: 'write_failed' })),
  };
}

/** The bridge when the Electron shell provided one, the screen otherwise. */
export function printerFor(bridge: KioskBridge | undefined): PrinterPort {
  return bridge ? bridgePrinter(bridge) : screenPrinter();
}
