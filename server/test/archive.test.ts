// Archive instead of delete, on a real hall with history: an archived service, counter and clerk are
// gone from the kiosk and the terminals, tickets already waiting are still served, reports and the
// audit keep naming them, removal is refused, and restoring brings them back — across a restart.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HallReport } from '@luot/shared/contracts';
import type { ConfigIssue, HallConfig } from '@luot/shared/domain';
import { asCounterId, businessDayOf } from '@luot/shared/domain';
import type { TestClient } from './helpers.ts';
import { pairAndConnect, requestId, startTestHall, tempDataDir } from './helpers.ts';

type Hall = Awaited<ReturnType<typeof startTestHall>>;
type Json = {
  ok: boolean;
  value?: unknown;
  error?: { code: string; message: string; configIssues?: ConfigIssue[] };
};

async function api(hall: Hall, method: string, path: string, token: string, body?: unknown) {
  const response = await fetch(`${hall.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, json: (await response.json()) as Json };
}

const PASSWORD = 'Hoa-sen-2026';

async function login(hall: Hall, password: string): Promise<string> {
  const response = await fetch(`${hall.url}/api/admin/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password }),
  });
  return ((await response.json()) as { value: { token: string } }).value.token;
}

/** The first manager of a new hall, with the password changed as the first sign-in requires. */
async function managerToken(hall: Hall): Promise<string> {
  const token = await login(hall, 'admin');
  await api(hall, 'POST', '/api/admin/password', token, { currentPassword: 'admin', newPassword: PASSWORD });
  return token;
}

const archive = (config: HallConfig): HallConfig => ({
  ...config,
  services: config.services.map((s) => (s.id === 'ho-tich' ? { ...s, isArchived: true } : s)),
  counters: config.counters.map((c) => (c.id === 'q4' ? { ...c, isArchived: true } : c)),
  clerks: config.clerks.map((c) => (c.id === 'cb4' ? { ...c, isArchived: true } : c)),
});

describe('archive instead of delete, on a hall with history', () => {
  const data = tempDataDir();
  let hall: Hall;
  let token: string;
  const clients: TestClient[] = [];
  beforeAll(async () => {
    hall = await startTestHall({ dataDir: data.dir });
    token = await managerToken(hall);
  });
  afterAll(async () => {
    for (const client of clients) client.close();
    await hall.dispose();
    data.remove();
  });

  it('hides what is archived, keeps serving what waits, and keeps the history', async () => {
    const kiosk = await pairAndConnect(hall, 'kiosk');
    const q4 = await pairAndConnect(hall, 'counter', asCounterId('q4'));
    const q3 = await pairAndConnect(hall, 'counter', asCounterId('q3'));
    clients.push(kiosk, q4, q3);
    // History: B001 served at q4 by Phạm Minh Đức (cb4); B002 still waiting.
    for (let i = 0; i < 2; i += 1)
      expect((await kiosk.send('ticket:issue', { requestId: requestId(), serviceId: 'ho-tich' })).ok).toBe(
        true,
      );
    expect(
      (await q4.send('clerk:sign-in', { requestId: requestId(), username: 'canbo4', pin: '1234' })).ok,
    ).toBe(true);
    expect((await q4.send('ticket:call-next', { requestId: requestId() })).ok).toBe(true);
    expect((await q4.send('ticket:start', { requestId: requestId() })).ok).toBe(true);
    expect((await q4.send('ticket:complete', { requestId: requestId() })).ok).toBe(true);
    expect((await q4.send('clerk:sign-out', { requestId: requestId() })).ok).toBe(true);

    // Deleting what has history is refused, in the console's words; nothing changes.
    const published = hall.service.hallConfig;
    const version = hall.service.state.version;
    const deleted = await api(hall, 'PUT', '/api/admin/config', token, {
      requestId: requestId(),
      config: { ...published, counters: published.counters.filter((c) => c.id !== 'q4') },
    });
    expect(deleted.status).toBe(409);
    expect(deleted.json.error?.code).toBe('CONFIG_INVALID');
    expect(deleted.json.error?.configIssues?.map((issue) => [issue.code, issue.path.id])).toEqual([
      ['removed-not-archived', 'q4'],
    ]);
    expect(hall.service.state.version).toBe(version);

    // Archiving is accepted.
    const archived = await api(hall, 'PUT', '/api/admin/config', token, {
      requestId: requestId(),
      config: archive(published),
    });
    expect(archived.status).toBe(200);
    const refusedIssue = await kiosk.send('ticket:issue', { requestId: requestId(), serviceId: 'ho-tich' });
    expect(refusedIssue.ok || refusedIssue.error.code).toBe('SERVICE_INACTIVE');
    // The archived clerk cannot sign in anywhere; the archived counter cannot open.
    const signIn = await q3.send('clerk:sign-in', {
      requestId: requestId(),
      username: 'canbo4',
      pin: '1234',
    });
    expect(signIn.ok || signIn.error.code).toBe('BAD_CREDENTIALS');
    const reopen = await q4.send('clerk:sign-in', {
      requestId: requestId(),
      username: 'canbo5',
      pin: '1234',
    });
    expect(reopen.ok).toBe(false);
    // B002, already waiting, is still called at a counter that serves Hộ tịch.
    expect(
      (await q3.send('clerk:sign-in', { requestId: requestId(), username: 'canbo3', pin: '1234' })).ok,
    ).toBe(true);
    const call = await q3.send('ticket:call-next', { requestId: requestId() });
    expect(call.ok && call.value.events.find((e) => e.type === 'ticket.called')).toMatchObject({
      ticketId: 2,
    });

    // The audit names the ticket by its number on every event about it (for its sentences).
    const audit = (await api(hall, 'GET', '/api/admin/audit?type=ticket.called', token)).json.value as {
      entries: { ticketNumber?: string | null }[];
    };
    expect(audit.entries.map((e) => e.ticketNumber)).toEqual(['B002', 'B001']);
    // Reports still name the archived service, counter and clerk with their figures.
    const day = businessDayOf(Date.now(), published.hall.timeZone, published.hall.rolloverHour);
    const report = (await api(hall, 'GET', `/api/admin/reports?from=${day}&to=${day}`, token)).json
      .value as HallReport;
    expect(report.by.service.find((row) => row.key === 'ho-tich')).toMatchObject({
      label: { vi: 'Hộ tịch: khai sinh, kết hôn, khai tử' },
      issued: 2,
      served: 1,
    });
    expect(report.by.counter.find((row) => row.key === 'q4')).toMatchObject({ served: 1 });
    expect(report.by.clerk.find((row) => row.key === 'cb4')).toMatchObject({
      label: { vi: 'Phạm Minh Đức' },
      served: 1,
    });
  });

  it('keeps the archive across a restart and restores on request', async () => {
    await hall.close();
    hall = await startTestHall({ dataDir: data.dir });
    const config = hall.service.hallConfig;
    expect(config.services.find((s) => s.id === 'ho-tich')?.isArchived).toBe(true);
    expect(config.counters.find((c) => c.id === 'q4')?.isArchived).toBe(true);
    token = await login(hall, PASSWORD);
    const restored: HallConfig = {
      ...config,
      services: config.services.map((s) => (s.id === 'ho-tich' ? { ...s, isArchived: false } : s)),
    };
    const saved = await api(hall, 'PUT', '/api/admin/config', token, {
      requestId: requestId(),
      config: restored,
    });
    expect(saved.status).toBe(200);
    const kiosk = await pairAndConnect(hall, 'kiosk');
    clients.push(kiosk);
    const issued = await kiosk.send('ticket:issue', { requestId: requestId(), serviceId: 'ho-tich' });
    expect(issued.ok && issued.value.ticket.number).toBe('B003');
  });
});
