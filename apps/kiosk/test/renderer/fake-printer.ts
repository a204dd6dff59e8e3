// The one fake of the renderer's tests: the printer at the end of the preload bridge (hardware).
import type { PrinterState } from '@luot/shared/contracts';
import type { PrintableTicket } from '@luot/shared/ticket';
import type { BridgePrintFailure, BridgePrintResult, BridgePrinterStatus } from '../../src/bridge.ts';
import type { PrinterPort } from '../../src/renderer/printer-port.ts';

/** A printer whose state and next print outcome the test sets; it records what it was asked. */
export class FakePrinter implements PrinterPort {
  readonly isScreen = false;
  state: PrinterState = 'ok';
  /** When set, prints fail this way (after the status check passed). */
  failPrintsWith: BridgePrintFailure | null = null;
  readonly calls: string[] = [];
  readonly printed: PrintableTicket[] = [];

  printerStatus(): Promise<BridgePrinterStatus> {
    this.calls.push('status');
    return Promise.resolve({ state: this.state, detail: `fake ${this.state}` });
  }

  print(ticket: PrintableTicket): Promise<BridgePrintResult> {
    this.calls.push(`print ${ticket.number}`);
    if (this.failPrintsWith) {
      return Promise.resolve({
        ok: false,
        status: { state: 'offline', detail: 'fake write failed' },
        failure: this.failPrintsWith,
      });
    }
    this.printed.push(ticket);
    return Promise.resolve({ ok: true, status: { state: this.state, detail: `fake ${this.state}` } });
  }
}
