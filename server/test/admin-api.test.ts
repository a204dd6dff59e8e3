import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect } from 'socket.io-client';
import type { Changes } from '@luot/shared/contracts';
import { PROTOCOL_VERSION } from '@luot/shared/contracts';
import type { ConfigIssue, HallConfig } from '@luot/shared/domain';
import { asCounterId, asServiceId, configIssues } from '@luot/shared/domain';
import { SESSION_TTL_MS } from '../src/app/managers.ts';
import type { TestClient } from './helpers.ts';
import { connectClient, pairAndConnect, requestId, startTestHall, waitFor } from './helpers.ts';
import { toneWav } from './support/tone-wav.ts';

type Hall = Awaited<ReturnType<typeof startTestHall>>;
type Json = {
  ok: boolean;
  value?: unknown;
  error?: { code: string; message: string; configIssues?: ConfigIssue[] };
};

async function api(
  hall: Hall,
  method: string,
  path: string,
  token?: string,
  body?: unknown,
): Promise<{ status: number; json: Json }> {
  const response = await fetch(`${hall.url}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, json: (await response.json()) as Json };
}

async function login(
  hall: Hall,
  username: string,
  password: string,
): Promise<{ status: number; json: Json }> {
  return api(hall, 'POST', '/api/admin/login', undefined, { username, password });
}

/** Whether a Socket.IO handshake with this token is accepted. */
function canConnect(hall: Hall, token: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(hall.url, {
      auth: { token, protocolVersion: PROTOCOL_VERSION },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    socket.once('hall:snapshot', () => {
      socket.close();
      resolve(true);
    });
    socket.once('connect_error', () => {
      socket.close();
      resolve(false);
    });
  });
}

const NEW_PASSWORD = 'Hoa-sen-2026';

describe('manager accounts and sessions', () => {
  let now = Date.UTC(2026, 5, 1, 1, 0);
  let hall: Hall;
  beforeAll(async () => {
    hall = await startTestHall({ clock: { now: () => now } });
  });
  afterAll(async () => hall.dispose());

  it('a new hall has admin/admin that must be changed before anything else', async () => {
    expect(hall.isFirstManagerSeeded).toBe(true);
    const first = await login(hall, 'admin', 'admin');
    expect(first.status).toBe(200);
    const { token, manager } = first.json.value as {
      token: string;
      manager: { mustChangePassword: boolean };
    };
    expect(manager.mustChangePassword).toBe(true);
    // Nothing but the password route until then, and no socket.
    expect((await api(hall, 'GET', '/api/admin/devices', token)).status).toBe(403);
    expect(await canConnect(hall, token)).toBe(false);
    // The current password is asked again; weak and demo passwords are refused.
    expect(
      (
        await api(hall, 'POST', '/api/admin/password', token, {
          currentPassword: 'x',
          newPassword: NEW_PASSWORD,
        })
      ).status,
    ).toBe(401);
    expect(
      (
        await api(hall, 'POST', '/api/admin/password', token, {
          currentPassword: 'admin',
          newPassword: 'short',
        })
      ).status,
    ).toBe(400);
    const changed = await api(hall, 'POST', '/api/admin/password', token, {
      currentPassword: 'admin',
      newPassword: NEW_PASSWORD,
    });
    expect(changed.json).toEqual({ ok: true, value: { changed: true } });
    expect((await api(hall, 'GET', '/api/admin/devices', token)).status).toBe(200);
    expect(await canConnect(hall, token)).toBe(true);
    expect((await login(hall, 'admin', 'admin')).status).toBe(401);
    // The password is stored as a scrypt hash, never as text.
    const row = hall.store.db
      .prepare('SELECT password_hash FROM managers WHERE username = ?')
      .get('admin') as { password_hash: string };
    expect(row.password_hash).toMatch(/^scrypt2\$32768\$8\$1\$/);
    expect(row.password_hash).not.toContain(NEW_PASSWORD);
  });

  it('a session slides while used and expires 12 h after its last use', async () => {
    const { token } = (await login(hall, 'admin', NEW_PASSWORD)).json.value as { token: string };
    now += SESSION_TTL_MS - 60 * 60_000; // 11 h later, still valid: using it extends it
    expect((await api(hall, 'GET', '/api/admin/session', token)).status).toBe(200);
    now += SESSION_TTL_MS - 60 * 60_000; // 22 h after sign-in, 11 h after last use
    expect((await api(hall, 'GET', '/api/admin/session', token)).status).toBe(200);
    now += SESSION_TTL_MS + 1;
    expect((await api(hall, 'GET', '/api/admin/session', token)).status).toBe(401);
    expect(await canConnect(hall, token)).toBe(false);
    // Only a hash of the token is stored.
    const tokens = hall.store.db.prepare('SELECT token_hash FROM manager_sessions').all() as {
      token_hash: string;
    }[];
    expect(tokens.every((row) => row.token_hash !== token && /^[0-9a-f]{64}$/.test(row.token_hash))).toBe(
      true,
    );
  });

  it('slows password guessing: every refusal waits, five in a row lock the account', async () => {
    const started = Date.now();
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      const refused = await login(hall, 'admin', `guess-${attempt}`);
      expect(refused.json.error?.code).toBe(attempt < 5 ? 'BAD_CREDENTIALS' : 'LOCKED_OUT');
    }
    expect(Date.now() - started).toBeGreaterThanOrEqual(5 * 390);
    // Even the right password is refused while locked.
    expect((await login(hall, 'admin', NEW_PASSWORD)).status).toBe(429);
    now += 61_000;
    expect((await login(hall, 'admin', NEW_PASSWORD)).status).toBe(200);
    // Unknown users get the same answer as a wrong password.
    expect((await login(hall, 'nobody', 'whatever')).json.error?.code).toBe('BAD_CREDENTIALS');
  });
});

describe('the admin API on a live hall', () => {
  let hall: Hall;
  let token: string;
  let kiosk: TestClient;
  let counter: TestClient;
  beforeAll(async () => {
    hall = await startTestHall();
    const first = (await login(hall, 'admin', 'admin')).json.value as { token: string };
    await api(hall, 'POST', '/api/admin/password', first.token, {
      currentPassword: 'admin',
      newPassword: NEW_PASSWORD,
    });
    token = first.token;
    kiosk = await pairAndConnect(hall, 'kiosk');
    counter = await pairAndConnect(hall, 'counter', asCounterId('q1'));
  });
  afterAll(async () => {
    kiosk.close();
    counter.close();
    await hall.dispose();
  });

  it('refuses requests without a session', async () => {
    expect((await api(hall, 'GET', '/api/admin/devices')).status).toBe(401);
    expect((await api(hall, 'GET', '/api/admin/devices', 'x'.repeat(43))).status).toBe(401);
  });

  it('a configuration saved in the console reaches kiosks and counters at once and is audited', async () => {
    const seen: Changes[] = [];
    kiosk.socket.on('hall:changes', (changes) => seen.push(changes));
    const counterSeen: Changes[] = [];
    counter.socket.on('hall:changes', (changes) => counterSeen.push(changes));
    const config = hall.service.hallConfig;
    const changed: HallConfig = {
      ...config,
      hall: { ...config.hall, noticeLine: 'Hôm nay làm việc đến 17 giờ' },
      services: config.services.map((service) =>
        service.id === 'ho-tich'
          ? { ...service, name: { vi: 'Hộ tịch (mới)', en: 'Civil status (new)' } }
          : service,
      ),
    };
    const saved = await api(hall, 'PUT', '/api/admin/config', token, {
      requestId: requestId(),
      config: changed,
    });
    expect(saved.status).toBe(200);
    await waitFor(() => seen.length > 0 && counterSeen.length > 0, 5_000, 'changes on both devices');
    expect(seen[0]!.events[0]).toMatchObject({
      type: 'hall.configured',
      by: { role: 'manager', deviceId: 'mgr_1' },
    });
    const snapshot = await kiosk.send('sync:snapshot', {});
    expect(snapshot.ok && snapshot.value.config.hall.noticeLine).toBe('Hôm nay làm việc đến 17 giờ');
    const counterSnapshot = await counter.send('sync:snapshot', {});
    expect(
      counterSnapshot.ok && counterSnapshot.value.config.services.find((s) => s.id === 'ho-tich')?.name.vi,
    ).toBe('Hộ tịch (mới)');
    // The audit view shows who did it, by name.
    const audit = await api(hall, 'GET', '/api/admin/audit?type=hall.configured', token);
    const { entries, names } = audit.json.value as {
      entries: { deviceId: string; body: { changes: string[] } }[];
      names: Record<string, string>;
    };
    expect(entries).toHaveLength(1);
    expect(names[entries[0]!.deviceId]).toBe('admin');
    expect(entries[0]!.body.changes.join(' ')).toMatch(/hall|ho-tich/);
    // An incoherent configuration is refused whole.
    const broken = { ...changed, services: changed.services.map((service) => ({ ...service, prefix: 'A' })) };
    const refused = await api(hall, 'PUT', '/api/admin/config', token, {
      requestId: requestId(),
      config: broken,
    });
    expect(refused.status).toBe(409);
    expect(refused.json.error?.code).toBe('CONFIG_INVALID');
    // The refusal carries the console's own rules, in its words (shared/src/domain/config-rules.ts).
    expect(refused.json.error?.configIssues).toEqual(configIssues(broken));
    // What the issue saw: "Thêm dịch vụ" then "Lưu cấu hình" published a nameless placeholder. Refused,
    // with the sentence the console shows beside the name, and nothing changes.
    const versionBefore = hall.service.state.version;
    const placeholder: HallConfig = {
      ...changed,
      services: [
        ...changed.services,
        { ...changed.services[0]!, id: asServiceId('dich-vu-9'), name: { vi: '', en: '' }, prefix: 'Z' },
      ],
    };
    const nameless = await api(hall, 'PUT', '/api/admin/config', token, {
      requestId: requestId(),
      config: placeholder,
    });
    expect(nameless.status).toBe(409);
    expect(nameless.json.error?.code).toBe('CONFIG_INVALID');
    expect(nameless.json.error?.configIssues?.[0]).toMatchObject({
      severity: 'error',
      code: 'name-required',
      path: { entity: 'service', id: 'dich-vu-9', field: 'name.vi' },
      message: { vi: `Dịch vụ thứ ${placeholder.services.length} (chưa có tên): cần nhập tên tiếng Việt.` },
    });
    expect(hall.service.state.version).toBe(versionBefore);
    expect(hall.service.hallConfig.services.some((service) => service.id === 'dich-vu-9')).toBe(false);
  });

  it('accepts a configuration far larger than a socket payload (a catalogue of 209 procedures)', async () => {
    const config = hall.service.hallConfig;
    const procedures = Array.from({ length: 209 }, (_, index) => ({
      id: `tt-${index + 1}`,
      name: {
        vi: `Thủ tục hành chính số ${index + 1} về đăng ký và cấp giấy chứng nhận`,
        en: `Procedure ${index + 1}`,
      },
    }));
    const big = {
      ...config,
      services: config.services.map((service, index) => (index === 0 ? { ...service, procedures } : service)),
    };
    expect(JSON.stringify(big).length).toBeGreaterThan(16 * 1024);
    const saved = await api(hall, 'PUT', '/api/admin/config', token, { requestId: requestId(), config: big });
    expect(saved.status).toBe(200);
    expect(hall.service.hallConfig.services[0]!.procedures).toHaveLength(209);
  });

  it('resets a clerk PIN (weak ones refused); the clerk must choose their own at the next sign-in', async () => {
    expect((await api(hall, 'POST', '/api/admin/clerks/cb1/pin', token, { pin: '12' })).status).toBe(400);
    expect((await api(hall, 'POST', '/api/admin/clerks/nobody/pin', token, { pin: '48213' })).status).toBe(
      404,
    );
    for (const weak of ['0000', '1234', '4321', '1212', '2580']) {
      const refused = await api(hall, 'POST', '/api/admin/clerks/cb1/pin', token, { pin: weak });
      expect({ weak, status: refused.status, code: (refused.json.error as { code: string }).code }).toEqual({
        weak,
        status: 400,
        code: 'WEAK_PIN',
      });
    }
    const reset = await api(hall, 'POST', '/api/admin/clerks/cb1/pin', token, { pin: '48213' });
    expect(reset.json).toEqual({ ok: true, value: { reset: true, mustChangeAtSignIn: true } });
    const signIn = (pin: string, newPin?: string) =>
      counter.send('clerk:sign-in', {
        requestId: requestId(),
        username: 'canbo1',
        pin,
        ...(newPin === undefined ? {} : { newPin }),
      });
    const old = await signIn('1234');
    expect(old.ok || old.error.code).toBe('BAD_CREDENTIALS');
    // The manager's PIN is right, but it does not sign in: the clerk must replace it first.
    const required = await signIn('48213');
    expect(required.ok || required.error.code).toBe('PIN_CHANGE_REQUIRED');
    expect(counter.state().counters.q1?.clerkId ?? null).toBeNull();
    for (const weak of ['1111', '9876', '48213']) {
      const refused = await signIn('48213', weak);
      expect({ weak, code: refused.ok || refused.error.code }).toEqual({ weak, code: 'WEAK_PIN' });
    }
    // A wrong current PIN with a new one changes nothing.
    const wrong = await signIn('99999', '73915');
    expect(wrong.ok || wrong.error.code).toBe('BAD_CREDENTIALS');
    const changed = await signIn('48213', '73915');
    expect(changed.ok).toBe(true);
    // From now on the clerk's own PIN signs in as usual; the manager's no longer does.
    expect((await signIn('48213')).ok).toBe(false);
    expect((await signIn('73915')).ok).toBe(true);
  });

  it('stores the hall logo (PNG only) and serves it publicly for the kiosk', async () => {
    // No logo yet: an empty answer, not an error a browser would log.
    expect((await fetch(`${hall.url}/api/hall/logo`)).status).toBe(204);
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
      'base64',
    );
    const notPng = await api(hall, 'PUT', '/api/admin/logo', token, {
      dataUrl: `data:image/png;base64,${Buffer.from('GIF89a-nope').toString('base64')}`,
    });
    expect(notPng.status).toBe(400);
    expect(
      (
        await api(hall, 'PUT', '/api/admin/logo', token, {
          dataUrl: `data:image/png;base64,${png.toString('base64')}`,
        })
      ).status,
    ).toBe(200);
    const served = await fetch(`${hall.url}/api/hall/logo`);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await served.arrayBuffer()).equals(png)).toBe(true);
  });

  it('stores a hall-recorded voice clip, refuses a template word with none, and accepts it once recorded', async () => {
    const dataUrl = (bytes: Buffer): string => `data:audio/wav;base64,${bytes.toString('base64')}`;
    const config = hall.service.hallConfig;
    const withTemplate = {
      ...config,
      announcement: {
        ...config.announcement,
        template: 'Mời ông bà có số {ticket} đến quầy {counter}',
        customWords: ['Mời ông bà'],
      },
    };
    // The word is in the configuration but nobody recorded it: refused, nothing saved.
    const refused = await api(hall, 'PUT', '/api/admin/config', token, {
      requestId: 'voice-clip-test-1',
      config: withTemplate,
    });
    expect(refused.status).toBe(409);
    expect(hall.service.hallConfig.announcement.template).toBe(config.announcement.template);
    // A stereo file is refused with the reason.
    const stereo = await api(hall, 'PUT', '/api/admin/voice-clips', token, {
      phrase: 'Mời ông bà',
      dataUrl: dataUrl(toneWav(600, 2)),
    });
    expect(stereo.status).toBe(400);
    const saved = await api(hall, 'PUT', '/api/admin/voice-clips', token, {
      phrase: 'Mời ông bà',
      dataUrl: dataUrl(toneWav(600)),
    });
    expect(saved.status).toBe(200);
    expect(saved.json).toMatchObject({
      ok: true,
      value: { phrase: 'mời ông bà', file: 'moi-huyen-ong-ba-huyen.wav' },
    });
    // The display fetches it where it fetches every clip.
    const served = await fetch(`${hall.url}/voice/moi-huyen-ong-ba-huyen.wav`);
    expect(served.status).toBe(200);
    expect(Buffer.from(await served.arrayBuffer()).equals(toneWav(600))).toBe(true);
    const accepted = await api(hall, 'PUT', '/api/admin/config', token, {
      requestId: 'voice-clip-test-2',
      config: withTemplate,
    });
    expect(accepted.status).toBe(200);
    expect(hall.service.hallConfig.announcement.customWords).toEqual(['Mời ông bà']);
    // A template with a word that has no clip at all is refused by the shared rules.
    const unspeakable = await api(hall, 'PUT', '/api/admin/config', token, {
      requestId: 'voice-clip-test-3',
      config: {
        ...withTemplate,
        announcement: { ...withTemplate.announcement, template: 'Kính mời {ticket} {counter}' },
      },
    });
    expect(unspeakable.status).toBe(409);
    // Back to the default, for the tests that follow.
    const restored = await api(hall, 'PUT', '/api/admin/config', token, {
      requestId: 'voice-clip-test-4',
      config,
    });
    expect(restored.status).toBe(200);
  });

  it('pairs a device with a one-time code, lists it online, and revokes it, dropping its connection', async () => {
    const pairing = await api(hall, 'POST', '/api/admin/devices/pair', token, {
      kind: 'display',
      name: 'Màn hình tầng 2',
    });
    const { code } = pairing.json.value as { code: string };
    expect(code).toMatch(/^\d{6}$/);
    expect(
      (await api(hall, 'POST', '/api/admin/devices/pair', token, { kind: 'counter', name: 'Máy quầy ?' }))
        .status,
    ).toBe(400);
    const paired = (await (
      await fetch(`${hall.url}/api/pair`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code }),
      })
    ).json()) as {
      value: { token: string; deviceId: string };
    };
    const display = await connectClient(hall.url, paired.value.token);
    const listed = (await api(hall, 'GET', '/api/admin/devices', token)).json.value as {
      deviceId: string;
      isOnline: boolean;
      name: string;
    }[];
    expect(listed.find((device) => device.deviceId === paired.value.deviceId)).toMatchObject({
      isOnline: true,
      name: 'Màn hình tầng 2',
    });
    let isDropped = false;
    display.socket.on('disconnect', () => (isDropped = true));
    expect(
      (await api(hall, 'POST', `/api/admin/devices/${paired.value.deviceId}/revoke`, token)).status,
    ).toBe(200);
    await waitFor(() => isDropped, 5_000, 'the revoked display to be dropped');
    expect(await canConnect(hall, paired.value.token)).toBe(false);
    // A used code pairs nothing.
    const again = await fetch(`${hall.url}/api/pair`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code }),
    });
    expect(again.status).toBe(401);
    const audit = (await api(hall, 'GET', '/api/admin/audit?role=manager', token)).json.value as {
      entries: { type: string }[];
    };
    expect(audit.entries.map((entry) => entry.type)).toEqual(
      expect.arrayContaining(['device.revoked', 'device.pairing-created', 'clerk.pin-reset']),
    );
  });

  it('finds a ticket by its number with its whole history', async () => {
    const issued = await kiosk.send('ticket:issue', { requestId: requestId(), serviceId: 'dat-dai' });
    expect(issued.ok).toBe(true);
    const number = issued.ok ? issued.value.ticket.number : '';
    const found = await api(
      hall,
      'GET',
      `/api/admin/tickets?number=${number.replace(/^([A-Z])0+/, '$1')}&day=${hall.service.state.businessDay}`,
      token,
    );
    const tickets = found.json.value as {
      body: { number: string; status: string };
      history: { type: string }[];
    }[];
    expect(tickets).toHaveLength(1);
    expect(tickets[0]!.body).toMatchObject({ number, status: 'waiting' });
    expect(tickets[0]!.history.map((event) => event.type)).toEqual(['ticket.issued']);
    expect((await api(hall, 'GET', '/api/admin/tickets?number=DROP%20TABLE', token)).status).toBe(400);
  });

  it('answers a report and its CSV and XLSX exports', async () => {
    const day = hall.service.state.businessDay;
    const report = await api(hall, 'GET', `/api/admin/reports?from=${day}&to=${day}&target=15`, token);
    expect(report.json.value).toMatchObject({
      from: day,
      to: day,
      targetWaitMinutes: 15,
      total: { issued: 1 },
    });
    const csv = await fetch(`${hall.url}/api/admin/reports?from=${day}&to=${day}&format=csv`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(new Uint8Array(await csv.arrayBuffer()).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
    const xlsx = await fetch(`${hall.url}/api/admin/reports?from=${day}&to=${day}&format=xlsx`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(new Uint8Array(await xlsx.arrayBuffer()).slice(0, 2)).toEqual(new Uint8Array([0x50, 0x4b])); // "PK": a zip
    expect((await api(hall, 'GET', `/api/admin/reports?from=${day}&to=2020-01-01`, token)).status).toBe(400);
  });
});

describe('indexes of the console queries (query plans)', () => {
  let hall: Hall;
  beforeAll(async () => {
    hall = await startTestHall();
  });
  afterAll(async () => hall.dispose());

  const plan = (sql: string, ...params: unknown[]): string =>
    (hall.store.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[])
      .map((row) => row.detail)
      .join(' | ');

  it('reads a range of days by index and each ticket’s first call by index', () => {
    const detail = plan(
      `SELECT t.id, (SELECT MIN(e.at) FROM events e WHERE e.ticket_id = t.id AND e.type = 'ticket.called')
       FROM tickets t WHERE t.business_day BETWEEN ? AND ?`,
      '2026-01-01',
      '2026-12-31',
    );
    expect(detail).toMatch(/SEARCH t USING (COVERING )?INDEX tickets_day/);
    expect(detail).toMatch(/SEARCH e USING (COVERING )?INDEX events_ticket_type/);
  });

  it('finds a ticket number and filters the audit log by type with indexes', () => {
    expect(
      plan('SELECT id FROM tickets WHERE number = ? AND business_day = ?', 'A001', '2026-01-01'),
    ).toMatch(/SEARCH tickets USING (COVERING )?INDEX tickets_number/);
    expect(
      plan(
        'SELECT version FROM events WHERE type = ? AND at >= ? ORDER BY at DESC LIMIT 100',
        'ticket.called',
        0,
      ),
    ).toMatch(/SEARCH events USING (COVERING )?INDEX events_type_at/);
  });
});
