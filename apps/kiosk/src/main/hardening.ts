import { isAllowedRequestUrl, kioskContentSecurityPolicy } from './csp.ts';

/** An Electron event that can be cancelled. */
export type PreventableEvent = { preventDefault(): void };

/** A navigation about to happen (will-navigate, will-redirect, will-frame-navigate). */
export type NavigationEvent = PreventableEvent & { readonly url: string };

/** A key press as Electron's `before-input-event` reports it. */
export type KeyInput = {
  readonly type: string;
  readonly key: string;
  readonly control: boolean;
  readonly alt: boolean;
  readonly meta: boolean;
  readonly shift: boolean;
};

/**
 * The part of Electron's `WebContents` the hardening uses; the real one satisfies it, tests pass a fake.
 * Kept narrow so that the tests prove exactly which doors are closed.
 */
export interface HardenableWebContents {
  on(event: 'will-navigate', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-redirect', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-frame-navigate', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  on(event: 'before-input-event', listener: (event: PreventableEvent, input: KeyInput) => void): unknown;
  setWindowOpenHandler(handler: (details: { readonly url: string }) => { action: 'deny' }): void;
}

/** What the hardening reports when it blocks something (for the kiosk's log). */
export type BlockedAction = {
  readonly kind: 'navigation' | 'window' | 'webview' | 'shortcut' | 'request';
  readonly detail: string;
};

/** Whether a URL is on the hall server (the only place the kiosk window may be). */
export function isSameOrigin(url: string, allowedOrigin: string): boolean {
  try {
    return new URL(url).origin === allowedOrigin;
  } catch {
    return false;
  }
}

/**
 * Keys a visitor (or a keyboard someone plugs in) must not use on the kiosk: reload, close, quit, print,
 * DevTools, zoom, full-screen toggle, history back/forward. Every function key and every Ctrl, Alt or
 * Meta combination is swallowed; plain typing (the pairing code) still works.
 */
export function isBlockedShortcut(input: KeyInput): boolean {
  if (input.type !== 'keyDown' && input.type !== 'rawKeyDown') return false;
  if (input.control || input.alt || input.meta) return true;
  if (/^F\d{1,2}$/.test(input.key)) return true;
  return input.key === 'BrowserBack' || input.key === 'BrowserForward' || input.key === 'BrowserRefresh';
}

/**
 * Close every door of a web contents: no navigation away from the hall server (a link, a redirect, a
 * frame), no new windows, no <webview>, no reload/close/DevTools shortcuts.
 */
export function hardenWebContents(
  contents: HardenableWebContents,
  allowedOrigin: string,
  onBlocked: (action: BlockedAction) => void = () => undefined,
): void {
  const guardNavigation = (event: NavigationEvent): void => {
    if (isSameOrigin(event.url, allowedOrigin)) return;
    event.preventDefault();
    onBlocked({ kind: 'navigation', detail: event.url.slice(0, 200) });
  };
  contents.on('will-navigate', guardNavigation);
  contents.on('will-redirect', guardNavigation);
  contents.on('will-frame-navigate', guardNavigation);
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    onBlocked({ kind: 'webview', detail: 'webview refused' });
  });
  contents.setWindowOpenHandler(({ url }) => {
    onBlocked({ kind: 'window', detail: url.slice(0, 200) });
    return { action: 'deny' };
  });
  contents.on('before-input-event', (event, input) => {
    if (!isBlockedShortcut(input)) return;
    event.preventDefault();
    onBlocked({ kind: 'shortcut', detail: describeKey(input) });
  });
}

function describeKey(input: KeyInput): string {
  const modifiers = [
    input.control && 'Ctrl',
    input.alt && 'Alt',
    input.meta && 'Meta',
    input.shift && 'Shift',
  ];
  return [...modifiers.filter((modifier) => modifier !== false), input.key].join('+');
}

/** Response headers as Electron's `onHeadersReceived` hands them over. */
export type ResponseHeaders = Record<string, string[]>;

/** The part of Electron's `Session` the hardening uses. */
export interface HardenableSession {
  setPermissionRequestHandler(
    handler: (contents: unknown, permission: string, callback: (isGranted: boolean) => void) => void,
  ): void;
  setPermissionCheckHandler(handler: (contents: unknown, permission: string) => boolean): void;
  setDevicePermissionHandler(handler: () => boolean): void;
  on(event: 'will-download', listener: (event: PreventableEvent) => void): unknown;
  readonly webRequest: {
    onBeforeRequest(
      listener: (
        details: { readonly url: string },
        callback: (response: { cancel: boolean }) => void,
      ) => void,
    ): void;
    onHeadersReceived(
      listener: (
        details: { readonly url: string; readonly responseHeaders?: ResponseHeaders },
        callback: (response: { responseHeaders: ResponseHeaders }) => void,
      ) => void,
    ): void;
  };
}

/**
 * Lock the kiosk's session: every permission (camera, microphone, geolocation, notifications, USB/HID
 * from the page…) is denied, downloads are refused, requests anywhere but the hall server are
 * cancelled, and every response gets the kiosk's Content-Security-Policy.
 */
export function hardenSession(
  session: HardenableSession,
  allowedOrigin: string,
  onBlocked: (action: BlockedAction) => void = () => undefined,
): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    onBlocked({ kind: 'request', detail: `permission ${permission}` });
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.on('will-download', (event) => {
    event.preventDefault();
    onBlocked({ kind: 'request', detail: 'download refused' });
  });
  session.webRequest.onBeforeRequest((details, callback) => {
    const isAllowed = isAllowedRequestUrl(details.url, allowedOrigin);
    if (!isAllowed) onBlocked({ kind: 'request', detail: details.url.slice(0, 200) });
    callback({ cancel: !isAllowed });
  });
  const policy = kioskContentSecurityPolicy(allowedOrigin);
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers: ResponseHeaders = {};
    for (const [name, value] of Object.entries(details.responseHeaders ?? {})) {
      // Ours replaces any policy the response carried, so there is exactly one to reason about.
      if (name.toLowerCase() !== 'content-security-policy') headers[name] = value;
    }
    headers['Content-Security-Policy'] = [policy];
    callback({ responseHeaders: headers });
  });
}
