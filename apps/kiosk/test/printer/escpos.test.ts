import { describe, expect, it } from 'vitest';
import { decodeEscPos, EscPosDecodeError, rasterOf } from '../../src/main/printer/escpos-decoder.ts';
import { encodeTicket, rasterBands } from '../../src/main/printer/escpos.ts';
import { createMonoBitmap, isDot } from '../../src/main/printer/mono-bitmap.ts';

describe('decodeEscPos', () => {
  it('reads a hand-assembled stream byte for byte (independent of our encoder)', () => {
    const bytes = Uint8Array.of(
      ...[0x1b, 0x40], // ESC @
      ...[0x1d, 0x76, 0x30, 0x00, 0x01, 0x00, 0x02, 0x00, 0b1000_0000, 0b0000_0001], // GS v 0: 8×2 dots
      ...[0x1b, 0x64, 0x03], // ESC d 3
      ...[0x1d, 0x56, 0x42, 0x00], // GS V 66 0
      ...[0x10, 0x04, 0x04], // DLE EOT 4
    );
    const { commands, consumed, ends } = decodeEscPos(bytes);
    expect(consumed).toBe(bytes.length);
    expect(ends).toEqual([2, 12, 15, 19, 22]);
    expect(commands.map((command) => command.kind)).toEqual([
      'init',
      'raster',
      'feed-lines',
      'cut',
      'status-request',
    ]);
    expect(commands[2]).toEqual({ kind: 'feed-lines', lines: 3 });
    expect(commands[3]).toEqual({ kind: 'cut', partial: true, extraFeed: 0 });
    expect(commands[4]).toEqual({ kind: 'status-request', n: 4 });
    const raster = rasterOf(commands);
    expect([raster.width, raster.height]).toEqual([8, 2]);
    expect([isDot(raster, 0, 0), isDot(raster, 7, 0), isDot(raster, 7, 1), isDot(raster, 0, 1)]).toEqual([
      true,
      false,
      true,
      false,
    ]);
  });

  it('refuses a byte that starts no command we send', () => {
    expect(() => decodeEscPos(Uint8Array.of(0x1b, 0x40, 0x41, 0x42))).toThrow(EscPosDecodeError);
  });

  it('leaves a command cut off at the end unconsumed, for the next write to complete', () => {
    const band = Uint8Array.of(0x1d, 0x76, 0x30, 0x00, 0x01, 0x00, 0x02, 0x00, 0xff);
    expect(decodeEscPos(Uint8Array.of(0x1b, 0x40, ...band))).toMatchObject({ consumed: 2 });
  });
});

describe('encodeTicket', () => {
  const bitmap = createMonoBitmap(16, 50);
  bitmap.data.forEach((_, index) => (bitmap.data[index] = (index * 37) & 0xff));

  it('sends init, raster bands of at most bandRows rows, a feed and a partial cut', () => {
    const { commands, consumed } = decodeEscPos(encodeTicket(bitmap, { bandRows: 24 }));
    expect(consumed).toBeGreaterThan(0);
    expect(commands.map((command) => command.kind)).toEqual([
      'init',
      'raster',
      'raster',
      'raster',
      'feed-lines',
      'cut',
    ]);
    const heights = commands.flatMap((command) => (command.kind === 'raster' ? [command.band.height] : []));
    expect(heights).toEqual([24, 24, 2]);
    expect(commands.at(-1)).toEqual({ kind: 'cut', partial: true, extraFeed: 0 });
    expect(rasterOf(commands).data).toEqual(bitmap.data);
  });

  it('leaves the cut out for printers with a tear bar', () => {
    const { commands } = decodeEscPos(encodeTicket(bitmap, { cut: false }));
    expect(commands.some((command) => command.kind === 'cut')).toBe(false);
  });

  it('rejects a band height the command cannot carry', () => {
    expect(() => rasterBands(bitmap, 0)).toThrow(RangeError);
  });
});
