import { z } from 'zod';
import { layoutTicket, type PrintableTicket } from '@luot/shared/ticket';
import { encodeTicket } from './escpos.ts';
import { FilePrinter } from './file-printer.ts';
import { PrintQueue, type PrintResult } from './print-queue.ts';
import { renderTicket, PAPER_WIDTH_DOTS, type PaperWidthMm } from './render-ticket.ts';
import type { PrinterStatus } from './status.ts';
import { TcpTransport } from './tcp-transport.ts';
import type { PrinterTransport } from './transport.ts';
import { UsbTransport, loadUsbBinding, type UsbBinding } from './usb-transport.ts';

const common = {
  paperWidthMm: z.union([z.literal(58), z.literal(80)]),
  statusTimeoutMs: z.number().int().positive().max(10_000).optional(),
  writeTimeoutMs: z.number().int().positive().max(120_000).optional(),
  stallTimeoutMs: z.number().int().positive().max(60_000).optional(),
  printWhenSilent: z.boolean().optional(),
  bandRows: z.number().int().min(1).max(2303).optional(),
  /** False for printers with a tear bar instead of a cutter. */
  cut: z.boolean().optional(),
};
const usbId = z.number().int().min(0).max(0xffff);

/** The kiosk's printer settings, as stored in its configuration file; unknown fields are rejected. */
export const printerConfigSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('usb'), vendorId: usbId, productId: usbId, ...common }),
  z.strictObject({
    kind: z.literal('tcp'),
    host: z.string().min(1),
    port: z.number().int().min(1).max(65535),
    ...common,
  }),
  z.strictObject({
    kind: z.literal('file'),
    directory: z.string().min(1),
    status: z.enum(['ok', 'paper_low', 'paper_out', 'cover_open', 'offline', 'silent']).optional(),
    ...common,
  }),
]);

export type PrinterConfig = z.infer<typeof printerConfigSchema>;

/** A ready printer: lays out, renders, encodes and prints tickets one at a time. */
export type KioskPrinter = {
  readonly transport: PrinterTransport;
  readonly paperWidthMm: PaperWidthMm;
  /** Print one ticket; resolves with the outcome (rejects only if the ticket cannot be drawn: a bug). */
  printTicket(ticket: PrintableTicket): Promise<PrintResult>;
  /** The printer's status, read between jobs. */
  status(): Promise<PrinterStatus>;
  close(): Promise<void>;
};

/** The hardware edge below the printer, replaceable in tests (a fake libusb device). */
export type PrinterEdges = {
  /** Loads node-usb; by default `import('usb')` on first use. */
  readonly loadUsb?: () => Promise<UsbBinding>;
};

/** Build the printer the kiosk's settings describe. Throws a ZodError when the settings are invalid. */
export function createPrinterFromConfig(input: PrinterConfig, edges: PrinterEdges = {}): KioskPrinter {
  const config = printerConfigSchema.parse(input);
  const transport = createTransport(config, edges);
  const widthDots = PAPER_WIDTH_DOTS[config.paperWidthMm];
  // A job cut off mid-band leaves the printer waiting for the rest of that band's image data.
  const resyncBytes = 8 + (widthDots / 8) * (config.bandRows ?? 24);
  const queue = new PrintQueue(transport, { ...config, resyncBytes });
  return {
    transport,
    paperWidthMm: config.paperWidthMm,
    printTicket: (ticket) => {
      const { bitmap } = renderTicket(layoutTicket(ticket), widthDots);
      return queue.print(encodeTicket(bitmap, config));
    },
    status: () => queue.status(),
    close: () => transport.close(),
  };
}

function createTransport(config: PrinterConfig, edges: PrinterEdges): PrinterTransport {
  switch (config.kind) {
    case 'usb':
      return new UsbTransport(
        { vendorId: config.vendorId, productId: config.productId },
        edges.loadUsb ?? loadUsbBinding,
      );
    case 'tcp':
      return new TcpTransport({ host: config.host, port: config.port });
    case 'file':
      return new FilePrinter({
        directory: config.directory,
        ...(config.status ? { status: config.status } : {}),
      });
  }
}
