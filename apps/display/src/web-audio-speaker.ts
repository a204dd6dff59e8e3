import { CHIME_FILE_NAME, VOICE_CLIP_NAMES, clipFileName } from '@luot/shared/text';
import type { Announcement, Speaker } from './announcer.ts';
import type { ClipStep } from './clip-plan.ts';
import { planClips, scheduleClips } from './clip-plan.ts';

/** The browser refused to make sound (no user interaction yet); the prompt asks for one. */
export class SoundBlockedError extends Error {
  constructor() {
    super('the browser keeps audio suspended until someone presses the screen');
    this.name = 'SoundBlockedError';
  }
}

/** Options of the {@link WebAudioSpeaker}. */
export interface WebAudioSpeakerOptions {
  readonly context: AudioContext;
  /** Where clips are served (`/voice/`). */
  readonly baseUrl?: string;
  readonly fetcher?: typeof fetch;
  /** The browser's speech synthesis, when present (for `voice: 'browser'` and for missing clips). */
  readonly synthesis?: SpeechSynthesis | null;
}

// Web Audio starts a source "at" a time only if that time is still ahead; a small lead absorbs the
// scheduling itself.
const LEAD_SECONDS = 0.06;
// If `ended` never fires (the context was suspended half-way), the announcement still ends this much
// after its planned end, so the queue cannot stall.
const END_GRACE_MS = 1_500;
const RESUME_WAIT_MS = 400;

/**
 * The real speaker: the bundled word clips, fetched and decoded once, scheduled back to back on one
 * AudioContext with exact start times (`source.start(at)`), through one gain node for the volume.
 * With `voice: 'browser'` it plays the chime and then lets a vi-VN speechSynthesis voice read the text,
 * where the browser has one; otherwise, and whenever a clip is missing, it falls back as documented in
 * docs/DISPLAY.md.
 */
export class WebAudioSpeaker implements Speaker {
  private readonly buffers = new Map<string, Promise<AudioBuffer>>();
  private readonly baseUrl: string;

  constructor(private readonly options: WebAudioSpeakerOptions) {
    this.baseUrl = options.baseUrl ?? '/voice/';
  }

  /** Fetch and decode every clip now, so the first call plays without a network round trip. */
  async preload(): Promise<void> {
    const files = [CHIME_FILE_NAME, ...VOICE_CLIP_NAMES.map(clipFileName)];
    await Promise.allSettled(files.map((file) => this.buffer(`${this.baseUrl}${encodeURIComponent(file)}`)));
  }

  /** Play the chime alone (the sound test, and the answer to "enable sound"). */
  async chime(volume = 1): Promise<void> {
    await this.ensureRunning();
    const url = `${this.baseUrl}${CHIME_FILE_NAME}`;
    const buffer = await this.buffer(url);
    await this.playSteps([{ file: CHIME_FILE_NAME, url, gapAfterMs: 0 }], new Map([[url, buffer]]), volume);
  }

  async play(announcement: Announcement): Promise<void> {
    await this.ensureRunning();
    const voice = this.vietnameseVoice();
    if (announcement.voice === 'browser' && voice !== null) {
      await this.chime(announcement.volume);
      await this.speak(announcement, voice);
      return;
    }
    const steps = planClips(announcement, { repeat: announcement.repeat, baseUrl: this.baseUrl });
    const loaded = await Promise.allSettled(steps.map((step) => this.buffer(step.url)));
    const buffers = new Map<string, AudioBuffer>();
    loaded.forEach((result, index) => {
      const step = steps[index];
      if (result.status === 'fulfilled' && step !== undefined) buffers.set(step.url, result.value);
    });
    const isComplete = steps.every((step) => buffers.has(step.url));
    if (!isComplete && voice !== null) {
      // A clip is missing (a hall deleted one, a failed download): a whole sentence read by the browser
      // is clearer than a sentence with a hole in it.
      const chime = steps.filter((step) => step.file === CHIME_FILE_NAME && buffers.has(step.url));
      if (chime.length > 0) await this.playSteps(chime.slice(0, 1), buffers, announcement.volume);
      await this.speak(announcement, voice);
      return;
    }
    const playable = steps.filter((step) => buffers.has(step.url));
    if (playable.length === 0) throw new Error('no voice clip could be loaded');
    await this.playSteps(playable, buffers, announcement.volume);
  }

  private async ensureRunning(): Promise<void> {
    const { context } = this.options;
    if (context.state === 'running') return;
    // resume() may never settle without a user gesture; wait a little, then report it blocked.
    await Promise.race([context.resume().catch(() => undefined), delay(RESUME_WAIT_MS)]);
    if ((context.state as AudioContextState) !== 'running') throw new SoundBlockedError();
  }

  private buffer(url: string): Promise<AudioBuffer> {
    let pending = this.buffers.get(url);
    if (pending === undefined) {
      const fetcher = this.options.fetcher ?? fetch.bind(globalThis);
      pending = fetcher(url)
        .then((response) => {
          if (!response.ok) throw new Error(`clip ${url}: HTTP ${response.status}`);
          return response.arrayBuffer();
        })
        .then((data) => this.options.context.decodeAudioData(data));
      // A failed fetch is retried on the next call (the server may have been down), not cached for ever.
      pending.catch(() => this.buffers.delete(url));
      this.buffers.set(url, pending);
    }
    return pending;
  }

  private async playSteps(
    steps: readonly ClipStep[],
    buffers: ReadonlyMap<string, AudioBuffer>,
    volume: number,
  ): Promise<void> {
    const { context } = this.options;
    const gain = context.createGain();
    gain.gain.value = volume;
    gain.connect(context.destination);
    const { clips, endAt } = scheduleClips(
      steps,
      (url) => buffers.get(url)?.duration ?? 0,
      context.currentTime + LEAD_SECONDS,
    );
    let last: AudioBufferSourceNode | null = null;
    for (const clip of clips) {
      const buffer = buffers.get(clip.url);
      if (buffer === undefined) continue;
      const source = context.createBufferSource();
      source.buffer = buffer;
      source.connect(gain);
      source.start(clip.at);
      last = source;
    }
    const finalSource = last;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, (endAt - context.currentTime) * 1000 + END_GRACE_MS);
      if (finalSource !== null) {
        finalSource.onended = () => {
          clearTimeout(timer);
          resolve();
        };
      }
    });
    gain.disconnect();
  }

  private vietnameseVoice(): SpeechSynthesisVoice | null {
    const voices = this.options.synthesis?.getVoices() ?? [];
    return voices.find((voice) => voice.lang.toLowerCase().replace('_', '-').startsWith('vi')) ?? null;
  }

  private async speak(announcement: Announcement, voice: SpeechSynthesisVoice): Promise<void> {
    const synthesis = this.options.synthesis;
    if (!synthesis) return;
    for (let round = 0; round < announcement.repeat; round += 1) {
      await new Promise<void>((resolve) => {
        const utterance = new SpeechSynthesisUtterance(announcement.text);
        utterance.voice = voice;
        utterance.lang = voice.lang;
        utterance.volume = announcement.volume;
        utterance.rate = 0.9;
        // Some engines never fire `end` for a cancelled utterance: bound the wait by the text length.
        const timer = setTimeout(resolve, 2_000 + announcement.text.length * 150);
        const done = (): void => {
          clearTimeout(timer);
          resolve();
        };
        utterance.onend = done;
        utterance.onerror = done;
        synthesis.speak(utterance);
      });
      if (round < announcement.repeat - 1) await delay(900);
    }
  }
}

const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
