import type { MonoBitmap } from './mono-bitmap.ts';

// The handful of ESC/POS commands Lượt needs, from Epson's ESC/POS command reference. Everything on the
// ticket is a raster we draw ourselves, so text code pages and printer-native QR never matter.
const ESC = 0x1b;
const GS = 0x1d;
const DLE = 0x10;
const EOT = 0x04;

/** `ESC @`: reset modes left by whatever printed before (line spacing, emphasis, code page). */
export const INIT = Uint8Array.of(ESC, 0x40);

/** `DLE EOT n` real-time status requests, answered with one byte even while the buffer is full. */
export const STATUS_REQUEST = {
  printer: Uint8Array.of(DLE, EOT, 1),
  offlineCause: Uint8Array.of(DLE, EOT, 2),
  paperSensor: Uint8Array.of(DLE, EOT, 4),
} as const;

/** `ESC d n`: print the buffer and feed `lines` lines (0–255). */
export function feedLines(lines: number): Uint8Array {
  return Uint8Array.of(ESC, 0x64, clampByte(lines));
}

/**
 * `GS V 66 n`: feed to the cutter plus `n` motion units, then cut partially (one tab left, so the
 * ticket does not fall on the floor). Function B feeds by itself, whatever the head-to-cutter distance.
 */
export function partialCut(extraFeed = 0): Uint8Array {
  return Uint8Array.of(GS, 0x56, 66, clampByte(extraFeed));
}

/**
 * `GS v 0 0 xL xH yL yH d…`: the bitmap as raster bands of at most `bandRows` rows. Cheap printers with a
 * small receive buffer misprint or stall on one tall image; short bands cost 8 bytes each.
 */
export function rasterBands(bitmap: MonoBitmap, bandRows: number): Uint8Array[] {
  if (!Number.isInteger(bandRows) || bandRows < 1 || bandRows > 2303)
    throw new RangeError('bandRows must be 1–2303');
  if (bitmap.bytesPerRow > 0xffff) throw new RangeError('bitmap too wide for GS v 0');
  const bands: Uint8Array[] = [];
  for (let top = 0; top < bitmap.height; top += bandRows) {
    const rows = Math.min(bandRows, bitmap.height - top);
    const band = new Uint8Array(8 + rows * bitmap.bytesPerRow);
    band.set([GS, 0x76, 0x30, 0, bitmap.bytesPerRow & 0xff, bitmap.bytesPerRow >> 8, rows & 0xff, rows >> 8]);
    band.set(bitmap.data.subarray(top * bitmap.bytesPerRow, (top + rows) * bitmap.bytesPerRow), 8);
    bands.push(band);
  }
  return bands;
}

export type EncodeOptions = {
  /** Rows per `GS v 0` band; 24 suits printers with the smallest buffers. */
  readonly bandRows?: number;
  /** Lines fed after the raster before the cutter feed (a margin under the footer). */
  readonly feedLinesBeforeCut?: number;
  /** Cut after the ticket; false for printers without a cutter (tear bar). */
  readonly cut?: boolean;
};

/** One print job for a rendered ticket: init, raster bands, feed, partial cut. */
export function encodeTicket(bitmap: MonoBitmap, options: EncodeOptions = {}): Uint8Array {
  const { bandRows = 24, feedLinesBeforeCut = 1, cut = true } = options;
  const parts = [INIT, ...rasterBands(bitmap, bandRows), feedLines(feedLinesBeforeCut)];
  if (cut) parts.push(partialCut());
  return concatBytes(parts);
}

/**
 * Zero bytes that finish any raster band a printer was in the middle of when a job was cut off (zeros
 * are white dots inside a band and ignored between commands): the largest band, header included. Sent
 * before the next job, so its commands are not swallowed as image data.
 */
export function resyncBytes(widthDots: number, bandRows = 24): number {
  return 8 + (widthDots / 8) * bandRows;
}

/** `job` preceded by `count` zero bytes. */
export function withLeadingZeros(count: number, job: Uint8Array): Uint8Array {
  const bytes = new Uint8Array(count + job.length);
  bytes.set(job, count);
  return bytes;
}

export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

function clampByte(value: number): number {
  return Math.max(0, Math.min(255, Math.round(value)));
}
