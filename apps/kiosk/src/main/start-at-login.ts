import path from 'node:path';

/** The part of Electron's `app` that registers a login item (Windows and macOS). */
export interface LoginItemApp {
  setLoginItemSettings(settings: { openAtLogin: boolean; path?: string }): void;
}

/** The file operations the Linux autostart entry needs (node:fs in the app, a temp folder in tests). */
export interface AutostartFiles {
  writeFileSync(file: string, content: string): void;
  mkdirSync(folder: string, options: { recursive: true }): unknown;
  rmSync(file: string, options: { force: true }): void;
}

/** The XDG autostart entry that starts the kiosk when the Linux session starts. */
export function linuxAutostartEntry(executable: string): string {
  const quoted = /[\s"'\\]/.test(executable) ? `"${executable.replace(/(["\\$`])/g, '\\$1')}"` : executable;
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Lượt Kiosk',
    'Comment=Kiosk lấy số thứ tự / Queue ticket kiosk',
    `Exec=${quoted}`,
    'X-GNOME-Autostart-enabled=true',
    'Terminal=false',
    '',
  ].join('\n');
}

/**
 * Start the kiosk when the PC's user logs in, so a power cut or a reboot brings it back without anyone
 * at a keyboard. Windows and macOS use Electron's login items; Linux has none, so an XDG autostart
 * entry is written (or removed when the setting is off).
 */
export function configureStartAtLogin(input: {
  readonly isEnabled: boolean;
  readonly platform: string;
  readonly app: LoginItemApp;
  readonly executable: string;
  readonly configHome: string;
  readonly files: AutostartFiles;
}): void {
  if (input.platform === 'win32' || input.platform === 'darwin') {
    input.app.setLoginItemSettings({ openAtLogin: input.isEnabled, path: input.executable });
    return;
  }
  const folder = path.join(input.configHome, 'autostart');
  const file = path.join(folder, 'luot-kiosk.desktop');
  if (!input.isEnabled) {
    input.files.rmSync(file, { force: true });
    return;
  }
  input.files.mkdirSync(folder, { recursive: true });
  input.files.writeFileSync(file, linuxAutostartEntry(input.executable));
}
