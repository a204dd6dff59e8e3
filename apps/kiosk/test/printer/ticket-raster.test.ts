import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { layoutTicket, type PrintableTicket } from '@luot/shared/ticket';
import { decodeEscPos, rasterOf } from '../../src/main/printer/escpos-decoder.ts';
import { encodeTicket } from '../../src/main/printer/escpos.ts';
import { isDot, monoToRgba, type MonoBitmap } from '../../src/main/printer/mono-bitmap.ts';
import { monoBitmapToPng } from '../../src/main/printer/png.ts';
import { PAPER_WIDTH_DOTS, renderTicket, type PaperWidthMm } from '../../src/main/printer/render-ticket.ts';
import { goldenTicket, longServiceTicket } from './ticket-fixtures.ts';

const goldenDirectory = fileURLToPath(new URL('./golden/', import.meta.url));
const outputDirectory = fileURLToPath(new URL('../../test-output/', import.meta.url));
const isUpdatingGoldens = process.env['UPDATE_GOLDEN'] === '1';
const MAX_DIFFERING_FRACTION = 0.005;

/** Print a ticket the whole way to bytes, then read the bytes back as a printer would. */
function printAndReadBack(
  ticket: PrintableTicket,
  widthMm: PaperWidthMm,
): { sent: MonoBitmap; printed: MonoBitmap } {
  const rendered = renderTicket(layoutTicket(ticket), PAPER_WIDTH_DOTS[widthMm]);
  const bytes = encodeTicket(rendered.bitmap);
  const { commands, consumed } = decodeEscPos(bytes);
  expect(consumed).toBe(bytes.length);
  expect(commands[0]?.kind).toBe('init');
  expect(commands.slice(-2).map((command) => command.kind)).toEqual(['feed-lines', 'cut']);
  return { sent: rendered.bitmap, printed: rasterOf(commands) };
}

function savePreview(name: string, bitmap: MonoBitmap): void {
  mkdirSync(outputDirectory, { recursive: true });
  writeFileSync(`${outputDirectory}${name}.png`, monoBitmapToPng(bitmap));
}

function readQr(bitmap: MonoBitmap): string | undefined {
  return jsQR(monoToRgba(bitmap), bitmap.width, bitmap.height)?.data;
}

/** Fraction of dots that differ from a PNG golden; extra or missing rows count as wholly different. */
function differingFraction(bitmap: MonoBitmap, golden: PNG): number {
  if (golden.width !== bitmap.width) return 1;
  const rows = Math.min(bitmap.height, golden.height);
  let differing = Math.abs(bitmap.height - golden.height) * bitmap.width;
  for (let y = 0; y < rows; y++) {
    for (let x = 0; x < bitmap.width; x++) {
      const isGoldenDot = (golden.data[(y * golden.width + x) * 4] ?? 255) < 128;
      if (isGoldenDot !== isDot(bitmap, x, y)) differing++;
    }
  }
  return differing / (Math.max(bitmap.height, golden.height) * bitmap.width);
}

/** Columns of the raster that hold at least one dot, as [first, last]. */
function inkedColumns(bitmap: MonoBitmap, top = 0, bottom = bitmap.height): [number, number] | null {
  let first = -1;
  let last = -1;
  for (let x = 0; x < bitmap.width; x++) {
    for (let y = top; y < bottom; y++) {
      if (isDot(bitmap, x, y)) {
        if (first < 0) first = x;
        last = x;
        break;
      }
    }
  }
  return first < 0 ? null : [first, last];
}

describe.each<PaperWidthMm>([58, 80])('the ticket on %i mm paper', (widthMm) => {
  const widthDots = PAPER_WIDTH_DOTS[widthMm];

  it('prints, through ESC/POS, the raster it rendered: full width, QR readable back to the status URL', () => {
    const { sent, printed } = printAndReadBack(goldenTicket, widthMm);
    savePreview(`ticket-${widthMm}mm`, printed);
    expect(printed.width).toBe(widthDots);
    expect(printed.height).toBe(sent.height);
    expect(Buffer.from(printed.data).equals(Buffer.from(sent.data))).toBe(true);
    expect(readQr(printed)).toBe(goldenTicket.statusUrl);
  });

  it(`matches the golden image within ${MAX_DIFFERING_FRACTION * 100}% of dots`, () => {
    const { printed } = printAndReadBack(goldenTicket, widthMm);
    const goldenPath = `${goldenDirectory}ticket-${widthMm}mm.png`;
    if (isUpdatingGoldens || !existsSync(goldenPath)) {
      expect(isUpdatingGoldens, `no golden at ${goldenPath}: run with UPDATE_GOLDEN=1 and look at it`).toBe(
        true,
      );
      mkdirSync(goldenDirectory, { recursive: true });
      writeFileSync(goldenPath, monoBitmapToPng(printed));
    }
    const golden = PNG.sync.read(readFileSync(goldenPath));
    expect(differingFraction(printed, golden)).toBeLessThan(MAX_DIFFERING_FRACTION);
  });

  it('draws the same ticket whatever was drawn before it (the drawing canvas is reused)', () => {
    const first = renderTicket(layoutTicket(goldenTicket), widthDots).bitmap;
    renderTicket(layoutTicket(longServiceTicket), widthDots); // taller, and inked where the other is blank
    const again = renderTicket(layoutTicket(goldenTicket), widthDots).bitmap;
    expect(again.height).toBe(first.height);
    expect(Buffer.from(again.data).equals(Buffer.from(first.data))).toBe(true);
  });

  it('wraps a very long Vietnamese service name onto several lines and never clips it', () => {
    const rendered = renderTicket(layoutTicket(longServiceTicket), widthDots);
    savePreview(`ticket-${widthMm}mm-long-service`, rendered.bitmap);
    const serviceLines = rendered.lines.filter((line) => line.role === 'service');
    expect(serviceLines.length).toBeGreaterThanOrEqual(widthMm === 58 ? 5 : 3);
    // Every word is printed, in order: the lines put back together are the name.
    expect(
      serviceLines
        .map((line) => line.text)
        .join(' ')
        .replace(/\s+/g, ''),
    ).toBe(longServiceTicket.serviceName.normalize('NFC').replace(/\s+/g, ''));
    // No dot anywhere within 4 dots of either edge: nothing ran off the paper.
    const [first, last] = inkedColumns(rendered.bitmap) ?? [-1, -1];
    expect(first).toBeGreaterThanOrEqual(4);
    expect(last).toBeLessThanOrEqual(widthDots - 5);
    // Each service line carries ink of its own (a line drawn outside the raster would be blank).
    for (const line of serviceLines)
      expect(inkedColumns(rendered.bitmap, line.top, line.bottom)).not.toBeNull();
    expect(readQr(rendered.bitmap)).toBe(longServiceTicket.statusUrl);
  });
});
