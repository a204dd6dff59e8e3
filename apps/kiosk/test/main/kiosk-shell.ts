import type { KioskChannel } from '../../src/bridge.ts';
import { createDiagnostics, type DiagnosticsDependencies } from '../../src/main/diagnostics.ts';
import { registerIpcHandlers, type InvokeEvent, type IpcMainLike } from '../../src/main/ipc.ts';
import { createPrinterFromConfig, type PrinterConfig } from '../../src/main/printer/index.ts';
import { listUsbDevices } from '../../src/main/printer/usb-transport.ts';
import { createPrinterService, createPrinterSlot } from '../../src/main/printer-service.ts';
import { FakeSpooler } from '../printer/fake-spooler.ts';
import { FakeUsbPrinter } from '../printer/fake-usb-printer.ts';

/** Where the kiosk's files are on a Windows kiosk (shown on the diagnostics screen). */
export const WINDOWS_KIOSK_FILES = {
  settingsFile: 'C:\\ProgramData\\Luot\\Kiosk\\luot-kiosk.json',
  logFile: 'C:\\ProgramData\\Luot\\Kiosk\\logs\\kiosk.log',
} as const;

/**
 * The kiosk shell's main process as src/main/index.ts composes it — printer slot, printer service,
 * diagnostics service, IPC handlers — on fakes at the OS edge only: a Windows spooler with an "XP-80C",
 * and a USB bus with one printer-class device 0416:5011.
 */
export function createTestKioskShell(options: {
  readonly serverUrl: string;
  readonly printer: PrinterConfig;
  readonly managerPin?: string;
  readonly now?: () => number;
  readonly settingsFile?: string;
  /** Also write the chosen printer somewhere (the real shell writes the settings file). */
  readonly onPrinterChosen?: (config: PrinterConfig) => void;
  readonly log?: DiagnosticsDependencies['log'];
  readonly spooler?: FakeSpooler;
}) {
  const spooler = options.spooler ?? new FakeSpooler().addPrinter('XP-80C');
  const usb = new FakeUsbPrinter(0x0416, 0x5011);
  const slot = createPrinterSlot(options.printer, (config) =>
    createPrinterFromConfig(config, {
      loadSpooler: () => Promise.resolve(spooler),
      loadUsb: () => Promise.resolve(usb.binding()),
    }),
  );
  const diagnostics = createDiagnostics({
    managerPin: options.managerPin,
    now: options.now ?? Date.now,
    kiosk: {
      kioskVersion: '0.1.0',
      electronVersion: '45.5.0',
      platform: 'win32',
      serverUrl: options.serverUrl,
      ...WINDOWS_KIOSK_FILES,
      ...(options.settingsFile ? { settingsFile: options.settingsFile } : {}),
    },
    current: () => slot.current,
    listWindowsPrinters: () => spooler.listPrinters(),
    listUsbDevices: () => listUsbDevices(() => Promise.resolve(usb.binding())),
    usePrinter: (config) => {
      options.onPrinterChosen?.(config);
      slot.replace(config);
      return Promise.resolve();
    },
    log: options.log ?? (() => undefined),
  });
  const handlers = new Map<KioskChannel, (event: InvokeEvent, ...args: unknown[]) => Promise<unknown>>();
  const ipcMain: IpcMainLike = {
    handle: (channel, listener) => void handlers.set(channel, listener),
    removeHandler: (channel) => void handlers.delete(channel),
  };
  registerIpcHandlers(ipcMain, createPrinterService(slot.printer), {
    allowedOrigin: new URL(options.serverUrl).origin,
    diagnostics,
  });
  /** Call a channel as the given frame would (the payload structured-cloned, as Electron's IPC does). */
  const invokeAs = (frame: { url: string; parent: unknown }, channel: KioskChannel, ...args: unknown[]) => {
    const handler = handlers.get(channel);
    if (!handler) return Promise.reject(new Error(`no handler for ${channel}`));
    return handler({ senderFrame: frame }, ...structuredClone(args));
  };
  return { spooler, usb, slot, diagnostics, invokeAs };
}
