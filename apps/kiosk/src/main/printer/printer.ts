import { z } from 'zod';
import { layoutTicket, type PrintableTicket } from '@luot/shared/ticket';
import { encodeTicket, resyncBytes } from './escpos.ts';
import { FilePrinter } from './file-printer.ts';
import { PrintQueue, type PrintResult } from './print-queue.ts';
import { renderTicket, PAPER_WIDTH_DOTS, type PaperWidthMm } from './render-ticket.ts';
import type { Spooler } from './spooler.ts';
import { SpoolerPrinter, type PrintImage } from './spooler-printer.ts';
import type { PrinterStatus } from './status.ts';
import { TcpTransport } from './tcp-transport.ts';
import type { PrinterTransport } from './transport.ts';
import { UsbTransport, loadUsbBinding, type UsbBinding } from './usb-transport.ts';
import { loadWinspool } from './winspool.ts';

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
    kind: z.literal('windows'),
    /** The printer's name as Windows lists it (Settings → Printers), e.g. "XP-80C". */
    printerName: z.string().min(1).max(256),
    /** `raw` (default): our ESC/POS bytes through the spooler. `driver`: a picture printed by the driver. */
    mode: z.enum(['raw', 'driver']).default('raw'),
    /** A job older than this in the Windows queue means the printer is stuck (default 30 s). */
    stuckAfterMs: z.number().int().positive().max(600_000).optional(),
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
/** Printer settings as written in a file (defaults not yet filled in). */
export type PrinterConfigInput = z.input<typeof printerConfigSchema>;

/** A ready printer: lays out, renders, encodes and prints tickets one at a time. */
export type KioskPrinter = {
  /** For logs and the diagnostics screen, e.g. `usb 0416:5011` or `windows "XP-80C" (raw)`. */
  readonly description: string;
  /** The byte link for USB, TCP and file printers; null for a Windows printer (the spooler owns it). */
  readonly transport: PrinterTransport | null;
  readonly paperWidthMm: PaperWidthMm;
  /** Print one ticket; resolves with the outcome (rejects only if the ticket cannot be drawn: a bug). */
  printTicket(ticket: PrintableTicket): Promise<PrintResult>;
  /** The printer's status, read between jobs. */
  status(): Promise<PrinterStatus>;
  close(): Promise<void>;
};

/** The hardware and OS edges below the printer, replaceable in tests (a fake libusb device, a fake spooler). */
export type PrinterEdges = {
  /** Loads node-usb; by default `import('usb')` on first use. */
  readonly loadUsb?: () => Promise<UsbBinding>;
  /** Loads the Windows spooler; by default winspool.drv through koffi on first use. */
  readonly loadSpooler?: () => Promise<Spooler>;
  /** Prints a picture through a printer's Windows driver (the kiosk app's hidden window); `driver` mode only. */
  readonly printImage?: PrintImage;
};

/** Build the printer the kiosk's settings describe. Throws a ZodError when the settings are invalid. */
export function createPrinterFromConfig(input: PrinterConfigInput, edges: PrinterEdges = {}): KioskPrinter {
  const config = printerConfigSchema.parse(input);
  if (config.kind === 'windows') {
    let spooler: Promise<Spooler> | null = null;
    const loadSpooler = edges.loadSpooler ?? loadWinspool;
    return new SpoolerPrinter(config, () => (spooler ??= loadSpooler()), edges.printImage ?? null);
  }
  const transport = createTransport(config, edges);
  const widthDots = PAPER_WIDTH_DOTS[config.paperWidthMm];
  // A job cut off mid-band leaves the printer waiting for the rest of that band's image data.
  const queue = new PrintQueue(transport, {
    ...config,
    resyncBytes: resyncBytes(widthDots, config.bandRows),
  });
  return {
    description: transport.description,
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

function createTransport(
  config: Exclude<PrinterConfig, { kind: 'windows' }>,
  edges: PrinterEdges,
): PrinterTransport {
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
