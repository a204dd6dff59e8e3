import type { BridgePrinterStatus } from '../bridge.ts';

/** Options of the printer status reporter. */
export type PrinterReporterOptions = {
  /** Read the printer (through the bridge). */
  readonly read: () => Promise<BridgePrinterStatus>;
  /** Send `printer:status` to the server; resolves whether it was recorded. */
  readonly report: (status: BridgePrinterStatus) => Promise<boolean>;
  readonly isOnline: () => boolean;
  /** Every status seen, for the screen (a kiosk whose printer cannot print says so before anyone taps). */
  readonly onStatus: (status: BridgePrinterStatus) => void;
  /** How often the printer is read. */
  readonly pollMs?: number;
  /** A status is re-sent at least this often, so the manager sees a silent kiosk go stale. */
  readonly heartbeatMs?: number;
  readonly now?: () => number;
};

/** A running reporter. */
export type PrinterReporter = {
  /** A status learned elsewhere (the issue flow): reported at once if it is a change. */
  note(status: BridgePrinterStatus): void;
  stop(): void;
};

/**
 * Keep the server told about the kiosk's printer: on every change of state, and every minute even
 * without one. While the kiosk is offline nothing is sent; the latest status goes out once it is back.
 */
export function startPrinterReporter(options: PrinterReporterOptions): PrinterReporter {
  const pollMs = options.pollMs ?? 5_000;
  const heartbeatMs = options.heartbeatMs ?? 60_000;
  const now = options.now ?? Date.now;
  let lastSent: { state: string; at: number } | null = null;
  let isSending = false;
  let isStopped = false;
  /** A status seen while another was being sent; it goes out as soon as that one is done. */
  let pending: BridgePrinterStatus | null = null;

  const send = (status: BridgePrinterStatus): void => {
    if (isSending) {
      pending = status;
      return;
    }
    const isDue = lastSent === null || lastSent.state !== status.state || now() - lastSent.at >= heartbeatMs;
    if (!isDue || !options.isOnline()) return;
    isSending = true;
    options
      .report(status)
      .then((isRecorded) => {
        if (isRecorded) lastSent = { state: status.state, at: now() };
      })
      .catch(() => undefined)
      .finally(() => {
        isSending = false;
        const next = pending;
        pending = null;
        if (next !== null && !isStopped) send(next);
      });
  };
  const consider = (status: BridgePrinterStatus): void => {
    options.onStatus(status);
    send(status);
  };
  const poll = (): void => {
    options
      .read()
      .then((status) => {
        if (!isStopped) consider(status);
      })
      .catch(() => undefined);
  };
  const timer = setInterval(poll, pollMs);
  poll();
  return {
    note: (status) => {
      if (!isStopped) consider(status);
    },
    stop: () => {
      isStopped = true;
      clearInterval(timer);
    },
  };
}
