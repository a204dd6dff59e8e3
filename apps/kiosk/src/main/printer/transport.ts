/**
 * The one door to a printer: bytes out, a short status answer back, and a way to let go of the device.
 * Every implementation (USB, TCP, file, the test fake) passes the shared contract suite in
 * test/printer/transport-contract.ts, so the print queue can rely on these promises:
 *
 * - `write` resolves once the device (or its link) has taken all the bytes, in order, after any earlier
 *   write. It settles within `timeoutMs`: a stalled device rejects with {@link PrinterTimeoutError} and
 *   the transport drops the link, so no byte of the abandoned job is sent later. An unreachable device
 *   rejects with {@link PrinterUnavailableError}. The link opens lazily on first use and reopens after a
 *   failure.
 * - `query` sends a real-time request (DLE EOT n) and resolves with the answer bytes, or `null` when the
 *   device says nothing within `timeoutMs`. Answers that arrived before the request are discarded, so a
 *   late answer to an earlier query is never taken for this one. It rejects only when the device cannot
 *   be reached at all.
 * - `close` releases the device; it is idempotent, settles pending calls, and afterwards `write` and
 *   `query` reject with {@link TransportClosedError}.
 *
 * Calls are not meant to overlap: the print queue runs one job at a time.
 */
export interface PrinterTransport {
  /** A short name for logs, e.g. `usb 0416:5011` or `tcp 10.0.0.5:9100`. */
  readonly description: string;
  write(bytes: Uint8Array, timeoutMs: number): Promise<void>;
  query(request: Uint8Array, timeoutMs: number): Promise<Uint8Array | null>;
  close(): Promise<void>;
}

/** The device did not take the bytes in time (paper jam, buffer full, link stalled). */
export class PrinterTimeoutError extends Error {
  override readonly name = 'PrinterTimeoutError';
}

/** The device could not be reached: unplugged, powered off, refused the connection. */
export class PrinterUnavailableError extends Error {
  override readonly name = 'PrinterUnavailableError';
}

/** The transport was closed by its owner. */
export class TransportClosedError extends Error {
  override readonly name = 'TransportClosedError';
  constructor(description: string) {
    super(`${description} is closed`);
  }
}

/**
 * Settle `work` within `timeoutMs`, or reject with {@link PrinterTimeoutError} and run `onTimeout` (which
 * drops the link so the abandoned transfer cannot resume later).
 */
export async function withTimeout<T>(
  work: Promise<T>,
  timeoutMs: number,
  message: string,
  onTimeout?: () => void,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      onTimeout?.();
      reject(new PrinterTimeoutError(message));
    }, timeoutMs);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
