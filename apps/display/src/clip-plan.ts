import type { SpokenWord } from '@luot/shared/text';
import { CHIME_FILE_NAME, LETTER_NAMES, clipFileName } from '@luot/shared/text';

// How a call is joined from recorded clips: which files, in which order, with what silence between them.
// Pure, so it is tested on its own; the Web Audio speaker only fetches, decodes and schedules the result.

/** Silences between clips, in milliseconds. */
export const CLIP_GAPS = {
  /** After the chime, before the first word: people look up, then listen. */
  afterChimeMs: 350,
  /** Between two words of one breath. The synthetic clips are trimmed tight, so a little air helps. */
  betweenWordsMs: 45,
  /** At a comma of the sentence ("A, không, một, hai, đến quầy"): the characters of a ticket stand apart. */
  commaMs: 230,
  /** Between the repetitions of the sentence. */
  betweenRepeatsMs: 900,
} as const;

/** The most and least times a call is said, whatever the configuration says. */
export const MAX_REPEAT = 3;

/** One clip of an announcement and the silence that follows it. */
export interface ClipStep {
  /** The clip's file name, e.g. `mot-nang.wav`. */
  readonly file: string;
  /** Where it is fetched from, e.g. `/voice/mot-nang.wav`. */
  readonly url: string;
  /** Silence after this clip before the next one starts (0 after the last). */
  readonly gapAfterMs: number;
}

/** What {@link planClips} reads of an announcement. */
export interface SpokenSentence {
  readonly text: string;
  readonly words: readonly SpokenWord[];
}

const LETTERS: ReadonlyMap<string, string> = new Map(Object.entries(LETTER_NAMES));

/**
 * For each word of the sentence, whether a comma follows it in the written text. The words are matched
 * against the text syllable by syllable (a prefix letter is written `B` but spoken "bê", a phrase such as
 * "công dân" is one word of two syllables). When the two do not line up (a template the matcher does not
 * understand) it answers "no pauses" rather than pausing in the wrong place.
 */
export function pausesAfterWords(sentence: SpokenSentence): boolean[] {
  const stream = sentence.text.normalize('NFC').match(/[\p{L}\p{N}]+|[,;:.!?]/gu) ?? [];
  const pauses: boolean[] = [];
  let index = 0;
  const isPunctuation = (item: string | undefined): boolean => item !== undefined && /^[,;:.!?]$/.test(item);
  for (const word of sentence.words) {
    while (isPunctuation(stream[index])) index += 1;
    const syllable = stream[index];
    if (syllable !== undefined && LETTERS.get(syllable.toUpperCase()) === word && syllable.length === 1) {
      index += 1;
    } else {
      for (const part of word.split(' ')) {
        // A hall's own phrase may be written with punctuation inside ("tổ chức, cá nhân"): one clip.
        while (index > 0 && isPunctuation(stream[index])) index += 1;
        if (stream[index]?.toLowerCase() !== part) return sentence.words.map(() => false);
        index += 1;
      }
    }
    pauses.push(stream[index] === ',' || stream[index] === ';' || stream[index] === ':');
  }
  return pauses;
}

/** Options of {@link planClips}. */
export interface ClipPlanOptions {
  /** How many times the sentence is said (clamped to 1…{@link MAX_REPEAT}). */
  readonly repeat: number;
  /** Where the clips are served; the hall server serves `/voice/<file>` (the hall's own recordings first). */
  readonly baseUrl?: string;
}

/** Clamp a configured repeat count to what the announcer does. */
export const clampRepeat = (repeat: number): number =>
  Number.isFinite(repeat) ? Math.min(MAX_REPEAT, Math.max(1, Math.round(repeat))) : 1;

/**
 * The clips of one announcement, in playing order: the chime once, then the sentence `repeat` times,
 * with a short gap between words, a longer one at each comma and a pause between repetitions.
 */
export function planClips(sentence: SpokenSentence, options: ClipPlanOptions): ClipStep[] {
  const base = options.baseUrl ?? '/voice/';
  const url = (file: string): string => `${base}${encodeURIComponent(file)}`;
  const pauses = pausesAfterWords(sentence);
  const repeat = clampRepeat(options.repeat);
  const steps: ClipStep[] = [
    { file: CHIME_FILE_NAME, url: url(CHIME_FILE_NAME), gapAfterMs: CLIP_GAPS.afterChimeMs },
  ];
  for (let round = 0; round < repeat; round += 1) {
    sentence.words.forEach((word, index) => {
      const file = clipFileName(word);
      const isLastWord = index === sentence.words.length - 1;
      const gapAfterMs = isLastWord
        ? round === repeat - 1
          ? 0
          : CLIP_GAPS.betweenRepeatsMs
        : pauses[index] === true
          ? CLIP_GAPS.commaMs
          : CLIP_GAPS.betweenWordsMs;
      steps.push({ file, url: url(file), gapAfterMs });
    });
  }
  return steps;
}

/** One clip placed on the audio clock. */
export interface ScheduledClip {
  readonly url: string;
  /** Start, in seconds of the audio clock. */
  readonly at: number;
  readonly duration: number;
}

/**
 * Place the clips back to back from `startAt` (seconds of the audio clock): each starts when the previous
 * one ended plus its gap. Returns the placements and when the last clip ends.
 */
export function scheduleClips(
  steps: readonly ClipStep[],
  durationOf: (url: string) => number,
  startAt: number,
): { clips: ScheduledClip[]; endAt: number } {
  const clips: ScheduledClip[] = [];
  let at = startAt;
  let endAt = startAt;
  for (const step of steps) {
    const duration = Math.max(0, durationOf(step.url));
    clips.push({ url: step.url, at, duration });
    endAt = at + duration;
    at = endAt + step.gapAfterMs / 1000;
  }
  return { clips, endAt };
}
