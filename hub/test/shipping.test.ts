import { afterEach, describe, expect, it } from 'vitest';
import type { HubHallSummary } from '@luot/shared/contracts';
import { businessDayOf } from '@luot/shared/domain';
import { startTestHall } from '../../server/test/helpers.ts';
import { hallReportFromHub, provinceReport } from '../src/app/province-report.ts';
import type { HubServer } from '../src/hub-server.ts';
import { runHallWorkload } from './support/hall-workload.ts';
import {
  FAST_SHIPPING,
  eventually,
  freshDatabaseUrl,
  hallEvents,
  hallOwnReport,
  hubEvents,
  shippedVersion,
  startTestHub,
} from './support/hub-fixtures.ts';
import { WanProxy } from './support/wan-proxy.ts';

type TestHall = Awaited<ReturnType<typeof startTestHall>>;
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Every case ends here: the hub's log of the hall equals the hall's own, and so do the figures. */
async function expectHubEqualsHall(hub: HubServer, hallId: string, hall: TestHall): Promise<void> {
  const head = hall.service.state.version;
  await eventually(
    async () => (await shippedVersion(hub.db.pool, hallId)) === head,
    30_000,
    `hub at version ${head}`,
  );
  expect(await hubEvents(hub.db.pool, hallId)).toEqual(hallEvents(hall));
  const day = hall.service.state.businessDay;
  const own = hallOwnReport(hall, '2000-01-01', day);
  expect(
    await hallReportFromHub(hub.db.pool, hallId, { from: '2000-01-01', to: day, targetWaitMinutes: 30 }, 0),
  ).toEqual(own);
  const province = await provinceReport(
    hub.db.pool,
    { from: '2000-01-01', to: day, targetWaitMinutes: 30, hallIds: [hallId] },
    0,
  );
  const { key: _a, label: _b, ...provinceTotal } = province.total;
  const { key: _c, label: _d, ...ownTotal } = own.total;
  expect(provinceTotal).toEqual(ownTotal);
}

async function shippingHall(
  hub: HubServer,
  name: string,
  via?: string,
): Promise<{ hall: TestHall; hallId: string; key: string }> {
  const { hallId, key } = await hub.halls.addHall(name);
  const hall = await startTestHall({ hubLink: { url: via ?? hub.url, key, timing: FAST_SHIPPING } });
  cleanups.push(() => hall.dispose());
  return { hall, hallId, key };
}

describe('a hall shipping to its hub', () => {
  it('ships every event, with the ticket codes and configuration, and the halls API reports it', async () => {
    const hub = await startTestHub(await freshDatabaseUrl(), { publicUrl: 'https://hub.example.test' });
    cleanups.push(() => hub.close());
    const { hall, hallId } = await shippingHall(hub, 'Trung tâm Phục vụ hành chính công phường Ba Đình');
    await runHallWorkload(hall.service, { steps: 300, seed: 11 });
    await expectHubEqualsHall(hub, hallId, hall);

    const token = await hub.halls.createApiToken();
    const response = await fetch(`${hub.url}/api/v1/halls`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
    const halls = (await response.json()) as HubHallSummary[];
    const tickets = Object.values(hall.service.state.tickets);
    const today = hall.service.state.businessDay;
    const todays = tickets.filter((ticket) => ticket.businessDay === today);
    expect(halls).toEqual([
      {
        hallId,
        name: 'Trung tâm Phục vụ hành chính công phường Ba Đình',
        connected: true,
        shippedVersion: hall.service.state.version,
        lastEventAt: hallEvents(hall).at(-1)!.at,
        today: {
          issued: todays.length,
          called: todays.filter((ticket) => ticket.callCount > 0).length,
          served: todays.filter((ticket) => ticket.status === 'done').length,
          noShow: todays.filter((ticket) => ticket.status === 'no_show').length,
          waiting: tickets.filter((ticket) => ticket.status === 'waiting').length,
        },
      },
    ]);
    expect((await fetch(`${hub.url}/api/v1/halls`)).status).toBe(401);
    expect(
      (
        await fetch(`${hub.url}/api/v1/halls`, {
          headers: { authorization: 'Bearer lht_wrong-token-0000000000' },
        })
      ).status,
    ).toBe(401);

    // The link state the manager console shows.
    const link = hall.hubShipper!.linkStatus();
    expect(link).toMatchObject({
      isConnected: true,
      eventsBehind: 0,
      lastError: null,
      publicUrl: 'https://hub.example.test',
    });

    // With the link up, a new ticket's QR points to the hub's page, and the hub answers it.
    const issued = await hall.service.issue(
      { role: 'manager', deviceId: 'm' as never, deviceName: 'm', counterId: null, clerkId: null },
      'issue-for-qr-1',
      {
        type: 'issue',
        serviceId: hall.service.hallConfig.services[0]!.id,
        procedureId: null,
        priorityGroupId: null,
      },
    );
    if (!issued.ok) throw new Error(issued.error.message);
    expect(issued.value.statusUrl).toBe(`https://hub.example.test/t/${issued.value.publicCode}`);
    await expectHubEqualsHall(hub, hallId, hall);
    const status = await fetch(`${hub.url}/api/tickets/${issued.value.publicCode}`);
    expect(status.status).toBe(200);
    const body = (await status.json()) as { value: Record<string, unknown> };
    expect(body.value).toMatchObject({
      number: issued.value.ticket.number,
      status: 'waiting',
      hallName: hall.service.hallConfig.hall.name,
      version: hall.service.state.version,
    });
    // Nothing was behind at the hall's last contact: the copy is as fresh as that contact.
    expect(body.value.asOf).toBeGreaterThanOrEqual(hallEvents(hall).at(-1)!.at);
    // Codes are not enumerable: an unknown one is simply not found.
    expect((await fetch(`${hub.url}/api/tickets/AAAAAAAAAAAAAAAA`)).status).toBe(404);
  });

  it('keeps the hall working through a WAN cut of minutes and catches up after it', async () => {
    const hub = await startTestHub(await freshDatabaseUrl());
    cleanups.push(() => hub.close());
    const wan = await WanProxy.start([hub.port]);
    cleanups.push(() => wan.close());
    const { hall, hallId } = await shippingHall(hub, 'Trung tâm sau đường truyền', wan.url);
    await runHallWorkload(hall.service, { steps: 100, seed: 21 });
    await expectHubEqualsHall(hub, hallId, hall);

    // A silent link (packets dropped): requests time out, the shipper backs off and retries. The
    // shipper's timings are compressed 40× (backoff cap 0.4 s for 60 s, timeout 1.5 s for 15 s), so
    // these 8 s are minutes of a real hall's retries.
    wan.cut('blackhole');
    const cutAt = Date.now();
    let rounds = 0;
    while (Date.now() - cutAt < 8_000) {
      const result = await runHallWorkload(hall.service, { steps: 20, seed: 100 + rounds });
      // Every command the hall was asked was answered: nothing of it waits for the hub.
      expect(result.commands).toBeGreaterThan(0);
      rounds += 1;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const during = hall.hubShipper!.linkStatus();
    expect(during.isConnected).toBe(false);
    expect(during.eventsBehind).toBeGreaterThan(50);
    expect(during.lastError).not.toBeNull();
    // With the link down, tickets print the hall's own page address.
    expect(hall.hubShipper!.publicStatusBase()).toBeNull();

    // Then the hub's address refuses connections for a while (hub down), then all comes back.
    wan.cut('refuse');
    await runHallWorkload(hall.service, { steps: 50, seed: 999 });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    wan.restore();
    await expectHubEqualsHall(hub, hallId, hall);
    expect(hall.hubShipper!.linkStatus()).toMatchObject({ isConnected: true, eventsBehind: 0 });
  });

  it('never ships a hall that has no hub, and a revoked key stops the link with its reason', async () => {
    const plain = await startTestHall();
    cleanups.push(() => plain.dispose());
    expect(plain.hubShipper).toBeNull();

    const hub = await startTestHub(await freshDatabaseUrl());
    cleanups.push(() => hub.close());
    const { hall, hallId } = await shippingHall(hub, 'Trung tâm bị thu hồi khóa');
    await runHallWorkload(hall.service, { steps: 40, seed: 5 });
    await expectHubEqualsHall(hub, hallId, hall);
    await hub.halls.revokeKey(hallId);
    const before = await shippedVersion(hub.db.pool, hallId);
    await runHallWorkload(hall.service, { steps: 40, seed: 6 });
    await eventually(
      () => Promise.resolve(hall.hubShipper!.linkStatus().lastError?.includes('UNAUTHORIZED')),
      10_000,
      'refusal',
    );
    expect(await shippedVersion(hub.db.pool, hallId)).toBe(before);
  });

  it("gives the province the sum of its halls' own reports", async () => {
    const hub = await startTestHub(await freshDatabaseUrl());
    cleanups.push(() => hub.close());
    const halls = await Promise.all([0, 1, 2].map((index) => shippingHall(hub, `Trung tâm ${index + 1}`)));
    for (const [index, { hall }] of halls.entries())
      await runHallWorkload(hall.service, { steps: 200, seed: 300 + index });
    for (const { hall, hallId } of halls) await expectHubEqualsHall(hub, hallId, hall);
    const day = businessDayOf(Date.now(), 'Asia/Ho_Chi_Minh', 0);
    const report = await provinceReport(hub.db.pool, { from: day, to: day, targetWaitMinutes: 30 }, 0);
    const owns = halls.map(({ hall }) => hallOwnReport(hall, day, day));
    const sum = (pick: (row: (typeof owns)[number]['total']) => number): number =>
      owns.reduce((total, own) => total + pick(own.total), 0);
    expect(report.total.issued).toBe(sum((row) => row.issued));
    expect(report.total.served).toBe(sum((row) => row.served));
    expect(report.total.noShow).toBe(sum((row) => row.noShow));
    expect(report.total.satisfaction.total).toBe(sum((row) => row.satisfaction.total));
    expect(report.total.satisfaction.satisfied).toBe(sum((row) => row.satisfaction.satisfied));
    expect(report.total.wait.count).toBe(sum((row) => row.wait.count));
    for (const { hallId } of halls) {
      const row = report.by.hall.find((candidate) => candidate.key === hallId)!;
      const own = owns[halls.findIndex((candidate) => candidate.hallId === hallId)]!.total;
      const { key: _a, label: _b, ...figures } = row;
      const { key: _c, label: _d, ...ownFigures } = own;
      expect(figures).toEqual(ownFigures);
    }
    // Service rows add up to the total too.
    expect(report.by.service.reduce((total, row) => total + row.issued, 0)).toBe(report.total.issued);
  });
});
