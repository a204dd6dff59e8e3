import type { DeviceStatus } from '@luot/shared/contracts';

/**
 * The hall's devices as the console shows them: the listing fetched when the screen opened, each one
 * replaced by its newest `device:status` push, and the devices that appeared since (a TV that just
 * scanned its pairing QR code) after them.
 */
export function currentDevices(
  listed: readonly DeviceStatus[],
  pushed: Readonly<Record<string, DeviceStatus>>,
): DeviceStatus[] {
  const listedIds = new Set<string>(listed.map((device) => device.deviceId));
  return [
    ...listed.map((device) => pushed[device.deviceId] ?? device),
    ...Object.values(pushed).filter((device) => !listedIds.has(device.deviceId)),
  ];
}

/** Whether the device may still connect (its token was not revoked). */
export const isActiveDevice = (device: DeviceStatus): boolean => device.revokedAt === null;
