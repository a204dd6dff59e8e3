import { describe, expect, it } from 'vitest';
import { isAllowedRequestUrl, kioskContentSecurityPolicy } from '../../src/main/csp.ts';
import {
  hardenSession,
  hardenWebContents,
  isBlockedShortcut,
  type BlockedAction,
} from '../../src/main/hardening.ts';
import { kioskWindowOptions } from '../../src/main/window-options.ts';
import { FakeEvent, FakeSession, FakeWebContents } from './electron-fakes.ts';

const SERVER = 'http://192.168.1.10:8080';

describe('kioskWindowOptions', () => {
  it('is a full-screen kiosk whose renderer has no Node, an isolated preload, the sandbox and web security', () => {
    const options = kioskWindowOptions({
      preloadPath: '/app/out/preload/index.cjs',
      isKiosk: true,
      allowDevTools: false,
    });
    expect(options).toMatchObject({
      kiosk: true,
      fullscreen: true,
      frame: false,
      closable: false,
      show: false,
      autoHideMenuBar: true,
    });
    expect(options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
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
      devTools: false,
    });
  });

  it("keeps every web-preference guard in a developer's windowed run", () => {
    const options = kioskWindowOptions({ preloadPath: '/p.cjs', isKiosk: false, allowDevTools: true });
    expect(options).toMatchObject({ kiosk: false, fullscreen: false, frame: true });
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    });
  });
});

describe('hardenWebContents', () => {
  function hardened() {
    const contents = new FakeWebContents();
    const blocked: BlockedAction[] = [];
    hardenWebContents(contents, SERVER, (action) => blocked.push(action));
    return { contents, blocked };
  }

  it('lets the page move within the hall server and blocks any navigation elsewhere', () => {
    const { contents, blocked } = hardened();
    expect(contents.navigate('will-navigate', `${SERVER}/kiosk/`)).toBe(true);
    expect(contents.navigate('will-navigate', 'https://example.com/')).toBe(false);
    expect(contents.navigate('will-navigate', 'http://192.168.1.10:8081/kiosk/')).toBe(false);
    expect(contents.navigate('will-redirect', 'http://evil.test/')).toBe(false);
    expect(contents.navigate('will-frame-navigate', 'file:///etc/passwd')).toBe(false);
    expect(contents.navigate('will-navigate', 'not a url')).toBe(false);
    expect(blocked.filter((action) => action.kind === 'navigation')).toHaveLength(5);
  });

  it('denies every new window and every <webview>', () => {
    const { contents, blocked } = hardened();
    expect(contents.windowOpenHandler?.({ url: `${SERVER}/kiosk/` })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    const attach = new FakeEvent();
    contents.emit('will-attach-webview', attach);
    expect(attach.isPrevented).toBe(true);
    expect(blocked.map((action) => action.kind)).toEqual(['window', 'window', 'webview']);
  });

  it('swallows reload, close, quit, DevTools, zoom and history shortcuts; plain digits still type', () => {
    const { contents } = hardened();
    expect(contents.press({ key: 'F5' })).toBe(false);
    expect(contents.press({ key: 'r', control: true })).toBe(false);
    expect(contents.press({ key: 'R', control: true, shift: true })).toBe(false);
    expect(contents.press({ key: 'w', control: true })).toBe(false);
    expect(contents.press({ key: 'F4', alt: true })).toBe(false);
    expect(contents.press({ key: 'q', meta: true })).toBe(false);
    expect(contents.press({ key: 'I', control: true, shift: true })).toBe(false);
    expect(contents.press({ key: 'F12' })).toBe(false);
    expect(contents.press({ key: '=', control: true })).toBe(false);
    expect(contents.press({ key: 'ArrowLeft', alt: true })).toBe(false);
    expect(contents.press({ key: 'BrowserBack' })).toBe(false);
    expect(contents.press({ key: '7' })).toBe(true);
    expect(contents.press({ key: 'Backspace' })).toBe(true);
    expect(
      isBlockedShortcut({ type: 'keyUp', key: 'F5', control: false, alt: false, meta: false, shift: false }),
    ).toBe(false);
  });
});

describe('hardenSession', () => {
  function hardened() {
    const session = new FakeSession();
    hardenSession(session, SERVER);
    return session;
  }

  it('denies every permission the page may ask or check for, and every device', () => {
    const session = hardened();
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'usb',
      'hid',
      'serial',
      'clipboard-read',
      'fullscreen',
    ]) {
      let answer: boolean | null = null;
      session.permissionRequest?.({}, permission, (isGranted) => (answer = isGranted));
      expect(answer, permission).toBe(false);
      expect(session.permissionCheck?.({}, permission), permission).toBe(false);
    }
    expect(session.devicePermission?.()).toBe(false);
  });

  it('refuses downloads', () => {
    const session = hardened();
    const download = new FakeEvent();
    session.emit('will-download', download);
    expect(download.isPrevented).toBe(true);
  });

  it('cancels requests to anywhere but the hall server (http and its socket)', () => {
    const session = hardened();
    const cancelled = (url: string): boolean => {
      let answer: boolean | null = null;
      session.beforeRequest?.({ url }, (response) => (answer = response.cancel));
      return answer ?? false;
    };
    expect(cancelled(`${SERVER}/kiosk/assets/index.js`)).toBe(false);
    expect(cancelled('ws://192.168.1.10:8080/socket.io/?EIO=4&transport=websocket')).toBe(false);
    expect(cancelled('data:font/woff2;base64,AAAA')).toBe(false);
    expect(cancelled('https://fonts.googleapis.com/css')).toBe(true);
    expect(cancelled('ws://192.168.1.11:8080/socket.io/')).toBe(true);
    expect(cancelled('wss://192.168.1.10:8080/socket.io/')).toBe(true);
    expect(cancelled('file:///C:/Windows/win.ini')).toBe(true);
  });

  it("puts the kiosk's Content-Security-Policy on every response, replacing any other", () => {
    const session = hardened();
    let headers: Record<string, string[]> = {};
    session.headersReceived?.(
      {
        url: `${SERVER}/kiosk/`,
        responseHeaders: { 'content-type': ['text/html'], 'content-security-policy': ['default-src *'] },
      },
      (response) => (headers = response.responseHeaders),
    );
    expect(headers['content-type']).toEqual(['text/html']);
    expect(headers['content-security-policy']).toBeUndefined();
    expect(headers['Content-Security-Policy']).toEqual([kioskContentSecurityPolicy(SERVER)]);
  });
});

describe('kioskContentSecurityPolicy', () => {
  it('allows scripts only from the server, the socket only to it, and no inline script, frames or plugins', () => {
    const policy = kioskContentSecurityPolicy(SERVER);
    const directives = new Map(policy.split('; ').map((directive) => [directive.split(' ')[0], directive]));
    expect(directives.get('default-src')).toBe("default-src 'none'");
    expect(directives.get('script-src')).toBe("script-src 'self'");
    expect(directives.get('connect-src')).toBe("connect-src 'self' ws://192.168.1.10:8080");
    expect(directives.get('object-src')).toBe("object-src 'none'");
    expect(directives.get('frame-src')).toBe("frame-src 'none'");
    expect(directives.get('base-uri')).toBe("base-uri 'none'");
    expect(policy).not.toContain('unsafe');
    expect(kioskContentSecurityPolicy('https://hall.example:8443')).toContain(
      "connect-src 'self' wss://hall.example:8443",
    );
  });

  it('matches request URLs to the server by scheme, host and port', () => {
    expect(isAllowedRequestUrl('https://hall.example:8443/x', 'https://hall.example:8443')).toBe(true);
    expect(isAllowedRequestUrl('wss://hall.example:8443/socket.io/', 'https://hall.example:8443')).toBe(true);
    expect(isAllowedRequestUrl('http://hall.example:8443/x', 'https://hall.example:8443')).toBe(false);
    expect(isAllowedRequestUrl('::', SERVER)).toBe(false);
  });
});
