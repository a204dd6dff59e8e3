import { mkdtempSync, readFileSync, rmSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { handleCrashes } from '../../src/main/crash-recovery.ts';
import { loadRendererWithRetry, waitingPageUrl } from '../../src/main/load-renderer.ts';
import { claimSingleInstance } from '../../src/main/single-instance.ts';
import { configureStartAtLogin, linuxAutostartEntry } from '../../src/main/start-at-login.ts';
import { FakeApp, FakeWebContents } from './electron-fakes.ts';

function crashSetup() {
  const app = new FakeApp();
  const webContents = new FakeWebContents();
  let now = 0;
  const timers: { run: () => void; ms: number; isCancelled: boolean }[] = [];
  const window = { isDestroyed: () => false, webContents };
  handleCrashes(app, window, {
    now: () => now,
    setTimer: (run, ms) => {
      const timer = { run, ms, isCancelled: false };
      timers.push(timer);
      return { cancel: () => (timer.isCancelled = true) };
    },
  });
  return { app, webContents, timers, advance: (ms: number) => (now += ms) };
}

describe('handleCrashes', () => {
  it('reloads the page after a renderer crash', () => {
    const { app, webContents } = crashSetup();
    webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
    expect(webContents.reloads).toBe(1);
    expect(app.relaunches).toBe(0);
  });

  it('relaunches the whole app when the renderer keeps crashing, but not for spaced-out crashes', () => {
    const { app, webContents, advance } = crashSetup();
    for (let index = 0; index < 3; index += 1) {
      webContents.emit('render-process-gone', {}, { reason: 'oom', exitCode: 0 });
      advance(61_000);
    }
    expect(webContents.reloads).toBe(3);
    expect(app.relaunches).toBe(0);
    for (let index = 0; index < 4; index += 1)
      webContents.emit('render-process-gone', {}, { reason: 'killed', exitCode: 9 });
    expect(app.relaunches).toBe(1);
    expect(app.exits).toEqual([0]);
  });

  it('relaunches after a GPU process crash, and ignores other child processes', () => {
    const { app } = crashSetup();
    app.emit('child-process-gone', {}, { type: 'Utility', reason: 'crashed' });
    app.emit('child-process-gone', {}, { type: 'GPU', reason: 'clean-exit' });
    expect(app.relaunches).toBe(0);
    app.emit('child-process-gone', {}, { type: 'GPU', reason: 'crashed' });
    expect(app.relaunches).toBe(1);
  });

  it('kills a renderer that stays hung, which then reloads; a renderer that recovers is left alone', () => {
    const { webContents, timers } = crashSetup();
    webContents.emit('unresponsive');
    webContents.emit('responsive');
    expect(timers[0]?.isCancelled).toBe(true);
    webContents.emit('unresponsive');
    webContents.emit('unresponsive');
    expect(timers).toHaveLength(2);
    timers[1]!.run();
    expect(webContents.crashesForced).toBe(1);
  });
});

describe('loadRendererWithRetry', () => {
  it('loads the renderer from the hall server, shows a waiting page while it is down, and retries', () => {
    const contents = new FakeWebContents();
    const retries: (() => void)[] = [];
    loadRendererWithRetry(contents, 'http://hall:8080/kiosk/', {
      serverOrigin: 'http://hall:8080',
      setTimer: (run) => retries.push(run),
    });
    expect(contents.loaded).toEqual(['http://hall:8080/kiosk/']);
    contents.emit('did-fail-load', {}, -102, 'ERR_CONNECTION_REFUSED', 'http://hall:8080/kiosk/', true);
    expect(contents.loaded[1]).toBe(waitingPageUrl('http://hall:8080', 'ERR_CONNECTION_REFUSED'));
    expect(decodeURIComponent(contents.loaded[1]!)).toContain('Đang kết nối tới máy chủ của Trung tâm');
    expect(retries).toHaveLength(1);
    // A sub-resource, an aborted navigation or the waiting page itself are not failures of the renderer.
    contents.emit('did-fail-load', {}, -102, 'ERR_CONNECTION_REFUSED', 'http://hall:8080/kiosk/x.png', false);
    contents.emit('did-fail-load', {}, -3, 'ERR_ABORTED', 'http://hall:8080/kiosk/', true);
    expect(retries).toHaveLength(1);
    retries[0]!();
    expect(contents.loaded.at(-1)).toBe('http://hall:8080/kiosk/');
  });

  it('escapes what it puts in the waiting page', () => {
    expect(decodeURIComponent(waitingPageUrl('http://hall:8080', '<script>x</script>'))).not.toContain(
      '<script>x',
    );
  });
});

describe('claimSingleInstance', () => {
  it('runs the first kiosk and focuses it when a second one starts', () => {
    const app = new FakeApp();
    let focused = 0;
    expect(claimSingleInstance(app, () => (focused += 1))).toBe(true);
    app.emit('second-instance');
    expect(focused).toBe(1);
  });

  it('quits a second kiosk at once', () => {
    const app = new FakeApp();
    app.hasLock = false;
    expect(claimSingleInstance(app, () => undefined)).toBe(false);
    expect(app.quits).toBe(1);
  });
});

describe('configureStartAtLogin', () => {
  const files = { writeFileSync, mkdirSync, rmSync };

  it('registers a login item on Windows', () => {
    const app = new FakeApp();
    configureStartAtLogin({
      isEnabled: true,
      platform: 'win32',
      app,
      executable: 'C:\\Luot\\Luot Kiosk.exe',
      configHome: '/nowhere',
      files,
    });
    expect(app.loginItems).toEqual([{ openAtLogin: true, path: 'C:\\Luot\\Luot Kiosk.exe' }]);
  });

  it('writes (and removes) an XDG autostart entry on Linux', () => {
    const home = mkdtempSync(path.join(tmpdir(), 'luot-autostart-'));
    const app = new FakeApp();
    const input = {
      platform: 'linux',
      app,
      executable: '/opt/Luot Kiosk/luot-kiosk',
      configHome: home,
      files,
    };
    configureStartAtLogin({ ...input, isEnabled: true });
    const file = path.join(home, 'autostart', 'luot-kiosk.desktop');
    expect(readFileSync(file, 'utf8')).toBe(linuxAutostartEntry('/opt/Luot Kiosk/luot-kiosk'));
    expect(readFileSync(file, 'utf8')).toContain('Exec="/opt/Luot Kiosk/luot-kiosk"');
    configureStartAtLogin({ ...input, isEnabled: false });
    expect(existsSync(file)).toBe(false);
    expect(app.loginItems).toEqual([]);
    rmSync(home, { recursive: true, force: true });
  });
});
