// DNS rebinding and data by role (issue #15). A page on evil.example whose name is re-pointed at the
// hall's address arrives with `Host: evil.example` and a matching Origin: the server must answer only
// its own names. And each device gets only what its role needs: no clerk usernames outside the console.
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import type { Snapshot } from '@luot/shared/contracts';
import { PROTOCOL_VERSION } from '@luot/shared/contracts';
import { asCounterId } from '@luot/shared/domain';
import { hallHostList, hostNameOfHeader, isHallHost } from '../../src/app/hall-hosts.ts';
import { loadSettings } from '../../src/settings.ts';
import type { TestClient } from '../helpers.ts';
import { connectClient, pairAndConnect, startTestHall } from '../helpers.ts';

interface Reply {
  readonly status: number;
  readonly json: { ok: boolean; value?: unknown; error?: { code: string } };
}

/** An HTTP request with any Host header (what a rebound browser sends). */
function request(
  url: string,
  method: string,
  target: string,
  headers: Record<string, string>,
  body?: unknown,
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const sent = http.request(`${url}${target}`, { method, headers }, (response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      response.on('end', () => {
        let json: Reply['json'] = { ok: false };
        try {
          json = JSON.parse(text) as Reply['json'];
        } catch {
          // an HTML page
        }
        resolve({ status: response.statusCode ?? 0, json });
      });
    });
    sent.on('error', reject);
    sent.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

/** Open a socket with the given headers: 'connected', or the refusal's code ('transport' when refused before auth). */
function handshake(url: string, token: string, headers: Record<string, string>): Promise<string> {
  const socket = io(url, {
    auth: { token, protocolVersion: PROTOCOL_VERSION },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    extraHeaders: headers,
  });
  return new Promise((resolve) => {
    socket.once('connect', () => {
      socket.close();
      resolve('connected');
    });
    socket.once('connect_error', (error: Error & { data?: { code?: string } }) => {
      socket.close();
      resolve(error.data?.code ?? 'transport');
    });
  });
}

describe('DNS rebinding: only the hall host names are answered', { timeout: 60_000 }, () => {
  let hall: Awaited<ReturnType<typeof startTestHall>>;
  beforeAll(async () => {
    hall = await startTestHall({ allowedHosts: ['may-chu-luot.hall', '192.168.10.5'] });
    await hall.accounts.create('quan-ly', 'Quản lý', 'mat-khau-quan-ly', false);
  });
  afterAll(async () => {
    await hall.dispose();
  });

  it('HTTP with Host evil.example (and an Origin that matches it) is refused; sign-in is not processed', async () => {
    const evil = { host: `evil.example:${hall.port}`, origin: `http://evil.example:${hall.port}` };
    const login = await request(
      hall.url,
      'POST',
      '/api/admin/login',
      { ...evil, 'content-type': 'application/json' },
      { username: 'quan-ly', password: 'mat-khau-quan-ly' },
    );
    expect({ status: login.status, code: login.json.error?.code }).toEqual({
      status: 403,
      code: 'FORBIDDEN',
    });
    expect(login.json.value).toBeUndefined();
    // Reading is refused too: a rebound page must not read the hall's pages or API.
    for (const target of ['/health', '/kiosk/', '/api/admin/session', '/']) {
      const reply = await request(hall.url, 'GET', target, { host: evil.host });
      expect({ target, status: reply.status }).toEqual({ target, status: 403 });
    }
    // A host with no name at all, and a malformed one, are not the hall either.
    expect((await request(hall.url, 'GET', '/health', { host: 'a b' })).status).toBe(403);
  });

  it('the configured names, loopback and localhost are answered', async () => {
    for (const host of [
      `may-chu-luot.hall:${hall.port}`,
      'MAY-CHU-LUOT.HALL',
      `192.168.10.5:${hall.port}`,
      `127.0.0.1:${hall.port}`,
      `localhost:${hall.port}`,
      `[::1]:${hall.port}`,
    ]) {
      const reply = await request(hall.url, 'GET', '/health', { host });
      expect({ host, status: reply.status }).toEqual({ host, status: 200 });
    }
    const login = await request(
      hall.url,
      'POST',
      '/api/admin/login',
      {
        host: `may-chu-luot.hall:${hall.port}`,
        origin: `http://may-chu-luot.hall:${hall.port}`,
        'content-type': 'application/json',
      },
      { username: 'quan-ly', password: 'mat-khau-quan-ly' },
    );
    expect(login.status).toBe(200);
  });

  it('the websocket handshake with Host evil.example is refused, with or without Origin; the hall names connect', async () => {
    const { token } = hall.registerDevice('display', 'Màn hình');
    const evilHost = `evil.example:${hall.port}`;
    expect(await handshake(hall.url, token, { host: evilHost, origin: `http://${evilHost}` })).toBe(
      'transport',
    );
    expect(await handshake(hall.url, token, { host: evilHost })).toBe('transport');
    const hallHost = `may-chu-luot.hall:${hall.port}`;
    expect(await handshake(hall.url, token, { host: hallHost, origin: `http://${hallHost}` })).toBe(
      'connected',
    );
    // A listed name in Host with a foreign Origin is still another site.
    expect(await handshake(hall.url, token, { host: hallHost, origin: `http://${evilHost}` })).toBe(
      'transport',
    );
    expect(await handshake(hall.url, token, {})).toBe('connected');
  });

  it('parses Host headers and the LUOT_HOSTS setting; loopback is always kept, the default is the machine', () => {
    expect(hostNameOfHeader('Hall.Example:8080')).toBe('hall.example');
    expect(hostNameOfHeader('[::1]:8080')).toBe('::1');
    expect(hostNameOfHeader('evil.example:8080/x')).toBeUndefined();
    expect(hostNameOfHeader(undefined)).toBeUndefined();
    const hosts = hallHostList(['hall.example']);
    expect(isHallHost('hall.example', hosts)).toBe(true);
    expect(isHallHost('127.0.0.9:80', hosts)).toBe(true);
    expect(isHallHost('evil.example', hosts)).toBe(false);
    expect(hallHostList(undefined)).toEqual(expect.arrayContaining(['localhost', '127.0.0.1', '::1']));
    const settings = loadSettings({
      LUOT_HOSTS: ' may-chu-luot.hall , 192.168.10.5 ,',
      LUOT_CONFIG: '/nonexistent/luot.config.json',
    });
    expect(settings.hosts).toEqual(['may-chu-luot.hall', '192.168.10.5']);
    expect(loadSettings({ LUOT_CONFIG: '/nonexistent/luot.config.json' }).hosts).toBeUndefined();
  });
});

describe('devices get only what their role needs', { timeout: 60_000 }, () => {
  let hall: Awaited<ReturnType<typeof startTestHall>>;
  const clients: TestClient[] = [];
  beforeAll(async () => {
    hall = await startTestHall();
    await hall.accounts.create('quan-ly', 'Quản lý', 'mat-khau-quan-ly', false);
  });
  afterAll(async () => {
    for (const client of clients) client.close();
    await hall.dispose();
  });

  const usernames = (): string[] => hall.service.hallConfig.clerks.map((clerk) => clerk.username);

  it('kiosk and display snapshots list no clerk; their JSON holds no clerk username', async () => {
    expect(usernames().length).toBeGreaterThan(0);
    for (const kind of ['kiosk', 'display'] as const) {
      const client = await pairAndConnect(hall, kind);
      clients.push(client);
      const again = await client.send('sync:snapshot', {});
      for (const snapshot of [client.snapshot, again.ok ? again.value : undefined]) {
        expect(snapshot?.config.clerks).toEqual([]);
        const text = JSON.stringify(snapshot);
        for (const username of usernames())
          expect({ kind, has: text.includes(`"${username}"`) }).toEqual({ kind, has: false });
      }
    }
  });

  it('counter terminals and feedback tablets get names and titles (their screens show them), not usernames', async () => {
    for (const kind of ['counter', 'feedback'] as const) {
      const client = await pairAndConnect(hall, kind, asCounterId('q1'));
      clients.push(client);
      const clerks = client.snapshot.config.clerks;
      expect(clerks.map((clerk) => clerk.name)).toEqual(hall.service.hallConfig.clerks.map((c) => c.name));
      expect(clerks.every((clerk) => clerk.username === '')).toBe(true);
    }
    // The counter still signs its clerk in by the username typed on it.
    const counter = clients.at(-2)!;
    const signIn = await counter.send('clerk:sign-in', {
      requestId: 'r-roles-1',
      username: 'canbo1',
      pin: '1234',
    });
    expect(signIn.ok).toBe(true);
  });

  it('the manager console gets the whole configuration', async () => {
    const login = await request(
      hall.url,
      'POST',
      '/api/admin/login',
      { 'content-type': 'application/json' },
      { username: 'quan-ly', password: 'mat-khau-quan-ly' },
    );
    const { token } = login.json.value as { token: string };
    const console = await connectClient(hall.url, token);
    clients.push(console);
    const snapshot: Snapshot = console.snapshot;
    expect(snapshot.config.clerks.map((clerk) => clerk.username)).toEqual(usernames());
  });
});
