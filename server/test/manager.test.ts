import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceStatus } from '@luot/shared/contracts';
import type { HallConfig } from '@luot/shared/domain';
import { asDeviceId, configIssues } from '@luot/shared/domain';
import type { TestClient } from './helpers.ts';
import { connectClient, pairAndConnect, requestId, startTestHall, waitFor } from './helpers.ts';

describe('manager commands', () => {
  let hall: Awaited<ReturnType<typeof startTestHall>>;
  let manager: TestClient;
  let kiosk: TestClient;
  beforeAll(async () => {
    hall = await startTestHall();
    manager = await pairAndConnect(hall, 'manager');
    kiosk = await pairAndConnect(hall, 'kiosk');
  });
  afterAll(async () => {
    manager.close();
    kiosk.close();
    await hall.dispose();
  });

  it('a configuration change takes effect at once, is recorded in the log and reaches devices', async () => {
    const config = hall.service.hallConfig;
    const changed: HallConfig = {
      ...config,
      services: config.services.map((service) =>
        service.id === 'ho-tich' ? { ...service, dailyQuota: 1 } : service,
      ),
    };
    const ack = await manager.send('config:update', { requestId: requestId(), config: changed });
    expect(ack.ok).toBe(true);
    expect(ack.ok && ack.value.events[0]).toMatchObject({
      type: 'hall.configured',
      changes: ['service ho-tich changed'],
    });
    expect((await kiosk.send('ticket:issue', { requestId: requestId(), serviceId: 'ho-tich' })).ok).toBe(
      true,
    );
    const refused = await kiosk.send('ticket:issue', { requestId: requestId(), serviceId: 'ho-tich' });
    expect(refused.ok || refused.error.code).toBe('QUOTA_REACHED');
    // The kiosk asks for a snapshot and sees the new quota.
    const snapshot = await kiosk.send('sync:snapshot', {});
    expect(snapshot.ok && snapshot.value.config.services.find((s) => s.id === 'ho-tich')?.dailyQuota).toBe(1);
    // Survives a restart (saved in the same transaction as its event).
    expect(hall.store.loadConfig()?.services.find((s) => s.id === 'ho-tich')?.dailyQuota).toBe(1);
  });

  it('an incoherent configuration is refused whole, with the problems named', async () => {
    const config = hall.service.hallConfig;
    const broken: HallConfig = {
      ...config,
      services: config.services.map((service) => ({ ...service, prefix: 'A' })),
    };
    const before = hall.service.state.version;
    const ack = await manager.send('config:update', { requestId: requestId(), config: broken });
    expect(ack.ok || ack.error.code).toBe('CONFIG_INVALID');
    // The same issues, in the same words, as the console's own check.
    expect(ack.ok || ack.error.configIssues).toEqual(configIssues(broken));
    expect(ack.ok || ack.error.configIssues?.[0]?.message.vi).toMatch(
      /^Dịch vụ “.+”: ký hiệu “A” đã dùng cho Dịch vụ “.+”\. Mỗi dịch vụ cần một ký hiệu riêng\.$/,
    );
    expect(hall.service.state.version).toBe(before);
  });

  it('pairs a device with a code and revokes it, dropping its connection at once', async () => {
    const code = await manager.send('device:create-pairing', {
      requestId: requestId(),
      kind: 'display',
      name: 'Tầng 2',
    });
    expect(code.ok).toBe(true);
    if (!code.ok) return;
    const paired = (await (
      await fetch(`${hall.url}/api/pair`, { method: 'POST', body: JSON.stringify({ code: code.value.code }) })
    ).json()) as { value: { token: string; deviceId: string } };
    const display = await connectClient(hall.url, paired.value.token);
    const listed = async () => {
      const list = await manager.send('device:list', {});
      return list.ok ? list.value.find((device) => device.deviceId === paired.value.deviceId) : undefined;
    };
    expect(await listed()).toMatchObject({ isOnline: true, revokedAt: null });
    const statuses: DeviceStatus[] = [];
    manager.socket.on('device:status', (status) => {
      if (status.deviceId === paired.value.deviceId) statuses.push(status);
    });
    const revokedAfter = Date.now();
    expect(
      (await manager.send('device:revoke', { requestId: requestId(), deviceId: paired.value.deviceId })).ok,
    ).toBe(true);
    await waitFor(() => !display.socket.connected, 2_000, 'the revoked display to be dropped');
    // The console is told it is revoked (and when), and then that it is offline.
    await waitFor(
      () => statuses.some((status) => status.revokedAt !== null && !status.isOnline),
      2_000,
      'the manager to see it revoked and offline',
    );
    expect(statuses.every((status) => (status.revokedAt ?? 0) >= revokedAfter)).toBe(true);
    const revoked = await listed();
    expect(revoked).toMatchObject({ isOnline: false, name: 'Tầng 2' });
    expect(revoked?.revokedAt).toBe(hall.store.findDevice(asDeviceId(paired.value.deviceId))?.revokedAt);
    expect(revoked?.revokedAt).toBeGreaterThanOrEqual(revokedAfter);
    const counterWithoutCounter = await manager.send('device:create-pairing', {
      requestId: requestId(),
      kind: 'counter',
      name: 'x',
    });
    expect(counterWithoutCounter.ok || counterWithoutCounter.error.code).toBe('VALIDATION_FAILED');
    display.close();
  });

  it('kiosks report printer health and managers see it', async () => {
    const seen = new Promise((resolve) => manager.socket.once('device:status', resolve));
    expect(
      (
        await kiosk.send('printer:status', {
          requestId: requestId(),
          state: 'paper_out',
          detail: 'cảm biến hết giấy',
        })
      ).ok,
    ).toBe(true);
    expect(await seen).toMatchObject({ kind: 'kiosk', printer: { state: 'paper_out' } });
  });
});
