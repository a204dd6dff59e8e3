import { createMonoBitmap, stackBitmaps, type MonoBitmap } from './mono-bitmap.ts';

/** One command read back from an ESC/POS byte stream (only the subset Lượt sends). */
export type DecodedCommand =
  | { readonly kind: 'init' }
  | { readonly kind: 'raster'; readonly mode: number; readonly band: MonoBitmap }
  | { readonly kind: 'feed-lines'; readonly lines: number }
  | { readonly kind: 'feed-dots'; readonly dots: number }
  | { readonly kind: 'cut'; readonly partial: boolean; readonly extraFeed: number }
  | { readonly kind: 'status-request'; readonly n: number };

export type DecodeResult = {
  readonly commands: DecodedCommand[];
  /** Byte offset just past each command, parallel to `commands`. */
  readonly ends: number[];
  /** Bytes fully decoded; less than the input length when the stream ends inside a command. */
  readonly consumed: number;
};

/** Raised on a byte that starts no command we know: the stream is garbage, or someone else's. */
export class EscPosDecodeError extends Error {
  override readonly name = 'EscPosDecodeError';
}

/**
 * Read an ESC/POS stream back into commands. It is strict on purpose: tests and the file printer use it
 * to prove that we send only what we mean to, so an unknown byte is an error, not something to skip.
 * A command cut off at the end is left unconsumed (more bytes may follow in the next write).
 */
export function decodeEscPos(bytes: Uint8Array): DecodeResult {
  const commands: DecodedCommand[] = [];
  const ends: number[] = [];
  let at = 0;
  const byte = (offset: number): number => bytes[at + offset] ?? -1;
  const has = (count: number): boolean => at + count <= bytes.length;
  while (at < bytes.length) {
    const [a, b] = [byte(0), byte(1)];
    if (!has(2)) break;
    if (a === 0x1b && b === 0x40) {
      commands.push({ kind: 'init' });
      at += 2;
    } else if (a === 0x1b && (b === 0x64 || b === 0x4a)) {
      if (!has(3)) break;
      commands.push(
        b === 0x64 ? { kind: 'feed-lines', lines: byte(2) } : { kind: 'feed-dots', dots: byte(2) },
      );
      at += 3;
    } else if (a === 0x10 && b === 0x04) {
      if (!has(3)) break;
      commands.push({ kind: 'status-request', n: byte(2) });
      at += 3;
    } else if (a === 0x1d && b === 0x56) {
      if (!has(3)) break;
      const m = byte(2);
      if (m === 65 || m === 66) {
        if (!has(4)) break;
        commands.push({ kind: 'cut', partial: m === 66, extraFeed: byte(3) });
        at += 4;
      } else if (m === 0 || m === 1 || m === 48 || m === 49) {
        commands.push({ kind: 'cut', partial: m === 1 || m === 49, extraFeed: 0 });
        at += 3;
      } else {
        throw new EscPosDecodeError(`unknown cut mode ${m} at byte ${at}`);
      }
    } else if (a === 0x1d && b === 0x76) {
      if (!has(8)) break;
      if (byte(2) !== 0x30) throw new EscPosDecodeError(`unknown GS v function ${byte(2)} at byte ${at}`);
      const mode = byte(3);
      const bytesPerRow = byte(4) | (byte(5) << 8);
      const rows = byte(6) | (byte(7) << 8);
      const size = bytesPerRow * rows;
      if (!has(8 + size)) break;
      const band = createMonoBitmap(bytesPerRow * 8, rows);
      band.data.set(bytes.subarray(at + 8, at + 8 + size));
      commands.push({ kind: 'raster', mode, band });
      at += 8 + size;
    } else {
      throw new EscPosDecodeError(`unknown command 0x${hex(a)} 0x${hex(b)} at byte ${at}`);
    }
    ends.push(at);
  }
  return { commands, ends, consumed: at };
}

/** The raster a run of commands prints: all bands stacked, as the paper shows them. */
export function rasterOf(commands: readonly DecodedCommand[]): MonoBitmap {
  return stackBitmaps(commands.flatMap((command) => (command.kind === 'raster' ? [command.band] : [])));
}

function hex(value: number): string {
  return value.toString(16).padStart(2, '0');
}
