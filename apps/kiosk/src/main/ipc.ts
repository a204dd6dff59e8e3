import { printableTicketSchema } from '@luot/shared/ticket';
import type { BridgePrintResult, BridgePrinterChoice, BridgePrinterStatus, KioskChannel } from '../bridge.ts';
import { KIOSK_CHANNELS } from '../preload/channels.ts';
import { isSameOrigin } from './hardening.ts';
import type { DiagnosticsService } from './diagnostics.ts';
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
 * Answer the preload bridge: `printer-status` and `print`, and the diagnostics screen's calls when the
 * kiosk has them. Every call is checked before the printer is touched: the sender must be the top frame
 * of a page from the hall server (not an iframe, not a page that got there by some other route), the
 * ticket must parse with the shared strict schema, and every diagnostics call but `open` needs the
 * session the manager PIN opened. Returns the function that removes the handlers.
 */
export function registerIpcHandlers(
  ipcMain: IpcMainLike,
  printer: PrinterService,
  options: {
    readonly allowedOrigin: string;
    readonly onRefused?: (reason: string) => void;
    readonly diagnostics?: DiagnosticsService;
  },
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
  const diagnostics = options.diagnostics;
  const channels: KioskChannel[] = [KIOSK_CHANNELS.printerStatus, KIOSK_CHANNELS.print];
  if (diagnostics) {
    const noArguments = (name: string, args: unknown[]): void => {
      if (args.length !== 0) throw refuse(`${name} takes no arguments`);
    };
    const session = (event: InvokeEvent): void => {
      checkSender(event);
      if (!diagnostics.isOpen()) throw refuse('the diagnostics screen is not open');
    };
    ipcMain.handle(KIOSK_CHANNELS.diagnosticsOpen, async (event, ...args) => {
      checkSender(event);
      const [pin] = args;
      if (args.length !== 1 || typeof pin !== 'string' || pin.length > 16) throw refuse('open takes one PIN');
      return diagnostics.open(pin);
    });
    ipcMain.handle(KIOSK_CHANNELS.diagnosticsInfo, async (event, ...args) => {
      session(event);
      noArguments('info', args);
      return diagnostics.info();
    });
    ipcMain.handle(KIOSK_CHANNELS.diagnosticsTestPrint, async (event, ...args) => {
      session(event);
      noArguments('testPrint', args);
      return diagnostics.testPrint();
    });
    ipcMain.handle(KIOSK_CHANNELS.diagnosticsPrinters, async (event, ...args) => {
      session(event);
      noArguments('printers', args);
      return diagnostics.printers();
    });
    ipcMain.handle(KIOSK_CHANNELS.diagnosticsChoosePrinter, async (event, ...args) => {
      session(event);
      if (args.length !== 1 || typeof args[0] !== 'object' || args[0] === null) {
        throw refuse('choosePrinter takes one printer');
      }
      // Parsed strictly (the settings file's own schema) by the service before anything is written.
      return diagnostics.choosePrinter(args[0] as BridgePrinterChoice);
    });
    ipcMain.handle(KIOSK_CHANNELS.diagnosticsClose, (event, ...args) => {
      checkSender(event);
      noArguments('close', args);
      diagnostics.close();
      return Promise.resolve();
    });
    channels.push(
      KIOSK_CHANNELS.diagnosticsOpen,
      KIOSK_CHANNELS.diagnosticsInfo,
      KIOSK_CHANNELS.diagnosticsTestPrint,
      KIOSK_CHANNELS.diagnosticsPrinters,
      KIOSK_CHANNELS.diagnosticsChoosePrinter,
      KIOSK_CHANNELS.diagnosticsClose,
    );
  }
  return () => {
    for (const channel of channels) ipcMain.removeHandler(channel);
  };
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return 'an unparsable URL';
  }
}
