import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STATUS_REQUEST } from '../../src/main/printer/escpos.ts';
import { readStatus } from '../../src/main/printer/status.ts';
import { FilePrinter } from '../../src/main/printer/file-printer.ts';
import { TcpTransport } from '../../src/main/printer/tcp-transport.ts';
import { PrinterUnavailableError } from '../../src/main/printer/transport.ts';
import { UsbTransport } from '../../src/main/printer/usb-transport.ts';
import { FakeNetworkPrinter } from './fake-network-printer.ts';
import { FakeUsbPrinter } from './fake-usb-printer.ts';
import { FakePrinterDevice } from './fake-printer-device.ts';
import { describeTransportContract } from './transport-contract.ts';

describeTransportContract('FakePrinterDevice', () => {
  const device = new FakePrinterDevice();
  return Promise.resolve({
    transport: device,
    received: () => Promise.resolve(device.acceptedBytes()),
    setState: (state) => {
      device.state = state;
    },
    setAnswerDelay: (delayMs) => {
      device.answerDelayMs = delayMs;
    },
    stall: { start: () => device.stall(), stop: () => device.resume() },
    dispose: () => Promise.resolve(),
  });
});

describeTransportContract('FilePrinter', async () => {
  const directory = await mkdtemp(join(tmpdir(), 'luot-file-printer-'));
  const printer = new FilePrinter({ directory });
  return {
    transport: printer,
    received: async () => new Uint8Array(await readFile(printer.binPath).catch(() => Buffer.alloc(0))),
    setState: (state) => printer.simulate(state),
    setAnswerDelay: null,
    stall: null,
    dispose: () => rm(directory, { recursive: true, force: true }),
  };
});

describeTransportContract('TcpTransport against a printer on a real socket', async () => {
  const printer = await FakeNetworkPrinter.start();
  return {
    transport: new TcpTransport({ host: '127.0.0.1', port: printer.port }),
    received: (length) => printer.received(length),
    setState: (state) => {
      printer.state = state;
    },
    setAnswerDelay: (delayMs) => {
      printer.answerDelayMs = delayMs;
    },
    stall: { start: () => printer.stall(), stop: () => printer.resume() },
    dispose: () => printer.stop(),
  };
});

describeTransportContract('UsbTransport against a printer at the libusb edge', () => {
  const printer = new FakeUsbPrinter(0x0416, 0x5011);
  const transport = new UsbTransport({ vendorId: 0x0416, productId: 0x5011 }, () =>
    Promise.resolve(printer.binding()),
  );
  return Promise.resolve({
    transport,
    // Status requests go out on the same bulk endpoint; the contract's writes never contain DLE.
    received: () => Promise.resolve(printer.receivedBytes()),
    setState: (state) => {
      printer.state = state;
    },
    setAnswerDelay: (delayMs) => {
      printer.answerDelayMs = delayMs;
    },
    stall: { start: () => printer.stall(), stop: () => printer.resume() },
    dispose: () => Promise.resolve(printer.dispose()),
  });
});

describe('TcpTransport', () => {
  it('calls a printer that refuses the connection unavailable', async () => {
    // Listen, note the port, close: nothing listens there any more.
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const transport = new TcpTransport({ host: '127.0.0.1', port });
    await expect(transport.write(Uint8Array.of(1), 1000)).rejects.toBeInstanceOf(PrinterUnavailableError);
    await expect(transport.query(STATUS_REQUEST.printer, 200)).rejects.toBeInstanceOf(
      PrinterUnavailableError,
    );
    await transport.close();
  });

  it('reconnects after the printer dropped the connection (rebooted, or closed an idle link)', async () => {
    const printer = await FakeNetworkPrinter.start();
    const transport = new TcpTransport({ host: '127.0.0.1', port: printer.port });
    try {
      await transport.write(Uint8Array.of(0x41), 1000);
      await printer.received(1);
      printer.dropConnections();
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect((await readStatus(transport, 500)).state).toBe('ok');
      await transport.write(Uint8Array.of(0x42), 1000);
      // 0x41, three 3-byte status requests on the new connection, then 0x42.
      expect((await printer.received(11)).at(-1)).toBe(0x42);
      expect(printer.connectionCount).toBe(2);
    } finally {
      await transport.close();
      await printer.stop();
    }
  });

  it('drops a connection whose status request went unanswered, so the next call starts afresh', async () => {
    const printer = await FakeNetworkPrinter.start();
    const transport = new TcpTransport({ host: '127.0.0.1', port: printer.port });
    try {
      printer.state = 'silent';
      expect(await transport.query(STATUS_REQUEST.printer, 100)).toBeNull();
      printer.state = 'ok';
      expect(await transport.query(STATUS_REQUEST.printer, 1000)).toEqual(Uint8Array.of(0x12));
      expect(printer.connectionCount).toBe(2);
    } finally {
      await transport.close();
      await printer.stop();
    }
  });
});

describe('UsbTransport', () => {
  const connect = (printer: FakeUsbPrinter): UsbTransport =>
    new UsbTransport({ vendorId: printer.vendorId, productId: printer.productId }, () =>
      Promise.resolve(printer.binding()),
    );

  it('detaches the kernel printer driver (usblp) before claiming the interface', async () => {
    const printer = new FakeUsbPrinter(0x04b8, 0x0202);
    const transport = connect(printer);
    await transport.write(Uint8Array.of(0x1b, 0x40), 500);
    expect(printer.isKernelDriverActive).toBe(false);
    expect(printer.receivedBytes()).toEqual(Uint8Array.of(0x1b, 0x40));
    await transport.close();
    printer.dispose();
  });

  it('answers null at once for a write-only printer (no bulk IN endpoint)', async () => {
    const printer = new FakeUsbPrinter(0x0416, 0x5011, { hasInEndpoint: false });
    const transport = connect(printer);
    const start = performance.now();
    expect(await transport.query(STATUS_REQUEST.printer, 800)).toBeNull();
    expect(performance.now() - start).toBeLessThan(100);
    await transport.close();
    printer.dispose();
  });

  it('calls an unplugged printer unavailable, and opens it again once it is back', async () => {
    const printer = new FakeUsbPrinter(0x0416, 0x5011);
    const transport = connect(printer);
    await transport.write(Uint8Array.of(1), 500);
    printer.isPlugged = false;
    await expect(transport.write(Uint8Array.of(2), 500)).rejects.toBeInstanceOf(PrinterUnavailableError);
    await expect(transport.write(Uint8Array.of(3), 500)).rejects.toThrow(/no such device/);
    printer.isPlugged = true;
    await transport.write(Uint8Array.of(4), 500);
    expect(printer.receivedBytes()).toEqual(Uint8Array.of(1, 4));
    expect(printer.openCount).toBe(2);
    await transport.close();
    printer.dispose();
  });

  it('reports a printer that is not plugged in as unavailable (real node-usb, no device)', async () => {
    const transport = new UsbTransport({ vendorId: 0xfffe, productId: 0xfffd });
    expect(transport.description).toBe('usb fffe:fffd');
    await expect(transport.write(Uint8Array.of(0x1b, 0x40), 500)).rejects.toThrow(/no such device/);
    await expect(transport.query(STATUS_REQUEST.printer, 100)).rejects.toBeInstanceOf(
      PrinterUnavailableError,
    );
    await transport.close();
  });
});
