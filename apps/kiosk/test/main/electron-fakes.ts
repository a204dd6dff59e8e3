// Fakes of the Electron objects the main-process modules take as parameters. Electron's binary is not
// installed here (and a test must never need it); these record what the modules ask of Electron and let
// a test fire the events Electron would.
import { EventEmitter } from 'node:events';
import type {
  HardenableSession,
  HardenableWebContents,
  KeyInput,
  NavigationEvent,
  ResponseHeaders,
} from '../../src/main/hardening.ts';
import type { IpcMainLike, InvokeEvent } from '../../src/main/ipc.ts';
import type { KioskChannel } from '../../src/bridge.ts';

/** An Electron-style event: remembers whether a handler prevented the default action. */
export class FakeEvent {
  isPrevented = false;
  constructor(readonly url = '') {}
  preventDefault(): void {
    this.isPrevented = true;
  }
}

/** A web contents: emits navigation, input and crash events like the real one. */
export class FakeWebContents extends EventEmitter implements HardenableWebContents {
  windowOpenHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;
  reloads = 0;
  crashesForced = 0;
  readonly loaded: string[] = [];

  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void {
    this.windowOpenHandler = handler;
  }
  reload(): void {
    this.reloads += 1;
  }
  forcefullyCrashRenderer(): void {
    this.crashesForced += 1;
  }
  loadURL(url: string): Promise<void> {
    this.loaded.push(url);
    return Promise.resolve();
  }
  /** Fire a navigation event and say whether it went ahead. */
  navigate(event: 'will-navigate' | 'will-redirect' | 'will-frame-navigate', url: string): boolean {
    const navigation: NavigationEvent & FakeEvent = new FakeEvent(url);
    this.emit(event, navigation);
    return !navigation.isPrevented;
  }
  /** Press a key; say whether it reached the page. */
  press(input: Partial<KeyInput> & { key: string }): boolean {
    const event = new FakeEvent();
    this.emit('before-input-event', event, {
      type: 'keyDown',
      control: false,
      alt: false,
      meta: false,
      shift: false,
      ...input,
    });
    return !event.isPrevented;
  }
}

/** A session: records its handlers so a test can call them as Chromium would. */
export class FakeSession extends EventEmitter implements HardenableSession {
  permissionRequest:
    ((contents: unknown, permission: string, callback: (isGranted: boolean) => void) => void) | null = null;
  permissionCheck: ((contents: unknown, permission: string) => boolean) | null = null;
  devicePermission: (() => boolean) | null = null;
  beforeRequest:
    ((details: { url: string }, callback: (response: { cancel: boolean }) => void) => void) | null = null;
  headersReceived:
    | ((
        details: { url: string; responseHeaders?: ResponseHeaders },
        callback: (response: { responseHeaders: ResponseHeaders }) => void,
      ) => void)
    | null = null;

  setPermissionRequestHandler(handler: NonNullable<FakeSession['permissionRequest']>): void {
    this.permissionRequest = handler;
  }
  setPermissionCheckHandler(handler: NonNullable<FakeSession['permissionCheck']>): void {
    this.permissionCheck = handler;
  }
  setDevicePermissionHandler(handler: () => boolean): void {
    this.devicePermission = handler;
  }
  readonly webRequest = {
    onBeforeRequest: (listener: NonNullable<FakeSession['beforeRequest']>) => {
      this.beforeRequest = listener;
    },
    onHeadersReceived: (listener: NonNullable<FakeSession['headersReceived']>) => {
      this.headersReceived = listener;
    },
  };
}

/** ipcMain: keeps the handlers; `invoke` calls one as a renderer's `ipcRenderer.invoke` would. */
export class FakeIpcMain implements IpcMainLike {
  readonly handlers = new Map<KioskChannel, (event: InvokeEvent, ...args: unknown[]) => Promise<unknown>>();

  handle(
    channel: KioskChannel,
    listener: (event: InvokeEvent, ...args: unknown[]) => Promise<unknown>,
  ): void {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: KioskChannel): void {
    this.handlers.delete(channel);
  }
  invoke(channel: KioskChannel, frame: InvokeEvent['senderFrame'], ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) return Promise.reject(new Error(`No handler registered for '${channel}'`));
    return handler({ senderFrame: frame }, ...args);
  }
}

/** app: records relaunches, exits and login-item settings. */
export class FakeApp extends EventEmitter {
  relaunches = 0;
  exits: (number | undefined)[] = [];
  quits = 0;
  hasLock = true;
  loginItems: { openAtLogin: boolean; path?: string }[] = [];

  relaunch(): void {
    this.relaunches += 1;
  }
  exit(code?: number): void {
    this.exits.push(code);
  }
  quit(): void {
    this.quits += 1;
  }
  requestSingleInstanceLock(): boolean {
    return this.hasLock;
  }
  setLoginItemSettings(settings: { openAtLogin: boolean; path?: string }): void {
    this.loginItems.push(settings);
  }
}
