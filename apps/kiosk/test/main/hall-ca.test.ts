// An HTTPS hall with its own CA (luot tls init): the kiosk's `caFile` makes Electron accept the hall
// server's certificate, for the hall server's own name only. The fixtures are certificates (no keys)
// made by the server's `luot tls init` code on 2026-12-01: a hall CA, a server certificate it issued for
// kiosk-hall.local, localhost, 192.168.1.10 and 127.0.0.1 (valid 825 days), and the same names from
// another CA. `now` is fixed so the fixtures never expire under the test.
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  CERTIFICATE_ACCEPTED,
  CHROMIUM_VERDICT,
  hallCertificateVerdict,
  loadHallCa,
  serverHostOf,
} from '../../src/main/hall-ca.ts';
import { loadKioskSettings } from '../../src/main/settings.ts';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const fixture = (name: string): string => readFileSync(path.join(fixtures, name), 'utf8');
const NOW = Date.parse('2027-06-01T00:00:00Z');
const ca = new X509Certificate(fixture('hall-ca.crt'));
const hallServer = { data: fixture('hall-server.crt') };
const otherServer = { data: fixture('other-server.crt') };

describe('the kiosk trusts the hall CA of its settings for the hall server only', () => {
  const trust = { serverHost: serverHostOf('https://192.168.1.10:8080'), ca };

  it('accepts the hall server certificate the hall CA issued, at the address of serverUrl', () => {
    expect(hallCertificateVerdict({ hostname: '192.168.1.10', certificate: hallServer }, trust, NOW)).toBe(
      CERTIFICATE_ACCEPTED,
    );
    const byName = { serverHost: serverHostOf('https://Kiosk-Hall.local:8443'), ca };
    expect(
      hallCertificateVerdict({ hostname: 'kiosk-hall.local', certificate: hallServer }, byName, NOW),
    ).toBe(CERTIFICATE_ACCEPTED);
  });

  it('leaves everything else to Chromium: another CA, another host, a name the certificate lacks, expiry', () => {
    const verdict = (
      hostname: string,
      certificate: { data: string },
      now = NOW,
      serverUrl = 'https://192.168.1.10:8080',
    ) => hallCertificateVerdict({ hostname, certificate }, { serverHost: serverHostOf(serverUrl), ca }, now);
    expect(verdict('192.168.1.10', otherServer)).toBe(CHROMIUM_VERDICT);
    expect(verdict('example.com', hallServer)).toBe(CHROMIUM_VERDICT);
    expect(verdict('192.168.1.99', hallServer, NOW, 'https://192.168.1.99:8080')).toBe(CHROMIUM_VERDICT);
    expect(verdict('192.168.1.10', hallServer, Date.parse('2030-01-01T00:00:00Z'))).toBe(CHROMIUM_VERDICT);
    expect(verdict('192.168.1.10', { data: 'not a certificate' })).toBe(CHROMIUM_VERDICT);
    // The CA's own certificate presented as the server's is not a server certificate.
    expect(verdict('192.168.1.10', { data: fixture('hall-ca.crt') })).toBe(CHROMIUM_VERDICT);
  });

  it('reads caFile beside the settings file and refuses what is not a CA certificate', () => {
    const settingsFile = path.join(fixtures, 'luot-kiosk.json');
    const read = (file: string): Uint8Array => readFileSync(file);
    const loaded = loadHallCa('hall-ca.crt', settingsFile, read);
    expect(loaded.ok && loaded.value.fingerprint256).toBe(ca.fingerprint256);
    const notCa = loadHallCa('hall-server.crt', settingsFile, read);
    expect(notCa.ok ? '' : notCa.reason).toMatch(/not a CA certificate/);
    const missing = loadHallCa('missing.crt', settingsFile, read);
    expect(missing.ok ? '' : missing.reason).toMatch(/not found/);
    const settings = loadKioskSettings(settingsFile, () =>
      Buffer.from(
        JSON.stringify({
          serverUrl: 'https://192.168.1.10:8080',
          printer: { kind: 'file', directory: './out', paperWidthMm: 80 },
          caFile: 'hall-ca.crt',
        }),
      ),
    );
    expect(settings.ok && settings.value.caFile).toBe('hall-ca.crt');
    expect(settings.ok && settings.value.serverOrigin).toBe('https://192.168.1.10:8080');
  });
});
