import { useEffect, useState } from 'react';
import type { DeviceStatus } from '@luot/shared/contracts';
import type { HallView } from '@luot/client';
import type { AdminApi } from './api.ts';
import { useText } from './text.ts';

/** The staff devices on the hall network that talk to the server over plain HTTP from another machine. */
export function plainHttpDevices(devices: readonly DeviceStatus[]): DeviceStatus[] {
  return devices.filter(
    (device) =>
      device.isOnline &&
      device.transport !== undefined &&
      !device.transport.isSecure &&
      !device.transport.isLoopback,
  );
}

/**
 * A warning on every console screen while staff devices (kiosks, counters, tablets, displays) connect
 * over plain HTTP from another machine: their tokens and the clerks' PINs cross the Wi-Fi in clear.
 */
export function PlainHttpBanner(props: { api: AdminApi; view: HallView }) {
  const { t } = useText();
  const [listed, setListed] = useState<DeviceStatus[]>([]);
  useEffect(() => {
    void props.api.devices().then((result) => result.ok && setListed(result.value));
  }, [props.api]);
  const devices = plainHttpDevices([
    ...listed.filter((device) => !(device.deviceId in props.view.devices)),
    ...Object.values(props.view.devices),
  ]);
  if (devices.length === 0) return null;
  return (
    <div className="notice plain-http-banner" role="alert" data-testid="plain-http-banner">
      <strong>{t('admin.plainHttp.title', { count: devices.length })}</strong>{' '}
      {devices.map((device) => `${device.name} (${device.transport?.address ?? ''})`).join(', ')}.{' '}
      {t('admin.plainHttp.fix')}
    </div>
  );
}
