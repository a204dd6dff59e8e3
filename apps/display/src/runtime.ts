import type { HallConnection, HallView } from '@luot/client';
import type { AnnouncementConfig } from '@luot/shared/domain';
import { DEFAULT_ANNOUNCEMENT } from '@luot/shared/domain';
import type { AnnouncementRecord, Speaker } from './announcer.ts';
import { Announcer, announceCall } from './announcer.ts';
import { CallWatcher } from './call-watcher.ts';
import type { KeyValueStorage } from './settings.ts';
import { storedAnnouncerMemory } from './settings.ts';
import { SoundControl } from './sound.ts';
import { WebAudioSpeaker } from './web-audio-speaker.ts';

declare global {
  interface Window {
    /**
     * Read-only debug hook: every call the announcer was offered since the page loaded, oldest first,
     * with its outcome. End-to-end tests read it to check that each call was queued exactly once.
     */
    readonly __luotAnnouncements?: readonly AnnouncementRecord[];
  }
}

/** A speaker for browsers without Web Audio: every announcement fails, so the calls are shown only. */
const silentSpeaker: Speaker = {
  play: () => Promise.reject(new Error('this browser has no Web Audio')),
};

/**
 * Everything of the display that lives as long as the page, whatever the pairing: one AudioContext, the
 * speaker, the announcement queue and its memory, and the sound prompt's state.
 */
export class DisplayRuntime {
  readonly announcer: Announcer;
  readonly sound: SoundControl;
  private readonly speaker: WebAudioSpeaker | null;
  private filter: readonly string[] | null = null;
  private clockOffsetMs = 0;
  private announcement: AnnouncementConfig = DEFAULT_ANNOUNCEMENT;

  constructor(storage: KeyValueStorage) {
    const AudioContextClass = typeof window.AudioContext === 'function' ? window.AudioContext : null;
    const context = AudioContextClass === null ? null : new AudioContextClass({ latencyHint: 'playback' });
    this.speaker =
      context === null
        ? null
        : new WebAudioSpeaker({
            context,
            synthesis: typeof speechSynthesis === 'undefined' ? null : speechSynthesis,
          });
    this.announcer = new Announcer({
      speaker: this.speaker ?? silentSpeaker,
      now: () => Date.now() + this.clockOffsetMs,
      memory: storedAnnouncerMemory(storage),
      onError: (error, announcement) => console.warn('announcement not played', announcement.key, error),
    });
    // The chime answers the press, unless a call is being said (it would talk over it).
    this.sound = new SoundControl(context, storage, () => {
      if (this.announcer.pendingCount === 0)
        this.speaker?.chime(this.announcement.volume).catch(() => undefined);
    });
    Object.defineProperty(window, '__luotAnnouncements', {
      configurable: true,
      get: () => this.announcer.records.map((record) => ({ ...record })),
    });
  }

  /** Start: decide about the sound prompt and fetch the clips in the background. */
  start(): void {
    void this.sound.start();
    void this.speaker?.preload();
  }

  /** The display's service filter changed (settings panel or address). */
  setFilter(filter: readonly string[] | null): void {
    this.filter = filter;
  }

  /** Announce the calls of a connection until the returned function is called. */
  watch(connection: HallConnection): () => void {
    const watcher = new CallWatcher(this.announcer, () => this.filter);
    const observe = (view: HallView): void => {
      this.clockOffsetMs = view.clockOffsetMs;
      if (view.config !== null) this.announcement = view.config.announcement;
      watcher.observe(view);
    };
    observe(connection.current);
    return connection.subscribe(observe);
  }

  /** Say a sample call through the queue (the settings panel's sound test). */
  testSound(): void {
    const sample = { key: `test#${Date.now()}`, ticketNumber: 'A012', counterNumber: 5 };
    this.announcer.sayTest(announceCall(sample, { ...this.announcement, repeat: 1 }));
  }
}
