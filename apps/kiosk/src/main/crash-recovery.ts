/** Why a renderer process ended, as Electron reports it in `render-process-gone`. */
export type RenderProcessGoneDetails = { readonly reason: string; readonly exitCode: number };

/** A child process that ended, as Electron reports it in the app's `child-process-gone`. */
export type ChildProcessGoneDetails = { readonly type: string; readonly reason: string };

/** The part of Electron's `app` crash recovery needs. */
export interface RelaunchableApp {
  on(
    event: 'child-process-gone',
    listener: (event: unknown, details: ChildProcessGoneDetails) => void,
  ): unknown;
  relaunch(): void;
  exit(exitCode?: number): void;
}

/** The part of a `BrowserWindow` crash recovery needs. */
export interface RecoverableWindow {
  isDestroyed(): boolean;
  readonly webContents: {
    on(
      event: 'render-process-gone',
      listener: (event: unknown, details: RenderProcessGoneDetails) => void,
    ): unknown;
    on(event: 'unresponsive' | 'responsive', listener: () => void): unknown;
    reload(): void;
    forcefullyCrashRenderer(): void;
  };
}

/** Tuning of crash recovery; defaults suit a kiosk that must come back on its own. */
export type CrashRecoveryOptions = {
  /** Reloads allowed within `windowMs` before the whole app is relaunched instead. */
  readonly maxReloads?: number;
  readonly windowMs?: number;
  /** How long a hung renderer is given before it is killed and reloaded. */
  readonly unresponsiveMs?: number;
  readonly now?: () => number;
  readonly setTimer?: (run: () => void, ms: number) => { cancel(): void };
  readonly log?: (message: string, fields: Record<string, string | number>) => void;
};

/**
 * Bring the kiosk back by itself, with nobody at the keyboard: a crashed or killed renderer is reloaded;
 * a renderer that keeps crashing (three times within a minute) or a crashed GPU process restarts the
 * whole app (a GPU crash can leave the window black even after Chromium restarts the process); a hung
 * renderer is killed after a grace period, which lands in the reload path.
 */
export function handleCrashes(
  app: RelaunchableApp,
  window: RecoverableWindow,
  options: CrashRecoveryOptions = {},
): void {
  const maxReloads = options.maxReloads ?? 3;
  const windowMs = options.windowMs ?? 60_000;
  const unresponsiveMs = options.unresponsiveMs ?? 15_000;
  const now = options.now ?? Date.now;
  const log = options.log ?? (() => undefined);
  const setTimer =
    options.setTimer ??
    ((run: () => void, ms: number) => {
      const timer = setTimeout(run, ms);
      return { cancel: () => clearTimeout(timer) };
    });
  let recentCrashes: number[] = [];
  let hangTimer: { cancel(): void } | null = null;

  const relaunch = (why: string): void => {
    log('relaunching the kiosk', { why });
    app.relaunch();
    app.exit(0);
  };

  window.webContents.on('render-process-gone', (_event, details) => {
    hangTimer?.cancel();
    hangTimer = null;
    if (window.isDestroyed()) return;
    const at = now();
    recentCrashes = [...recentCrashes.filter((time) => at - time < windowMs), at];
    log('renderer gone', {
      reason: details.reason,
      exitCode: details.exitCode,
      recent: recentCrashes.length,
    });
    if (recentCrashes.length > maxReloads) relaunch(`renderer gone ${recentCrashes.length} times`);
    else window.webContents.reload();
  });

  window.webContents.on('unresponsive', () => {
    if (hangTimer !== null) return;
    hangTimer = setTimer(() => {
      hangTimer = null;
      if (window.isDestroyed()) return;
      log('renderer hung; killing it', { afterMs: unresponsiveMs });
      window.webContents.forcefullyCrashRenderer();
    }, unresponsiveMs);
  });
  window.webContents.on('responsive', () => {
    hangTimer?.cancel();
    hangTimer = null;
  });

  app.on('child-process-gone', (_event, details) => {
    if (details.type === 'GPU' && details.reason !== 'clean-exit') relaunch(`GPU process ${details.reason}`);
  });
}
