import { describe, expect, it } from 'vitest';
import { PrintQueue } from '../../src/main/printer/print-queue.ts';
import {
  UsbTransport,
  WINDOWS_DRIVER_HOLDS_PRINTER,
  listUsbDevices,
  loadUsbBinding,
  type UsbBinding,
} from '../../src/main/printer/usb-transport.ts';
import type { LIBUSB_ERRORS } from './fake-usb-printer.ts';
import { FakeUsbPrinter } from './fake-usb-printer.ts';

const VID = 0x0416;
const PID = 0x5011;

function statusOn(platform: NodeJS.Platform, openError: keyof typeof LIBUSB_ERRORS) {
  const device = new FakeUsbPrinter(VID, PID);
  device.openError = openError;
  const transport = new UsbTransport({ vendorId: VID, productId: PID, platform }, () =>
    Promise.resolve(device.binding()),
  );
  return new PrintQueue(transport, { statusTimeoutMs: 100 }).status();
}

describe('USB errors that say what to do', () => {
  it.each(['LIBUSB_ERROR_NOT_SUPPORTED', 'LIBUSB_ERROR_ACCESS', 'LIBUSB_ERROR_NOT_FOUND'] as const)(
    'Windows, %s at open (the printer is still bound to its Windows driver): say to choose the Windows printer or install WinUSB',
    async (error) => {
      expect(await statusOn('win32', error)).toEqual({
        state: 'offline',
        detail: `usb 0416:5011: ${WINDOWS_DRIVER_HOLDS_PRINTER} (${error})`,
      });
      expect(WINDOWS_DRIVER_HOLDS_PRINTER).toBe(
        'this printer is driven by its Windows driver: choose the Windows printer connection, or install WinUSB',
      );
    },
  );

  it('Linux: access is the device permission, busy is another program', async () => {
    expect((await statusOn('linux', 'LIBUSB_ERROR_ACCESS')).detail).toBe(
      'usb 0416:5011: no permission on the USB device: add the kiosk user to the lp group or install the udev rule (docs/KIOSK.md) (LIBUSB_ERROR_ACCESS)',
    );
    expect((await statusOn('linux', 'LIBUSB_ERROR_BUSY')).detail).toMatch(
      /another program holds the USB printer/,
    );
    // Anything else keeps libusb's own words.
    expect((await statusOn('win32', 'LIBUSB_ERROR_BUSY')).detail).toBe('usb 0416:5011: LIBUSB_ERROR_BUSY');
  });
});

describe('USB devices for the kiosk settings', () => {
  it('lists devices with hex vendor:product ids, printer-class devices first', async () => {
    const printer = new FakeUsbPrinter(VID, PID);
    const binding: UsbBinding = {
      ...printer.binding(),
      getDeviceList: () => [
        {
          busNumber: 1,
          deviceAddress: 2,
          deviceDescriptor: { idVendor: 0x046d, idProduct: 0xc52b },
          configDescriptor: { interfaces: [[{ bInterfaceClass: 3 }]] },
        },
        {
          busNumber: 1,
          deviceAddress: 5,
          deviceDescriptor: { idVendor: 0x04b8, idProduct: 0x0e28 },
          configDescriptor: undefined,
        },
        ...printer.binding().getDeviceList(),
      ],
    };
    expect(await listUsbDevices(() => Promise.resolve(binding))).toEqual([
      { vendorId: 0x0416, productId: 0x5011, id: '0416:5011', isPrinterClass: true, bus: 1, address: 4 },
      { vendorId: 0x046d, productId: 0xc52b, id: '046d:c52b', isPrinterClass: false, bus: 1, address: 2 },
      { vendorId: 0x04b8, productId: 0x0e28, id: '04b8:0e28', isPrinterClass: null, bus: 1, address: 5 },
    ]);
  });

  it('the real node-usb lists this machine’s devices through the same code (often none in a container)', async () => {
    const devices = await listUsbDevices(loadUsbBinding);
    expect(Array.isArray(devices)).toBe(true);
    for (const device of devices) expect(device.id).toMatch(/^[0-9a-f]{4}:[0-9a-f]{4}$/);
  });
});
