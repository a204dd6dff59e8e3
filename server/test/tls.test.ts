// Issue #15: HTTPS on the hall's own port with a hall-local CA (`luot tls init`). Real certificates made by
// the CLI, a real HTTPS server on port 0, real clients that trust the hall CA (or do not).
import { spawn } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import path from 'node:path';
import { io as connect } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Snapshot } from '@luot/shared/contracts';
import { PROTOCOL_VERSION } from '@luot/shared/contracts';
import { hallTlsFiles, HALL_CA_PATH, readServerCertificate } from '../src/app/hall-tls.ts';
import { runCli } from '../src/cli/main.ts';
import { runTlsCommand } from '../src/cli/tls.ts';
import { lockKeyFile, SERVER_VALID_DAYS } from '../src/cli/tls-certificates.ts';
import { REPO_ROOT } from '../src/hall-server.ts';
import { loadSettings } from '../src/settings.ts';
import type { HallClient } from './helpers.ts';
import { startTestHall, tempDataDir, waitFor } from './helpers.ts';
import type { HttpReply } from './support/http-reply.ts';
import { readReply } from './support/http-reply.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
const ENV_NAMES = [
  'LUOT_DATA_DIR',
  'LUOT_HOSTS',
  'LUOT_CONFIG',
  'PORT',
  'LUOT_TLS',
  'LUOT_TLS_CERT',
  'LUOT_TLS_KEY',
];
const saved = Object.fromEntries(ENV_NAMES.map((name) => [name, process.env[name]]));
function restoreEnvironment(): void {
  for (const name of ENV_NAMES) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
}

async function cli(args: readonly string[]): Promise<{ code: number; output: string }> {
  const lines: string[] = [];
  const code = await runCli(args, (line) => lines.push(line));
  return { code, output: lines.join('\n') };
}

/** One HTTPS request; `ca` is what the client trusts besides Node's public roots (none: public roots only). */
function httpsRequest(
  url: string,
  options: { ca?: string; method?: string; body?: string } = {},
): Promise<HttpReply> {
  return new Promise((resolve, reject) => {
    const sent = request(
      url,
      {
        method: options.method ?? 'GET',
        ...(options.ca === undefined ? {} : { ca: options.ca }),
        headers: options.body === undefined ? {} : { 'content-type': 'application/json' },
      },
      (response) => void readReply(response).then(resolve, reject),
    );
    sent.on('error', reject);
    sent.end(options.body);
  });
}

/** A Socket.IO client over HTTPS that trusts `ca` (or only the public roots): its first snapshot, or the error. */
async function firstSnapshot(url: string, token: string, ca: string | undefined): Promise<Snapshot> {
  const socket: HallClient = connect(url, {
    auth: { token, protocolVersion: PROTOCOL_VERSION },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    ...(ca === undefined ? {} : { ca }),
  });
  try {
    return await new Promise<Snapshot>((resolve, reject) => {
      socket.once('hall:snapshot', resolve);
      socket.once('connect_error', reject);
    });
  } finally {
    socket.close();
  }
}

describe('HTTPS in the hall: luot tls init and the server on its certificate', { timeout: 180_000 }, () => {
  const data = tempDataDir('luot-tls-');
  const files = hallTlsFiles(data.dir);
  let initOutput = '';

  beforeAll(async () => {
    process.env.LUOT_DATA_DIR = data.dir;
    process.env.LUOT_HOSTS = 'hall-pc.local,192.168.1.10';
    for (const name of ['LUOT_CONFIG', 'PORT', 'LUOT_TLS', 'LUOT_TLS_CERT', 'LUOT_TLS_KEY'])
      delete process.env[name];
    const init = await cli(['tls', 'init', '--add-name', 'may-chu-luot.example', '--add-name', '10.0.0.5']);
    expect(init.code).toBe(0);
    initOutput = init.output;
  });
  afterAll(() => {
    restoreEnvironment();
    data.remove();
  });

  it('makes a hall CA and a server certificate for every hall name, signed by it, with tight key files', () => {
    const ca = new X509Certificate(readFileSync(files.caCert));
    const server = new X509Certificate(readFileSync(files.serverCert));
    expect(ca.ca).toBe(true);
    expect(ca.subject).toContain('CN=Lượt – ');
    expect(ca.subject).toMatch(/ CA\n/);
    expect(server.ca).toBe(false);
    expect(server.checkIssued(ca)).toBe(true);
    expect(server.verify(ca.publicKey)).toBe(true);
    const names = server.subjectAltName ?? '';
    for (const expected of [
      'DNS:hall-pc.local',
      'DNS:localhost',
      'DNS:may-chu-luot.example',
      'IP Address:192.168.1.10',
      'IP Address:127.0.0.1',
      'IP Address:10.0.0.5',
    ]) {
      expect(names).toContain(expected);
    }
    // Valid from (a little before) now, for at most the 825 days Apple accepts; the CA for years.
    const now = Date.now();
    expect(new Date(server.validFrom).getTime()).toBeLessThanOrEqual(now);
    const serverDays = (new Date(server.validTo).getTime() - now) / DAY_MS;
    expect(serverDays).toBeGreaterThan(SERVER_VALID_DAYS - 2);
    expect(serverDays).toBeLessThanOrEqual(SERVER_VALID_DAYS);
    expect((new Date(ca.validTo).getTime() - now) / DAY_MS).toBeGreaterThan(10 * 365);
    expect(server.keyUsage ?? []).toContain('1.3.6.1.5.5.7.3.1'); // serverAuth
    if (process.platform !== 'win32') {
      expect(statSync(files.caKey).mode & 0o777).toBe(0o600);
      expect(statSync(files.serverKey).mode & 0o777).toBe(0o600);
    }
    // The key really is the certificate's: the server's start check accepts the pair.
    expect(() =>
      readServerCertificate({ certFile: files.serverCert, keyFile: files.serverKey }, now),
    ).not.toThrow();
    expect(initOutput).toContain(files.caCert);
    expect(initOutput).toContain(ca.fingerprint256);
    expect(initOutput).toContain(ca.fingerprint);
    expect(initOutput).toContain(HALL_CA_PATH);
  });

  it('refuses to overwrite without --force; renew keeps the CA and issues a new server certificate', async () => {
    const before: Record<string, string> = Object.fromEntries(
      [files.caCert, files.caKey, files.serverCert, files.serverKey].map((file) => [
        file,
        readFileSync(file, 'utf8'),
      ]),
    );
    const again = await cli(['tls', 'init']);
    expect(again.code).toBe(2);
    expect(again.output).toContain('Nothing was changed');
    for (const [file, text] of Object.entries(before)) expect(readFileSync(file, 'utf8')).toBe(text);

    const renewed = await cli(['tls', 'renew', '--add-name', 'quay.example']);
    expect(renewed.code).toBe(0);
    expect(readFileSync(files.caCert, 'utf8')).toBe(before[files.caCert]);
    expect(readFileSync(files.caKey, 'utf8')).toBe(before[files.caKey]);
    expect(readFileSync(files.serverCert, 'utf8')).not.toBe(before[files.serverCert]);
    expect(readFileSync(files.serverKey, 'utf8')).not.toBe(before[files.serverKey]);
    const server = new X509Certificate(readFileSync(files.serverCert));
    expect(server.verify(new X509Certificate(readFileSync(files.caCert)).publicKey)).toBe(true);
    expect(server.subjectAltName).toContain('DNS:quay.example');
    expect((await cli(['tls', 'init', '--add-name', 'not a name'])).code).toBe(2);
  });

  it('serves HTTPS: a device that trusts the hall CA pairs and gets its snapshot; one that does not is refused', async () => {
    const settings = loadSettings();
    expect(settings.tls).toEqual({
      certFile: files.serverCert,
      keyFile: files.serverKey,
      source: 'tls-init',
    });
    const certificate = readServerCertificate(settings.tls!, Date.now());
    const hall = await startTestHall({ dataDir: data.dir, tls: certificate });
    const caPem = readFileSync(files.caCert, 'utf8');
    try {
      expect(hall.url).toBe(`https://127.0.0.1:${hall.port}`);
      // Pairing over HTTPS, then Socket.IO (wss) with the token: the first snapshot arrives.
      const { code } = hall.createPairingCode('display', 'Màn hình HTTPS');
      const paired = await httpsRequest(`${hall.url}/api/pair`, {
        ca: caPem,
        method: 'POST',
        body: JSON.stringify({ code }),
      });
      expect(paired.status).toBe(200);
      const { token } = (JSON.parse(paired.body) as { value: { token: string } }).value;
      const snapshot = await firstSnapshot(hall.url, token, caPem);
      expect(snapshot.state.version).toBe(hall.service.state.version);
      const health = await httpsRequest(`${hall.url}/health`, { ca: caPem });
      expect(JSON.parse(health.body)).toMatchObject({ ok: true });
      // Voice clips and the admin API on the same port.
      const clip = await httpsRequest(`${hall.url}/voice/ba.wav`, { ca: caPem });
      expect(clip.status).toBe(200);
      expect(clip.body.slice(0, 4)).toBe('RIFF');
      const login = await httpsRequest(`${hall.url}/api/admin/login`, {
        ca: caPem,
        method: 'POST',
        body: JSON.stringify({ username: 'admin', password: 'admin' }),
      });
      expect(login.status).toBe(200);

      // Without the hall CA: the TLS handshake fails with a certificate error, for HTTP and Socket.IO.
      const refused = await httpsRequest(`${hall.url}/health`).then(
        () => undefined,
        (error: Error & { code?: string }) => error,
      );
      expect(refused?.code).toMatch(
        /UNABLE_TO_VERIFY_LEAF_SIGNATURE|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_GET_ISSUER_CERT/,
      );
      const socketRefused = await firstSnapshot(hall.url, token, undefined).then(
        () => undefined,
        (error: Error) => error,
      );
      expect(socketRefused).toBeInstanceOf(Error);
      // The websocket's error event carries the TLS error (an ErrorEvent with `error`).
      const cause = (socketRefused as Error & { description?: { error?: { code?: string } } }).description;
      expect(cause?.error?.code).toBe('UNABLE_TO_VERIFY_LEAF_SIGNATURE');

      // The CLI's links say https:// with the real port (the server recorded it at start).
      const pair = await cli(['pair', '--kind', 'kiosk']);
      expect(pair.output).toContain(`Open https://hall-pc.local:${hall.port}/kiosk/?code=`);
      expect(pair.output).not.toContain('http://');
    } finally {
      await hall.close();
    }
  });

  it('the start script speaks HTTPS on the tls init files and says so, with https:// links', async () => {
    const child = spawn(path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx'), ['server/src/main.ts'], {
      cwd: REPO_ROOT,
      env: { ...process.env, LUOT_DATA_DIR: data.dir, PORT: '0', LUOT_HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stdout.resume();
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    try {
      await waitFor(() => /Hall server: https:\/\/hall-pc\.local:\d+/.test(stderr), 90_000, 'the banner');
      const port = /Hall server: https:\/\/hall-pc\.local:(\d+)/.exec(stderr)?.[1];
      expect(stderr).toContain(`HTTPS: ${files.serverCert}, valid until`);
      expect(stderr).toContain(`https://hall-pc.local:${port}${HALL_CA_PATH}`);
      expect(stderr).not.toContain('Plain HTTP');
      await waitFor(() => stderr.includes('Pair a device'), 10_000, 'the whole banner');
      const health = await httpsRequest(`https://127.0.0.1:${port}/health`, {
        ca: readFileSync(files.caCert, 'utf8'),
      });
      expect(health.status).toBe(200);
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
  });

  it('serves the CA certificate, never a key, at /ca.crt (over plain HTTP too, before devices trust it)', async () => {
    const hall = await startTestHall({ dataDir: data.dir });
    try {
      const caPem = readFileSync(files.caCert, 'utf8');
      const served = await fetch(`${hall.url}${HALL_CA_PATH}`);
      expect(served.status).toBe(200);
      expect(served.headers.get('content-type')).toContain('application/x-x509-ca-cert');
      const body = await served.text();
      expect(new X509Certificate(body).fingerprint256).toBe(new X509Certificate(caPem).fingerprint256);
      expect(body).not.toMatch(/PRIVATE KEY/);
      // A technician who pasted the CA key into the certificate file still serves only the certificate.
      writeFileSync(files.caCert, `${caPem}${readFileSync(files.caKey, 'utf8')}`);
      const mixed = await (await fetch(`${hall.url}${HALL_CA_PATH}`)).text();
      expect(mixed).toContain('BEGIN CERTIFICATE');
      expect(mixed).not.toMatch(/PRIVATE KEY/);
      // A server certificate in its place is not a CA: nothing is served.
      writeFileSync(files.caCert, readFileSync(files.serverCert));
      expect((await fetch(`${hall.url}${HALL_CA_PATH}`)).status).toBe(404);
      writeFileSync(files.caCert, caPem);
      // The landing page links it for a tablet.
      expect(await (await fetch(`${hall.url}/`)).text()).toContain(`href="${HALL_CA_PATH}"`);
    } finally {
      await hall.close();
    }
  });

  it('chooses HTTPS by one rule: LUOT_TLS=off, else named files, else the tls init files, else plain HTTP', () => {
    expect(loadSettings().tls?.source).toBe('tls-init');
    process.env.LUOT_TLS = 'off';
    expect(loadSettings().tls).toBeUndefined();
    process.env.LUOT_TLS = 'yes';
    expect(() => loadSettings()).toThrow(/LUOT_TLS/);
    delete process.env.LUOT_TLS;
    process.env.LUOT_TLS_CERT = files.serverCert;
    expect(() => loadSettings()).toThrow(/both LUOT_TLS_CERT and LUOT_TLS_KEY/);
    process.env.LUOT_TLS_KEY = 'tls/server.key'; // relative to the data folder
    expect(loadSettings().tls).toEqual({
      certFile: files.serverCert,
      keyFile: files.serverKey,
      source: 'settings',
    });
    process.env.LUOT_TLS_KEY = path.join(data.dir, 'missing.key');
    // The CLI's other commands still work; the server's start refuses, naming the file.
    const named = loadSettings().tls!;
    expect(() => readServerCertificate(named, Date.now())).toThrow(/missing\.key does not exist/);
    delete process.env.LUOT_TLS_CERT;
    delete process.env.LUOT_TLS_KEY;
    const empty = tempDataDir();
    try {
      process.env.LUOT_DATA_DIR = empty.dir;
      expect(loadSettings().tls).toBeUndefined();
    } finally {
      process.env.LUOT_DATA_DIR = data.dir;
      empty.remove();
    }
    // The start refuses a key that is not the certificate's, naming the file.
    expect(() =>
      readServerCertificate({ certFile: files.serverCert, keyFile: files.caKey }, Date.now()),
    ).toThrow(/is not the key of/);
    expect(() =>
      readServerCertificate(
        { certFile: files.serverCert, keyFile: files.serverKey },
        Date.now() + 900 * DAY_MS,
      ),
    ).toThrow(/expired/);
  });

  it('locks key files to SYSTEM and Administrators on Windows (by SID), 0600 elsewhere', () => {
    const runs: string[][] = [];
    lockKeyFile('C:\\ProgramData\\Luot\\data\\tls\\server.key', {
      platform: 'win32',
      run: (command, args) => runs.push([command, ...args]),
    });
    expect(runs).toEqual([
      [
        'icacls',
        'C:\\ProgramData\\Luot\\data\\tls\\server.key',
        '/inheritance:r',
        '/grant:r',
        '*S-1-5-18:F',
        '*S-1-5-32-544:F',
      ],
    ]);
    expect(existsSync(files.serverKey)).toBe(true);
  });

  it('deletes a key it could not lock (icacls outside an administrator prompt) and says why', async () => {
    const fresh = tempDataDir('luot-tls-lock-');
    try {
      process.env.LUOT_DATA_DIR = fresh.dir;
      const lines: string[] = [];
      const code = await runTlsCommand('init', {
        force: false,
        extraNames: [],
        settings: loadSettings(),
        hallName: 'Trung tâm thử',
        address: undefined,
        print: (line) => lines.push(line),
        lock: {
          platform: 'win32',
          run: () => {
            throw new Error('Access is denied.');
          },
        },
      });
      expect(code).toBe(1);
      expect(lines.join('\n')).toMatch(/administrator prompt \(Access is denied\.\)/);
      const made = hallTlsFiles(fresh.dir);
      expect(existsSync(made.caKey)).toBe(false);
      expect(existsSync(made.serverKey)).toBe(false);
    } finally {
      process.env.LUOT_DATA_DIR = data.dir;
      fresh.remove();
    }
  });
});
