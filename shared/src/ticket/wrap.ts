/** Measures the printed width of a string in the unit the caller wraps in (dots, for the printer). */
export type MeasureText = (text: string) => number;

/**
 * Word-wrap `text` into lines no wider than `maxWidth` as measured by `measure` (the renderer passes
 * the real font's metrics, so wrapping matches what is printed). Words longer than a line are broken
 * between graphemes rather than clipped: a ticket never loses text. Runs of spaces collapse; explicit
 * newlines are kept as line breaks; a no-break space (U+00A0) holds a figure and its unit together.
 */
export function wrapText(text: string, maxWidth: number, measure: MeasureText): string[] {
  const lines: string[] = [];
  for (const paragraph of text.normalize('NFC').split('\n')) {
    const words = paragraph.split(/[^\S\u00a0]+/).filter((word) => word.length > 0);
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
  }
  return lines;
}

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
