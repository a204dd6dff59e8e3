/** Measures the printed width of a string in the unit the caller wraps in (dots, for the printer). */
export type MeasureText = (text: string) => number;

/** Dashes that must not begin a line: "Tư pháp – Chứng thực" never wraps before its "–". */
const LEADING_DASH = /^[-‐‑‒–—―]/;

/**
 * Word-wrap `text` into lines no wider than `maxWidth` as measured by `measure` (the renderer passes
 * the real font's metrics, so wrapping matches what is printed). Words longer than a line are broken
 * between graphemes rather than clipped: a ticket never loses text. Runs of spaces collapse; explicit
 * newlines are kept as line breaks; a no-break space (U+00A0) holds a figure and its unit, or a label
 * and its value, together. Two typographic rules of a narrow (58 mm) ticket:
 * - no line starts with a dash: a dash travels with the word before it;
 * - the last line of a paragraph is not a lone word when the line above can give it company.
 */
export function wrapText(text: string, maxWidth: number, measure: MeasureText): string[] {
  const lines: string[] = [];
  for (const paragraph of text.normalize('NFC').split('\n')) {
    const words = glueDashes(paragraph.split(/[^\S\u00a0]+/).filter((word) => word.length > 0));
    const start = lines.length;
    let current = '';
    for (const word of words) {
      const candidate = current === '' ? word : `${current} ${word}`;
      if (measure(candidate) <= maxWidth) {
        current = candidate;
        continue;
      }
      if (current !== '') lines.push(current);
      current = '';
      if (measure(word) <= maxWidth) {
        current = word;
        continue;
      }
      const pieces = breakWord(word, maxWidth, measure);
      lines.push(...pieces.slice(0, -1));
      current = pieces.at(-1) ?? '';
    }
    lines.push(current);
    avoidLoneLastWord(lines, start, maxWidth, measure);
  }
  return lines;
}

/** A word that starts with a dash joins the word before it ("Tư pháp", "– Chứng" → "pháp – Chứng"). */
function glueDashes(words: readonly string[]): string[] {
  const glued: string[] = [];
  for (const word of words) {
    const previous = glued.at(-1);
    if (previous !== undefined && LEADING_DASH.test(word))
      glued[glued.length - 1] = `${previous}\u00a0${word}`;
    else glued.push(word);
  }
  return glued;
}

/**
 * When a paragraph wrapped onto several lines and its last line is a single word, bring the last word of
 * the line above down to it, if the line above keeps at least two words and the new last line fits.
 */
function avoidLoneLastWord(lines: string[], start: number, maxWidth: number, measure: MeasureText): void {
  const last = lines.length - 1;
  if (last <= start) return;
  const lastWords = splitWords(lines[last] ?? '');
  const aboveWords = splitWords(lines[last - 1] ?? '');
  if (lastWords.length !== 1 || aboveWords.length < 3) return;
  const moved = aboveWords.at(-1) ?? '';
  const newLast = `${moved} ${lines[last]}`;
  if (measure(newLast) > maxWidth) return;
  lines[last - 1] = aboveWords.slice(0, -1).join(' ');
  lines[last] = newLast;
}

const splitWords = (line: string): string[] => line.split(/[^\S\u00a0]+/).filter((word) => word !== '');

const graphemes = new Intl.Segmenter('vi', { granularity: 'grapheme' });

/** Split one over-long word between graphemes; every piece holds at least one grapheme. */
function breakWord(word: string, maxWidth: number, measure: MeasureText): string[] {
  const pieces: string[] = [];
  let current = '';
  for (const { segment } of graphemes.segment(word)) {
    const candidate = current + segment;
    if (current !== '' && measure(candidate) > maxWidth) {
      pieces.push(current);
      current = segment;
    } else {
      current = candidate;
    }
  }
  pieces.push(current);
  return pieces;
}
