import path from 'node:path';
import { z } from 'zod';
import { printerConfigSchema, type PrinterConfig } from './printer/index.ts';

/** The file a kiosk reads at start, beside the installed program (or named by LUOT_KIOSK_SETTINGS). */
export const SETTINGS_FILE_NAME = 'luot-kiosk.json';

/**
 * The kiosk's settings file: where the hall server is and which printer to use. Unknown fields are
 * rejected, so a typo ("serverURL") fails loudly at start instead of being silently ignored.
 */
export const kioskSettingsSchema = z.strictObject({
  /** The hall server, e.g. `http://192.168.1.10:8080`; the renderer is loaded from `<serverUrl>/kiosk/`. */
  serverUrl: z.url({ protocol: /^https?$/ }),
  printer: printerConfigSchema,
  /** Start the kiosk when the PC's user logs in (default on). */
  startAtLogin: z.boolean().default(true),
});

/** Settings as read from the file, with defaults filled in. */
export type KioskSettings = {
  readonly serverUrl: string;
  readonly printer: PrinterConfig;
  readonly startAtLogin: boolean;
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

/**
 * Where the settings file is: LUOT_KIOSK_SETTINGS when set; beside the executable once installed (so a
 * technician finds it next to the program); the working folder during development.
 */
export function settingsFilePath(context: {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly isPackaged: boolean;
  readonly exePath: string;
  readonly cwd: string;
}): string {
  const fromEnv = context.env.LUOT_KIOSK_SETTINGS;
  if (fromEnv) return path.resolve(context.cwd, fromEnv);
  // An AppImage runs from a read-only mount; its settings live beside the .AppImage file itself.
  const appImage = context.env.APPIMAGE;
  const base = context.isPackaged ? path.dirname(appImage ?? context.exePath) : context.cwd;
  return path.join(base, SETTINGS_FILE_NAME);
}

/** Read and check the settings file; never throws. */
export function loadKioskSettings(
  file: string,
  readText: (file: string) => string,
): { ok: true; value: ResolvedSettings } | { ok: false; error: SettingsProblem } {
  let raw: unknown;
  try {
    raw = JSON.parse(readText(file)) as unknown;
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
