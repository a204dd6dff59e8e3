import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { PrintableTicket } from '@luot/shared/ticket';
import type {
  BridgePrintResult,
  BridgePrinterChoice,
  DiagnosticsInfo,
  DiagnosticsRefusal,
  PrinterChoices,
} from '../bridge.ts';
import { printerConfigSchema, type KioskPrinter, type PrinterConfig } from './printer/index.ts';
import { spoolerStatus, type SpoolerPrinterInfo } from './printer/spooler.ts';
import type { UsbDeviceChoice } from './printer/usb-transport.ts';

/** Wrong PINs allowed before the screen locks, and for how long it then stays locked. */
export const DIAGNOSTICS_ATTEMPTS = 5;
export const DIAGNOSTICS_LOCK_MS = 5 * 60_000;
/** An open diagnostics screen closes by itself after this long without a call (a technician walked off). */
export const DIAGNOSTICS_IDLE_MS = 10 * 60_000;

/** What the diagnostics service needs from the kiosk's main process (Electron-free, so it is tested in Node). */
export type DiagnosticsDependencies = {
  /** The settings file's `managerPin`; without one the screen cannot be opened. */
  readonly managerPin: string | undefined;
  readonly now: () => number;
  readonly kiosk: Pick<
    DiagnosticsInfo,
    'kioskVersion' | 'electronVersion' | 'platform' | 'serverUrl' | 'settingsFile' | 'logFile'
  >;
  /** The printer in use and its settings (they change when another is chosen). */
  readonly current: () => { readonly printer: KioskPrinter; readonly config: PrinterConfig };
  /** Windows' installed printers (rejects elsewhere). */
  readonly listWindowsPrinters: () => Promise<SpoolerPrinterInfo[]>;
  readonly listUsbDevices: () => Promise<UsbDeviceChoice[]>;
  /** Write the settings file with this printer and start using it; rejects when it cannot be saved. */
  readonly usePrinter: (config: PrinterConfig) => Promise<void>;
  readonly log: (message: string, fields?: Record<string, string | number | boolean>) => void;
};

/** The diagnostics screen's calls, as the IPC handlers see them (arguments not yet checked). */
export type DiagnosticsService = {
  open(pin: string): Promise<{ ok: true; info: DiagnosticsInfo } | ({ ok: false } & DiagnosticsRefusal)>;
  /** True while a session is open (and extends it); every call but `open` needs one. */
  isOpen(): boolean;
  info(): Promise<DiagnosticsInfo>;
  testPrint(): Promise<BridgePrintResult>;
  printers(): Promise<PrinterChoices>;
  choosePrinter(
    choice: BridgePrinterChoice,
  ): Promise<{ ok: true; info: DiagnosticsInfo } | { ok: false; reason: string }>;
  close(): void;
};

/**
 * The kiosk's hidden diagnostics screen, main-process side: the manager PIN is checked here (the page
 * never sees the PIN from the settings file), with a lock-out after five wrong tries, and the session
 * it opens expires after ten idle minutes. A visitor who finds the long press gets nothing without it.
 */
export function createDiagnostics(deps: DiagnosticsDependencies): DiagnosticsService {
  let wrongAttempts = 0;
  let lockedUntil = 0;
  let openUntil = 0;

  const info = async (): Promise<DiagnosticsInfo> => {
    const { printer, config } = deps.current();
    return {
      ...deps.kiosk,
      printerDescription: printer.description,
      printerKind: config.kind,
      paperWidthMm: config.paperWidthMm,
      printerStatus: await statusOf(printer),
    };
  };

  return {
    async open(pin) {
      const now = deps.now();
      if (!deps.managerPin) return { ok: false, reason: 'not_configured' };
      if (now < lockedUntil)
        return { ok: false, reason: 'locked', retryAfterSeconds: Math.ceil((lockedUntil - now) / 1000) };
      if (!isSamePin(pin, deps.managerPin)) {
        wrongAttempts += 1;
        deps.log('diagnostics: wrong PIN', { attempt: wrongAttempts });
        if (wrongAttempts >= DIAGNOSTICS_ATTEMPTS) {
          wrongAttempts = 0;
          lockedUntil = now + DIAGNOSTICS_LOCK_MS;
          return { ok: false, reason: 'locked', retryAfterSeconds: DIAGNOSTICS_LOCK_MS / 1000 };
        }
        return { ok: false, reason: 'wrong_pin', attemptsLeft: DIAGNOSTICS_ATTEMPTS - wrongAttempts };
      }
      wrongAttempts = 0;
      openUntil = now + DIAGNOSTICS_IDLE_MS;
      deps.log('diagnostics: opened');
      return { ok: true, info: await info() };
    },
    isOpen() {
      const now = deps.now();
      if (now >= openUntil) return false;
      openUntil = now + DIAGNOSTICS_IDLE_MS;
      return true;
    },
    info,
    async testPrint() {
      const { printer } = deps.current();
      deps.log('diagnostics: test print', { printer: printer.description });
      try {
        const result = await printer.printTicket(testPage(deps.kiosk, printer.description, deps.now()));
        return result.ok
          ? { ok: true, status: result.status }
          : { ok: false, status: result.status, failure: result.failure };
      } catch (error) {
        return { ok: false, status: { state: 'offline', detail: messageOf(error) }, failure: 'write_failed' };
      }
    },
    async printers() {
      const [windows, usb] = await Promise.allSettled([deps.listWindowsPrinters(), deps.listUsbDevices()]);
      const now = deps.now();
      return {
        windows:
          windows.status === 'fulfilled'
            ? {
                printers: windows.value.map((printer) => ({
                  name: printer.name,
                  portName: printer.portName,
                  driverName: printer.driverName,
                  isDefault: printer.isDefault,
                  status: spoolerStatus(printer, [], now, Number.POSITIVE_INFINITY),
                })),
                problem: null,
              }
            : { printers: [], problem: messageOf(windows.reason) },
        usb:
          usb.status === 'fulfilled'
            ? {
                devices: usb.value.map(({ vendorId, productId, id, isPrinterClass }) => ({
                  vendorId,
                  productId,
                  id,
                  isPrinterClass,
                })),
                problem: null,
              }
            : { devices: [], problem: messageOf(usb.reason) },
      };
    },
    async choosePrinter(choice) {
      const parsed = printerConfigSchema.safeParse(choice);
      if (!parsed.success || parsed.data.kind === 'file') {
        return { ok: false, reason: 'not a printer the kiosk can use (windows, usb or tcp)' };
      }
      try {
        await deps.usePrinter(parsed.data);
      } catch (error) {
        return { ok: false, reason: messageOf(error) };
      }
      deps.log('diagnostics: printer chosen', { printer: deps.current().printer.description });
      return { ok: true, info: await info() };
    },
    close() {
      openUntil = 0;
    },
  };
}

async function statusOf(printer: KioskPrinter): Promise<DiagnosticsInfo['printerStatus']> {
  try {
    return await printer.status();
  } catch (error) {
    return { state: 'offline', detail: messageOf(error) };
  }
}

/** Compare PINs in constant time (a PIN is short; timing must not tell how much of it was right). */
function isSamePin(given: string, expected: string): boolean {
  const a = Buffer.from(given.padEnd(16, '\0').slice(0, 16));
  const b = Buffer.from(expected.padEnd(16, '\0').slice(0, 16));
  return timingSafeEqual(a, b) && given.length === expected.length;
}

/**
 * The test page: drawn and sent exactly like a ticket (fonts, QR, raster, cut), but it says it is a test
 * and carries no real number (the server issues nothing). Its QR code opens the server's health page.
 */
export function testPage(
  kiosk: DiagnosticsDependencies['kiosk'],
  printerDescription: string,
  now: number,
): PrintableTicket {
  const origin = new URL(kiosk.serverUrl).origin;
  return {
    hallName: 'PHIẾU IN THỬ — TEST PRINT',
    number: 'T000',
    serviceName: `Kiểm tra máy in / Printer check: ${printerDescription}`.slice(0, 300),
    procedureName: `Kiosk ${kiosk.kioskVersion} · ${kiosk.platform}`,
    priorityLabel: null,
    issuedAt: now,
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'Asia/Ho_Chi_Minh',
    peopleAhead: 0,
    waitMinutes: null,
    statusUrl: `${origin}/health?test=${randomBytes(4).toString('hex')}`,
    footer: 'Không phải phiếu số thứ tự. / Not a queue ticket.',
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
