import { simulatedStatusAnswer, type SimulatedState } from '../../src/main/printer/status.ts';
import type { UsbBinding } from '../../src/main/printer/usb-transport.ts';

// libusb's numbers, as node-usb exposes them.
const LIBUSB_TRANSFER_TYPE_BULK = 2;
const LIBUSB_TRANSFER_ERROR = 1;
const LIBUSB_TRANSFER_TIMED_OUT = 2;
const LIBUSB_TRANSFER_CANCELLED = 3;
const LIBUSB_TRANSFER_NO_DEVICE = 5;
const LIBUSB_ERROR_NO_DEVICE = -4;
const LIBUSB_ERROR_TIMEOUT = -7;
const LIBUSB_ERROR_ACCESS = -3;
const LIBUSB_ERROR_NOT_FOUND = -5;
const LIBUSB_ERROR_BUSY = -6;
const LIBUSB_ERROR_NOT_SUPPORTED = -12;

/** libusb's error codes, for tests that make opening fail as an OS would. */
export const LIBUSB_ERRORS = {
  LIBUSB_ERROR_ACCESS,
  LIBUSB_ERROR_NOT_FOUND,
  LIBUSB_ERROR_BUSY,
  LIBUSB_ERROR_NOT_SUPPORTED,
} as const;

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
 * How a printer fails, at the device: it stops for paper or an open cover (still answering status, its
 * receive buffer filling up), is unplugged (every transfer fails), reports an error on a transfer (a
 * cutter jam: the transfer fails, the device stays and says `offline`), or goes silent (no transfer
 * completes, no status answer).
 */
export type DeviceFault = 'paper_out' | 'cover_open' | 'unplugged' | 'write_error' | 'silent';

/**
 * Where in a job a scripted fault strikes: on a raster band's header (mid-job), at the feed right before
 * the cut command, or once the job's last byte (the cut) has been taken.
 */
export type JobStep = { readonly step: 'raster'; readonly band: number } | { readonly step: 'cut' | 'after' };

/** What a command-level parse of the print stream met; the printer's own view of the bytes. */
type StreamEvent = 'init' | 'band' | 'feed' | 'cut' | 'garbage';

/**
 * The printer's command parser over the print data, across transfers, as a real ESC/POS printer parses
 * it: raster data is skipped by the length its `GS v 0` header gave, NUL between commands is ignored,
 * real-time `DLE EOT` is taken out. It counts jobs, bands and cuts, and bytes it could not parse (a job
 * whose commands were swallowed as image data shows up there).
 */
export class EscPosStream {
  jobs = 0;
  bands = 0;
  cuts = 0;
  garbage = 0;
  /** Raster bands since the last `ESC @`. */
  bandsInJob = 0;
  #need = 0;
  #command: number[] = [];

  /** Consume bytes from `from` until an event (included) or the end; returns how many and the event. */
  feed(bytes: Uint8Array, from: number): { consumed: number; event: StreamEvent | null } {
    let index = from;
    while (index < bytes.length) {
      if (this.#need > 0) {
        const skip = Math.min(this.#need, bytes.length - index);
        this.#need -= skip;
        index += skip;
        continue;
      }
      const event = this.#take(bytes[index]!);
      index += 1;
      if (event !== null) return { consumed: index - from, event };
    }
    return { consumed: index - from, event: null };
  }

  #take(byte: number): StreamEvent | null {
    const command = this.#command;
    command.push(byte);
    const done = (event: StreamEvent | null): StreamEvent | null => {
      this.#command = [];
      if (event === 'garbage') this.garbage += 1;
      return event;
    };
    const head: number = command[0] ?? byte;
    switch (head) {
      case 0x00:
        return done(null);
      case 0x1b:
        if (command.length < 2) return null;
        if (command[1] === 0x40) {
          this.jobs += 1;
          this.bandsInJob = 0;
          return done('init');
        }
        if (command[1] !== 0x64) return done('garbage');
        return command.length < 3 ? null : done('feed');
      case 0x1d:
        if (command.length < 2) return null;
        if (command[1] === 0x76) {
          if (command.length < 8) return null;
          if (command[2] !== 0x30) return done('garbage');
          this.#need = (command[4]! | (command[5]! << 8)) * (command[6]! | (command[7]! << 8));
          this.bands += 1;
          this.bandsInJob += 1;
          return done('band');
        }
        if (command[1] !== 0x56) return done('garbage');
        if (command.length < 3) return null;
        if (command[2] === 65 || command[2] === 66) {
          if (command.length < 4) return null;
        } else if (![0, 1, 48, 49].includes(command[2]!)) return done('garbage');
        this.cuts += 1;
        return done('cut');
      case 0x10:
        return command.length < 3 ? null : done(null);
      default:
        return done('garbage');
    }
  }
}

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
  /** Opening fails with this libusb error (Windows: a printer still bound to usbprint.sys). */
  openError: keyof typeof LIBUSB_ERRORS | null = null;
  readonly hasInEndpoint: boolean;
  readonly received: Uint8Array[] = [];
  openCount = 0;
  /** Print bytes a stopped printer (paper out, cover open) still takes: its receive buffer. */
  bufferBytes = 1024;
  /** When the last fault struck (`Date.now()`), to measure how soon the kiosk and the manager hear. */
  struckAt: number | null = null;
  /** The printer's parse of every print byte it took. */
  readonly stream = new EscPosStream();
  #armed: { readonly fault: DeviceFault; readonly at: JobStep } | null = null;
  #isStopped = false;
  #bufferLeft = 0;
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

  /** Make `fault` strike at `at` in the next print job. */
  failAt(fault: DeviceFault, at: JobStep): void {
    this.#armed = { fault, at };
  }

  /** Make `fault` strike now. */
  strike(fault: DeviceFault): void {
    this.#armed = null;
    this.struckAt = Date.now();
    switch (fault) {
      case 'paper_out':
      case 'cover_open':
        this.state = fault;
        this.#stop();
        return;
      case 'write_error':
        this.state = 'offline';
        this.#stop();
        return;
      case 'unplugged':
        this.isPlugged = false;
        this.#isOpen = false;
        return;
      case 'silent':
        this.state = 'silent';
        this.#isStalled = true;
        return;
    }
  }

  /** Paper loaded, cover shut, plugged back in, answering again: the printer works (and prints what it held). */
  recover(): void {
    this.state = 'ok';
    this.isPlugged = true;
    this.#isStalled = false;
    this.#isStopped = false;
    this.#armed = null;
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
      getDeviceList: () =>
        this.isPlugged
          ? [
              {
                busNumber: 1,
                deviceAddress: 4,
                deviceDescriptor: { idVendor: this.vendorId, idProduct: this.productId },
                configDescriptor: { interfaces: [[{ bInterfaceClass: 7 }]] },
              },
            ]
          : [],
      usb: { LIBUSB_TRANSFER_TYPE_BULK, LIBUSB_TRANSFER_TIMED_OUT, LIBUSB_ERROR_TIMEOUT, ...LIBUSB_ERRORS },
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
        if (this.openError) throw new FakeLibUsbError(this.openError, LIBUSB_ERRORS[this.openError]);
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
    // Real-time requests are answered whatever the printer is doing (paper out, buffer full).
    if (bytes.length === 3 && bytes[0] === 0x10 && bytes[1] === 0x04) {
      this.received.push(bytes.slice());
      const answer = simulatedStatusAnswer(this.state, bytes);
      if (answer) this.#later(this.answerDelayMs, () => this.#deliver(Buffer.from(answer)));
      this.#later(0, () => callback(undefined, bytes.length));
      return;
    }
    const { taken, outcome } = this.#takePrintData(bytes);
    this.received.push(bytes.slice(0, taken));
    if (outcome === 'ok') {
      this.#later(0, () => callback(undefined, taken));
    } else if (outcome === 'stall') {
      if (timeoutMs > 0) {
        this.#later(timeoutMs, () =>
          callback(new FakeLibUsbError('LIBUSB_TRANSFER_TIMED_OUT', LIBUSB_TRANSFER_TIMED_OUT), taken),
        );
      }
    } else {
      const name =
        outcome === LIBUSB_TRANSFER_NO_DEVICE ? 'LIBUSB_TRANSFER_NO_DEVICE' : 'LIBUSB_TRANSFER_ERROR';
      this.#later(0, () => callback(new FakeLibUsbError(name, outcome), taken));
    }
  }

  /**
   * Take print data as the printer would: parse it, strike an armed fault at its step, and once stopped
   * take only what fits in the receive buffer. Returns how many bytes went in and how the transfer ends.
   */
  #takePrintData(bytes: Uint8Array): { taken: number; outcome: 'ok' | 'stall' | number } {
    let taken = 0;
    let isAfterDue = false;
    while (taken < bytes.length) {
      if (this.#isStopped) {
        if (this.#bufferLeft === 0) return { taken, outcome: 'stall' };
        const start = taken;
        const end = taken + Math.min(this.#bufferLeft, bytes.length - taken);
        while (taken < end) taken += this.stream.feed(bytes.subarray(0, end), taken).consumed;
        this.#bufferLeft -= end - start;
        continue;
      }
      const { consumed, event } = this.stream.feed(bytes, taken);
      taken += consumed;
      const armed = this.#armed;
      if (event === null || armed === null) continue;
      const at = armed.at;
      const isDue =
        (at.step === 'raster' && event === 'band' && this.stream.bandsInJob === at.band) ||
        (at.step === 'cut' && event === 'feed');
      if (at.step === 'after' && event === 'cut') isAfterDue = true;
      if (!isDue) continue;
      this.strike(armed.fault);
      if (armed.fault === 'unplugged') return { taken, outcome: LIBUSB_TRANSFER_NO_DEVICE };
      if (armed.fault === 'write_error') return { taken, outcome: LIBUSB_TRANSFER_ERROR };
      if (armed.fault === 'silent') return { taken, outcome: 'stall' };
    }
    // Every byte went in; a fault scripted for after the job strikes now, before anyone asks again.
    if (isAfterDue && this.#armed) this.strike(this.#armed.fault);
    return { taken, outcome: 'ok' };
  }

  #stop(): void {
    this.#isStopped = true;
    this.#bufferLeft = this.bufferBytes;
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
