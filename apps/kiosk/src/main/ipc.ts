import { printableTicketSchema } from '@luot/shared/ticket';
import type { BridgePrintResult, BridgePrinterStatus, KioskChannel } from '../bridge.ts';
import { KIOSK_CHANNELS } from '../preload/channels.ts';
import { isSameOrigin } from './hardening.ts';
import type { PrinterService } from './printer-service.ts';

/** The frame that sent an IPC message, as Electron's `WebFrameMain` describes it. */
export type SenderFrame = { readonly url: string; readonly parent: unknown };

/** An `ipcMain.handle` event: only who sent it matters here. */
export type InvokeEvent = { readonly senderFrame: SenderFrame | null };

/** The part of Electron's `ipcMain` the handlers need. */
export interface IpcMainLike {
  handle(channel: KioskChannel, listener: (event: InvokeEvent, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: KioskChannel): void;
}

/** Why an IPC call was refused (thrown back to the renderer, whose `invoke` then rejects). */
export class BridgeRefusedError extends Error {
  override readonly name = 'BridgeRefusedError';
}

/**
 * Answer the preload bridge: `printer-status` and `print`. Every call is checked before the printer is
 * touched: the sender must be the top frame of a page from the hall server (not an iframe, not a page
 * that got there by some other route), and the ticket must parse with the shared strict schema.
 * Returns the function that removes the handlers.
 */
export function registerIpcHandlers(
  ipcMain: IpcMainLike,
  printer: PrinterService,
  options: { readonly allowedOrigin: string; readonly onRefused?: (reason: string) => void },
): () => void {
  const checkSender = (event: InvokeEvent): void => {
    const frame = event.senderFrame;
    if (frame === null) throw refuse('the sending frame is gone');
    if (frame.parent !== null) throw refuse('only the top frame may use the kiosk bridge');
    if (!isSameOrigin(frame.url, options.allowedOrigin)) {
      throw refuse(`sender ${originOf(frame.url)} is not the hall server`);
    }
  };
  const refuse = (reason: string): BridgeRefusedError => {
    options.onRefused?.(reason);
    return new BridgeRefusedError(reason);
  };

  ipcMain.handle(KIOSK_CHANNELS.printerStatus, async (event, ...args): Promise<BridgePrinterStatus> => {
    checkSender(event);
    if (args.length !== 0) throw refuse('printer-status takes no arguments');
    return printer.status();
  });
  ipcMain.handle(KIOSK_CHANNELS.print, async (event, ...args): Promise<BridgePrintResult> => {
    checkSender(event);
    if (args.length !== 1) throw refuse('print takes exactly one ticket');
    const parsed = printableTicketSchema.safeParse(args[0]);
    if (!parsed.success) {
      const fields = parsed.error.issues.map((issue) => issue.path.join('.') || '(ticket)').join(', ');
      throw refuse(`invalid ticket: ${fields}`);
    }
    return printer.print(parsed.data);
  });
  return () => {
    ipcMain.removeHandler(KIOSK_CHANNELS.printerStatus);
    ipcMain.removeHandler(KIOSK_CHANNELS.print);
  };
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return 'an unparsable URL';
  }
}
