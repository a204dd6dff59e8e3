/**
 * Vietnamese number reading, as a hall announcer says it.
 *
 * The reading is produced as a list of words first ({@link tokenizeNumberVi}) because the hall display
 * plays one recorded clip per word; the string form is just those words joined by spaces.
 */

/** The ten digit words, indexed by the digit they read: `DIGIT_WORDS[7] === 'bảy'`. */
export const DIGIT_WORDS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'] as const;

/** A word that reads a single digit. */
export type DigitWord = (typeof DIGIT_WORDS)[number];

/** Words for the tens place: `mười` for 10–19, `mươi` after a tens digit (20–90). */
export const TENS_WORDS = ['mười', 'mươi'] as const;

/**
 * Unit words that replace a digit word after `mười`/`mươi`: `mốt` (1 after mươi), `lăm` (5 after mười or
 * mươi), `tư` (4 after mươi, when {@link NumberReadingOptions.four} is `'tư'`).
 */
export const UNIT_VARIANT_WORDS = ['mốt', 'lăm', 'tư'] as const;

/** Words said for a zero tens digit followed by a non-zero unit: 105 "một trăm linh năm" / "lẻ năm". */
export const ZERO_TENS_WORDS = ['linh', 'lẻ'] as const;

/** Scale words: hundred, thousand (northern `nghìn`, southern `ngàn`), million, billion. */
export const SCALE_WORDS = ['trăm', 'nghìn', 'ngàn', 'triệu', 'tỷ'] as const;

/** Every word {@link tokenizeNumberVi} and {@link tokenizeDigitsVi} can produce (each is one voice clip). */
export const NUMBER_WORDS = [
  ...DIGIT_WORDS,
  ...TENS_WORDS,
  ...UNIT_VARIANT_WORDS,
  ...ZERO_TENS_WORDS,
  ...SCALE_WORDS,
] as const;

/** A word of a Vietnamese number reading. */
export type NumberWord = (typeof NUMBER_WORDS)[number];

/** The largest number {@link readNumberVi} reads: 999 tỷ … (one below a thousand billion). */
export const MAX_READABLE_NUMBER = 999_999_999_999;

/**
 * Regional and stylistic choices a hall can make. Defaults follow the northern standard reading used on
 * national broadcasting: `linh`, `tư` after `mươi`, `nghìn`.
 */
export interface NumberReadingOptions {
  /** Word for a zero tens digit before a non-zero unit: 105 "một trăm linh năm" (default) or "lẻ năm". */
  readonly zeroTens?: 'linh' | 'lẻ';
  /**
   * Word for the unit 4 after `mươi`: 24 "hai mươi tư" (default) or "hai mươi bốn". Never applied after
   * `mười` (14 is always "mười bốn") nor on its own (4 is "bốn").
   */
  readonly four?: 'bốn' | 'tư';
  /** Word for thousand: `nghìn` (default, northern) or `ngàn` (southern halls). */
  readonly thousand?: 'nghìn' | 'ngàn';
}

interface ResolvedOptions {
  readonly zeroTens: 'linh' | 'lẻ';
  readonly four: 'bốn' | 'tư';
  readonly thousand: 'nghìn' | 'ngàn';
}

function resolveOptions(options: NumberReadingOptions | undefined): ResolvedOptions {
  return {
    zeroTens: options?.zeroTens ?? 'linh',
    four: options?.four ?? 'tư',
    thousand: options?.thousand ?? 'nghìn',
  };
}

function digitWord(digit: number): DigitWord {
  const word = DIGIT_WORDS[digit];
  // Unreachable for callers in this file (digits come from `% 10`), but indexing is unchecked otherwise.
  if (word === undefined) throw new RangeError(`Not a digit: ${digit}`);
  return word;
}

/** The unit word after `mười` (tens digit 1): 15 "mười lăm", but 11 "mười một" and 14 "mười bốn". */
function unitAfterMuoiHuyen(unit: number): NumberWord {
  return unit === 5 ? 'lăm' : digitWord(unit);
}

/** The unit word after `mươi` (tens digit 2–9): 21 "mốt", 25 "lăm", 24 "tư" (or "bốn"). */
function unitAfterMuoiNgang(unit: number, options: ResolvedOptions): NumberWord {
  switch (unit) {
    case 1:
      return 'mốt';
    case 4:
      return options.four;
    case 5:
      return 'lăm';
    default:
      return digitWord(unit);
  }
}

/**
 * Reads a group of three digits (0–999).
 *
 * `isFull` is true for every group after the leading one: such a group always says its hundreds, even
 * zero ("không trăm"), so 1015 reads "một nghìn không trăm mười lăm" and the listener hears where the
 * thousands end. The leading group is read short: 15 is "mười lăm", not "không trăm mười lăm".
 */
function readGroup(group: number, isFull: boolean, options: ResolvedOptions): NumberWord[] {
  const hundreds = Math.floor(group / 100);
  const tens = Math.floor(group / 10) % 10;
  const unit = group % 10;
  const words: NumberWord[] = [];
  const saysHundreds = isFull || hundreds > 0;
  if (saysHundreds) words.push(digitWord(hundreds), 'trăm');

  if (tens === 0) {
    if (unit === 0) return words;
    // "linh"/"lẻ" marks the empty tens place only when something was said before it (105, 1005),
    // never for a bare unit (5 is just "năm"). The unit keeps its plain form: 101 "linh một", 104 "linh bốn".
    if (saysHundreds) words.push(options.zeroTens);
    words.push(digitWord(unit));
    return words;
  }
  if (tens === 1) {
    words.push('mười');
    if (unit !== 0) words.push(unitAfterMuoiHuyen(unit));
    return words;
  }
  words.push(digitWord(tens), 'mươi');
  if (unit !== 0) words.push(unitAfterMuoiNgang(unit, options));
  return words;
}

function assertReadable(n: number): void {
  if (!Number.isInteger(n) || n < 0 || n > MAX_READABLE_NUMBER) {
    throw new RangeError(`readNumberVi reads integers 0 … ${MAX_READABLE_NUMBER}; got ${n}`);
  }
}

/**
 * The words of a Vietnamese number reading, one entry per voice clip.
 *
 * Groups of three digits are read with their scale word (`nghìn`/`ngàn`, `triệu`, `tỷ`). An all-zero
 * inner group is skipped entirely: 1 000 001 is "một triệu không trăm linh một", the common spoken form,
 * rather than the pedantic "một triệu không nghìn không trăm linh một".
 *
 * @throws RangeError for non-integers, negatives and numbers above {@link MAX_READABLE_NUMBER}.
 * @example tokenizeNumberVi(21) // ['hai', 'mươi', 'mốt']
 */
export function tokenizeNumberVi(n: number, options?: NumberReadingOptions): NumberWord[] {
  assertReadable(n);
  if (n === 0) return ['không'];
  const resolved = resolveOptions(options);
  const scales = [
    { value: 1_000_000_000, word: 'tỷ' },
    { value: 1_000_000, word: 'triệu' },
    { value: 1_000, word: resolved.thousand },
    { value: 1, word: undefined },
  ] as const satisfies readonly { value: number; word: NumberWord | undefined }[];

  const words: NumberWord[] = [];
  let hasLeadingGroup = false;
  for (const scale of scales) {
    const group = Math.floor(n / scale.value) % 1000;
    if (group === 0) continue;
    words.push(...readGroup(group, hasLeadingGroup, resolved));
    if (scale.word !== undefined) words.push(scale.word);
    hasLeadingGroup = true;
  }
  return words;
}

/**
 * Reads an integer in Vietnamese: `readNumberVi(105) === 'một trăm linh năm'`.
 *
 * @throws RangeError for non-integers, negatives and numbers above {@link MAX_READABLE_NUMBER}.
 */
export function readNumberVi(n: number, options?: NumberReadingOptions): string {
  return tokenizeNumberVi(n, options).join(' ');
}

/**
 * The words for a digit string read one digit at a time, keeping leading zeros:
 * `tokenizeDigitsVi('012')` is `['không', 'một', 'hai']`.
 *
 * @throws RangeError when the string is empty or holds anything but ASCII digits.
 */
export function tokenizeDigitsVi(digits: string): DigitWord[] {
  if (!/^[0-9]+$/.test(digits)) throw new RangeError(`Expected ASCII digits only; got "${digits}"`);
  return Array.from(digits, (char) => digitWord(Number(char)));
}

/**
 * Reads a digit string one digit at a time: `readDigitsVi('012') === 'không một hai'`.
 *
 * @throws RangeError when the string is empty or holds anything but ASCII digits.
 */
export function readDigitsVi(digits: string): string {
  return tokenizeDigitsVi(digits).join(' ');
}
