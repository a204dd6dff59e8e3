/**
 * The closed vocabulary of the hall announcer: every token an announcement can produce, and the ASCII file
 * name of the recorded clip for each. A hall records its own voice by recording these files
 * (docs/VOICE.md lists them).
 */
import { NUMBER_WORDS } from './numbers.ts';

/**
 * Words and fixed phrases of call templates. A phrase said in one breath ("công dân", "số thứ tự") is one
 * token and one clip, because gluing syllable clips together sounds choppy.
 */
export const PHRASE_WORDS = [
  'xin',
  'mời',
  'công dân',
  'quý khách',
  'có',
  'số thứ tự',
  'số',
  'đến',
  'tới',
  'quầy',
] as const;

/** A word or phrase of a call template. */
export type PhraseWord = (typeof PHRASE_WORDS)[number];

/**
 * How the announcer reads each ticket-prefix letter: the names Vietnamese speakers use when spelling out
 * an abbreviation (B "bê", C "xê", K "ca", L "e-lờ", S "ét-xì", X "ích-xì", Y "i-dài"), plus Đ in case a
 * hall picks a Vietnamese prefix. G is "gờ", not the alphabet name "giê": in the northern accent "giê"
 * and "dê" (D) sound the same, and a caller must never confuse two queues. Foreign letters take their
 * usual loan names (F "ép", J "gi", W "vê-kép", Z "dét"). A hall that prefers another name for a letter
 * records that sound under the same file name.
 */
export const LETTER_NAMES = {
  A: 'a',
  B: 'bê',
  C: 'xê',
  D: 'dê',
  Đ: 'đê',
  E: 'e',
  F: 'ép',
  G: 'gờ',
  H: 'hát',
  I: 'i',
  J: 'gi',
  K: 'ca',
  L: 'e-lờ',
  M: 'em-mờ',
  N: 'en-nờ',
  O: 'o',
  P: 'pê',
  Q: 'quy',
  R: 'e-rờ',
  S: 'ét-xì',
  T: 'tê',
  U: 'u',
  V: 'vê',
  W: 'vê-kép',
  X: 'ích-xì',
  Y: 'i-dài',
  Z: 'dét',
} as const;

/** A letter a ticket prefix may use (upper case). */
export type TicketLetter = keyof typeof LETTER_NAMES;

/** The spoken name of a ticket letter. */
export type LetterWord = (typeof LETTER_NAMES)[TicketLetter];

/** The letter names in alphabetical order (one clip each). */
export const LETTER_WORDS = [
  'a',
  'bê',
  'xê',
  'dê',
  'đê',
  'e',
  'ép',
  'gờ',
  'hát',
  'i',
  'gi',
  'ca',
  'e-lờ',
  'em-mờ',
  'en-nờ',
  'o',
  'pê',
  'quy',
  'e-rờ',
  'ét-xì',
  'tê',
  'u',
  'vê',
  'vê-kép',
  'ích-xì',
  'i-dài',
  'dét',
] as const satisfies readonly LetterWord[];

/**
 * Every token an announcement can produce, in a stable order: template phrases, number words, letter
 * names. Each token is exactly one voice clip named by {@link clipFileName}.
 */
export const VOICE_CLIP_NAMES = [...PHRASE_WORDS, ...NUMBER_WORDS, ...LETTER_WORDS] as const;

/** One token of an announcement, and so one voice clip. */
export type VoiceClipName = (typeof VOICE_CLIP_NAMES)[number];

/**
 * A word or phrase a hall recorded itself (normalised with {@link normalizeSpokenPhrase}): lower case, NFC,
 * syllables separated by one space. Its clip is named by {@link clipFileName} like the bundled ones.
 */
export type HallWord = string & { readonly __hallWord?: never };

/**
 * A phrase as the announcer matches and names it: NFC, lower case, punctuation and runs of spaces turned
 * into single spaces. "Tổ chức, cá nhân" → "tổ chức cá nhân".
 */
export function normalizeSpokenPhrase(phrase: string): HallWord {
  return phrase
    .normalize('NFC')
    .toLocaleLowerCase('vi')
    .split(/[\s\p{P}\p{S}]+/u)
    .filter((syllable) => syllable !== '')
    .join(' ');
}

/** The file name of the two-tone chime played before each call. */
export const CHIME_FILE_NAME = 'chime.wav';

const voiceClipNames: ReadonlySet<string> = new Set(VOICE_CLIP_NAMES);

/** True when `token` is one of {@link VOICE_CLIP_NAMES}. */
export function isVoiceClipName(token: string): token is VoiceClipName {
  return voiceClipNames.has(token);
}

// Combining marks after NFD: the five tones carry a name in the file; the vowel marks (â ê ô, ă, ơ ư)
// are dropped, which keeps names readable and is still unique over the vocabulary (a test checks).
const TONE_MARKS = {
  '\u0301': 'sac',
  '\u0300': 'huyen',
  '\u0309': 'hoi',
  '\u0303': 'nga',
  '\u0323': 'nang',
} as const satisfies Record<string, string>;
const VOWEL_MARKS = /[\u0302\u0306\u031B]/g;

function isToneMark(char: string): char is keyof typeof TONE_MARKS {
  return Object.hasOwn(TONE_MARKS, char);
}

function syllableFileStem(syllable: string): string {
  let tone = '';
  let base = '';
  for (const char of syllable.normalize('NFD').replace(VOWEL_MARKS, '')) {
    if (isToneMark(char)) tone = TONE_MARKS[char];
    // đ does not decompose; "dd" is how Vietnamese Telex typing writes it, and keeps "đê" apart from "dê".
    else base += char === 'đ' ? 'dd' : char;
  }
  return tone === '' ? base : `${base}-${tone}`;
}

/**
 * The ASCII file name of a token's clip: each syllable without diacritics, followed by its tone name
 * when it has one (`sac`, `huyen`, `hoi`, `nga`, `nang`), joined with hyphens; `đ` is written `dd`.
 *
 * @example clipFileName('công dân') // 'cong-dan.wav'
 * @example clipFileName('mốt')      // 'mot-sac.wav'
 * @example clipFileName('đến')      // 'dden-sac.wav'
 */
export function clipFileName(token: VoiceClipName | HallWord): string {
  const stems = token
    .toLowerCase()
    .split(/[\s-]+/)
    .filter((syllable) => syllable !== '')
    .map(syllableFileStem);
  return `${stems.join('-')}.wav`;
}
