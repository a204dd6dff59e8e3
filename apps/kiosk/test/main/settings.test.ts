import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadKioskSettings, settingsFilePath } from '../../src/main/settings.ts';
import { settingsErrorPageUrl } from '../../src/main/settings-error-page.ts';

const directory = mkdtempSync(path.join(tmpdir(), 'luot-kiosk-settings-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

function load(content: string) {
  const file = path.join(directory, `settings-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, content);
  return loadKioskSettings(file, (name) => readFileSync(name, 'utf8'));
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
      loadKioskSettings(path.join(directory, 'missing.json'), (name) => readFileSync(name, 'utf8')),
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

describe('settingsFilePath', () => {
  it('uses LUOT_KIOSK_SETTINGS, else the folder of the installed program (or the AppImage), else the working folder', () => {
    const base = { exePath: '/opt/luot/luot-kiosk', cwd: '/home/dev/luot/apps/kiosk' };
    expect(settingsFilePath({ ...base, env: { LUOT_KIOSK_SETTINGS: 'kiosk.json' }, isPackaged: true })).toBe(
      '/home/dev/luot/apps/kiosk/kiosk.json',
    );
    expect(settingsFilePath({ ...base, env: {}, isPackaged: true })).toBe('/opt/luot/luot-kiosk.json');
    expect(
      settingsFilePath({ ...base, env: { APPIMAGE: '/home/kiosk/Luot.AppImage' }, isPackaged: true }),
    ).toBe('/home/kiosk/luot-kiosk.json');
    expect(settingsFilePath({ ...base, env: {}, isPackaged: false })).toBe(
      '/home/dev/luot/apps/kiosk/luot-kiosk.json',
    );
  });
});
