import {
  PrinterTimeoutError,
  PrinterUnavailableError,
  TransportClosedError,
  withTimeout,
  type PrinterTransport,
} from './transport.ts';

// The slice of the `usb` package (node-usb 2.18.0, libusb) this transport uses. Written out here so the
// real module is checked against it and the module itself is only loaded when a USB printer is used.
type UsbEndpoint = {
  readonly direction: 'in' | 'out';
  readonly transferType: number;
  timeout: number;
  readonly descriptor: { readonly wMaxPacketSize: number };
};
type UsbOutEndpoint = UsbEndpoint & {
  transfer(buffer: Buffer, callback: (error: UsbError | undefined, actual: number) => void): unknown;
};
type UsbInEndpoint = UsbEndpoint & {
  transfer(length: number, callback: (error: UsbError | undefined, data?: Buffer) => void): unknown;
};
type UsbInterface = {
  readonly descriptor: { readonly bInterfaceClass: number };
  readonly endpoints: readonly UsbEndpoint[];
  claim(): void;
  release(closeEndpoints: boolean, callback: (error?: Error) => void): void;
  isKernelDriverActive(): boolean;
  detachKernelDriver(): void;
};
type UsbDevice = {
  open(): void;
  close(): void;
  readonly interfaces?: readonly UsbInterface[] | undefined;
};
type UsbError = Error & { readonly errno?: number };

/** A device as node-usb lists it, before it is opened (descriptors only). */
export type UsbListedDevice = {
  readonly busNumber: number;
  readonly deviceAddress: number;
  readonly deviceDescriptor: { readonly idVendor: number; readonly idProduct: number };
  /** Undefined when the OS would not give the descriptor without opening the device. */
  readonly configDescriptor?:
    { readonly interfaces: readonly (readonly { readonly bInterfaceClass: number }[])[] } | undefined;
};

/** What {@link UsbTransport} needs from the `usb` package; the real module satisfies it. */
export type UsbBinding = {
  findByIds(vendorId: number, productId: number): UsbDevice | undefined;
  getDeviceList(): UsbListedDevice[];
  readonly usb: {
    readonly LIBUSB_TRANSFER_TYPE_BULK: number;
    readonly LIBUSB_TRANSFER_TIMED_OUT: number;
    readonly LIBUSB_ERROR_TIMEOUT: number;
    readonly LIBUSB_ERROR_ACCESS: number;
    readonly LIBUSB_ERROR_NOT_SUPPORTED: number;
    readonly LIBUSB_ERROR_NOT_FOUND: number;
    readonly LIBUSB_ERROR_BUSY: number;
  };
};

export type UsbTransportOptions = {
  readonly vendorId: number;
  readonly productId: number;
  /** The OS whose drivers decide what an open failure means (tests pass one); this process's by default. */
  readonly platform?: NodeJS.Platform;
};

/** The sentence a technician needs when Windows' own driver holds a USB printer (issue #14). */
export const WINDOWS_DRIVER_HOLDS_PRINTER =
  'this printer is driven by its Windows driver: choose the Windows printer connection, or install WinUSB';

/**
 * What an error opening or claiming a USB printer means, in words that say what to do, or null when the
 * error says enough by itself. On Windows, libusb can only open a device bound to WinUSB: a printer still
 * bound to its vendor driver (usbprint.sys) fails with "not supported" or "access"; on Linux "access" is
 * a permission on the device node, and "busy" another program (CUPS) holding it.
 */
export function usbOpenProblem(
  errno: number | undefined,
  codes: UsbBinding['usb'],
  platform: NodeJS.Platform,
): string | null {
  if (errno === undefined) return null;
  if (platform === 'win32') {
    const isHeldByDriver =
      errno === codes.LIBUSB_ERROR_NOT_SUPPORTED ||
      errno === codes.LIBUSB_ERROR_ACCESS ||
      errno === codes.LIBUSB_ERROR_NOT_FOUND;
    return isHeldByDriver ? WINDOWS_DRIVER_HOLDS_PRINTER : null;
  }
  if (errno === codes.LIBUSB_ERROR_ACCESS) {
    return 'no permission on the USB device: add the kiosk user to the lp group or install the udev rule (docs/KIOSK.md)';
  }
  if (errno === codes.LIBUSB_ERROR_BUSY) {
    return 'another program holds the USB printer (a CUPS queue?): remove it or use that program';
  }
  return null;
}

/** A USB device for the kiosk's printer settings: ids in hex as Windows and `lsusb` show them. */
export type UsbDeviceChoice = {
  readonly vendorId: number;
  readonly productId: number;
  /** `0416:5011`. */
  readonly id: string;
  /** Declares the USB printer class (7) on one of its interfaces; null when the OS would not say. */
  readonly isPrinterClass: boolean | null;
  readonly bus: number;
  readonly address: number;
};

/** The USB devices connected now, printers first, for choosing one in the kiosk's settings. */
export async function listUsbDevices(
  load: () => Promise<UsbBinding> = loadUsbBinding,
): Promise<UsbDeviceChoice[]> {
  const binding = await load();
  return binding
    .getDeviceList()
    .map((device): UsbDeviceChoice => {
      const { idVendor, idProduct } = device.deviceDescriptor;
      const interfaces = device.configDescriptor?.interfaces;
      return {
        vendorId: idVendor,
        productId: idProduct,
        id: `${hex4(idVendor)}:${hex4(idProduct)}`,
        isPrinterClass: interfaces
          ? interfaces.some((alternates) => alternates.some((alt) => alt.bInterfaceClass === PRINTER_CLASS))
          : null,
        bus: device.busNumber,
        address: device.deviceAddress,
      };
    })
    .sort(
      (a, b) =>
        Number(b.isPrinterClass === true) - Number(a.isPrinterClass === true) || a.id.localeCompare(b.id),
    );
}

const PRINTER_CLASS = 7;
const RELEASE_WAIT_MS = 1_000;

/** Loads node-usb on first use, so code paths and tests without a USB printer never load libusb. */
export const loadUsbBinding = async (): Promise<UsbBinding> => import('usb');

type Opened = { device: UsbDevice; iface: UsbInterface; out: UsbOutEndpoint; in: UsbInEndpoint | null };

/**
 * A USB printer through libusb: bulk OUT for the job, bulk IN (when the printer has one) for status.
 * Transfers carry libusb's own timeout, which cancels the transfer in the kernel, so bytes of an
 * abandoned job are never sent later. On Linux the `usblp` kernel driver is detached first.
 */
export class UsbTransport implements PrinterTransport {
  readonly description: string;
  readonly #options: UsbTransportOptions;
  readonly #platform: NodeJS.Platform;
  readonly #load: () => Promise<UsbBinding>;
  #binding: UsbBinding | null = null;
  #opened: Opened | null = null;
  /** A release in progress: the device is not opened again before its close has run. */
  #releasing: Promise<void> | null = null;
  #isClosed = false;

  constructor(options: UsbTransportOptions, load: () => Promise<UsbBinding> = loadUsbBinding) {
    this.#options = options;
    this.#platform = options.platform ?? process.platform;
    this.#load = load;
    this.description = `usb ${hex4(options.vendorId)}:${hex4(options.productId)}`;
  }

  async write(bytes: Uint8Array, timeoutMs: number): Promise<void> {
    this.#assertOpen();
    const { out } = await this.#open();
    const transfer = new Promise<void>((resolve, reject) => {
      out.timeout = timeoutMs;
      out.transfer(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), (error) => {
        if (!error) resolve();
        else if (this.#isTimeout(error))
          reject(new PrinterTimeoutError(`${this.description}: write timed out`));
        else {
          this.#release();
          reject(new PrinterUnavailableError(`${this.description}: ${error.message}`, { cause: error }));
        }
      });
    });
    // libusb enforces the timeout; this guard only covers a binding that never calls back.
    await withTimeout(transfer, timeoutMs + 500, `${this.description}: write timed out`, () =>
      this.#release(),
    );
  }

  async query(request: Uint8Array, timeoutMs: number): Promise<Uint8Array | null> {
    this.#assertOpen();
    const opened = await this.#open();
    // A printer without a bulk IN endpoint is write-only: it can never answer.
    if (!opened.in) return null;
    await this.#read(opened.in, 5); // drop a late answer to an earlier query still waiting in the FIFO
    try {
      await this.write(request, timeoutMs);
    } catch (error) {
      if (error instanceof PrinterTimeoutError) return null;
      throw error;
    }
    return this.#read(opened.in, timeoutMs);
  }

  close(): Promise<void> {
    this.#isClosed = true;
    this.#release();
    return Promise.resolve();
  }

  #read(endpoint: UsbInEndpoint, timeoutMs: number): Promise<Uint8Array | null> {
    return new Promise((resolve) => {
      endpoint.timeout = timeoutMs;
      endpoint.transfer(Math.max(endpoint.descriptor.wMaxPacketSize, 8), (error, data) => {
        if (error && !this.#isTimeout(error)) this.#release();
        resolve(!error && data && data.length > 0 ? new Uint8Array(data) : null);
      });
    });
  }

  async #open(): Promise<Opened> {
    if (this.#opened) return this.#opened;
    // Otherwise the late close of the old handle could close the one opened now (the same device).
    // A release libusb never calls back from must not hold the printer for ever.
    if (this.#releasing) await Promise.race([this.#releasing, delay(RELEASE_WAIT_MS)]);
    if (this.#opened) return this.#opened;
    this.#binding ??= await this.#load();
    const binding = this.#binding;
    const device = binding.findByIds(this.#options.vendorId, this.#options.productId);
    if (!device) throw new PrinterUnavailableError(`${this.description}: no such device is connected`);
    try {
      device.open();
      const isBulk = (endpoint: UsbEndpoint): boolean =>
        endpoint.transferType === binding.usb.LIBUSB_TRANSFER_TYPE_BULK;
      const interfaces = device.interfaces ?? [];
      // Prefer the USB printer class; some cheap printers declare a vendor class with the same endpoints.
      const iface =
        interfaces.find((candidate) => candidate.descriptor.bInterfaceClass === PRINTER_CLASS) ??
        interfaces.find((candidate) => candidate.endpoints.some((e) => e.direction === 'out' && isBulk(e)));
      const out = iface?.endpoints.find((e) => e.direction === 'out' && isBulk(e));
      if (!iface || !out) throw new Error('no bulk OUT endpoint');
      if (this.#platform === 'linux' && iface.isKernelDriverActive()) iface.detachKernelDriver();
      iface.claim();
      const inEndpoint = iface.endpoints.find((e) => e.direction === 'in' && isBulk(e));
      // The direction checks above are what the `usb` package itself uses to pick the subclass.
      this.#opened = {
        device,
        iface,
        out: out as UsbOutEndpoint,
        in: (inEndpoint as UsbInEndpoint | undefined) ?? null,
      };
      return this.#opened;
    } catch (error) {
      try {
        device.close();
      } catch {
        // Already closed or never opened; the original error is the one worth reporting.
      }
      const message = error instanceof Error ? error.message : String(error);
      const problem = usbOpenProblem(errnoOf(error), binding.usb, this.#platform);
      throw new PrinterUnavailableError(
        `${this.description}: ${problem ? `${problem} (${message})` : message}`,
        {
          cause: error,
        },
      );
    }
  }

  #isTimeout(error: UsbError): boolean {
    const codes = this.#binding?.usb;
    return error.errno === codes?.LIBUSB_TRANSFER_TIMED_OUT || error.errno === codes?.LIBUSB_ERROR_TIMEOUT;
  }

  /** Let go of the device; the next call opens it again (it may have been unplugged and replugged). */
  #release(): void {
    const opened = this.#opened;
    this.#opened = null;
    if (!opened) return;
    const releasing = new Promise<void>((resolve) => {
      opened.iface.release(true, () => {
        try {
          opened.device.close();
        } catch {
          // The device is gone (unplugged); nothing left to close.
        }
        resolve();
      });
    });
    this.#releasing = releasing;
    void releasing.then(() => {
      if (this.#releasing === releasing) this.#releasing = null;
    });
  }

  #assertOpen(): void {
    if (this.#isClosed) throw new TransportClosedError(this.description);
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

function errnoOf(error: unknown): number | undefined {
  const errno =
    typeof error === 'object' && error !== null ? (error as { errno?: unknown }).errno : undefined;
  return typeof errno === 'number' ? errno : undefined;
}

function hex4(value: number): string {
  return value.toString(16).padStart(4, '0');
}
