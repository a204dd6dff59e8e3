// Electron's security checklist (https://www.electronjs.org/docs/latest/tutorial/security), walked item
// by item over the kiosk's real window options, session and web-contents hardening, IPC handlers,
// preload and packaging. Electron's binary is not installed here: the handlers are called through the
// fakes in electron-fakes.ts exactly as Electron would call them. The renderer is a page from the hall
// server, so every item is judged as for remote content.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isAllowedRequestUrl, kioskContentSecurityPolicy } from '../../src/main/csp.ts';
import {
  hardenSession,
  hardenWebContents,
  isBlockedShortcut,
  type BlockedAction,
} from '../../src/main/hardening.ts';
import { BridgeRefusedError, registerIpcHandlers } from '../../src/main/ipc.ts';
import type { PrinterService } from '../../src/main/printer-service.ts';
import { kioskWindowOptions } from '../../src/main/window-options.ts';
import { createKioskBridge } from '../../src/preload/bridge-api.ts';
import { KIOSK_CHANNELS } from '../../src/preload/channels.ts';
import { FakeEvent, FakeIpcMain, FakeSession, FakeWebContents } from './electron-fakes.ts';

const SERVER = 'http://192.168.1.10:8080';
const KIOSK_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const read = (relative: string): string => readFileSync(path.join(KIOSK_ROOT, relative), 'utf8');
/** Every source file of the Electron side (main process and preload), as text. */
const electronSources = (): [string, string][] =>
  ['src/main', 'src/main/printer', 'src/preload'].flatMap((folder) =>
    readdirSync(path.join(KIOSK_ROOT, folder))
      .filter((file) => file.endsWith('.ts'))
      .map((file): [string, string] => [`${folder}/${file}`, read(`${folder}/${file}`)]),
  );

/** Both ways the window is built: the hall's kiosk, and a developer's windowed run. */
const windows = [
  kioskWindowOptions({ preloadPath: '/app/out/preload/index.cjs', isKiosk: true, allowDevTools: false }),
  kioskWindowOptions({ preloadPath: '/app/out/preload/index.cjs', isKiosk: false, allowDevTools: true }),
];
const preferences = windows.map((options) => options.webPreferences ?? {});

function hardenedContents(): { contents: FakeWebContents; blocked: BlockedAction[] } {
  const contents = new FakeWebContents();
  const blocked: BlockedAction[] = [];
  hardenWebContents(contents, SERVER, (action) => blocked.push(action));
  return { contents, blocked };
}

function hardenedSession(): FakeSession {
  const session = new FakeSession();
  hardenSession(session, SERVER);
  return session;
}

const cancelled = (session: FakeSession, url: string): boolean => {
  let answer: boolean | null = null;
  session.beforeRequest?.({ url }, (response) => (answer = response.cancel));
  if (answer === null) throw new Error(`no answer for ${url}`);
  return answer;
};

describe('Electron security checklist', { timeout: 5_000 }, () => {
  it('1. only secure content — the hall server is HTTPS with the hall CA (luot tls init) or plain HTTP on the hall LAN; either way nothing but that one origin may load: every other origin and scheme is cancelled', () => {
    const session = hardenedSession();
    expect(cancelled(session, `${SERVER}/kiosk/assets/index.js`)).toBe(false);
    expect(cancelled(session, 'ws://192.168.1.10:8080/socket.io/?EIO=4&transport=websocket')).toBe(false);
    for (const url of [
      'https://fonts.googleapis.com/css',
      'http://192.168.1.10:8081/kiosk/',
      'http://192.168.1.11:8080/kiosk/',
      'ws://192.168.1.11:8080/socket.io/',
      'wss://192.168.1.10:8080/socket.io/',
      'ftp://192.168.1.10/x',
      'javascript:alert(1)',
    ]) {
      expect({ url, cancelled: cancelled(session, url) }).toEqual({ url, cancelled: true });
    }
    expect(isAllowedRequestUrl('::', SERVER)).toBe(false);
    expect(isAllowedRequestUrl('https://hall.example:8443/x', 'https://hall.example:8443')).toBe(true);
    expect(isAllowedRequestUrl('http://hall.example:8443/x', 'https://hall.example:8443')).toBe(false);
    // An HTTPS hall: its socket is wss:// only; ws:// to the same host is refused.
    expect(isAllowedRequestUrl('wss://hall.example:8443/socket.io/', 'https://hall.example:8443')).toBe(true);
    expect(isAllowedRequestUrl('ws://hall.example:8443/socket.io/', 'https://hall.example:8443')).toBe(false);
    // The renderer URL is derived from the configured server, never taken from elsewhere.
    expect(read('src/main/settings.ts')).toContain('rendererUrl: `${serverOrigin}/kiosk/`');
  });

  it('2. no Node.js integration for remote content, in the page, its workers or sub-frames', () => {
    for (const webPreferences of preferences) {
      expect(webPreferences).toMatchObject({
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
      });
    }
  });

  it('3. context isolation on; the preload reaches the page only through contextBridge', () => {
    for (const webPreferences of preferences) expect(webPreferences.contextIsolation).toBe(true);
    const preload = read('src/preload/index.ts');
    expect(preload).toContain('contextBridge.exposeInMainWorld');
    expect(preload).not.toMatch(/window\.\w+\s*=/);
  });

  it('4. process sandbox on; the preload needs nothing but electron (bundled as CommonJS)', () => {
    for (const webPreferences of preferences) expect(webPreferences.sandbox).toBe(true);
    for (const file of readdirSync(path.join(KIOSK_ROOT, 'src/preload'))) {
      const imports = [
        ...read(`src/preload/${file}`).matchAll(/^import (?!type)[^'"]*['"]([^'"]+)['"]/gm),
      ].map((match) => match[1]!);
      for (const specifier of imports)
        expect(specifier === 'electron' || specifier.startsWith('.')).toBe(true);
    }
    expect(read('electron.vite.config.ts')).toMatch(/external: \['electron'\]/);
  });

  it('5. every permission request and check from the page is denied, and every device', () => {
    const session = hardenedSession();
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'midi',
      'usb',
      'hid',
      'serial',
      'clipboard-read',
      'clipboard-sanitized-write',
      'display-capture',
      'fullscreen',
      'openExternal',
      'pointerLock',
      'idle-detection',
    ]) {
      let answer: boolean | null = null;
      session.permissionRequest?.({}, permission, (isGranted) => (answer = isGranted));
      expect({ permission, answer }).toEqual({ permission, answer: false });
      expect({ permission, check: session.permissionCheck?.({}, permission) }).toEqual({
        permission,
        check: false,
      });
    }
    expect(session.devicePermission?.()).toBe(false);
    const download = new FakeEvent();
    session.emit('will-download', download);
    expect(download.isPrevented).toBe(true);
    // The hardened session is the one the window uses: the default session, with no other partition.
    expect(read('src/main/index.ts')).toContain('hardenSession(session.defaultSession, serverOrigin');
    for (const webPreferences of preferences) expect(webPreferences.partition).toBeUndefined();
  });

  it('6. webSecurity is not disabled', () => {
    for (const webPreferences of preferences) expect(webPreferences.webSecurity).toBe(true);
  });

  it("7. a strict Content-Security-Policy on every response: default-src 'none', scripts only from the server, no eval, no inline script", () => {
    const policy = kioskContentSecurityPolicy(SERVER);
    const directives = new Map(policy.split('; ').map((directive) => [directive.split(' ')[0], directive]));
    expect(directives.get('default-src')).toBe("default-src 'none'");
    expect(directives.get('script-src')).toBe("script-src 'self'");
    expect(directives.get('connect-src')).toBe("connect-src 'self' ws://192.168.1.10:8080");
    expect(directives.get('object-src')).toBe("object-src 'none'");
    expect(directives.get('frame-src')).toBe("frame-src 'none'");
    expect(directives.get('base-uri')).toBe("base-uri 'none'");
    expect(directives.get('form-action')).toBe("form-action 'none'");
    expect(policy).not.toContain('unsafe');
    expect(policy).not.toMatch(/https?:\/\/(?!192\.168\.1\.10:8080)/);
    expect(policy).not.toContain('*');
    expect(kioskContentSecurityPolicy('https://hall.example:8443')).toContain(
      "connect-src 'self' wss://hall.example:8443",
    );
    // Put on every response, replacing whatever policy the response carried.
    const session = hardenedSession();
    let headers: Record<string, string[]> = {};
    session.headersReceived?.(
      {
        url: `${SERVER}/kiosk/`,
        responseHeaders: {
          'content-type': ['text/html'],
          'Content-Security-Policy': ["default-src *; script-src 'unsafe-eval'"],
        },
      },
      (response) => (headers = response.responseHeaders),
    );
    expect(headers['content-type']).toEqual(['text/html']);
    expect(Object.keys(headers).filter((name) => name.toLowerCase() === 'content-security-policy')).toEqual([
      'Content-Security-Policy',
    ]);
    expect(headers['Content-Security-Policy']).toEqual([policy]);
  });

  it('8. allowRunningInsecureContent is not enabled', () => {
    for (const webPreferences of preferences) expect(webPreferences.allowRunningInsecureContent).toBe(false);
  });

  it('9. experimental features are not enabled', () => {
    for (const webPreferences of preferences) expect(webPreferences.experimentalFeatures).toBe(false);
  });

  it('10. enableBlinkFeatures is not used', () => {
    for (const webPreferences of preferences) expect(webPreferences.enableBlinkFeatures).toBeUndefined();
    for (const [file, source] of electronSources())
      expect({ file, uses: source.includes('enableBlinkFeatures') }).toEqual({ file, uses: false });
  });

  it('11. <webview> allowpopups — not applicable: the <webview> tag is off and every attach is refused, so no webview can exist to allow popups', () => {
    for (const webPreferences of preferences) expect(webPreferences.webviewTag).toBe(false);
    const { contents, blocked } = hardenedContents();
    const attach = new FakeEvent();
    contents.emit('will-attach-webview', attach);
    expect(attach.isPrevented).toBe(true);
    expect(blocked).toEqual([{ kind: 'webview', detail: 'webview refused' }]);
  });

  it('12. <webview> options and params — not applicable for the same reason: will-attach-webview refuses every one, whatever its options', () => {
    const { contents } = hardenedContents();
    for (const params of [
      { src: `${SERVER}/kiosk/` },
      { src: 'https://evil.example/', allowpopups: 'true' },
    ]) {
      const attach = new FakeEvent();
      contents.emit('will-attach-webview', attach, { nodeIntegration: true, preload: '/evil.js' }, params);
      expect(attach.isPrevented).toBe(true);
    }
  });

  it('13. navigation is limited to the hall server (links, redirects and frames), on every web contents created', () => {
    const { contents, blocked } = hardenedContents();
    expect(contents.navigate('will-navigate', `${SERVER}/kiosk/`)).toBe(true);
    expect(contents.navigate('will-navigate', `${SERVER}/t/abc`)).toBe(true);
    for (const [event, url] of [
      ['will-navigate', 'https://example.com/'],
      ['will-navigate', 'http://192.168.1.10:8081/kiosk/'],
      ['will-navigate', 'file:///etc/passwd'],
      ['will-navigate', 'javascript:alert(1)'],
      ['will-navigate', 'not a url'],
      ['will-redirect', 'http://evil.test/'],
      ['will-frame-navigate', 'file:///C:/Windows/win.ini'],
      ['will-frame-navigate', 'data:text/html,<script>1</script>'],
    ] as const) {
      expect({ event, url, allowed: contents.navigate(event, url) }).toEqual({ event, url, allowed: false });
    }
    expect(blocked.filter((action) => action.kind === 'navigation')).toHaveLength(8);
    // Not only the main window: every web contents Electron creates gets the same guards.
    const main = read('src/main/index.ts');
    expect(main).toMatch(
      /app\.on\('web-contents-created', \(_event, contents\) => hardenWebContents\(contents, serverOrigin/,
    );
    expect(main).toContain('hardenWebContents(window.webContents, serverOrigin');
    for (const webPreferences of preferences) expect(webPreferences.navigateOnDragDrop).toBe(false);
  });

  it('14. new windows are denied, whatever they point at', () => {
    const { contents, blocked } = hardenedContents();
    for (const url of [`${SERVER}/kiosk/`, 'https://example.com/', 'about:blank', 'file:///etc/passwd']) {
      expect(contents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
    }
    expect(blocked.map((action) => action.kind)).toEqual(['window', 'window', 'window', 'window']);
  });

  it('15. shell.openExternal is not used at all (nothing from the page can open another program)', () => {
    for (const [file, source] of electronSources()) {
      expect({ file, shell: /\bshell\b|openExternal|openPath/.test(source) }).toEqual({ file, shell: false });
    }
  });

  it('16. a current Electron: pinned exactly, a supported major (the latest three), and the installed one is the pin', () => {
    const manifest = JSON.parse(read('package.json')) as { devDependencies: Record<string, string> };
    const pinned = manifest.devDependencies.electron!;
    expect(pinned).toMatch(/^\d+\.\d+\.\d+$/);
    // Electron 45 was the newest stable when this was written; 43–45 are the supported majors.
    expect(Number(pinned.split('.')[0])).toBeGreaterThanOrEqual(43);
    const installed = path.join(KIOSK_ROOT, 'node_modules/electron/package.json');
    if (existsSync(installed))
      expect((JSON.parse(readFileSync(installed, 'utf8')) as { version: string }).version).toBe(pinned);
  });

  it('17. every IPC sender is checked: only the top frame of a page from the hall server reaches the printer', async () => {
    const touched: string[] = [];
    const printer: PrinterService = {
      status: () => {
        touched.push('status');
        return Promise.resolve({ state: 'ok', detail: null });
      },
      print: () => {
        touched.push('print');
        return Promise.resolve({ ok: true });
      },
    } as unknown as PrinterService;
    const ipc = new FakeIpcMain();
    registerIpcHandlers(ipc, printer, { allowedOrigin: SERVER });
    const topFrame = { url: `${SERVER}/kiosk/`, parent: null };
    for (const frame of [
      { url: 'https://evil.example/kiosk/', parent: null },
      { url: 'http://192.168.1.10:9999/kiosk/', parent: null },
      { url: 'data:text/html,<h1>đang chờ</h1>', parent: null },
      { url: 'file:///C:/kiosk/index.html', parent: null },
      { url: `${SERVER}/kiosk/frame.html`, parent: topFrame },
      null,
    ]) {
      await expect(ipc.invoke(KIOSK_CHANNELS.printerStatus, frame)).rejects.toBeInstanceOf(
        BridgeRefusedError,
      );
    }
    expect(touched).toEqual([]);
    await ipc.invoke(KIOSK_CHANNELS.printerStatus, topFrame);
    expect(touched).toEqual(['status']);
    // (test/main/ipc.test.ts covers the print channel, argument parsing and duplicates in detail.)
  });

  it('18. no file:// — the renderer comes from the hall server over http; file: requests, navigations and senders are refused', () => {
    const session = hardenedSession();
    expect(cancelled(session, 'file:///etc/passwd')).toBe(true);
    expect(cancelled(session, 'file:///C:/Windows/win.ini')).toBe(true);
    const { contents } = hardenedContents();
    expect(contents.navigate('will-navigate', 'file:///home/kiosk/')).toBe(false);
    const main = read('src/main/index.ts');
    expect(main).not.toContain('loadFile(');
    expect(main).not.toMatch(/file:\/\//);
  });

  it('19. fuses: RunAsNode, NODE_OPTIONS and --inspect are off; the app loads only from its asar; file:// has no extra rights', () => {
    // The configuration electron-builder flips them from; test/packaging/packaged-app.test.ts reads them flipped in a packaged binary.
    const builder = read('electron-builder.yml');
    const fuses = builder.slice(builder.search(/^electronFuses:$/m));
    expect(fuses).toMatch(/^electronFuses:$/m);
    expect(fuses).toMatch(/^\s+runAsNode: false$/m);
    expect(fuses).toMatch(/^\s+enableNodeOptionsEnvironmentVariable: false$/m);
    expect(fuses).toMatch(/^\s+enableNodeCliInspectArguments: false$/m);
    expect(fuses).toMatch(/^\s+onlyLoadAppFromAsar: true$/m);
    expect(fuses).toMatch(/^\s+grantFileProtocolExtraPrivileges: false$/m);
  });

  it('20. no Electron API is exposed to the page: the bridge is plain functions on fixed channels; no remote module', async () => {
    const calls: [string, unknown[]][] = [];
    const bridge = createKioskBridge((channel, ...args) => {
      calls.push([channel, args]);
      return Promise.resolve(null);
    });
    expect(Object.keys(bridge).sort()).toEqual(['diagnostics', 'print', 'printerStatus']);
    expect([bridge.print, bridge.printerStatus].every((value) => typeof value === 'function')).toBe(true);
    // The diagnostics screen's calls: functions only, each on its own fixed channel, PIN-gated in main.
    expect(Object.keys(bridge.diagnostics!).sort()).toEqual([
      'choosePrinter',
      'close',
      'info',
      'open',
      'printers',
      'testPrint',
    ]);
    expect(Object.values(bridge.diagnostics!).every((value) => typeof value === 'function')).toBe(true);
    await bridge.printerStatus();
    await bridge.diagnostics!.open('2468');
    expect(calls).toEqual([
      [KIOSK_CHANNELS.printerStatus, []],
      [KIOSK_CHANNELS.diagnosticsOpen, ['2468']],
    ]);
    const preload = read('src/preload/index.ts');
    expect(preload).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer\s*\)/);
    expect(preload.match(/exposeInMainWorld/g)).toHaveLength(1);
    const manifest = read('package.json');
    expect(manifest).not.toContain('@electron/remote');
    for (const [file, source] of electronSources()) {
      expect({
        file,
        remote: /enableRemoteModule|@electron\/remote|require\('electron'\)\.remote/.test(source),
      }).toEqual({
        file,
        remote: false,
      });
    }
  });

  it('beyond the list: DevTools only in development, and the keys that reload, close or open DevTools are swallowed', () => {
    expect(preferences[0]!.devTools).toBe(false);
    const { contents } = hardenedContents();
    for (const input of [
      { key: 'F5' },
      { key: 'r', control: true },
      { key: 'R', control: true, shift: true },
      { key: 'w', control: true },
      { key: 'F4', alt: true },
      { key: 'q', meta: true },
      { key: 'I', control: true, shift: true },
      { key: 'F12' },
      { key: '=', control: true },
      { key: 'ArrowLeft', alt: true },
      { key: 'BrowserBack' },
    ]) {
      expect({ input, reachesPage: contents.press(input) }).toEqual({ input, reachesPage: false });
    }
    expect(contents.press({ key: '7' })).toBe(true);
    expect(contents.press({ key: 'Backspace' })).toBe(true);
    expect(
      isBlockedShortcut({ type: 'keyUp', key: 'F5', control: false, alt: false, meta: false, shift: false }),
    ).toBe(false);
  });

  it('beyond the list: the kiosk window is a full-screen kiosk with no frame, menu or close button', () => {
    expect(windows[0]).toMatchObject({
      kiosk: true,
      fullscreen: true,
      frame: false,
      closable: false,
      show: false,
      autoHideMenuBar: true,
    });
    expect(windows[0]!.webPreferences?.preload).toBe('/app/out/preload/index.cjs');
    expect(windows[1]).toMatchObject({ kiosk: false, fullscreen: false, frame: true });
  });
});
