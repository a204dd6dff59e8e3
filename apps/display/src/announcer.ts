import type { AnnouncementConfig } from '@luot/shared/domain';
import { DEFAULT_ANNOUNCEMENT, localClock } from '@luot/shared/domain';
import type { CallAnnouncement, SpokenWord } from '@luot/shared/text';
import { buildCallAnnouncement } from '@luot/shared/text';
import type { CallNotice } from './calls.ts';
import { clampRepeat } from './clip-plan.ts';

/** One call, ready to be said. */
export interface Announcement {
  /** The call's identity (`<ticketId>#<callCount>`). */
  readonly key: string;
  /** The Vietnamese sentence, with a comma for each pause (speech synthesis, subtitles). */
  readonly text: string;
  /** The same sentence as clip tokens, in order. */
  readonly words: readonly SpokenWord[];
  /** How many times the sentence is said, 1–3. */
  readonly repeat: number;
  /** 0–1. */
  readonly volume: number;
  /** Recorded clips, or the browser's vi-VN voice where one exists (clips otherwise). */
  readonly voice: AnnouncementConfig['voice'];
}

/**
 * The hardware edge of the announcer: says one announcement (chime, then the sentence `repeat` times)
 * and resolves only when its last sound has ended, so the next one can never overlap it. Rejects when
 * it cannot play (sound blocked by the browser, no clips); the announcer then moves on.
 */
export interface Speaker {
  play(announcement: Announcement): Promise<void>;
}

/**
 * Remembers which calls were already said, across page loads (localStorage in the browser), so a display
 * that reloads does not say a call twice.
 */
export interface AnnouncerMemory {
  load(): readonly string[];
  save(keys: readonly string[]): void;
}

/** What became of a call the announcer was offered. */
export type AnnouncementOutcome =
  /** Waiting its turn in the queue. */
  | 'queued'
  | 'speaking'
  | 'spoken'
  /** The speaker could not play it (sound blocked, clips missing); it was shown, not heard. */
  | 'failed'
  /** Inside the hall's quiet hours: shown, not spoken. */
  | 'quiet-hours'
  /** Learnt of too late (a snapshot after a long disconnection): shown, not spoken. */
  | 'too-old';

/** The announcer's log entry for one call (the debug hook `window.__luotAnnouncements` lists these). */
export interface AnnouncementRecord {
  readonly key: string;
  readonly version: number;
  readonly ticketNumber: string;
  readonly counterNumber: number;
  readonly isRecall: boolean;
  readonly text: string;
  readonly outcome: AnnouncementOutcome;
}

/** What the announcer needs to know about the hall when a call arrives. */
export interface AnnouncementSettings {
  readonly announcement: AnnouncementConfig;
  readonly timeZone: string;
}

/** A call that reaches the display later than this after it was made is shown but not spoken. */
export const MAX_SPOKEN_AGE_MS = 2 * 60_000;

/** How many call keys the memory keeps (a busy hall makes ~1 500 calls a day; ids are never reused). */
export const REMEMBERED_CALLS = 3_000;
const KEPT_RECORDS = 500;

/** Options of the {@link Announcer}. */
export interface AnnouncerOptions {
  readonly speaker: Speaker;
  /** Server time now (local clock plus the snapshot's offset). */
  readonly now: () => number;
  readonly memory?: AnnouncerMemory;
  readonly maxSpokenAgeMs?: number;
  /** Told after every change of the log (for a "speaking" indicator). */
  readonly onChange?: () => void;
  /** Told when a speaker fails, for the console; the queue goes on regardless. */
  readonly onError?: (error: unknown, announcement: Announcement) => void;
}

/**
 * Whether an instant falls in the hall's quiet hours (`HH:mm`–`HH:mm` local, `to` exclusive; a window
 * such as 21:00–06:00 wraps past midnight). No window means never quiet.
 */
export function isQuietTime(
  quietHours: AnnouncementConfig['quietHours'],
  epochMs: number,
  timeZone: string,
): boolean {
  if (quietHours === null || quietHours.from === quietHours.to) return false;
  const { time } = localClock(epochMs, timeZone);
  return quietHours.from < quietHours.to
    ? time >= quietHours.from && time < quietHours.to
    : time >= quietHours.from || time < quietHours.to;
}

/**
 * Builds the sentence of a call with the hall's announcement settings. A template that no longer passes
 * the check (edited by hand in the database) falls back to the default phrase rather than going silent.
 */
export function announceCall(
  call: Pick<CallNotice, 'key' | 'ticketNumber' | 'counterNumber'>,
  config: AnnouncementConfig,
): Announcement {
  // The hall's number reading (linh/lẻ, tư/bốn, nghìn/ngàn) and its own recorded words.
  const input = {
    ticketNumber: call.ticketNumber,
    counterNumber: call.counterNumber,
    style: config.style,
    ...config.numberReading,
    customWords: config.customWords ?? [],
  };
  let sentence: CallAnnouncement;
  try {
    sentence = buildCallAnnouncement({ ...input, template: config.template });
  } catch {
    sentence = buildCallAnnouncement({ ...input, template: DEFAULT_ANNOUNCEMENT.template });
  }
  return {
    key: call.key,
    text: sentence.text,
    words: sentence.words,
    repeat: clampRepeat(config.repeat),
    volume: Number.isFinite(config.volume) ? Math.min(1, Math.max(0, config.volume)) : 1,
    voice: config.voice,
  };
}

/**
 * The one queue every call of the display goes through: first in, first out, one at a time (the next
 * starts only after the speaker resolved the previous), never dropped, and never twice for the same call.
 *
 * Rules, in the order they apply to an offered call:
 * 1. a call whose key was offered before (this page or, through the memory, an earlier load) is ignored;
 * 2. a call made more than {@link MAX_SPOKEN_AGE_MS} before it reached the display is logged `too-old`;
 * 3. a call inside the hall's quiet hours is logged `quiet-hours`;
 * 4. anything else is queued and said. A recall has a new key, so it is said again as a new call.
 */
export class Announcer {
  private readonly seen: Set<string>;
  private readonly order: string[];
  private readonly queue: Announcement[] = [];
  private readonly log: AnnouncementRecord[] = [];
  private draining: Promise<void> | null = null;

  constructor(private readonly options: AnnouncerOptions) {
    this.order = [...(options.memory?.load() ?? [])].slice(-REMEMBERED_CALLS);
    this.seen = new Set(this.order);
  }

  /** Every call offered since the page loaded, oldest first (the last 500). */
  get records(): readonly AnnouncementRecord[] {
    return this.log;
  }

  /** Announcements waiting or being said. */
  get pendingCount(): number {
    return this.queue.length + (this.draining === null ? 0 : 1);
  }

  /** Offer newly seen calls, oldest first. Returns at once; the speaking happens in the background. */
  offer(calls: readonly CallNotice[], settings: AnnouncementSettings): void {
    let isChanged = false;
    for (const call of calls) {
      if (this.seen.has(call.key)) continue;
      this.remember(call.key);
      isChanged = true;
      const announcement = announceCall(call, settings.announcement);
      const now = this.options.now();
      const outcome: AnnouncementOutcome =
        now - call.calledAt > (this.options.maxSpokenAgeMs ?? MAX_SPOKEN_AGE_MS)
          ? 'too-old'
          : isQuietTime(settings.announcement.quietHours, now, settings.timeZone)
            ? 'quiet-hours'
            : 'queued';
      this.log.push({
        key: call.key,
        version: call.version,
        ticketNumber: call.ticketNumber,
        counterNumber: call.counterNumber,
        isRecall: call.isRecall,
        text: announcement.text,
        outcome,
      });
      if (outcome === 'queued') this.queue.push(announcement);
    }
    if (!isChanged) return;
    this.trimLog();
    this.options.memory?.save(this.order);
    this.options.onChange?.();
    this.draining ??= this.drain();
  }

  /**
   * Queue a sample announcement (the settings panel's sound test). It waits its turn like any call, so it
   * never talks over one, but it ignores quiet hours and is not remembered.
   */
  sayTest(announcement: Announcement): void {
    this.log.push({
      key: announcement.key,
      version: 0,
      ticketNumber: '',
      counterNumber: 0,
      isRecall: false,
      text: announcement.text,
      outcome: 'queued',
    });
    this.trimLog();
    this.queue.push(announcement);
    this.options.onChange?.();
    this.draining ??= this.drain();
  }

  /** Resolves when every queued announcement has been said (tests, and the sound test button). */
  async whenIdle(): Promise<void> {
    while (this.draining !== null) await this.draining;
  }

  private async drain(): Promise<void> {
    // Start on a later tick, so every call offered in the same turn is queued before the first plays.
    await Promise.resolve();
    for (let next = this.queue.shift(); next !== undefined; next = this.queue.shift()) {
      this.setOutcome(next.key, 'speaking');
      let outcome: AnnouncementOutcome = 'spoken';
      try {
        await this.options.speaker.play(next);
      } catch (error) {
        outcome = 'failed';
        this.options.onError?.(error, next);
      }
      this.setOutcome(next.key, outcome);
    }
    this.draining = null;
    this.options.onChange?.();
  }

  private setOutcome(key: string, outcome: AnnouncementOutcome): void {
    const index = this.log.findLastIndex((record) => record.key === key);
    const record = this.log[index];
    if (record === undefined) return;
    this.log[index] = { ...record, outcome };
    this.options.onChange?.();
  }

  private remember(key: string): void {
    this.seen.add(key);
    this.order.push(key);
    if (this.order.length > REMEMBERED_CALLS) {
      const forgotten = this.order.splice(0, this.order.length - REMEMBERED_CALLS);
      for (const old of forgotten) this.seen.delete(old);
    }
  }

  private trimLog(): void {
    if (this.log.length > KEPT_RECORDS) this.log.splice(0, this.log.length - KEPT_RECORDS);
  }
}
