/**
 * A 1-bit raster in the printer's own layout: rows top to bottom, 8 dots per byte, most significant bit
 * leftmost, 1 = burn a dot (black). This is exactly the data of ESC/POS `GS v 0`, so encoding is a copy.
 */
export type MonoBitmap = {
  readonly width: number;
  readonly height: number;
  readonly bytesPerRow: number;
  readonly data: Uint8Array;
};

export function createMonoBitmap(width: number, height: number): MonoBitmap {
  const bytesPerRow = Math.ceil(width / 8);
  return { width, height, bytesPerRow, data: new Uint8Array(bytesPerRow * height) };
}

export function isDot(bitmap: MonoBitmap, x: number, y: number): boolean {
  const byte = bitmap.data[y * bitmap.bytesPerRow + (x >> 3)] ?? 0;
  return (byte & (0x80 >> (x & 7))) !== 0;
}

/** A rectangle in dots. */
export type DotRect = {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
};

/**
 * Threshold an RGBA image (canvas ImageData) covering `area` of the bitmap into dots: a pixel darker
 * than `threshold` on its red channel becomes a dot (we draw black on white only, so one channel is the
 * luminance). Dots already set stay set, so overlapping areas can be read back in any order.
 */
export function thresholdInto(
  bitmap: MonoBitmap,
  rgba: Uint8Array | Uint8ClampedArray,
  area: DotRect,
  threshold = 128,
): void {
  const { data, bytesPerRow } = bitmap;
  for (let row = 0; row < area.height; row++) {
    const inStart = row * area.width * 4;
    const outStart = (area.y + row) * bytesPerRow;
    for (let column = 0; column < area.width; column++) {
      if ((rgba[inStart + column * 4] ?? 255) < threshold) {
        const x = area.x + column;
        const index = outStart + (x >> 3);
        data[index] = (data[index] ?? 0) | (0x80 >> (x & 7));
      }
    }
  }
}

/** Set every dot of `area` (clipped to the bitmap): rules and QR modules need no canvas. */
export function fillDots(bitmap: MonoBitmap, area: DotRect): void {
  const left = Math.max(0, area.x);
  const right = Math.min(bitmap.width, area.x + area.width);
  const top = Math.max(0, area.y);
  const bottom = Math.min(bitmap.height, area.y + area.height);
  for (let y = top; y < bottom; y++) {
    for (let x = left; x < right; x++) {
      const index = y * bitmap.bytesPerRow + (x >> 3);
      bitmap.data[index] = (bitmap.data[index] ?? 0) | (0x80 >> (x & 7));
    }
  }
}

/** Black dots on white as RGBA, for PNG previews and QR decoding. */
export function monoToRgba(bitmap: MonoBitmap): Uint8ClampedArray {
  const rgba = new Uint8ClampedArray(bitmap.width * bitmap.height * 4).fill(255);
  for (let y = 0; y < bitmap.height; y++) {
    for (let x = 0; x < bitmap.width; x++) {
      if (isDot(bitmap, x, y)) {
        const index = (y * bitmap.width + x) * 4;
        rgba[index] = 0;
        rgba[index + 1] = 0;
        rgba[index + 2] = 0;
      }
    }
  }
  return rgba;
}

/** Stack bands of equal width into one bitmap (what the paper shows after a job). */
export function stackBitmaps(bands: readonly MonoBitmap[]): MonoBitmap {
  const first = bands[0];
  if (!first) return createMonoBitmap(0, 0);
  const height = bands.reduce((sum, band) => sum + band.height, 0);
  const out = createMonoBitmap(first.width, height);
  let offset = 0;
  for (const band of bands) {
    if (band.bytesPerRow !== first.bytesPerRow) throw new Error('bands differ in width');
    out.data.set(band.data, offset);
    offset += band.data.length;
  }
  return out;
}
