import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHall } from '../../server/test/helpers.ts';
import type { HubServer } from '../src/hub-server.ts';
import { hallBoard } from '../src/http/console-routes.ts';
import { runHallWorkload } from './support/hall-workload.ts';
import {
  FAST_SHIPPING,
  eventually,
  freshDatabaseUrl,
  shippedVersion,
  startTestHub,
} from './support/hub-fixtures.ts';

// The province console's board: live figures folded from the events, and its three alerts.

describe('the halls board', () => {
  let hub: HubServer;
  let hall: Awaited<ReturnType<typeof startTestHall>>;
  let hallId: string;

  beforeAll(async () => {
    hub = await startTestHub(await freshDatabaseUrl());
    const added = await hub.halls.addHall('Trung tâm có cảnh báo');
    hallId = added.hallId;
    hall = await startTestHall({ hubLink: { url: hub.url, key: added.key, timing: FAST_SHIPPING } });
    await runHallWorkload(hall.service, { steps: 300, seed: 77 });
    await eventually(
      async () => (await shippedVersion(hub.db.pool, hallId)) === hall.service.state.version,
      10_000,
      'shipped',
    );
  });
  afterAll(async () => {
    await hall?.dispose();
    await hub?.close();
  });

  it('shows the live figures the hall itself has, and no alert while all is well', async () => {
    const [row] = await hallBoard(hub.db, Date.now(), 30, 0);
    const tickets = Object.values(hall.service.state.tickets);
    const counters = Object.values(hall.service.state.counters);
    expect(row).toMatchObject({
      hallId,
      connected: true,
      eventsBehind: 0,
      isEnrolled: true,
      isKeyRevoked: false,
      alerts: [],
      live: {
        waiting: tickets.filter((ticket) => ticket.status === 'waiting').length,
        served: tickets.filter((ticket) => ticket.status === 'done').length,
        countersOpen: counters.filter((counter) => counter.status === 'open').length,
        countersServing: counters.filter((counter) => counter.currentTicketId !== null).length,
      },
    });
    expect(row!.satisfactionToday.total).toBeGreaterThan(0);
  });

  it('exports the report as XLSX and CSV for a signed-in province account only', async () => {
    await hub.accounts.create('baocao', 'Cán bộ báo cáo', 'Song-Hong-Mua-Thu-2026', false);
    const login = await hub.accounts.login('baocao', 'Song-Hong-Mua-Thu-2026');
    if (!login.ok) throw new Error('sign-in failed');
    const day = hall.service.state.businessDay;
    const url = `${hub.url}/api/v1/console/report.xlsx?from=${day}&to=${day}`;
    const xlsx = await fetch(url, { headers: { authorization: `Bearer ${login.token}` } });
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    const bytes = Buffer.from(await xlsx.arrayBuffer());
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    expect((await fetch(url)).status).toBe(401);
    const csv = await fetch(url.replace('.xlsx', '.csv'), {
      headers: { authorization: `Bearer ${login.token}` },
    });
    expect(await csv.text()).toContain('Toàn tỉnh,Toàn tỉnh,');
    // A period upside down or longer than 400 days is refused.
    const bad = await fetch(`${hub.url}/api/v1/console/report?from=${day}&to=2000-01-01`, {
      headers: { authorization: `Bearer ${login.token}` },
    });
    expect(bad.status).toBe(400);
  });

  it('raises an alert for a hall silent over 10 minutes, a wait past the target and low satisfaction', async () => {
    const later = Date.now() + 11 * 60_000;
    const [row] = await hallBoard(hub.db, later, 5, 100);
    const kinds = row!.alerts.map((alert) => alert.kind).sort();
    expect(row!.connected).toBe(false);
    expect(kinds).toEqual(['offline', 'satisfaction', 'wait']);
    const wait = row!.alerts.find((alert) => alert.kind === 'wait');
    expect(wait).toMatchObject({ targetMinutes: 5 });
    // Nine minutes of silence is not yet an alert.
    const [soon] = await hallBoard(hub.db, Date.now() + 9 * 60_000, 600, 0);
    expect(soon!.alerts).toEqual([]);
  });
});
