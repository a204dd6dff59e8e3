import { describe, expect, it } from 'vitest';
import type { DeviceStatus } from '@luot/shared/contracts';
import { asDeviceId } from '@luot/shared/domain';
import { translate } from '@luot/shared/text';
import { plainHttpDevices } from '../src/PlainHttpBanner.tsx';

const device = (name: string, overrides: Partial<DeviceStatus>): DeviceStatus => ({
  deviceId: asDeviceId(`dev_${name}`),
  kind: 'counter',
  name,
  counterId: null,
  isOnline: true,
  lastSeenAt: 0,
  revokedAt: null,
  printer: null,
  ...overrides,
});

describe('plain HTTP warning (issue 15)', () => {
  it('names only online staff devices on plain HTTP from another machine', () => {
    const warned = plainHttpDevices([
      device('lan-http', { transport: { isSecure: false, isLoopback: false, address: '192.168.1.20' } }),
      device('lan-https', { transport: { isSecure: true, isLoopback: false, address: '192.168.1.21' } }),
      device('server-pc', { transport: { isSecure: false, isLoopback: true, address: '127.0.0.1' } }),
      device('offline', { isOnline: false }),
    ]);
    expect(warned.map((entry) => entry.name)).toEqual(['lan-http']);
  });

  it('tells how to turn HTTPS on: the command from the sources and from the installed bundle', () => {
    for (const locale of ['vi', 'en'] as const) {
      const advice = translate(locale, 'admin.plainHttp.fix');
      expect(advice).toContain('pnpm luot tls init');
      expect(advice).toContain('luot.cmd tls init');
      expect(advice).toContain('https://');
    }
  });
});
