import { appendFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  decodeEscPos,
  EscPosDecodeError,
  rasterOf,
  type DecodedCommand,
  type DecodeResult,
} from './escpos-decoder.ts';
import { monoBitmapToPng } from './png.ts';
import { simulatedStatusAnswer, type SimulatedState } from './status.ts';
import { TransportClosedError, withTimeout, type PrinterTransport } from './transport.ts';

export type FilePrinterOptions = {
  /** Where `printer-output.bin` (every byte written) and one PNG preview per ticket go. */
  readonly directory: string;
  /** What the printer reports when asked; `ok` unless a developer is trying the kiosk's error screens. */
  readonly status?: SimulatedState;
  /** File name of the n-th preview (1-based); defaults to `ticket-<start time>-<n>.png`. */
  readonly previewName?: (sequence: number) => string;
};

/**
 * A printer for development and tests: appends the bytes to a .bin file and, at each cut, writes a PNG
 * of the raster the job would print (decoded back from the ESC/POS stream, so the preview shows what
 * the bytes say, not what we meant to send).
 */
export class FilePrinter implements PrinterTransport {
  readonly description: string;
  readonly binPath: string;
  /** Paths of the previews written so far, oldest first. */
  readonly previews: string[] = [];
  #status: SimulatedState;
  #pending = new Uint8Array(0);
  #isClosed = false;
  readonly #silentWaits = new Set<() => void>();
  #isReady: Promise<void> | null = null;
  readonly #options: FilePrinterOptions;
  readonly #startedAt = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');

  constructor(options: FilePrinterOptions) {
    this.#options = options;
    this.#status = options.status ?? 'ok';
    this.binPath = join(options.directory, 'printer-output.bin');
    this.description = `file ${options.directory}`;
  }

  /** Change what the printer reports, e.g. to try the kiosk's "out of paper" screen. */
  simulate(state: SimulatedState): void {
    this.#status = state;
  }

  async write(bytes: Uint8Array, timeoutMs: number): Promise<void> {
    this.#assertOpen();
    await withTimeout(this.#append(bytes), timeoutMs, `${this.description}: write timed out`);
  }

  async query(request: Uint8Array, timeoutMs: number): Promise<Uint8Array | null> {
    this.#assertOpen();
    const answer = simulatedStatusAnswer(this.#status, request);
    if (answer !== null) return answer;
    // A silent printer: the caller waits its whole timeout, as it would with real hardware.
    await new Promise<void>((resolve) => {
      const finish = (): void => {
        clearTimeout(timer);
        this.#silentWaits.delete(finish);
        resolve();
      };
      const timer = setTimeout(finish, timeoutMs);
      this.#silentWaits.add(finish);
    });
    return null;
  }

  close(): Promise<void> {
    this.#isClosed = true;
    for (const finish of [...this.#silentWaits]) finish();
    return Promise.resolve();
  }

  async #append(bytes: Uint8Array): Promise<void> {
    this.#isReady ??= mkdir(this.#options.directory, { recursive: true }).then(() => undefined);
    await this.#isReady;
    await appendFile(this.binPath, bytes);
    const pending = new Uint8Array(this.#pending.length + bytes.length);
    pending.set(this.#pending);
    pending.set(bytes, this.#pending.length);
    let decoded: DecodeResult;
    try {
      decoded = decodeEscPos(pending);
    } catch (error) {
      // Not our ESC/POS subset (a developer piping other bytes): keep the .bin, skip the preview.
      if (!(error instanceof EscPosDecodeError)) throw error;
      this.#pending = new Uint8Array(0);
      return;
    }
    const { commands, ends } = decoded;
    // Everything up to the last cut is one or more whole tickets; the rest waits for the next write.
    let start = 0;
    let keepFrom = 0;
    for (const [index, command] of commands.entries()) {
      if (command.kind !== 'cut') continue;
      await this.#writePreview(commands.slice(start, index));
      start = index + 1;
      keepFrom = ends[index] ?? pending.length;
    }
    this.#pending = pending.slice(keepFrom);
  }

  async #writePreview(commands: readonly DecodedCommand[]): Promise<void> {
    const raster = rasterOf(commands);
    if (raster.height === 0) return;
    const sequence = this.previews.length + 1;
    const name = this.#options.previewName?.(sequence) ?? `ticket-${this.#startedAt}-${sequence}.png`;
    const path = join(this.#options.directory, name);
    await writeFile(path, monoBitmapToPng(raster));
    this.previews.push(path);
  }

  #assertOpen(): void {
    if (this.#isClosed) throw new TransportClosedError(this.description);
  }
}
