import path from 'node:path';
import { z } from 'zod';
import { printerConfigSchema, type PrinterConfig } from './printer/index.ts';

/** The file a kiosk reads at start, in its data folder (or named by LUOT_KIOSK_SETTINGS). */
export const SETTINGS_FILE_NAME = 'luot-kiosk.json';

/**
 * The kiosk's settings file: where the hall server is and which printer to use. Unknown fields are
 * rejected, so a typo ("serverURL") fails loudly at start instead of being silently ignored.
 */
export const kioskSettingsSchema = z.strictObject({
  /** The hall server, e.g. `http://192.168.1.10:8080`; the renderer is loaded from `<serverUrl>/kiosk/`. */
  serverUrl: z.url({ protocol: /^https?$/ }),
  printer: printerConfigSchema,
  /**
   * The hall CA's certificate (the hall's `/ca.crt`, saved beside this file) for an HTTPS hall whose CA
   * is not in the Windows certificate store; relative to this file's folder. Trusted for the hall server
   * only (`hall-ca.ts`).
   */
  caFile: z.string().min(1).max(1_000).optional(),
  /** Start the kiosk when the PC's user logs in (default on). */
  startAtLogin: z.boolean().default(true),
  /**
   * The hall manager's PIN for the kiosk's hidden diagnostics screen (long press on the top-left corner).
   * Without it the screen cannot be opened. Checked by the main process only; the page never sees it.
   */
  managerPin: z
    .string()
    .regex(/^[0-9]{4,8}$/, 'a PIN of 4 to 8 digits')
    .optional(),
});

/** Settings as read from the file, with defaults filled in. */
export type KioskSettings = {
  readonly serverUrl: string;
  readonly printer: PrinterConfig;
  readonly startAtLogin: boolean;
  readonly managerPin?: string | undefined;
  readonly caFile?: string | undefined;
};

/** Where the settings come from and what they resolve to. */
export type ResolvedSettings = KioskSettings & {
  /** `http://host:port`: the only origin the window may show and the only one the bridge answers. */
  readonly serverOrigin: string;
  /** The renderer's address on the hall server. */
  readonly rendererUrl: string;
};

/** Why the settings could not be used; the kiosk shows this on its start-up error page. */
export type SettingsProblem = { readonly file: string; readonly reason: string };

/** What decides where the kiosk keeps its files. */
export type KioskPlaces = {
  readonly platform: NodeJS.Platform;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly isPackaged: boolean;
  /** Electron's `app.getPath('userData')`. */
  readonly userDataPath: string;
  readonly cwd: string;
};

/** The kiosk's own files: its settings file and its log folder. */
export type KioskFiles = { readonly settingsFile: string; readonly logDir: string };

/**
 * Where the kiosk keeps its settings and logs, so that they survive an update or an uninstall and need
 * no administrator rights to read: on Windows `%ProgramData%\Luot\Kiosk` (the installer creates it and
 * lets the kiosk's user write its logs there); elsewhere Electron's user-data folder
 * (`~/.config/Luot Kiosk`); the working folder in development. LUOT_KIOSK_SETTINGS names another file,
 * whose folder then holds the logs too.
 */
export function kioskFiles(places: KioskPlaces): KioskFiles {
  const paths = places.platform === 'win32' ? path.win32 : path.posix;
  const fromEnv = places.env.LUOT_KIOSK_SETTINGS;
  if (fromEnv) {
    const settingsFile = paths.resolve(places.cwd, fromEnv);
    return { settingsFile, logDir: paths.join(paths.dirname(settingsFile), 'logs') };
  }
  const dir = !places.isPackaged
    ? places.cwd
    : places.platform === 'win32'
      ? paths.join(places.env.ProgramData ?? 'C:\\ProgramData', 'Luot', 'Kiosk')
      : places.userDataPath;
  return { settingsFile: paths.join(dir, SETTINGS_FILE_NAME), logDir: paths.join(dir, 'logs') };
}

/**
 * Settings file text as Windows editors save it: UTF-8 with or without a byte-order mark (Notepad adds
 * one), or UTF-16 with its mark (Notepad's "Unicode").
 */
export function decodeSettingsText(bytes: Uint8Array): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return buffer.subarray(2).toString('utf16le');
  if (buffer[0] === 0xfe && buffer[1] === 0xff) {
    const swapped = Buffer.from(buffer.subarray(2));
    swapped.swap16();
    return swapped.toString('utf16le');
  }
  return buffer.toString('utf8').replace(/^\uFEFF/, '');
}

/** Read and check the settings file; never throws. */
export function loadKioskSettings(
  file: string,
  readBytes: (file: string) => Uint8Array,
): { ok: true; value: ResolvedSettings } | { ok: false; error: SettingsProblem } {
  let raw: unknown;
  try {
    raw = JSON.parse(decodeSettingsText(readBytes(file))) as unknown;
  } catch (error) {
    const reason =
      error instanceof SyntaxError ? `not valid JSON: ${error.message}` : 'file not found or unreadable';
    return { ok: false, error: { file, reason } };
  }
  const parsed = kioskSettingsSchema.safeParse(raw);
  if (!parsed.success) {
    const reason = parsed.error.issues
      .map((issue) => `${issue.path.join('.') || '(file)'}: ${issue.message}`)
      .join('; ');
    return { ok: false, error: { file, reason } };
  }
  const serverOrigin = new URL(parsed.data.serverUrl).origin;
  return {
    ok: true,
    value: { ...parsed.data, serverOrigin, rendererUrl: `${serverOrigin}/kiosk/` },
  };
}

/**
 * The settings file with another printer (chosen on the diagnostics screen), every other field kept as
 * the technician wrote it. Throws when the result would not load. Written as UTF-8 without a mark.
 */
export function withPrinter(currentText: string, printer: unknown): string {
  const current = JSON.parse(currentText) as Record<string, unknown>;
  const next = { ...current, printer };
  const parsed = kioskSettingsSchema.safeParse(next);
  if (!parsed.success) {
    throw new Error(
      parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '),
    );
  }
  return `${JSON.stringify(next, null, 2)}\n`;
}
