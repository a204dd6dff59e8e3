import { PNG } from 'pngjs';
import { monoToRgba, type MonoBitmap } from './mono-bitmap.ts';

/** A PNG of the raster, one pixel per printer dot, to look at what a ticket would print. */
export function monoBitmapToPng(bitmap: MonoBitmap): Buffer {
  const png = new PNG({ width: bitmap.width, height: bitmap.height });
  png.data = Buffer.from(monoToRgba(bitmap).buffer);
  return PNG.sync.write(png, { colorType: 0, bitDepth: 8 });
}
