// The kiosk's Electron main process: the only file that imports Electron. It composes the small,
// tested modules beside it; keep logic out of here.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BrowserWindow, Menu, app, ipcMain, session } from 'electron';
import { handleCrashes } from './crash-recovery.ts';
import { hardenSession, hardenWebContents, type BlockedAction } from './hardening.ts';
import { registerIpcHandlers } from './ipc.ts';
import { loadRendererWithRetry } from './load-renderer.ts';
import { createPrinterFromConfig } from './printer/index.ts';
import { createPrinterService } from './printer-service.ts';
import { loadKioskSettings, settingsFilePath, type SettingsProblem } from './settings.ts';
import { claimSingleInstance } from './single-instance.ts';
import { configureStartAtLogin } from './start-at-login.ts';
import { settingsErrorPageUrl } from './settings-error-page.ts';
import { kioskWindowOptions } from './window-options.ts';

const log = (message: string, fields: Record<string, string | number | boolean> = {}): void => {
  console.log(JSON.stringify({ at: new Date().toISOString(), source: 'kiosk-main', message, ...fields }));
};
const logBlocked = (action: BlockedAction): void =>
  log('blocked', { kind: action.kind, detail: action.detail });

// Touch screens: no two-finger swipe "back", no pinch zoom of the whole page.
app.commandLine.appendSwitch('overscroll-history-navigation', '0');
app.commandLine.appendSwitch('disable-pinch');
Menu.setApplicationMenu(null);

let mainWindow: BrowserWindow | null = null;

const isRunning = claimSingleInstance(app, () => {
  if (!mainWindow || mainWindow.isDestroyed()) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
});

if (isRunning) {
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      log('start failed', { error: error instanceof Error ? error.message : String(error) });
      app.exit(1);
    });
  // A kiosk has one window; if it is ever closed, the process ends (and autostart brings it back).
  app.on('window-all-closed', () => app.quit());
}

function start(): void {
  const settingsFile = settingsFilePath({
    env: process.env,
    isPackaged: app.isPackaged,
    exePath: app.getPath('exe'),
    cwd: process.cwd(),
  });
  const settings = loadKioskSettings(settingsFile, (file) => readFileSync(file, 'utf8'));
  const isDevelopment = !app.isPackaged;
  const window = new BrowserWindow(
    kioskWindowOptions({
      preloadPath: path.join(path.dirname(fileURLToPath(import.meta.url)), '../preload/index.cjs'),
      isKiosk: !(isDevelopment && process.env.LUOT_KIOSK_WINDOWED === '1'),
      allowDevTools: isDevelopment,
    }),
  );
  mainWindow = window;
  window.once('ready-to-show', () => window.show());
  window.webContents.setVisualZoomLevelLimits(1, 1).catch(() => undefined);
  handleCrashes(app, window, { log });

  if (!settings.ok) {
    showSettingsProblem(window, settings.error);
    return;
  }
  const { serverOrigin, rendererUrl } = settings.value;
  log('starting', { settings: settingsFile, server: serverOrigin, printer: settings.value.printer.kind });

  hardenSession(session.defaultSession, serverOrigin, logBlocked);
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, serverOrigin, logBlocked));
  hardenWebContents(window.webContents, serverOrigin, logBlocked);

  const printer = createPrinterFromConfig(settings.value.printer);
  registerIpcHandlers(ipcMain, createPrinterService(printer), {
    allowedOrigin: serverOrigin,
    onRefused: (reason) => log('bridge call refused', { reason }),
  });
  app.on('before-quit', () => {
    printer.close().catch(() => undefined);
  });

  if (app.isPackaged) {
    configureStartAtLogin({
      isEnabled: settings.value.startAtLogin,
      platform: process.platform,
      app,
      executable: process.env.APPIMAGE ?? app.getPath('exe'),
      configHome: process.env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config'),
      files: { writeFileSync, mkdirSync, rmSync },
    });
  }
  loadRendererWithRetry(window.webContents, rendererUrl, { serverOrigin, log });
}

function showSettingsProblem(window: BrowserWindow, problem: SettingsProblem): void {
  log('settings problem', { file: problem.file, reason: problem.reason });
  // Nothing from the network is allowed while the kiosk does not know its server.
  hardenSession(session.defaultSession, 'http://settings.invalid', logBlocked);
  hardenWebContents(window.webContents, 'http://settings.invalid', logBlocked);
  window.loadURL(settingsErrorPageUrl(problem)).catch(() => undefined);
}
