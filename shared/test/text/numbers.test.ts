import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_READABLE_NUMBER,
  NUMBER_WORDS,
  readDigitsVi,
  readNumberVi,
  tokenizeDigitsVi,
  tokenizeNumberVi,
  type NumberReadingOptions,
} from '../../src/text/index.ts';

// One row per rule, with the rule named, so a failure says which rule broke.
const defaultReadings: readonly (readonly [rule: string, n: number, reading: string])[] = [
  ['zero alone', 0, 'không'],
  ['single digit', 1, 'một'],
  ['năm alone stays năm', 5, 'năm'],
  ['bốn alone stays bốn', 4, 'bốn'],
  ['seven', 7, 'bảy'],
  ['mười for ten', 10, 'mười'],
  ['một after mười stays một', 11, 'mười một'],
  ['bốn after mười is never tư', 14, 'mười bốn'],
  ['năm after mười becomes lăm', 15, 'mười lăm'],
  ['nineteen', 19, 'mười chín'],
  ['mươi for round tens', 20, 'hai mươi'],
  ['một after mươi becomes mốt', 21, 'hai mươi mốt'],
  ['bốn after mươi becomes tư by default', 24, 'hai mươi tư'],
  ['năm after mươi becomes lăm', 25, 'hai mươi lăm'],
  ['mốt in the forties', 41, 'bốn mươi mốt'],
  ['tư after bốn mươi', 44, 'bốn mươi tư'],
  ['năm as tens digit, lăm as unit', 55, 'năm mươi lăm'],
  ['seventy', 70, 'bảy mươi'],
  ['ninety-one', 91, 'chín mươi mốt'],
  ['ninety-nine', 99, 'chín mươi chín'],
  ['round hundred', 100, 'một trăm'],
  ['zero tens reads linh, một stays một', 101, 'một trăm linh một'],
  ['linh bốn, not linh tư', 104, 'một trăm linh bốn'],
  ['linh năm, not linh lăm', 105, 'một trăm linh năm'],
  ['hundred and ten', 110, 'một trăm mười'],
  ['hundred and eleven', 111, 'một trăm mười một'],
  ['lăm after mười inside hundreds', 115, 'một trăm mười lăm'],
  ['mốt after mươi inside hundreds', 121, 'một trăm hai mươi mốt'],
  ['tư after mươi inside hundreds', 124, 'một trăm hai mươi tư'],
  ['three nines', 999, 'chín trăm chín mươi chín'],
  ['round thousand', 1000, 'một nghìn'],
  ['inner group says không trăm linh', 1005, 'một nghìn không trăm linh năm'],
  ['inner group says không trăm mười', 1015, 'một nghìn không trăm mười lăm'],
  ['inner group with hundreds', 1105, 'một nghìn một trăm linh năm'],
  ['round thousands', 2000, 'hai nghìn'],
  ['year-like number', 2021, 'hai nghìn không trăm hai mươi mốt'],
  ['ten thousand', 10_000, 'mười nghìn'],
  ['lăm before nghìn', 15_000, 'mười lăm nghìn'],
  ['mốt before nghìn', 21_000, 'hai mươi mốt nghìn'],
  ['hundred thousand', 100_000, 'một trăm nghìn'],
  ['linh inside the leading group', 105_000, 'một trăm linh năm nghìn'],
  ['round million', 1_000_000, 'một triệu'],
  ['empty thousand group is skipped', 1_000_001, 'một triệu không trăm linh một'],
  ['inner thousand group says không trăm', 1_001_000, 'một triệu không trăm linh một nghìn'],
  ['millions with empty thousands', 21_000_005, 'hai mươi mốt triệu không trăm linh năm'],
  ['round billion', 1_000_000_000, 'một tỷ'],
  ['billion with empty million group', 1_000_010_000, 'một tỷ không trăm mười nghìn'],
  [
    'largest readable number',
    MAX_READABLE_NUMBER,
    'chín trăm chín mươi chín tỷ chín trăm chín mươi chín triệu chín trăm chín mươi chín nghìn ' +
      'chín trăm chín mươi chín',
  ],
];

const optionReadings: readonly (readonly [
  rule: string,
  n: number,
  options: NumberReadingOptions,
  reading: string,
])[] = [
  ["'lẻ' for a zero tens digit", 105, { zeroTens: 'lẻ' }, 'một trăm lẻ năm'],
  ["'lẻ' in an inner group", 1005, { zeroTens: 'lẻ' }, 'một nghìn không trăm lẻ năm'],
  ["'lẻ' after a million", 1_000_001, { zeroTens: 'lẻ' }, 'một triệu không trăm lẻ một'],
  ["'ngàn' for southern halls", 2000, { thousand: 'ngàn' }, 'hai ngàn'],
  ["'ngàn' with an inner group", 1015, { thousand: 'ngàn' }, 'một ngàn không trăm mười lăm'],
  ["four: 'bốn' keeps bốn after mươi", 24, { four: 'bốn' }, 'hai mươi bốn'],
  ["four: 'tư' still leaves mười bốn alone", 14, { four: 'tư' }, 'mười bốn'],
  ["four: 'tư' still leaves a lone bốn alone", 4, { four: 'tư' }, 'bốn'],
  [
    'all options together',
    1_024_105,
    { zeroTens: 'lẻ', four: 'bốn', thousand: 'ngàn' },
    'một triệu không trăm hai mươi bốn ngàn một trăm lẻ năm',
  ],
];

describe('readNumberVi', () => {
  it.each(defaultReadings)('%s: %d → %s', (_rule, n, reading) => {
    expect(readNumberVi(n)).toBe(reading);
  });

  it.each(optionReadings)('%s: %d → %s', (_rule, n, options, reading) => {
    expect(readNumberVi(n, options)).toBe(reading);
  });

  it.each([-1, 1.5, MAX_READABLE_NUMBER + 1, Number.NaN, Number.POSITIVE_INFINITY, -0.5])(
    'throws RangeError for %s',
    (n) => {
      expect(() => readNumberVi(n)).toThrow(RangeError);
    },
  );

  it('tokenizeNumberVi gives the same words as an array', () => {
    expect(tokenizeNumberVi(2021)).toEqual(['hai', 'nghìn', 'không', 'trăm', 'hai', 'mươi', 'mốt']);
    expect(tokenizeNumberVi(0)).toEqual(['không']);
  });
});

/**
 * An independent oracle: parses a Vietnamese reading back into a number by arithmetic on the words.
 * It knows nothing of groups or of the "when to say linh" rules, so agreeing with it checks the reader.
 */
function parseReading(words: readonly string[]): number {
  const digitValues: Readonly<Record<string, number>> = {
    không: 0,
    một: 1,
    mốt: 1,
    hai: 2,
    ba: 3,
    bốn: 4,
    tư: 4,
    năm: 5,
    lăm: 5,
    sáu: 6,
    bảy: 7,
    tám: 8,
    chín: 9,
  };
  const scaleValues: Readonly<Record<string, number>> = {
    nghìn: 1e3,
    ngàn: 1e3,
    triệu: 1e6,
    tỷ: 1e9,
  };
  let total = 0;
  let group = 0;
  let pending = 0;
  for (const word of words) {
    const digit = digitValues[word];
    const scale = scaleValues[word];
    if (digit !== undefined) pending = digit;
    else if (word === 'trăm') [group, pending] = [group + pending * 100, 0];
    else if (word === 'mươi') [group, pending] = [group + pending * 10, 0];
    else if (word === 'mười') group += 10;
    else if (word === 'linh' || word === 'lẻ') continue;
    else if (scale !== undefined) [total, group, pending] = [total + (group + pending) * scale, 0, 0];
    else throw new Error(`unexpected word ${word}`);
  }
  return total + group + pending;
}

describe('number reading properties', () => {
  const options = fc.record({
    zeroTens: fc.constantFrom('linh' as const, 'lẻ' as const),
    four: fc.constantFrom('bốn' as const, 'tư' as const),
    thousand: fc.constantFrom('nghìn' as const, 'ngàn' as const),
  });
  const readable = fc.oneof(
    fc.integer({ min: 0, max: 9_999 }),
    fc.integer({ min: 0, max: MAX_READABLE_NUMBER }),
  );

  it('every reading parses back to its number and uses only number words', () => {
    const numberWords: ReadonlySet<string> = new Set(NUMBER_WORDS);
    fc.assert(
      fc.property(readable, options, (n, opts) => {
        const words = tokenizeNumberVi(n, opts);
        expect(parseReading(words)).toBe(n);
        expect(words.every((word) => numberWords.has(word))).toBe(true);
        expect(readNumberVi(n, opts)).toBe(words.join(' '));
      }),
    );
  });

  it('never says tư after mười, nor mốt or lăm after anything but mười/mươi', () => {
    fc.assert(
      fc.property(readable, options, (n, opts) => {
        const words = tokenizeNumberVi(n, opts);
        words.forEach((word, index) => {
          const before = words[index - 1];
          if (word === 'mốt' || word === 'tư') expect(before).toBe('mươi');
          if (word === 'lăm') expect(['mười', 'mươi']).toContain(before);
        });
      }),
    );
  });
});

describe('readDigitsVi', () => {
  it.each([
    ['012', 'không một hai'],
    ['0', 'không'],
    ['105', 'một không năm'],
    ['1234567890', 'một hai ba bốn năm sáu bảy tám chín không'],
  ])('%s → %s', (digits, reading) => {
    expect(readDigitsVi(digits)).toBe(reading);
  });

  it('keeps every digit as its own word', () => {
    expect(tokenizeDigitsVi('0045')).toEqual(['không', 'không', 'bốn', 'năm']);
  });

  it.each(['', '12a', '-1', '1.5', ' 1', '١٢'])('throws RangeError for %j', (digits) => {
    expect(() => readDigitsVi(digits)).toThrow(RangeError);
  });
});
