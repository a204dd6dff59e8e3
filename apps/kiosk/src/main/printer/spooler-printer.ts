import { randomBytes } from 'node:crypto';
import { layoutTicket, type PrintableTicket } from '@luot/shared/ticket';
import { encodeTicket, resyncBytes, withLeadingZeros } from './escpos.ts';
import type { PrintResult } from './print-queue.ts';
import { monoBitmapToPng } from './png.ts';
import { PAPER_WIDTH_DOTS, renderTicket, type PaperWidthMm } from './render-ticket.ts';
import { createSerialRunner } from './serial.ts';
import {
  isJobFaulted,
  isJobFinished,
  jobFault,
  spoolerStatus,
  type Spooler,
  type SpoolerJob,
} from './spooler.ts';
import { canPrint, type PrinterStatus } from './status.ts';

/** A ticket image for the printer's Windows driver (the last resort for printers without ESC/POS raster). */
export type DriverImageJob = {
  readonly printerName: string;
  /** Also the page's title, which Windows shows as the job's document name: how the job is found. */
  readonly documentName: string;
  readonly png: Uint8Array;
  readonly widthMm: number;
  readonly lengthMm: number;
};

/**
 * Print an image through the printer's driver; resolves once it has been handed to the spooler. In the
 * kiosk this is Electron's silent print of a hidden window (`driver-print.ts`).
 */
export type PrintImage = (job: DriverImageJob) => Promise<void>;

export type SpoolerPrinterOptions = {
  /** The printer's name in Windows ("XP-80C", "EPSON TM-T82III Receipt"). */
  readonly printerName: string;
  /** `raw`: our ESC/POS bytes, untouched by the driver. `driver`: the rendered image, printed by the driver. */
  readonly mode: 'raw' | 'driver';
  readonly paperWidthMm: PaperWidthMm;
  readonly bandRows?: number;
  readonly cut?: boolean;
  /** How long a job may take to leave the queue before it is abandoned (cancelled): 10 s. */
  readonly writeTimeoutMs?: number;
  /** A job older than this in the queue is stuck: the printer counts as offline (30 s). */
  readonly stuckAfterMs?: number;
  /** How often a job in the queue is looked at (100 ms). */
  readonly pollMs?: number;
};

/** Our own jobs are named so; a stuck one is an abandoned ticket and is deleted, never printed late. */
const DOCUMENT_PREFIX = 'Luot ticket';

/**
 * A printer that Windows drives (its vendor driver stays installed), reached through the print spooler.
 * In `raw` mode the ticket goes as the same ESC/POS bytes as over USB or TCP, in one RAW document; in
 * `driver` mode as a picture the driver prints. Jobs run one at a time. A job counts as printed when it
 * has left the queue and the spooler then reports nothing wrong; a job that faults (paper out, offline,
 * error) or does not leave the queue within the write timeout is deleted from the queue, so that ticket
 * never comes out later for the wrong visitor. What a spooler cannot tell is in docs/PRINTING.md.
 */
export class SpoolerPrinter {
  readonly description: string;
  readonly transport = null;
  readonly paperWidthMm: PaperWidthMm;
  readonly #spooler: () => Promise<Spooler>;
  readonly #printImage: PrintImage | null;
  readonly #options: SpoolerPrinterOptions;
  readonly #writeTimeoutMs: number;
  readonly #stuckAfterMs: number;
  readonly #pollMs: number;
  readonly #enqueue = createSerialRunner();
  /** The last raw job was cut off: the printer may be in the middle of a raster band. */
  #isInterrupted = false;
  #isClosed = false;

  constructor(
    options: SpoolerPrinterOptions,
    spooler: () => Promise<Spooler>,
    printImage: PrintImage | null,
  ) {
    this.#options = options;
    this.#spooler = spooler;
    this.#printImage = printImage;
    this.paperWidthMm = options.paperWidthMm;
    this.#writeTimeoutMs = options.writeTimeoutMs ?? 10_000;
    this.#stuckAfterMs = options.stuckAfterMs ?? 30_000;
    this.#pollMs = options.pollMs ?? 100;
    this.description = `windows "${options.printerName}" (${options.mode})`;
  }

  /** Print one ticket; resolves with the outcome (rejects only if the ticket cannot be drawn: a bug). */
  printTicket(ticket: PrintableTicket): Promise<PrintResult> {
    const widthDots = PAPER_WIDTH_DOTS[this.paperWidthMm];
    const rendered = renderTicket(layoutTicket(ticket), widthDots);
    const documentName = `${DOCUMENT_PREFIX} ${ticket.number} ${randomBytes(3).toString('hex')}`;
    return this.#enqueue(async () => {
      const before = await this.#status();
      if (!canPrint(before)) return { ok: false, status: before, failure: 'refused' };
      let jobId: number | null;
      try {
        jobId =
          this.#options.mode === 'raw'
            ? await this.#submitRaw(documentName, encodeTicket(rendered.bitmap, this.#options))
            : await this.#submitImage(documentName, monoBitmapToPng(rendered.bitmap), rendered.lengthMm);
      } catch (error) {
        this.#isInterrupted = true;
        return { ok: false, status: { state: 'offline', detail: messageOf(error) }, failure: 'write_failed' };
      }
      const outcome = jobId === null ? ({ kind: 'done' } as const) : await this.#watch(jobId);
      if (outcome.kind !== 'done') {
        this.#isInterrupted = true;
        if (jobId !== null) await this.#cancel(jobId);
        if (outcome.kind === 'fault')
          return { ok: false, status: jobFault(outcome.job), failure: 'write_failed' };
        const after = await this.#status();
        return {
          ok: false,
          status: canPrint(after)
            ? {
                state: 'offline',
                detail: `job not printed within ${this.#writeTimeoutMs / 1000} s; deleted from the queue (${after.detail})`,
              }
            : after,
          failure: 'write_timeout',
        };
      }
      this.#isInterrupted = false;
      const after = await this.#status();
      if (!canPrint(after)) return { ok: false, status: after, failure: 'unconfirmed' };
      return { ok: true, status: before };
    });
  }

  /** The printer's status as the spooler reports it, read between jobs. */
  status(): Promise<PrinterStatus> {
    return this.#enqueue(() => this.#status());
  }

  close(): Promise<void> {
    this.#isClosed = true;
    return Promise.resolve();
  }

  async #submitRaw(documentName: string, job: Uint8Array): Promise<number> {
    // A job cut off mid-band leaves the printer waiting for the rest of that band's image data.
    const resync = resyncBytes(PAPER_WIDTH_DOTS[this.paperWidthMm], this.#options.bandRows);
    const bytes = this.#isInterrupted ? withLeadingZeros(resync, job) : job;
    const spooler = await this.#spooler();
    return spooler.submitRaw(this.#options.printerName, documentName, bytes);
  }

  /** Hand the image to the driver, then find its job in the queue by name (null: already printed). */
  async #submitImage(documentName: string, png: Uint8Array, lengthMm: number): Promise<number | null> {
    if (!this.#printImage) throw new Error('driver printing is only available in the kiosk app');
    const widthMm = this.paperWidthMm === 80 ? 72 : 48;
    await this.#printImage({ printerName: this.#options.printerName, documentName, png, widthMm, lengthMm });
    const spooler = await this.#spooler();
    const jobs = await spooler.jobs(this.#options.printerName);
    return jobs.find((job) => job.document === documentName)?.id ?? null;
  }

  /** Wait for a job to leave the queue, fault, or outlast the write timeout. */
  async #watch(
    jobId: number,
  ): Promise<{ kind: 'done' } | { kind: 'fault'; job: SpoolerJob } | { kind: 'timeout' }> {
    const spooler = await this.#spooler();
    const deadline = Date.now() + this.#writeTimeoutMs;
    for (;;) {
      const job = await spooler.job(this.#options.printerName, jobId);
      if (job === null || isJobFinished(job)) return { kind: 'done' };
      if (isJobFaulted(job)) return { kind: 'fault', job };
      if (Date.now() >= deadline) return { kind: 'timeout' };
      await delay(this.#pollMs);
    }
  }

  async #cancel(jobId: number): Promise<void> {
    try {
      await (await this.#spooler()).cancel(this.#options.printerName, jobId);
    } catch {
      // Already gone: nothing left to print.
    }
  }

  async #status(): Promise<PrinterStatus> {
    if (this.#isClosed) return { state: 'offline', detail: `${this.description} is closed` };
    try {
      const spooler = await this.#spooler();
      const printer = await spooler.printer(this.#options.printerName);
      if (printer === null) {
        return {
          state: 'offline',
          detail: `no Windows printer named "${this.#options.printerName}" (choose one in the kiosk's diagnostics screen)`,
        };
      }
      const now = Date.now();
      let jobs = await spooler.jobs(this.#options.printerName);
      // Our own tickets stuck in the queue were already reported as not printed: delete them, so they
      // never come out later for someone else.
      const abandoned = jobs.filter(
        (job) =>
          job.document.startsWith(DOCUMENT_PREFIX) &&
          (isJobFaulted(job) || now - job.submittedAt > this.#stuckAfterMs),
      );
      for (const job of abandoned) await this.#cancel(job.id);
      if (abandoned.length > 0) jobs = await spooler.jobs(this.#options.printerName);
      return spoolerStatus(printer, jobs, now, this.#stuckAfterMs);
    } catch (error) {
      return { state: 'offline', detail: messageOf(error) };
    }
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
