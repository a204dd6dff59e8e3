import type { BrowserWindowConstructorOptions } from 'electron';

/** What the kiosk window needs to know to build its options. */
export type KioskWindowOptionsInput = {
  /** Absolute path of the built preload script (CommonJS: sandboxed preloads cannot be ES modules). */
  readonly preloadPath: string;
  /** Full-screen kiosk mode; off only for a developer's windowed run (LUOT_KIOSK_WINDOWED=1, unpackaged). */
  readonly isKiosk: boolean;
  /** DevTools only in development; a visitor must never reach them. */
  readonly allowDevTools: boolean;
};

/**
 * The kiosk window: full screen with no frame or menu, and a renderer with no Node, its own isolated
 * world for the preload, Chromium's sandbox and web security on. The renderer is a web page from the
 * hall server, so it is treated like any remote content: the only door out is the preload bridge.
 */
export function kioskWindowOptions(input: KioskWindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    kiosk: input.isKiosk,
    fullscreen: input.isKiosk,
    frame: !input.isKiosk,
    width: 1080,
    height: 1920,
    autoHideMenuBar: true,
    resizable: !input.isKiosk,
    movable: !input.isKiosk,
    minimizable: !input.isKiosk,
    maximizable: !input.isKiosk,
    closable: !input.isKiosk,
    alwaysOnTop: input.isKiosk,
    skipTaskbar: input.isKiosk,
    // Shown once the first paint is ready, so a visitor never sees a white flash.
    show: false,
    backgroundColor: '#f4f6fa',
    title: 'Lượt — Kiosk',
    webPreferences: {
      preload: input.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      devTools: input.allowDevTools,
      // A kiosk is never "in the background": its status timers must keep their pace.
      backgroundThrottling: false,
    },
  };
}
