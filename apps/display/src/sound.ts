import type { KeyValueStorage } from './settings.ts';
import { isSoundRemembered, rememberSound } from './settings.ts';

/** Where the display's sound stands. */
export type SoundState =
  /** Trying to resume a remembered context without a press. */
  | 'checking'
  /** The prompt "Nhấn để bật âm thanh" is shown. */
  | 'needs-press'
  | 'enabled'
  /** No Web Audio in this browser: calls are shown only. */
  | 'unavailable';

const AUTO_RESUME_WAIT_MS = 700;

/**
 * Browsers keep audio suspended until someone interacts with the page. The first time, the display asks
 * for a press and remembers it in localStorage; on later loads it tries to resume by itself and asks
 * again only if the browser still refuses.
 */
export class SoundControl {
  private state: SoundState = 'checking';
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly context: AudioContext | null,
    private readonly storage: KeyValueStorage,
    private readonly onEnabled: () => void = () => undefined,
  ) {
    context?.addEventListener('statechange', () => {
      if (context.state === 'running' && this.state === 'needs-press' && isSoundRemembered(storage)) {
        this.set('enabled');
      } else if (context.state !== 'running' && this.state === 'enabled') {
        this.set('needs-press');
      }
    });
  }

  /** The current state (for `useSyncExternalStore`). */
  get current(): SoundState {
    return this.state;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Decide whether the prompt is needed (on page load). */
  async start(): Promise<void> {
    const context = this.context;
    if (context === null) return this.set('unavailable');
    if (!isSoundRemembered(this.storage)) return this.set('needs-press');
    await Promise.race([
      context.resume().catch(() => undefined),
      new Promise((resolve) => setTimeout(resolve, AUTO_RESUME_WAIT_MS)),
    ]);
    this.set(context.state === 'running' ? 'enabled' : 'needs-press');
  }

  /** Enable sound; call it from a press (a user gesture), or the browser refuses. */
  enable(): void {
    const context = this.context;
    if (context === null || this.state === 'enabled') return;
    context.resume().then(
      () => {
        rememberSound(this.storage);
        this.set('enabled');
        this.onEnabled();
      },
      () => this.set('needs-press'),
    );
  }

  private set(state: SoundState): void {
    if (state === this.state) return;
    this.state = state;
    for (const listener of this.listeners) listener();
  }
}
