import { simulatedStatusAnswer, type SimulatedState } from '../../src/main/printer/status.ts';
import type { UsbBinding } from '../../src/main/printer/usb-transport.ts';

// libusb's numbers, as node-usb exposes them.
const LIBUSB_TRANSFER_TYPE_BULK = 2;
const LIBUSB_TRANSFER_TIMED_OUT = 2;
const LIBUSB_TRANSFER_CANCELLED = 3;
const LIBUSB_ERROR_NO_DEVICE = -4;
const LIBUSB_ERROR_TIMEOUT = -7;

class FakeLibUsbError extends Error {
  constructor(
    message: string,
    readonly errno: number,
  ) {
    super(message);
  }
}

type PendingRead = { finish: (error: FakeLibUsbError | undefined, data?: Buffer) => void };

/**
 * A USB thermal printer at the libusb level: the hardware edge below node-usb. It offers what
 * {@link UsbBinding} uses (find, open, claim, bulk OUT/IN with libusb's per-endpoint timeouts), and
 * behaves like the device: answers DLE EOT into its IN FIFO, can stall, be unplugged, or lack an IN
 * endpoint (write-only printers).
 */
export class FakeUsbPrinter {
  state: SimulatedState = 'ok';
  answerDelayMs = 0;
  isPlugged = true;
  isKernelDriverActive = true;
  readonly hasInEndpoint: boolean;
  readonly received: Uint8Array[] = [];
  openCount = 0;
  #isOpen = false;
  #isStalled = false;
  #fifo: Buffer[] = [];
  #pendingRead: PendingRead | null = null;
  readonly #timers = new Set<NodeJS.Timeout>();

  constructor(
    readonly vendorId: number,
    readonly productId: number,
    options: { hasInEndpoint?: boolean } = {},
  ) {
    this.hasInEndpoint = options.hasInEndpoint ?? true;
  }

  stall(): void {
    this.#isStalled = true;
  }

  resume(): void {
    this.#isStalled = false;
  }

  receivedBytes(): Uint8Array {
    return new Uint8Array(Buffer.concat(this.received));
  }

  /** What node-usb's module would be if only this printer were plugged in. */
  binding(): UsbBinding {
    return {
      findByIds: (vendorId, productId) =>
        this.isPlugged && vendorId === this.vendorId && productId === this.productId
          ? this.#device()
          : undefined,
      usb: { LIBUSB_TRANSFER_TYPE_BULK, LIBUSB_TRANSFER_TIMED_OUT, LIBUSB_ERROR_TIMEOUT },
    };
  }

  dispose(): void {
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
  }

  #device(): ReturnType<UsbBinding['findByIds']> {
    const out = {
      direction: 'out' as const,
      transferType: LIBUSB_TRANSFER_TYPE_BULK,
      timeout: 0,
      descriptor: { wMaxPacketSize: 64 },
      transfer: (
        buffer: Buffer,
        callback: (error: FakeLibUsbError | undefined, actual: number) => void,
      ): void => {
        this.#write(buffer, out.timeout, callback);
      },
    };
    const inEndpoint = {
      direction: 'in' as const,
      transferType: LIBUSB_TRANSFER_TYPE_BULK,
      timeout: 0,
      descriptor: { wMaxPacketSize: 64 },
      transfer: (
        length: number,
        callback: (error: FakeLibUsbError | undefined, data?: Buffer) => void,
      ): void => {
        this.#read(length, inEndpoint.timeout, callback);
      },
    };
    const iface = {
      descriptor: { bInterfaceClass: 7 },
      endpoints: this.hasInEndpoint ? [out, inEndpoint] : [out],
      claim: () => this.#assertOpen(),
      release: (_closeEndpoints: boolean, callback: (error?: Error) => void) => {
        this.#later(0, () => callback());
      },
      isKernelDriverActive: () => this.isKernelDriverActive,
      detachKernelDriver: () => {
        this.isKernelDriverActive = false;
      },
    };
    return {
      open: () => {
        if (!this.isPlugged) throw new FakeLibUsbError('LIBUSB_ERROR_NO_DEVICE', LIBUSB_ERROR_NO_DEVICE);
        this.#isOpen = true;
        this.openCount++;
      },
      close: () => {
        this.#isOpen = false;
        // Closing the device cancels the transfers still in flight, as libusb does.
        this.#pendingRead?.finish(
          new FakeLibUsbError('LIBUSB_TRANSFER_CANCELLED', LIBUSB_TRANSFER_CANCELLED),
        );
      },
      interfaces: [iface],
    };
  }

  #write(
    buffer: Buffer,
    timeoutMs: number,
    callback: (error: FakeLibUsbError | undefined, actual: number) => void,
  ): void {
    if (!this.isPlugged || !this.#isOpen) {
      this.#later(0, () =>
        callback(new FakeLibUsbError('LIBUSB_ERROR_NO_DEVICE', LIBUSB_ERROR_NO_DEVICE), 0),
      );
      return;
    }
    if (this.#isStalled) {
      // libusb cancels the transfer at its timeout; 0 means wait for ever.
      if (timeoutMs > 0) {
        this.#later(timeoutMs, () =>
          callback(new FakeLibUsbError('LIBUSB_TRANSFER_TIMED_OUT', LIBUSB_TRANSFER_TIMED_OUT), 0),
        );
      }
      return;
    }
    const bytes = new Uint8Array(buffer);
    this.received.push(bytes.slice());
    if (bytes.length === 3 && bytes[0] === 0x10 && bytes[1] === 0x04) {
      const answer = simulatedStatusAnswer(this.state, bytes);
      if (answer) this.#later(this.answerDelayMs, () => this.#deliver(Buffer.from(answer)));
    }
    this.#later(0, () => callback(undefined, bytes.length));
  }

  #read(
    _length: number,
    timeoutMs: number,
    callback: (error: FakeLibUsbError | undefined, data?: Buffer) => void,
  ): void {
    let timer: NodeJS.Timeout | undefined;
    const pending: PendingRead = {
      finish: (error, data) => {
        if (this.#pendingRead !== pending) return;
        this.#pendingRead = null;
        if (timer) clearTimeout(timer);
        callback(error, data);
      },
    };
    this.#pendingRead = pending;
    const next = this.#fifo.shift();
    if (next) {
      this.#later(0, () => pending.finish(undefined, next));
      return;
    }
    if (timeoutMs > 0) {
      timer = this.#later(timeoutMs, () =>
        pending.finish(new FakeLibUsbError('LIBUSB_TRANSFER_TIMED_OUT', LIBUSB_TRANSFER_TIMED_OUT)),
      );
    }
  }

  #deliver(answer: Buffer): void {
    if (this.#pendingRead) this.#pendingRead.finish(undefined, answer);
    else this.#fifo.push(answer);
  }

  #later(delayMs: number, action: () => void): NodeJS.Timeout {
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      action();
    }, delayMs);
    this.#timers.add(timer);
    return timer;
  }

  #assertOpen(): void {
    if (!this.#isOpen) throw new FakeLibUsbError('LIBUSB_ERROR_NO_DEVICE', LIBUSB_ERROR_NO_DEVICE);
  }
}
