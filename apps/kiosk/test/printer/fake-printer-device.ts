import { simulatedStatusAnswer, type SimulatedState } from '../../src/main/printer/status.ts';
import {
  PrinterTimeoutError,
  TransportClosedError,
  type PrinterTransport,
} from '../../src/main/printer/transport.ts';

/** Everything that crossed the fake's wire, in order, to check that jobs never interleave. */
export type WireEvent =
  | { readonly kind: 'write'; readonly bytes: Uint8Array; readonly phase: 'start' | 'end' }
  | { readonly kind: 'query'; readonly request: Uint8Array };

/**
 * A scripted printer for tests: a transport at the hardware edge. It answers status requests the way
 * an Epson-compatible printer in the scripted state would, can stay silent, answer late (the answer
 * then waits in its inbox, as bytes do in a USB FIFO or a socket), or stall so writes never complete.
 */
export class FakePrinterDevice implements PrinterTransport {
  readonly description = 'fake printer';
  /** Print data the device accepted (completed writes only). */
  readonly accepted: Uint8Array[] = [];
  readonly wire: WireEvent[] = [];
  state: SimulatedState = 'ok';
  /** Milliseconds before an answer arrives; beyond the caller's timeout it lands in the inbox instead. */
  answerDelayMs = 0;
  /** Milliseconds each write takes, to make jobs overlap in time. */
  writeDelayMs = 0;
  #isStalled = false;
  #isWriteStalled = false;
  #isClosed = false;
  #inbox: Uint8Array[] = [];
  #onDelivery: (() => void) | null = null;
  readonly #timers = new Set<NodeJS.Timeout>();
  readonly #pending = new Set<() => void>();

  /**
   * Stop taking bytes: writes hang until their timeout; with `everything`, queries go unanswered too,
   * with `writes`, status still answers (a jammed printer whose buffer is full still reports).
   */
  stall(scope: 'everything' | 'writes' = 'everything'): void {
    this.#isWriteStalled = true;
    this.#isStalled = scope === 'everything';
  }

  resume(): void {
    this.#isStalled = false;
    this.#isWriteStalled = false;
  }

  async write(bytes: Uint8Array, timeoutMs: number): Promise<void> {
    this.#assertOpen();
    this.wire.push({ kind: 'write', bytes, phase: 'start' });
    const delay = this.#isWriteStalled ? Number.POSITIVE_INFINITY : this.writeDelayMs;
    const isDone = await this.#wait(delay, timeoutMs);
    if (!isDone) {
      if (this.#isClosed) throw new TransportClosedError(this.description);
      throw new PrinterTimeoutError(`${this.description}: write timed out`);
    }
    this.accepted.push(bytes.slice());
    this.wire.push({ kind: 'write', bytes, phase: 'end' });
  }

  async query(request: Uint8Array, timeoutMs: number): Promise<Uint8Array | null> {
    this.#assertOpen();
    this.#inbox = []; // what arrived before the request is not its answer
    this.wire.push({ kind: 'query', request: request.slice() });
    const answer = this.#isStalled ? null : simulatedStatusAnswer(this.state, request);
    // The answer lands in the inbox after the scripted delay, whether or not anyone still waits for it.
    if (answer !== null) this.#schedule(this.answerDelayMs, () => this.#deliver(answer));
    const start = Date.now();
    while (this.#inbox.length === 0) {
      const remaining = timeoutMs - (Date.now() - start);
      if (remaining <= 0 || this.#isClosed) return null;
      await new Promise<void>((resolve) => {
        this.#onDelivery = resolve;
        this.#schedule(remaining, resolve);
      });
    }
    return this.#inbox.shift() ?? null;
  }

  #deliver(answer: Uint8Array): void {
    this.#inbox.push(answer);
    this.#onDelivery?.();
  }

  close(): Promise<void> {
    this.#isClosed = true;
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
    for (const settle of [...this.#pending]) settle();
    this.#onDelivery?.();
    return Promise.resolve();
  }

  /** Print data accepted so far, as one buffer. */
  acceptedBytes(): Uint8Array {
    return Uint8Array.from(this.accepted.flatMap((chunk) => [...chunk]));
  }

  /** Resolves true after `delayMs`, false when `timeoutMs` comes first or the device is closed. */
  #wait(delayMs: number, timeoutMs: number): Promise<boolean> {
    return new Promise((resolve) => {
      const finish = (isDone: boolean): void => {
        clearTimeout(done);
        clearTimeout(expire);
        this.#timers.delete(done);
        this.#timers.delete(expire);
        this.#pending.delete(cancel);
        resolve(isDone);
      };
      const cancel = (): void => finish(false);
      const done = setTimeout(() => finish(true), Number.isFinite(delayMs) ? delayMs : 2 ** 31 - 1);
      const expire = setTimeout(() => finish(false), timeoutMs);
      if (delayMs <= timeoutMs) clearTimeout(expire);
      this.#timers.add(done).add(expire);
      this.#pending.add(cancel);
    });
  }

  #schedule(delayMs: number, action: () => void): void {
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      action();
    }, delayMs);
    this.#timers.add(timer);
  }

  #assertOpen(): void {
    if (this.#isClosed) throw new TransportClosedError(this.description);
  }
}
