import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogueOffer, HubLinkStatus, ProvinceCatalogue } from '@luot/shared/contracts';
import { asFieldId, asProcedureId, asServiceId } from '@luot/shared/domain';
import { startTestHall } from '../../server/test/helpers.ts';
import type { HubServer } from '../src/hub-server.ts';
import {
  FAST_SHIPPING,
  eventually,
  freshDatabaseUrl,
  hallEvents,
  hubEvents,
  startTestHub,
} from './support/hub-fixtures.ts';

// The province catalogue from the hub's console to a hall's console: the hall manager sees what changes
// and accepts it; and the link panel's state.

describe('province catalogue in a hall', () => {
  let hub: HubServer;
  let hall: Awaited<ReturnType<typeof startTestHall>>;
  let hallId: string;
  let provinceToken: string;
  let managerToken: string;

  const hallApi = async <T>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: { ok: boolean; value: T; error?: { code: string } } }> => {
    const response = await fetch(`${hall.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${managerToken}`,
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    return { status: response.status, body: (await response.json()) as { ok: boolean; value: T } };
  };
  const saveCatalogue = async (body: ProvinceCatalogue['body']): Promise<number> => {
    const response = await fetch(`${hub.url}/api/v1/console/catalogue`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${provinceToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(200);
    return ((await response.json()) as { value: { version: number } }).value.version;
  };

  beforeAll(async () => {
    hub = await startTestHub(await freshDatabaseUrl());
    await hub.accounts.create('tinh', 'Cán bộ tỉnh', 'Song-Hong-Mua-Thu-2026', false);
    const login = await hub.accounts.login('tinh', 'Song-Hong-Mua-Thu-2026');
    if (!login.ok) throw new Error('province sign-in failed');
    provinceToken = login.token;
    const added = await hub.halls.addHall('Trung tâm nhận danh mục');
    hallId = added.hallId;
    hall = await startTestHall({ hubLink: { url: hub.url, key: added.key, timing: FAST_SHIPPING } });
    await hall.accounts.create('quanly', 'Cán bộ quản lý', 'Mat-khau-quan-ly-2026', false);
    const manager = await hall.accounts.login('quanly', 'Mat-khau-quan-ly-2026');
    if (!manager.ok) throw new Error('manager sign-in failed');
    managerToken = manager.token;
  });
  afterAll(async () => {
    await hall?.dispose();
    await hub?.close();
  });

  it('shows the link state to the hall manager', async () => {
    const link = await eventually(
      async () => {
        const { body } = await hallApi<HubLinkStatus>('GET', '/api/admin/hub-link');
        return body.value.isConnected ? body.value : undefined;
      },
      10_000,
      'a connected link',
    );
    expect(link).toMatchObject({ isEnabled: true, hubUrl: hub.url, eventsBehind: 0, lastError: null });
    expect((await fetch(`${hall.url}/api/admin/hub-link`)).status).toBe(401);
  });

  it('lists what the province catalogue changes, and takes it when the manager accepts', async () => {
    expect((await hallApi<CatalogueOffer | null>('GET', '/api/admin/hub-catalogue')).body.value).toBeNull();
    const own = hall.service.hallConfig;
    const first = own.services[0]!;
    const version = await saveCatalogue({
      fields: [
        ...own.fields,
        { id: asFieldId('giao-thong'), name: { vi: 'Giao thông vận tải', en: 'Transport' }, kioskOrder: 9 },
      ],
      services: [
        {
          ...first,
          name: { vi: `${first.name.vi} (tỉnh)`, en: first.name.en },
          procedures: [
            ...first.procedures,
            { id: asProcedureId('tt-moi'), name: { vi: 'Thủ tục mới', en: 'New procedure' } },
          ],
        },
        {
          ...first,
          id: asServiceId('doi-bang-lai'),
          fieldId: asFieldId('giao-thong'),
          name: { vi: 'Đổi giấy phép lái xe', en: 'Driving licence renewal' },
          prefix: 'GX',
          procedures: [],
        },
      ],
    });
    const { body } = await hallApi<CatalogueOffer>('GET', '/api/admin/hub-catalogue');
    expect(body.value.version).toBe(version);
    expect(body.value.changes.map((change) => [change.kind, change.id])).toEqual([
      ['field-added', 'giao-thong'],
      ['service-changed', first.id],
      ['service-added', 'doi-bang-lai'],
    ]);
    expect(body.value.changes[1]!.details).toEqual([
      { what: 'name' },
      { what: 'procedures', added: 1, removed: 0, renamed: 0 },
    ]);
    // Nothing changes until the manager accepts.
    expect(hall.service.hallConfig).toBe(own);

    const accepted = await hallApi<CatalogueOffer>('POST', '/api/admin/hub-catalogue/accept', {
      requestId: 'accept-catalogue-1',
      version,
    });
    expect(accepted.status).toBe(200);
    const config = hall.service.hallConfig;
    expect(config.services.find((service) => service.id === first.id)?.name.vi).toBe(
      `${first.name.vi} (tỉnh)`,
    );
    // A new service arrives inactive: no kiosk offers a service no counter serves.
    expect(config.services.find((service) => service.id === 'doi-bang-lai')).toMatchObject({
      isActive: false,
      prefix: 'GX',
    });
    expect(config.fields.some((field) => field.id === 'giao-thong')).toBe(true);
    // The change is the hall's own event, shipped like any other.
    expect(hallEvents(hall).at(-1)?.type).toBe('hall.configured');
    await eventually(
      async () => (await hubEvents(hub.db.pool, hallId)).length === hallEvents(hall).length,
      10_000,
      'shipped',
    );
    // Taken: nothing left to change.
    expect((await hallApi<CatalogueOffer>('GET', '/api/admin/hub-catalogue')).body.value.changes).toEqual([]);
  });

  it('refuses to take a version other than the newest the province saved', async () => {
    const stale = (await hallApi<CatalogueOffer>('GET', '/api/admin/hub-catalogue')).body.value.version;
    const own = hall.service.hallConfig;
    await saveCatalogue({
      fields: own.fields,
      services: own.services.map((service) => ({
        ...service,
        expectedServiceMinutes: service.expectedServiceMinutes + 1,
      })),
    });
    const refused = await hallApi('POST', '/api/admin/hub-catalogue/accept', {
      requestId: 'accept-catalogue-2',
      version: stale,
    });
    expect(refused.status).toBe(409);
    expect(hall.service.hallConfig).toBe(own);
  });
});
