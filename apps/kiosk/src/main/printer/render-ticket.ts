import { createCanvas, type Canvas, type SKRSContext2D } from '@napi-rs/canvas';
import {
  wrapText,
  type TicketLayout,
  type TicketLogo,
  type TicketTextBlock,
  type TicketTextRole,
  type TicketTextLanguage,
  type TicketTextSize,
} from '@luot/shared/ticket';
import { registerTicketFonts, ticketFont } from './fonts.ts';
import { createMonoBitmap, fillDots, thresholdInto, type DotRect, type MonoBitmap } from './mono-bitmap.ts';
import { qrMatrix } from './qr.ts';

/** Printable width in dots at 203 dpi: 58 mm rolls print 48 mm, 80 mm rolls print 72 mm. */
export const PAPER_WIDTH_DOTS = { 58: 384, 80: 576 } as const;
/** A supported roll width in millimetres. */
export type PaperWidthMm = keyof typeof PAPER_WIDTH_DOTS;
/** Dots per millimetre at 203 dpi, to turn a raster height into paper length. */
export const DOTS_PER_MM = 203 / 25.4;

/** Where one wrapped line of text landed, so tests can check wrapping and margins on the raster. */
export type RenderedLine = {
  readonly role: TicketTextRole;
  readonly language: TicketTextLanguage;
  readonly text: string;
  readonly top: number;
  readonly bottom: number;
};

export type RenderedTicket = {
  /** The 1-bit raster, exactly `widthDots` wide. */
  readonly bitmap: MonoBitmap;
  readonly lines: readonly RenderedLine[];
  /** Length of paper the raster takes, in millimetres. */
  readonly lengthMm: number;
};

type Metrics = {
  readonly margin: number;
  readonly text: Record<TicketTextSize, number>;
  readonly number: number;
  readonly qrWidth: number;
  readonly logoHeight: number;
  readonly gap: number;
};

// Sizes grow more slowly than the paper: an 80 mm ticket is roomier, not a blown-up 58 mm one.
function metricsFor(widthDots: number): Metrics {
  const scale = (1 + widthDots / 384) / 2;
  const round = (value: number): number => Math.round(value * scale);
  return {
    // Heads often miss the outermost dot or two, and glyphs may overhang their advance a little.
    margin: Math.max(8, Math.round(widthDots / 48)),
    text: { small: round(19), normal: round(24), large: round(30) },
    number: round(128),
    qrWidth: Math.round(widthDots * 0.5),
    logoHeight: round(88),
    gap: round(12),
  };
}

// Text and the logo go through the canvas (antialiased, then thresholded); rules and QR modules are set
// as dots directly. Only the canvas areas that hold something are read back: reading the whole canvas
// back from Skia cost more than drawing it.
type CanvasDraw = { readonly area: DotRect; readonly draw: (ctx: SKRSContext2D) => void };
type DotDraw = (bitmap: MonoBitmap) => void;
const READBACK_STRIP_BYTES = 64 * 1024;

// One drawing canvas per width, kept between tickets: a fresh 576 × 1500 canvas is 3.5 MB of new
// pages for the kernel to fault in, which cost as much CPU as the drawing. Rendering is synchronous, so
// nothing else can use the canvas while a ticket is drawn on it.
let drawingCanvas: Canvas | null = null;
let measuringContext: SKRSContext2D | null = null;

function drawingContext(width: number, height: number): SKRSContext2D {
  if (!drawingCanvas || drawingCanvas.width !== width || drawingCanvas.height < height) {
    drawingCanvas = createCanvas(width, Math.max(height, 2048));
  }
  const ctx = drawingCanvas.getContext('2d');
  ctx.lang = 'vi';
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#000';
  return ctx;
}

/**
 * Draw a ticket layout to a 1-bit raster `widthDots` wide (384 for 58 mm, 576 for 80 mm). Text is
 * word-wrapped with the real font's metrics and never clipped; the number shrinks to fit the width;
 * the QR code is drawn module by module on whole dots so it stays sharp after thresholding.
 */
export function renderTicket(layout: TicketLayout, widthDots: number): RenderedTicket {
  if (!Number.isInteger(widthDots) || widthDots < 128)
    throw new RangeError('widthDots must be an integer ≥ 128');
  registerTicketFonts();
  const metrics = metricsFor(widthDots);
  const contentWidth = widthDots - 2 * metrics.margin;
  // First pass: measure and place everything on a scratch canvas; second pass: draw at the final height.
  measuringContext ??= createCanvas(1, 1).getContext('2d');
  const measuring = measuringContext;
  measuring.lang = 'vi';
  const canvasDraws: CanvasDraw[] = [];
  const dotDraws: DotDraw[] = [];
  const clampArea = (x: number, y: number, width: number, height: number): DotRect => {
    const left = Math.max(0, Math.floor(x));
    const right = Math.min(widthDots, Math.ceil(x + width));
    return {
      x: left,
      y: Math.max(0, Math.floor(y)),
      width: Math.max(0, right - left),
      height: Math.ceil(height),
    };
  };
  const lines: RenderedLine[] = [];
  let y = metrics.gap;

  const placeText = (block: TicketTextBlock): void => {
    const size = metrics.text[block.size];
    const font = ticketFont(block.weight === 'bold' ? 700 : 400, size);
    measuring.font = font;
    const padding = block.inverted ? Math.round(size / 3) : 0;
    const measure = (text: string): number => measuring.measureText(text).width;
    const wrapped = wrapText(block.text, contentWidth - 2 * padding, measure);
    const sample = measuring.measureText('ẤỮ Ệgỵ');
    const ascent = Math.ceil(sample.fontBoundingBoxAscent);
    const lineHeight = ascent + Math.ceil(sample.fontBoundingBoxDescent);
    const top = y;
    const height = wrapped.length * lineHeight + 2 * padding;
    if (block.inverted) {
      canvasDraws.push({
        area: clampArea(metrics.margin, top, contentWidth, height),
        draw: (ctx) => ctx.fillRect(metrics.margin, top, contentWidth, height),
      });
    }
    for (const [index, text] of wrapped.entries()) {
      const lineTop = top + padding + index * lineHeight;
      const width = measure(text);
      const left =
        block.align === 'left'
          ? metrics.margin + padding
          : block.align === 'right'
            ? widthDots - metrics.margin - padding - width
            : (widthDots - width) / 2;
      // Read back beyond the advance width and the line box: glyphs may overhang both, and a dot left
      // outside the area read back would be lost. Overlapping areas are harmless (dots are OR-ed).
      const overhang = Math.ceil(size / 4);
      canvasDraws.push({
        area: block.inverted
          ? { x: 0, y: lineTop, width: 0, height: 0 } // inside the box, which is read back whole
          : clampArea(left - overhang, lineTop - overhang, width + 2 * overhang, lineHeight + 2 * overhang),
        draw: (ctx) => {
          ctx.font = font;
          ctx.fillStyle = block.inverted ? '#fff' : '#000';
          ctx.fillText(text, Math.round(left), lineTop + ascent);
          ctx.fillStyle = '#000';
        },
      });
      lines.push({
        role: block.role,
        language: block.language,
        text,
        top: lineTop,
        bottom: lineTop + lineHeight,
      });
    }
    y += height + Math.round(size / 6);
  };

  const placeNumber = (text: string): void => {
    measuring.font = ticketFont(800, metrics.number);
    const natural = measuring.measureText(text).width;
    // Shrink a long number (AB1000 on 58 mm) rather than wrap it: a split number would be misread.
    const size =
      natural > contentWidth ? Math.floor((metrics.number * contentWidth) / natural) : metrics.number;
    const font = ticketFont(800, size);
    measuring.font = font;
    const ink = measuring.measureText(text);
    const ascent = Math.ceil(ink.actualBoundingBoxAscent);
    const top = y + Math.round(size / 10);
    const left = Math.round((widthDots - ink.width) / 2);
    const inkHeight = ascent + Math.ceil(ink.actualBoundingBoxDescent);
    canvasDraws.push({
      area: clampArea(left - size / 8, top - 2, ink.width + size / 4, inkHeight + 4),
      draw: (ctx) => {
        ctx.font = font;
        ctx.fillText(text, left, top + ascent);
      },
    });
    y = top + ascent + Math.ceil(ink.actualBoundingBoxDescent) + Math.round(size / 6);
  };

  const placeQr = (payload: string): void => {
    const matrix = qrMatrix(payload);
    // Whole dots per module (at least 3, ~0.375 mm, which phone cameras still resolve on thermal paper).
    const moduleDots = Math.max(3, Math.floor(metrics.qrWidth / (matrix.size + 8)));
    const side = matrix.size * moduleDots;
    const left = Math.round((widthDots - side) / 2);
    const top = y + 4 * moduleDots; // the quiet zone: four light modules above (the sides are margin)
    dotDraws.push((bitmap) => {
      for (let row = 0; row < matrix.size; row++) {
        for (let column = 0; column < matrix.size; column++) {
          if (!matrix.isDark(row, column)) continue;
          fillDots(bitmap, {
            x: left + column * moduleDots,
            y: top + row * moduleDots,
            width: moduleDots,
            height: moduleDots,
          });
        }
      }
    });
    y = top + side + 4 * moduleDots;
  };

  const placeLogo = (logo: TicketLogo): void => {
    const scale = Math.min(metrics.logoHeight / logo.height, contentWidth / logo.width, 1);
    const width = Math.max(1, Math.round(logo.width * scale));
    const height = Math.max(1, Math.round(logo.height * scale));
    const source = createCanvas(logo.width, logo.height);
    const sourceContext = source.getContext('2d');
    const image = sourceContext.createImageData(logo.width, logo.height);
    for (let index = 0; index < logo.pixels.length; index++) {
      const grey = logo.pixels[index] ?? 255;
      image.data.set([grey, grey, grey, 255], index * 4);
    }
    sourceContext.putImageData(image, 0, 0);
    const top = y;
    const left = Math.round((widthDots - width) / 2);
    canvasDraws.push({
      area: clampArea(left, top, width, height),
      draw: (ctx) => {
        ctx.imageSmoothingEnabled = true;
        ctx.imageSmoothingQuality = 'high';
        ctx.drawImage(source, left, top, width, height);
      },
    });
    y += height + metrics.gap;
  };

  const placeSeparator = (): void => {
    const top = y + Math.round(metrics.gap / 2);
    dotDraws.push((bitmap) => {
      for (let x = metrics.margin; x < widthDots - metrics.margin; x += 10) {
        fillDots(bitmap, { x, y: top, width: Math.min(6, widthDots - metrics.margin - x), height: 2 });
      }
    });
    y = top + 2 + metrics.gap;
  };

  for (const block of layout.blocks) {
    switch (block.kind) {
      case 'logo':
        placeLogo(block.logo);
        break;
      case 'text':
        placeText(block);
        break;
      case 'number':
        placeNumber(block.text);
        break;
      case 'qr':
        placeQr(block.payload);
        break;
      case 'separator':
        placeSeparator();
        break;
      case 'gap':
        y += metrics.gap;
        break;
    }
  }

  const height = Math.ceil(y + metrics.gap);
  const bitmap = createMonoBitmap(widthDots, height);
  const ctx = drawingContext(widthDots, height);
  for (const { draw } of canvasDraws) draw(ctx);
  for (const { area } of canvasDraws) {
    if (area.width === 0) continue;
    // Strips of 64 kB: larger pixel buffers are mmapped fresh each time, and page faults made one
    // big read several times slower than the same pixels in strips.
    const stripRows = Math.max(1, Math.floor(READBACK_STRIP_BYTES / (area.width * 4)));
    for (let top = area.y; top < Math.min(area.y + area.height, height); top += stripRows) {
      const strip = {
        x: area.x,
        y: top,
        width: area.width,
        height: Math.min(stripRows, height - top, area.y + area.height - top),
      };
      thresholdInto(bitmap, ctx.getImageData(strip.x, strip.y, strip.width, strip.height).data, strip);
    }
  }
  for (const draw of dotDraws) draw(bitmap);
  return { bitmap, lines, lengthMm: height / DOTS_PER_MM };
}
