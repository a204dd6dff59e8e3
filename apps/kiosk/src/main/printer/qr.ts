import QRCode from 'qrcode';

/** A QR symbol as a square of modules, `true` = dark. Quiet zone not included. */
export type QrMatrix = { readonly size: number; isDark(row: number, column: number): boolean };

/**
 * Encode `payload` with error correction M (15% of the symbol may be smudged or torn and still scan).
 * We draw the modules into the raster ourselves: printer-native QR commands differ between makers and
 * some printers ignore them.
 */
export function qrMatrix(payload: string): QrMatrix {
  const { modules } = QRCode.create(payload, { errorCorrectionLevel: 'M' });
  return { size: modules.size, isDark: (row, column) => modules.get(row, column) !== 0 };
}
