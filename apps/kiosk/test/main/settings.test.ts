import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeSettingsText, kioskFiles, loadKioskSettings, withPrinter } from '../../src/main/settings.ts';
import { settingsErrorPageUrl } from '../../src/main/settings-error-page.ts';

const directory = mkdtempSync(path.join(tmpdir(), 'luot-kiosk-settings-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

function load(content: string) {
  const file = path.join(directory, `settings-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, content);
  return loadKioskSettings(file, (name) => readFileSync(name));
}

describe('loadKioskSettings', () => {
  it('reads the server and printer, and derives the one allowed origin and the renderer address', () => {
    const result = load(
      JSON.stringify({
        serverUrl: 'http://192.168.1.10:8080/ignored/path',
        printer: { kind: 'usb', vendorId: 0x0416, productId: 0x5011, paperWidthMm: 80 },
      }),
    );
    expect(result).toEqual({
      ok: true,
      value: {
        serverUrl: 'http://192.168.1.10:8080/ignored/path',
        serverOrigin: 'http://192.168.1.10:8080',
        rendererUrl: 'http://192.168.1.10:8080/kiosk/',
        printer: { kind: 'usb', vendorId: 0x0416, productId: 0x5011, paperWidthMm: 80 },
        startAtLogin: true,
      },
    });
  });

  it('says which field is wrong, and rejects unknown fields and non-http servers', () => {
    const typo = load(
      JSON.stringify({
        serverURL: 'http://hall:8080',
        printer: { kind: 'file', directory: '/tmp/x', paperWidthMm: 80 },
      }),
    );
    expect(typo.ok).toBe(false);
    if (!typo.ok) expect(typo.error.reason).toContain('serverUrl');
    const scheme = load(
      JSON.stringify({
        serverUrl: 'file:///etc',
        printer: { kind: 'file', directory: '/tmp/x', paperWidthMm: 80 },
      }),
    );
    expect(scheme.ok).toBe(false);
    const width = load(
      JSON.stringify({
        serverUrl: 'http://hall:8080',
        printer: { kind: 'file', directory: '/tmp/x', paperWidthMm: 72 },
      }),
    );
    if (!width.ok) expect(width.error.reason).toContain('printer.paperWidthMm');
    expect(width.ok).toBe(false);
  });

  it('reports a missing or broken file without throwing', () => {
    expect(
      loadKioskSettings(path.join(directory, 'missing.json'), (name) => readFileSync(name)),
    ).toMatchObject({
      ok: false,
      error: { reason: 'file not found or unreadable' },
    });
    const broken = load('{ "serverUrl": ');
    expect(broken.ok).toBe(false);
    if (!broken.ok) {
      expect(broken.error.reason).toMatch(/^not valid JSON/);
      expect(decodeURIComponent(settingsErrorPageUrl(broken.error))).toContain('Kiosk chưa được cài đặt');
    }
  });
});

describe('where the kiosk keeps its files', () => {
  const places = { userDataPath: '/home/kiosk/.config/Luot Kiosk', cwd: '/home/dev/luot/apps/kiosk' };

  it('installed on Windows: ProgramData\\Luot\\Kiosk, not beside the program in Program Files', () => {
    expect(
      kioskFiles({
        ...places,
        platform: 'win32',
        env: { ProgramData: 'C:\\ProgramData' },
        isPackaged: true,
        cwd: 'C:\\Program Files\\Luot Kiosk',
      }),
    ).toEqual({
      settingsFile: 'C:\\ProgramData\\Luot\\Kiosk\\luot-kiosk.json',
      logDir: 'C:\\ProgramData\\Luot\\Kiosk\\logs',
    });
    expect(kioskFiles({ ...places, platform: 'win32', env: {}, isPackaged: true }).settingsFile).toBe(
      'C:\\ProgramData\\Luot\\Kiosk\\luot-kiosk.json',
    );
  });

  it('installed on Linux: the user-data folder; in development: the working folder', () => {
    expect(
      kioskFiles({ ...places, platform: 'linux', env: { APPIMAGE: '/opt/Luot.AppImage' }, isPackaged: true }),
    ).toEqual({
      settingsFile: '/home/kiosk/.config/Luot Kiosk/luot-kiosk.json',
      logDir: '/home/kiosk/.config/Luot Kiosk/logs',
    });
    expect(kioskFiles({ ...places, platform: 'linux', env: {}, isPackaged: false })).toEqual({
      settingsFile: '/home/dev/luot/apps/kiosk/luot-kiosk.json',
      logDir: '/home/dev/luot/apps/kiosk/logs',
    });
  });

  it('LUOT_KIOSK_SETTINGS names another file; its folder holds the logs', () => {
    expect(
      kioskFiles({
        ...places,
        platform: 'linux',
        env: { LUOT_KIOSK_SETTINGS: 'test/kiosk.json' },
        isPackaged: true,
      }),
    ).toEqual({
      settingsFile: '/home/dev/luot/apps/kiosk/test/kiosk.json',
      logDir: '/home/dev/luot/apps/kiosk/test/logs',
    });
  });
});

describe('a settings file saved by Windows editors', () => {
  const settings = {
    serverUrl: 'http://192.168.1.10:8080',
    printer: { kind: 'windows', printerName: 'XP-80C', paperWidthMm: 80 },
  };
  const text = JSON.stringify(settings, null, 2);

  it.each([
    [
      'UTF-8 with a byte-order mark (Notepad)',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]),
    ],
    [
      'UTF-16 LE with its mark (Notepad "Unicode")',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
    ],
    [
      'UTF-16 BE with its mark',
      Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]),
    ],
    ['UTF-8 with CRLF line ends', Buffer.from(text.replace(/\n/g, '\r\n'))],
  ])('%s loads', (_name, bytes) => {
    expect(decodeSettingsText(bytes).startsWith('{')).toBe(true);
    const file = path.join(directory, `bom-${Math.random().toString(36).slice(2)}.json`);
    writeFileSync(file, bytes);
    const result = loadKioskSettings(file, (name) => readFileSync(name));
    expect(result).toMatchObject({
      ok: true,
      value: { printer: { kind: 'windows', printerName: 'XP-80C', mode: 'raw' } },
    });
  });

  it('a manager PIN is 4 to 8 digits', () => {
    expect(load(JSON.stringify({ ...settings, managerPin: '2468' }))).toMatchObject({
      ok: true,
      value: { managerPin: '2468' },
    });
    const bad = load(JSON.stringify({ ...settings, managerPin: '12' }));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.reason).toContain('managerPin');
  });

  it('choosing another printer rewrites only the printer, keeps every other field, and refuses a bad one', () => {
    const written = withPrinter(
      Buffer.from(JSON.stringify({ ...settings, managerPin: '2468', startAtLogin: false })).toString(),
      { kind: 'usb', vendorId: 0x0416, productId: 0x5011, paperWidthMm: 58 },
    );
    expect(JSON.parse(written)).toEqual({
      ...settings,
      managerPin: '2468',
      startAtLogin: false,
      printer: { kind: 'usb', vendorId: 0x0416, productId: 0x5011, paperWidthMm: 58 },
    });
    expect(written.charCodeAt(0)).toBe(0x7b);
    expect(() => withPrinter(text, { kind: 'usb', vendorId: -1, productId: 1, paperWidthMm: 80 })).toThrow(
      /printer.vendorId/,
    );
  });
});

describe('the example settings file the installer copies', () => {
  it('loads as it ships (the technician then sets the server, the printer name and a manager PIN)', () => {
    const example = path.resolve(
      path.dirname(fileURLToPath(import.meta.url)),
      '..',
      '..',
      'luot-kiosk.example.json',
    );
    expect(loadKioskSettings(example, (name) => readFileSync(name))).toMatchObject({
      ok: true,
      value: { printer: { kind: 'windows', mode: 'raw', paperWidthMm: 80 }, startAtLogin: true },
    });
  });
});
