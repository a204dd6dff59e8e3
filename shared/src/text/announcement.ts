/**
 * What the hall display says when a counter calls a ticket: the sentence (for speech synthesis and
 * subtitles) and the same sentence as voice-clip tokens (for the recorded-clip announcer).
 */
import type { HallConfig } from '../domain/config.ts';
import { translate, type Locale } from './catalog.ts';
import { tokenizeDigitsVi, tokenizeNumberVi, type NumberReadingOptions } from './numbers.ts';
import {
  LETTER_NAMES,
  VOICE_CLIP_NAMES,
  isVoiceClipName,
  normalizeSpokenPhrase,
  type HallWord,
  type TicketLetter,
  type VoiceClipName,
} from './voice-clips.ts';

/** One token of a spoken call: a bundled clip, or a word the hall recorded itself. */
export type SpokenWord = VoiceClipName | HallWord;

/**
 * The default call sentence. Vietnamese halls read the ticket character by character and the counter as a
 * number. `{ticket}` and `{counter}` are the placeholders; every other word must be one of
 * {@link VOICE_CLIP_NAMES} so that it can be played from a clip.
 */
export const DEFAULT_CALL_TEMPLATE = 'Mời công dân có số thứ tự {ticket} đến quầy số {counter}';

/** The placeholders a call template may use. */
export const CALL_TEMPLATE_PLACEHOLDERS = ['ticket', 'counter'] as const;

/** A placeholder of a call template. */
export type CallTemplatePlaceholder = (typeof CALL_TEMPLATE_PLACEHOLDERS)[number];

/**
 * How the ticket is read: `by-character` says every letter and digit ("A, không, một, hai"),
 * `whole-number` says the letters then the sequence as a number ("A mười hai").
 */
export type CallReadingStyle = 'by-character' | 'whole-number';

/** What {@link buildCallAnnouncement} needs to know about one call. */
export interface CallAnnouncementInput extends NumberReadingOptions {
  /** The ticket's display number, e.g. `A012`: up to two letters, then digits. */
  readonly ticketNumber: string;
  /** The calling counter's number (read as a number: 12 is "mười hai"). */
  readonly counterNumber: number;
  /** How the ticket is read. */
  readonly style: CallReadingStyle;
  /** The sentence; {@link DEFAULT_CALL_TEMPLATE} when omitted. */
  readonly template?: string;
  /** Words and phrases the hall recorded itself, usable in the template (see `customWords` of the config). */
  readonly customWords?: readonly string[];
}

/** One call, spoken. */
export interface CallAnnouncement {
  /** The sentence as written, with a comma for each pause (for subtitles and speech synthesis). */
  readonly text: string;
  /**
   * The same sentence as clip tokens, in playing order: each one of {@link VOICE_CLIP_NAMES} or one of the
   * hall's own words.
   */
  readonly words: readonly SpokenWord[];
}

/** The outcome of {@link checkCallTemplate}. */
export type CallTemplateCheck =
  | { readonly ok: true }
  | {
      readonly ok: false;
      /** Words with no voice clip (lower-cased), in order of appearance. */
      readonly unknownWords: readonly string[];
      /** Required placeholders the template lacks. */
      readonly missingPlaceholders: readonly CallTemplatePlaceholder[];
      /** `{names}` that are not placeholders. */
      readonly unknownPlaceholders: readonly string[];
    };

type TemplatePart =
  | { readonly kind: 'literal'; readonly text: string; readonly words: readonly SpokenWord[] }
  | { readonly kind: 'placeholder'; readonly name: CallTemplatePlaceholder };

interface ParsedTemplate {
  readonly parts: readonly TemplatePart[];
  readonly unknownWords: readonly string[];
  readonly missingPlaceholders: readonly CallTemplatePlaceholder[];
  readonly unknownPlaceholders: readonly string[];
}

/** The vocabulary a template may use: the bundled clips and the hall's own words. */
interface Vocabulary {
  readonly has: (phrase: string) => phrase is SpokenWord;
  readonly longest: number;
}

function vocabularyOf(customWords: readonly string[] = []): Vocabulary {
  const own = new Set(customWords.map(normalizeSpokenPhrase).filter((word) => word !== ''));
  const longest = Math.max(...[...VOICE_CLIP_NAMES, ...own].map((name) => name.split(' ').length));
  return {
    has: (phrase): phrase is SpokenWord => isVoiceClipName(phrase) || own.has(phrase),
    longest,
  };
}

function isPlaceholder(name: string): name is CallTemplatePlaceholder {
  return (CALL_TEMPLATE_PLACEHOLDERS as readonly string[]).includes(name);
}

/**
 * Splits literal template text into clip tokens, longest phrase first, so "số thứ tự" is one token while
 * a lone "số" is another.
 */
function matchWords(text: string, vocabulary: Vocabulary): { words: SpokenWord[]; unknown: string[] } {
  const syllables = normalizeSpokenPhrase(text)
    .split(' ')
    .filter((syllable) => syllable !== '');
  const words: SpokenWord[] = [];
  const unknown: string[] = [];
  let index = 0;
  while (index < syllables.length) {
    let matched = false;
    for (let length = Math.min(vocabulary.longest, syllables.length - index); length > 0; length--) {
      const candidate = syllables.slice(index, index + length).join(' ');
      if (vocabulary.has(candidate)) {
        words.push(candidate);
        index += length;
        matched = true;
        break;
      }
    }
    if (!matched) {
      unknown.push(syllables[index] ?? '');
      index += 1;
    }
  }
  return { words, unknown };
}

function parseTemplate(template: string, vocabulary: Vocabulary): ParsedTemplate {
  const parts: TemplatePart[] = [];
  const unknownWords: string[] = [];
  const unknownPlaceholders: string[] = [];
  const seen = new Set<CallTemplatePlaceholder>();
  // split() with a capture group alternates literal text and placeholder names.
  template.split(/\{([^{}]*)\}/).forEach((piece, index) => {
    if (index % 2 === 0) {
      if (piece === '') return;
      const { words, unknown } = matchWords(piece, vocabulary);
      unknownWords.push(...unknown);
      parts.push({ kind: 'literal', text: piece, words });
    } else if (isPlaceholder(piece)) {
      seen.add(piece);
      parts.push({ kind: 'placeholder', name: piece });
    } else {
      unknownPlaceholders.push(piece);
    }
  });
  const missingPlaceholders = CALL_TEMPLATE_PLACEHOLDERS.filter((name) => !seen.has(name));
  return { parts, unknownWords, missingPlaceholders, unknownPlaceholders };
}

/**
 * Checks a hall's call template before it is saved: every word must have a voice clip (bundled, or one of
 * the hall's `customWords`) and both `{ticket}` and `{counter}` must appear (each may appear more than
 * once, e.g. to repeat the ticket).
 */
export function checkCallTemplate(template: string, customWords: readonly string[] = []): CallTemplateCheck {
  const { unknownWords, missingPlaceholders, unknownPlaceholders } = parseTemplate(
    template,
    vocabularyOf(customWords),
  );
  if (unknownWords.length === 0 && missingPlaceholders.length === 0 && unknownPlaceholders.length === 0) {
    return { ok: true };
  }
  return { ok: false, unknownWords, missingPlaceholders, unknownPlaceholders };
}

/** A ticket's display number split into its letters and its digits (leading zeros kept). */
export interface ParsedTicketNumber {
  /** The prefix letters, upper case (zero to two). */
  readonly letters: readonly TicketLetter[];
  /** The sequence as printed, e.g. `012`. */
  readonly digits: string;
}

function isTicketLetter(char: string): char is TicketLetter {
  return Object.hasOwn(LETTER_NAMES, char);
}

/**
 * Splits `A012` into `{ letters: ['A'], digits: '012' }` (case-insensitive).
 *
 * @throws RangeError when the number is not up to two known letters followed by 1–12 digits.
 */
export function parseTicketNumber(ticketNumber: string): ParsedTicketNumber {
  const match = /^(\p{L}{0,2})([0-9]{1,12})$/u.exec(ticketNumber.normalize('NFC').trim().toUpperCase());
  const digits = match?.[2];
  const letters: TicketLetter[] = [];
  for (const char of match?.[1] ?? '') {
    if (isTicketLetter(char)) letters.push(char);
    else throw new RangeError(`No spoken name for the letter "${char}" in ticket "${ticketNumber}"`);
  }
  if (digits === undefined) {
    throw new RangeError(`Not a ticket number (up to two letters A–Z or Đ, then digits): "${ticketNumber}"`);
  }
  return { letters, digits };
}

interface Spoken {
  readonly text: string;
  readonly words: readonly SpokenWord[];
}

function speakTicket(ticketNumber: string, input: CallAnnouncementInput): Spoken {
  const { letters, digits } = parseTicketNumber(ticketNumber);
  const letterWords = letters.map((letter) => LETTER_NAMES[letter]);
  switch (input.style) {
    case 'by-character': {
      // Each digit alone keeps its plain name (1 "một", 5 "năm"): mốt/lăm/tư only follow mươi/mười.
      const digitWords = tokenizeDigitsVi(digits);
      return { text: [...letters, ...digitWords].join(', '), words: [...letterWords, ...digitWords] };
    }
    case 'whole-number': {
      const numberWords = tokenizeNumberVi(Number(digits), input);
      return { text: [...letters, ...numberWords].join(' '), words: [...letterWords, ...numberWords] };
    }
  }
}

/**
 * Builds the call announcement for one ticket and counter.
 *
 * A comma (a pause) follows the spoken ticket unless the template already puts punctuation there or ends,
 * so "{ticket} đến quầy" becomes "A, không, một, hai, đến quầy". Punctuation in the template is kept in
 * `text` and never produces a token.
 *
 * @example buildCallAnnouncement({ ticketNumber: 'A012', counterNumber: 5, style: 'by-character' })
 * // text: 'Mời công dân có số thứ tự A, không, một, hai, đến quầy số năm'
 * // words: ['mời', 'công dân', 'có', 'số thứ tự', 'a', 'không', 'một', 'hai', 'đến', 'quầy', 'số', 'năm']
 * @throws RangeError for a malformed ticket number, a counter number that cannot be read, or a template
 *   that fails {@link checkCallTemplate}.
 */
export function buildCallAnnouncement(input: CallAnnouncementInput): CallAnnouncement {
  const template = input.template ?? DEFAULT_CALL_TEMPLATE;
  const parsed = parseTemplate(template, vocabularyOf(input.customWords));
  const problems = [
    ...parsed.unknownWords.map((word) => `no voice clip for "${word}"`),
    ...parsed.missingPlaceholders.map((name) => `missing {${name}}`),
    ...parsed.unknownPlaceholders.map((name) => `unknown placeholder {${name}}`),
  ];
  if (problems.length > 0) throw new RangeError(`Invalid call template: ${problems.join('; ')}`);

  const ticket = speakTicket(input.ticketNumber, input);
  const counterWords = tokenizeNumberVi(input.counterNumber, input);
  const counter: Spoken = { text: counterWords.join(' '), words: counterWords };

  let text = '';
  const words: SpokenWord[] = [];
  parsed.parts.forEach((part, index) => {
    switch (part.kind) {
      case 'literal':
        text += part.text;
        words.push(...part.words);
        return;
      case 'placeholder': {
        const spoken = part.name === 'ticket' ? ticket : counter;
        text += spoken.text;
        words.push(...spoken.words);
        const next = parsed.parts[index + 1];
        if (part.name === 'ticket' && next?.kind === 'literal' && /^\s*[\p{L}\p{N}]/u.test(next.text)) {
          text += ',';
        }
        return;
      }
    }
  });
  return { text, words };
}

/**
 * The call as one written line for the display's banner and subtitles, in either language:
 * `formatCallSubtitle('en', 'A012', 5) === 'Ticket A012, please go to counter 5'`.
 */
export function formatCallSubtitle(locale: Locale, ticketNumber: string, counterNumber: number): string {
  return translate(locale, 'call.announcement', { ticket: ticketNumber, counter: counterNumber });
}

/**
 * Why a hall configuration could not be spoken by the displays, in words for the manager (empty when it
 * can): the call template must use only words with a clip (bundled or the hall's own) and both
 * placeholders, and every active service's prefix must be letters the announcer can name (A–Z, Đ). The
 * server refuses such a configuration and the console says why before saving.
 */
export function speakabilityProblems(
  config: Pick<HallConfig, 'announcement'> & {
    readonly services: readonly {
      readonly id: string;
      readonly prefix: string;
      readonly isActive: boolean;
    }[];
  },
): string[] {
  const problems: string[] = [];
  const { template, customWords = [] } = config.announcement;
  const check = checkCallTemplate(template, customWords);
  if (!check.ok) {
    if (check.unknownWords.length > 0)
      problems.push(`the call template has words with no voice clip: ${check.unknownWords.join(', ')}`);
    for (const name of check.missingPlaceholders) problems.push(`the call template lacks {${name}}`);
    for (const name of check.unknownPlaceholders) problems.push(`the call template has an unknown {${name}}`);
  }
  for (const service of config.services) {
    if (!service.isActive) continue;
    try {
      parseTicketNumber(`${service.prefix}1`);
    } catch {
      problems.push(`service ${service.id}: the prefix ${service.prefix} cannot be spoken`);
    }
  }
  const seen = new Set<string>();
  for (const word of customWords) {
    const normalized = normalizeSpokenPhrase(word);
    if (normalized === '') problems.push('a recorded word is empty');
    else if (seen.has(normalized)) problems.push(`the recorded word "${normalized}" appears twice`);
    seen.add(normalized);
  }
  return problems;
}
