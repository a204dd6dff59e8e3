import type { Ack } from '@luot/shared/contracts';

/** Where a device keeps its token: one key per app, so a PC can be both a counter and a display in tests. */
const tokenKey = (app: string): string => `luot.${app}.token`;

/** Minimal storage port (localStorage in browsers, a Map in tests). */
export interface TokenStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** The stored device token of an app, if paired. */
export const loadToken = (storage: TokenStorage, app: string): string | null =>
  storage.getItem(tokenKey(app));

/** Forget a token (revoked, or re-pairing). */
export const forgetToken = (storage: TokenStorage, app: string): void => storage.removeItem(tokenKey(app));

/** What the server returns when a code pairs a device. */
export interface Paired {
  readonly deviceId: string;
  readonly token: string;
  readonly kind: string;
  readonly counterId: string | null;
}

/**
 * Exchange a six-digit pairing code for this device's token and keep it. The code comes from the
 * manager (console or `pnpm luot pair`) and works once.
 */
export async function pairDevice(
  serverUrl: string,
  code: string,
  app: string,
  storage: TokenStorage,
  fetcher: typeof fetch = fetch,
): Promise<Ack<Paired>> {
  try {
    const response = await fetcher(new URL('/api/pair', serverUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: code.trim() }),
    });
    const body = (await response.json()) as Ack<Paired>;
    if (body.ok) storage.setItem(tokenKey(app), body.value.token);
    return body;
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: 'the hall server cannot be reached' } };
  }
}
