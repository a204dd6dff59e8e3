import type { TicketLogo } from '@luot/shared/ticket';

/** The logo is printed at most this size in printer dots (a 58 mm ticket is 384 dots wide). */
const MAX_WIDTH = 256;
const MAX_HEIGHT = 128;

/**
 * Grey pixels of an RGBA image composed over white (a transparent PNG prints as paper, not as black):
 * one byte per pixel, 0 = black, 255 = white, as the ticket layout takes them.
 */
export function toGreyPixels(rgba: Uint8ClampedArray, width: number, height: number): TicketLogo {
  const pixels = new Uint8Array(width * height);
  for (let index = 0; index < pixels.length; index += 1) {
    const offset = index * 4;
    const alpha = rgba[offset + 3]! / 255;
    const luminance = 0.299 * rgba[offset]! + 0.587 * rgba[offset + 1]! + 0.114 * rgba[offset + 2]!;
    pixels[index] = Math.round(luminance * alpha + 255 * (1 - alpha));
  }
  return { width, height, pixels };
}

/** The size a logo is drawn at: within MAX_WIDTH × MAX_HEIGHT dots, aspect kept, never enlarged. */
export function fitLogo(width: number, height: number): { width: number; height: number } {
  const scale = Math.min(1, MAX_WIDTH / width, MAX_HEIGHT / height);
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/**
 * The hall's logo as the manager uploaded it (`GET /api/hall/logo`), ready for the printed ticket, or
 * null when the hall has none (204) or it cannot be read (the ticket then prints without it).
 */
export async function loadHallLogo(
  origin: string,
  fetcher: typeof fetch = fetch,
): Promise<TicketLogo | null> {
  try {
    const response = await fetcher(new URL('/api/hall/logo', origin), { cache: 'no-store' });
    // 204: the hall has no logo (a normal state, answered without an error).
    if (response.status !== 200) return null;
    const bitmap = await createImageBitmap(await response.blob());
    const { width, height } = fitLogo(bitmap.width, bitmap.height);
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d');
    if (!context) return null;
    context.drawImage(bitmap, 0, 0, width, height);
    return toGreyPixels(context.getImageData(0, 0, width, height).data, width, height);
  } catch {
    return null;
  }
}
