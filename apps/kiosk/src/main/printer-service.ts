import type { PrintableTicket } from '@luot/shared/ticket';
import type { BridgePrintResult, BridgePrinterStatus } from '../bridge.ts';
import type { KioskPrinter, PrinterConfig } from './printer/index.ts';

/** What the IPC handlers ask of the printer: the bridge's two calls, on the main-process side. */
export interface PrinterService {
  /** The printer's status; never rejects (a failing read is `offline`). */
  status(): Promise<BridgePrinterStatus>;
  /** Print one parsed ticket; never rejects, never prints the same ticket twice. */
  print(ticket: PrintableTicket): Promise<BridgePrintResult>;
}

/** How many sent tickets are remembered to refuse a second copy (a day of a busy kiosk). */
const REMEMBERED_TICKETS = 2_000;

/**
 * Put the printer helper's `KioskPrinter` behind the bridge. It adds one rule the renderer cannot be
 * trusted with alone: a ticket (known by its unique status URL) comes out of the printer at most once,
 * so a renderer bug or a replayed message can never hand out a second copy of a number. A job that
 * failed after its bytes started going out counts as sent: a printer that stopped mid-ticket keeps the
 * rest in its buffer and finishes it once paper is loaded, so printing it again could make two. Only a
 * job the printer refused before anything was sent may be tried again.
 */
export function createPrinterService(printer: Pick<KioskPrinter, 'printTicket' | 'status'>): PrinterService {
  const sent = new Set<string>();
  const inFlight = new Set<string>();
  return {
    async status() {
      try {
        return await printer.status();
      } catch (error) {
        return { state: 'offline', detail: messageOf(error) };
      }
    },
    async print(ticket) {
      const key = ticket.statusUrl;
      if (sent.has(key) || inFlight.has(key)) {
        return {
          ok: false,
          status: { state: 'ok', detail: 'already sent to the printer' },
          failure: 'duplicate',
        };
      }
      inFlight.add(key);
      try {
        const result = await printer.printTicket(ticket);
        if (result.ok || result.failure !== 'refused') remember(sent, key);
        return result.ok
          ? { ok: true, status: result.status }
          : { ok: false, status: result.status, failure: result.failure };
      } catch (error) {
        // The ticket could not be drawn (a bug): nothing reached the printer.
        return { ok: false, status: { state: 'offline', detail: messageOf(error) }, failure: 'write_failed' };
      } finally {
        inFlight.delete(key);
      }
    },
  };
}

function remember(set: Set<string>, key: string): void {
  set.add(key);
  if (set.size > REMEMBERED_TICKETS) {
    const oldest = set.values().next().value;
    if (oldest !== undefined) set.delete(oldest);
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The printer in use, replaceable while the kiosk runs (the diagnostics screen chooses another). */
export type PrinterSlot = {
  readonly current: { readonly printer: KioskPrinter; readonly config: PrinterConfig };
  /** Start using the printer these settings describe; the old one is let go (its device released). */
  replace(config: PrinterConfig): void;
  /** What the printer service prints on: always the printer in use now. */
  readonly printer: Pick<KioskPrinter, 'printTicket' | 'status'>;
  close(): Promise<void>;
};

/** Hold the kiosk's printer so it can be swapped without restarting; one printer service spans them. */
export function createPrinterSlot(
  config: PrinterConfig,
  create: (config: PrinterConfig) => KioskPrinter,
): PrinterSlot {
  let current = { printer: create(config), config };
  return {
    get current() {
      return current;
    },
    replace(next) {
      const previous = current.printer;
      current = { printer: create(next), config: next };
      previous.close().catch(() => undefined);
    },
    printer: {
      printTicket: (ticket) => current.printer.printTicket(ticket),
      status: () => current.printer.status(),
    },
    close: () => current.printer.close(),
  };
}
