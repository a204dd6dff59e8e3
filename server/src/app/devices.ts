import type { DeviceKind } from '@luot/shared/contracts';
import type { CounterId, DeviceId } from '@luot/shared/domain';
import { asDeviceId } from '@luot/shared/domain';
import type { HallStore } from '../db/hall-store.ts';
import { hashToken, newDeviceId, newDeviceToken, newPairingCode } from './credentials.ts';

/** How long a pairing code stays valid. */
export const PAIRING_CODE_TTL_MS = 24 * 60 * 60 * 1000;

/** Kinds that belong to one counter. */
export const isCounterBound = (kind: DeviceKind): boolean => kind === 'counter' || kind === 'feedback';

/**
 * Make a one-time code that pairs one device. The manager (console or CLI) reads it out; the device
 * types it once and receives its own token. The code is single-use and expires.
 */
export function createPairingCode(
  store: HallStore,
  request: { kind: DeviceKind; name: string; counterId: CounterId | null },
  now: number,
): { code: string; expiresAt: number } {
  if (isCounterBound(request.kind) && request.counterId === null) {
    throw new Error(`a ${request.kind} device must be paired to a counter`);
  }
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const code = newPairingCode();
    try {
      store.insertPairingCode({ ...request, code, createdAt: now, expiresAt: now + PAIRING_CODE_TTL_MS });
      return { code, expiresAt: now + PAIRING_CODE_TTL_MS };
    } catch {
      // The code was taken (a unique collision): draw another.
    }
  }
  throw new Error('could not draw a free pairing code');
}

/** Exchange a pairing code for a device and its token; undefined when the code is not valid now. */
export function pairWithCode(
  store: HallStore,
  code: string,
  now: number,
  name?: string,
): { deviceId: DeviceId; token: string; kind: DeviceKind; counterId: CounterId | null } | undefined {
  const pairing = store.consumePairingCode(code, now);
  if (!pairing) return undefined;
  return registerDevice(store, { ...pairing, name: name ?? pairing.name }, now);
}

/** Register a device directly (CLI, tests, the first manager) and return its token, shown only now. */
export function registerDevice(
  store: HallStore,
  request: { kind: DeviceKind; name: string; counterId: CounterId | null },
  now: number,
): { deviceId: DeviceId; token: string; kind: DeviceKind; counterId: CounterId | null } {
  const token = newDeviceToken();
  const deviceId = asDeviceId(newDeviceId());
  store.insertDevice({ id: deviceId, ...request, tokenHash: hashToken(token), createdAt: now });
  return { deviceId, token, kind: request.kind, counterId: request.counterId };
}
