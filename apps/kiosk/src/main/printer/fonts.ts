import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { GlobalFonts } from '@napi-rs/canvas';

// Be Vietnam Pro from @fontsource/be-vietnam-pro, never a CDN. Fontsource ships the font split into
// unicode-range subsets (latin, vietnamese, latin-ext), as a browser would load it. @napi-rs/canvas
// registers WOFF2 directly, so each subset becomes its own family and a CSS family list makes Skia pick,
// glyph by glyph, the subset that has it: "Đất" draws Đ and ấ from the vietnamese file, t from latin.
const SUBSETS = [
  { family: 'Luot Be Vietnam Pro Latin', subset: 'latin' },
  { family: 'Luot Be Vietnam Pro Vietnamese', subset: 'vietnamese' },
  { family: 'Luot Be Vietnam Pro Latin Ext', subset: 'latin-ext' },
] as const;
const WEIGHTS = [400, 700, 800] as const;

/** A weight the ticket uses: regular text, bold labels, the extra-bold number. */
export type TicketFontWeight = (typeof WEIGHTS)[number];

let isRegistered = false;

/** The font files the ticket uses (package paths) and the family each is registered as. */
export const TICKET_FONTS: readonly { readonly family: string; readonly file: string }[] = SUBSETS.flatMap(
  ({ family, subset }) =>
    WEIGHTS.map((weight) => ({
      family,
      file: `@fontsource/be-vietnam-pro/files/be-vietnam-pro-${subset}-${weight}-normal.woff2`,
    })),
);

/**
 * Register the bundled font once per process; later calls are free. The files are read into memory by
 * Node and handed to Skia as bytes: in the packaged kiosk they sit inside `app.asar`, which Electron's
 * `fs` can read but native code (`registerFromPath`) cannot.
 */
export function registerTicketFonts(readFile: (file: string) => Buffer = readFileSync): void {
  if (isRegistered) return;
  const require = createRequire(import.meta.url);
  for (const { family, file } of TICKET_FONTS) {
    const resolved = require.resolve(file);
    if (!GlobalFonts.register(readFile(resolved), family))
      throw new Error(`could not register font ${resolved}`);
  }
  isRegistered = true;
}

/** A CSS font shorthand for the canvas, naming only our registered subsets (so rendering is portable). */
export function ticketFont(weight: TicketFontWeight, sizeDots: number): string {
  return `${weight} ${sizeDots}px ${SUBSETS.map(({ family }) => `"${family}"`).join(', ')}`;
}
