import { canPrint, readStatus, type PrinterStatus } from './status.ts';
import { PrinterTimeoutError, withTimeout, type PrinterTransport } from './transport.ts';

/** Why a job was not printed. */
export type PrintFailure = 'refused' | 'write_timeout' | 'write_failed';

/**
 * The outcome of one job. `status` is what the printer reported before the job (so `paper_low` comes
 * back with a success), or, after a failed write, `offline` with what went wrong.
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
   * Print even when the printer does not answer status requests. Off by default: silence usually
   * means unplugged or powered off. Turn it on only for write-only printers (no USB IN endpoint).
   */
  readonly printWhenSilent?: boolean;
};

/**
 * Runs print jobs one at a time on one transport, so two taps on the kiosk never interleave bytes.
 * Each job reads the status first and sends nothing when the printer cannot print.
 */
export class PrintQueue {
  readonly #transport: PrinterTransport;
  readonly #statusTimeoutMs: number;
  readonly #writeTimeoutMs: number;
  readonly #printWhenSilent: boolean;
  #tail: Promise<unknown> = Promise.resolve();

  constructor(transport: PrinterTransport, options: PrintQueueOptions = {}) {
    this.#transport = transport;
    this.#statusTimeoutMs = options.statusTimeoutMs ?? 800;
    this.#writeTimeoutMs = options.writeTimeoutMs ?? 10_000;
    this.#printWhenSilent = options.printWhenSilent ?? false;
  }

  /** Queue a job (the bytes of one ticket) and resolve with its outcome; never rejects. */
  print(job: Uint8Array): Promise<PrintResult> {
    return this.#enqueue(async () => {
      const status = await this.#status();
      const isSilentButAllowed = status.state === 'no_answer' && this.#printWhenSilent;
      if (!canPrint(status) && !isSilentButAllowed) return { ok: false, status, failure: 'refused' };
      try {
        // The transport honours the timeout itself; the guard here also covers one that does not.
        const write = this.#transport.write(job, this.#writeTimeoutMs);
        await withTimeout(
          write,
          this.#writeTimeoutMs + 1000,
          `${this.#transport.description}: write timed out`,
        );
        return { ok: true, status };
      } catch (error) {
        const isTimeout = error instanceof PrinterTimeoutError;
        return {
          ok: false,
          status: { state: 'offline', detail: messageOf(error) },
          failure: isTimeout ? 'write_timeout' : 'write_failed',
        };
      }
    });
  }

  /** Read the printer's status between jobs (never during one), e.g. for the kiosk's health report. */
  status(): Promise<PrinterStatus> {
    return this.#enqueue(() => this.#status());
  }

  async #status(): Promise<PrinterStatus> {
    try {
      return await readStatus(this.#transport, this.#statusTimeoutMs);
    } catch (error) {
      return { state: 'offline', detail: messageOf(error) };
    }
  }

  #enqueue<T>(job: () => Promise<T>): Promise<T> {
    const run = this.#tail.then(job);
    this.#tail = run.catch(() => undefined);
    return run;
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
