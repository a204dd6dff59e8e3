// The kiosk's Electron main process: the only file that imports Electron. It composes the small,
// tested modules beside it; keep logic out of here.
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BrowserWindow, Menu, app, ipcMain, session } from 'electron';
import { handleCrashes } from './crash-recovery.ts';
import { hallCertificateVerdict, loadHallCa, serverHostOf } from './hall-ca.ts';
import { createDiagnostics } from './diagnostics.ts';
import { createDriverImagePrinter } from './driver-print.ts';
import { hardenSession, hardenWebContents, type BlockedAction } from './hardening.ts';
import { registerIpcHandlers } from './ipc.ts';
import { loadRendererWithRetry } from './load-renderer.ts';
import { createRotatingLog } from './log-file.ts';
import { createPrinterFromConfig, type PrinterConfig } from './printer/index.ts';
import { listUsbDevices } from './printer/usb-transport.ts';
import { loadWinspool } from './printer/winspool.ts';
import { createPrinterService, createPrinterSlot } from './printer-service.ts';
import {
  decodeSettingsText,
  kioskFiles,
  loadKioskSettings,
  withPrinter,
  type SettingsProblem,
} from './settings.ts';
import { claimSingleInstance } from './single-instance.ts';
import { configureStartAtLogin } from './start-at-login.ts';
import { settingsErrorPageUrl } from './settings-error-page.ts';
import { kioskWindowOptions } from './window-options.ts';

const files = kioskFiles({
  platform: process.platform,
  env: process.env,
  isPackaged: app.isPackaged,
  userDataPath: app.getPath('userData'),
  cwd: process.cwd(),
});
// A packaged Windows app has no console: every line also goes to a rotating file in the kiosk's data folder.
const logFile = createRotatingLog({ dir: files.logDir });
const log = (message: string, fields: Record<string, string | number | boolean> = {}): void => {
  const line = JSON.stringify({ at: new Date().toISOString(), source: 'kiosk-main', message, ...fields });
  console.log(line);
  logFile.write(line);
};
// Electron shows a dialog for an uncaught error in the main process: never on a kiosk. Log it instead.
process.on('uncaughtException', (error) => log('uncaught error', { error: error.stack ?? error.message }));
process.on('unhandledRejection', (reason) =>
  log('unhandled rejection', {
    error: reason instanceof Error ? (reason.stack ?? reason.message) : String(reason),
  }),
);
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
  const settingsFile = files.settingsFile;
  const settings = loadKioskSettings(settingsFile, (file) => readFileSync(file));
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
  // What the page itself says went wrong (the error boundary's report, failed loads) lands in the log too.
  window.webContents.on('console-message', (details) => {
    if (details.level === 'warning' || details.level === 'error') {
      log('renderer console', {
        level: details.level,
        text: details.message.slice(0, 2_000),
        source: details.sourceId,
      });
    }
  });

  if (!settings.ok) {
    showSettingsProblem(window, settings.error);
    return;
  }
  const { serverOrigin, rendererUrl } = settings.value;
  // An HTTPS hall whose CA the technician gave the kiosk in its settings (caFile) rather than the
  // Windows store: that CA vouches for the hall server's own name only; Chromium judges everything else.
  if (settings.value.caFile !== undefined) {
    const hallCa = loadHallCa(settings.value.caFile, settingsFile, (file) => readFileSync(file));
    if (!hallCa.ok) {
      showSettingsProblem(window, { file: settingsFile, reason: hallCa.reason });
      return;
    }
    const trust = { serverHost: serverHostOf(serverOrigin), ca: hallCa.value };
    session.defaultSession.setCertificateVerifyProc((request, callback) =>
      callback(hallCertificateVerdict(request, trust, Date.now())),
    );
  }
  log('starting', {
    version: app.getVersion(),
    settings: settingsFile,
    log: logFile.file,
    server: serverOrigin,
    printer: settings.value.printer.kind,
  });

  hardenSession(session.defaultSession, serverOrigin, logBlocked);
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, serverOrigin, logBlocked));
  hardenWebContents(window.webContents, serverOrigin, logBlocked);

  // Driver mode (the last resort) prints the ticket picture from a hidden window that runs no script.
  const printImage = createDriverImagePrinter(
    () =>
      new BrowserWindow({
        show: false,
        webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false },
      }),
  );
  const slot = createPrinterSlot(settings.value.printer, (config) =>
    createPrinterFromConfig(config, { printImage }),
  );
  const diagnostics = createDiagnostics({
    managerPin: settings.value.managerPin,
    now: Date.now,
    kiosk: {
      kioskVersion: app.getVersion(),
      electronVersion: process.versions.electron ?? '',
      platform: process.platform,
      serverUrl: settings.value.serverUrl,
      settingsFile,
      logFile: logFile.file,
    },
    current: () => slot.current,
    listWindowsPrinters: async () => (await loadWinspool()).listPrinters(),
    listUsbDevices: () => listUsbDevices(),
    usePrinter: (config: PrinterConfig) => {
      const text = withPrinter(decodeSettingsText(readFileSync(settingsFile)), config);
      // Written whole or not at all: a power cut mid-write must not leave a kiosk that cannot start.
      const temporary = `${settingsFile}.${process.pid}.tmp`;
      writeFileSync(temporary, text);
      renameSync(temporary, settingsFile);
      slot.replace(config);
      return Promise.resolve();
    },
    log,
  });
  registerIpcHandlers(ipcMain, createPrinterService(slot.printer), {
    allowedOrigin: serverOrigin,
    onRefused: (reason) => log('bridge call refused', { reason }),
    diagnostics,
  });
  app.on('before-quit', () => {
    slot.close().catch(() => undefined);
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
