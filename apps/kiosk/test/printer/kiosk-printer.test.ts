import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { layoutTicket } from '@luot/shared/ticket';
import { decodeEscPos, rasterOf } from '../../src/main/printer/escpos-decoder.ts';
import { encodeTicket } from '../../src/main/printer/escpos.ts';
import { FilePrinter } from '../../src/main/printer/file-printer.ts';
import { renderTicket } from '../../src/main/printer/render-ticket.ts';
import { createPrinterFromConfig, type PrinterConfig } from '../../src/main/printer/printer.ts';
import { monoToRgba } from '../../src/main/printer/mono-bitmap.ts';
import { FakeNetworkPrinter } from './fake-network-printer.ts';
import { goldenTicket } from './ticket-fixtures.ts';

// Previews land in apps/kiosk/test-output (gitignored), to be looked at.
const outputDirectory = fileURLToPath(new URL('../../test-output/file-printer/', import.meta.url));

describe('createPrinterFromConfig', () => {
  beforeAll(() => {
    rmSync(outputDirectory, { recursive: true, force: true });
    mkdirSync(outputDirectory, { recursive: true });
  });

  it('prints a ticket to the file printer: the .bin decodes whole and the PNG preview scans', async () => {
    const printer = createPrinterFromConfig({ kind: 'file', directory: outputDirectory, paperWidthMm: 80 });
    try {
      expect(await printer.printTicket(goldenTicket)).toEqual({
        ok: true,
        status: { state: 'ok', detail: 'ready' },
      });
      const bin = new Uint8Array(readFileSync(`${outputDirectory}printer-output.bin`));
      const { commands, consumed } = decodeEscPos(bin);
      expect(consumed).toBe(bin.length);
      expect(rasterOf(commands).width).toBe(576);
      const { transport } = printer;
      if (!(transport instanceof FilePrinter)) throw new Error('a file config must give a FilePrinter');
      expect(transport.previews).toHaveLength(1);
      const preview = PNG.sync.read(readFileSync(transport.previews[0]!));
      expect(preview.width).toBe(576);
      expect(jsQR(new Uint8ClampedArray(preview.data), preview.width, preview.height)?.data).toBe(
        goldenTicket.statusUrl,
      );
    } finally {
      await printer.close();
    }
  });

  it('refuses to print on a file printer simulating paper out, and writes nothing', async () => {
    const directory = `${outputDirectory}paper-out/`;
    const printer = createPrinterFromConfig({
      kind: 'file',
      directory,
      paperWidthMm: 58,
      status: 'paper_out',
    });
    const result = await printer.printTicket(goldenTicket);
    expect(result).toMatchObject({ ok: false, failure: 'refused', status: { state: 'paper_out' } });
    expect(() => readFileSync(`${directory}printer-output.bin`)).toThrow(/ENOENT/);
    await printer.close();
  });

  describe('over TCP to a network printer', () => {
    let networkPrinter: FakeNetworkPrinter;
    beforeAll(async () => {
      networkPrinter = await FakeNetworkPrinter.start();
    });
    afterAll(() => networkPrinter.stop());

    it('asks the status, then sends a ticket whose raster scans back to the status URL', async () => {
      const printer = createPrinterFromConfig({
        kind: 'tcp',
        host: '127.0.0.1',
        port: networkPrinter.port,
        paperWidthMm: 58,
      });
      try {
        expect(await printer.printTicket(goldenTicket)).toMatchObject({ ok: true });
        const ticketBytes = encodeTicket(renderTicket(layoutTicket(goldenTicket), 384).bitmap).length;
        // Status before the job, the job, and status again after it (the printer confirms it is fine).
        const wire = await networkPrinter.received(3 * 3 + ticketBytes + 3 * 3);
        expect(wire.length).toBe(3 * 3 + ticketBytes + 3 * 3);
        const { commands, consumed } = decodeEscPos(wire);
        expect(consumed).toBe(wire.length);
        expect(commands.slice(0, 4).map((command) => command.kind)).toEqual([
          'status-request',
          'status-request',
          'status-request',
          'init',
        ]);
        expect(commands.slice(-3).map((command) => command.kind)).toEqual([
          'status-request',
          'status-request',
          'status-request',
        ]);
        const raster = rasterOf(commands);
        expect(raster.width).toBe(384);
        expect(jsQR(monoToRgba(raster), raster.width, raster.height)?.data).toBe(goldenTicket.statusUrl);
        expect(await printer.status()).toEqual({ state: 'ok', detail: 'ready' });
      } finally {
        await printer.close();
      }
    });
  });

  it.each<[string, unknown]>([
    ['an unknown field', { kind: 'file', directory: '/tmp/x', paperWidthMm: 58, colour: 'red' }],
    ['an unsupported paper width', { kind: 'file', directory: '/tmp/x', paperWidthMm: 76 }],
    ['a USB id out of range', { kind: 'usb', vendorId: 0x10000, productId: 1, paperWidthMm: 80 }],
    ['a missing port', { kind: 'tcp', host: 'printer.local', paperWidthMm: 80 }],
  ])('rejects settings with %s', (_case, config) => {
    expect(() => createPrinterFromConfig(config as PrinterConfig)).toThrow();
  });
});
