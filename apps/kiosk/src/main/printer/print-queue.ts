import { withLeadingZeros } from './escpos.ts';
import { createSerialRunner } from './serial.ts';
import { canPrint, readStatus, type PrinterStatus } from './status.ts';
import { PrinterTimeoutError, withTimeout, type PrinterTransport } from './transport.ts';

/**
 * Why a job was not printed. `refused`: the printer said before the job that it cannot print, nothing
 * was sent. `write_timeout` / `write_failed`: the printer stopped taking the job, or the link broke,
 * part of it may be in the printer. `unconfirmed`: every byte went out, but the printer reported a fault
 * right after (paper ran out, cover opened, cutter error, went silent), so the ticket may be incomplete.
 */
export type PrintFailure = 'refused' | 'write_timeout' | 'write_failed' | 'unconfirmed';

/**
 * The outcome of one job. `status` is what the printer reported before the job (so `paper_low` comes
 * back with a success); after a failure, the printer's state that explains it (`paper_out` when the
 * paper ran out mid-job), or `offline` with what went wrong when the printer could not say.
 */
export type PrintResult =
  | { readonly ok: true; readonly status: PrinterStatus }
  | { readonly ok: false; readonly status: PrinterStatus; readonly failure: PrintFailure };

export type PrintQueueOptions = {
  /** Per `DLE EOT` request; a printer that has not answered in this time is not going to. */
  readonly statusTimeoutMs?: number;
  /** For the whole job; a ticket is a few tens of kB that the printer takes in about a second. */
  readonly writeTimeoutMs?: number;
  /**
   * How long the printer may take one chunk of the job before it counts as stopped. A printer takes a
   * chunk in tens of milliseconds while it prints; one that stopped (paper out mid-job, jammed, gone
   * silent) is noticed after this, not after the whole job's timeout, so the manager hears of it fast.
   */
  readonly stallTimeoutMs?: number;
  /** Bytes per write; small enough that a stopped printer is noticed within `stallTimeoutMs`. */
  readonly chunkBytes?: number;
  /**
   * Zero bytes sent before the next job after a job was cut off: enough to finish any raster band the
   * printer was in the middle of (zeros are white dots there, and ignored between commands), so the
   * next ticket's commands are not swallowed as image data. The largest band of the job, header included.
   */
  readonly resyncBytes?: number;
  /**
   * Print even when the printer does not answer status requests. Off by default: silence usually
   * means unplugged or powered off. Turn it on only for write-only printers (no USB IN endpoint).
   */
  readonly printWhenSilent?: boolean;
};

/**
 * Runs print jobs one at a time on one transport, so two taps on the kiosk never interleave bytes.
 * Each job reads the status first and sends nothing when the printer cannot print; sends the job in
 * chunks, each of which must be taken within the stall timeout; and reads the status again after the
 * job, so a ticket counts as printed only when the printer still says it is fine.
 */
export class PrintQueue {
  readonly #transport: PrinterTransport;
  readonly #statusTimeoutMs: number;
  readonly #writeTimeoutMs: number;
  readonly #stallTimeoutMs: number;
  readonly #chunkBytes: number;
  readonly #resyncBytes: number;
  readonly #printWhenSilent: boolean;
  readonly #enqueue = createSerialRunner();
  /** The last job was cut off: the printer may be in the middle of a raster band. */
  #isInterrupted = false;

  constructor(transport: PrinterTransport, options: PrintQueueOptions = {}) {
    this.#transport = transport;
    this.#statusTimeoutMs = options.statusTimeoutMs ?? 800;
    this.#writeTimeoutMs = options.writeTimeoutMs ?? 10_000;
    this.#stallTimeoutMs = options.stallTimeoutMs ?? 2_000;
    this.#chunkBytes = options.chunkBytes ?? 4_096;
    this.#resyncBytes = options.resyncBytes ?? 0;
    this.#printWhenSilent = options.printWhenSilent ?? false;
  }

  /** Queue a job (the bytes of one ticket) and resolve with its outcome; never rejects. */
  print(job: Uint8Array): Promise<PrintResult> {
    return this.#enqueue(async () => {
      const status = await this.#status();
      if (!this.#mayPrint(status)) return { ok: false, status, failure: 'refused' };
      try {
        await this.#write(job);
      } catch (error) {
        this.#isInterrupted = true;
        // Ask why: a printer that stopped mid-job usually says (paper out, cover open); one that cannot
        // be asked is offline, and the write error says how.
        const after = await this.#status();
        const isExplained = !canPrint(after) && after.state !== 'no_answer';
        const isSilent = after.state === 'no_answer' && error instanceof PrinterTimeoutError;
        return {
          ok: false,
          status: isExplained || isSilent ? after : { state: 'offline', detail: messageOf(error) },
          failure: error instanceof PrinterTimeoutError ? 'write_timeout' : 'write_failed',
        };
      }
      const after = await this.#status();
      if (!this.#mayPrint(after)) return { ok: false, status: after, failure: 'unconfirmed' };
      return { ok: true, status };
    });
  }

  /** Read the printer's status between jobs (never during one), e.g. for the kiosk's health report. */
  status(): Promise<PrinterStatus> {
    return this.#enqueue(() => this.#status());
  }

  #mayPrint(status: PrinterStatus): boolean {
    return canPrint(status) || (status.state === 'no_answer' && this.#printWhenSilent);
  }

  async #write(job: Uint8Array): Promise<void> {
    const bytes =
      this.#isInterrupted && this.#resyncBytes > 0 ? withLeadingZeros(this.#resyncBytes, job) : job;
    const deadline = Date.now() + this.#writeTimeoutMs;
    for (let offset = 0; offset < bytes.length; offset += this.#chunkBytes) {
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw new PrinterTimeoutError(`${this.#transport.description}: write timed out`);
      const timeoutMs = Math.min(this.#stallTimeoutMs, remaining);
      const chunk = bytes.subarray(offset, offset + this.#chunkBytes);
      // The transport honours the timeout itself; the guard here also covers one that does not.
      await withTimeout(
        this.#transport.write(chunk, timeoutMs),
        timeoutMs + 1000,
        `${this.#transport.description}: write timed out`,
      );
    }
    this.#isInterrupted = false;
  }

  async #status(): Promise<PrinterStatus> {
    try {
      return await readStatus(this.#transport, this.#statusTimeoutMs);
    } catch (error) {
      return { state: 'offline', detail: messageOf(error) };
    }
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
