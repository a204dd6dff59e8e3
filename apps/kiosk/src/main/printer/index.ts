// The kiosk's ticket printing: our own small ESC/POS encoder over a thin transport port (see
// docs/PRINTING.md for why not an escpos library). Main process only; no Electron import here.
export {
  PrinterTimeoutError,
  PrinterUnavailableError,
  TransportClosedError,
  type PrinterTransport,
} from './transport.ts';
export { UsbTransport, type UsbTransportOptions, type UsbBinding } from './usb-transport.ts';
export { TcpTransport, type TcpTransportOptions } from './tcp-transport.ts';
export { FilePrinter, type FilePrinterOptions } from './file-printer.ts';
export {
  createPrinterFromConfig,
  printerConfigSchema,
  type PrinterConfig,
  type PrinterConfigInput,
  type KioskPrinter,
  type PrinterEdges,
} from './printer.ts';
export {
  renderTicket,
  PAPER_WIDTH_DOTS,
  DOTS_PER_MM,
  type PaperWidthMm,
  type RenderedTicket,
  type RenderedLine,
} from './render-ticket.ts';
export { encodeTicket, STATUS_REQUEST, type EncodeOptions } from './escpos.ts';
export { decodeEscPos, rasterOf, EscPosDecodeError, type DecodedCommand } from './escpos-decoder.ts';
export { PrintQueue, type PrintQueueOptions, type PrintResult, type PrintFailure } from './print-queue.ts';
export {
  parseStatus,
  readStatus,
  canPrint,
  simulatedStatusAnswer,
  type PrinterStatus,
  type PrinterState,
  type StatusAnswers,
  type SimulatedState,
} from './status.ts';
export { monoBitmapToPng } from './png.ts';
export type { MonoBitmap } from './mono-bitmap.ts';
