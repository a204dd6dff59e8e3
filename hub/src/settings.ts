import path from 'node:path';
import { REPO_ROOT } from './hub-server.ts';

/** The hub's settings, from the environment (docs/HUB.md). */
export interface HubSettings {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly databaseUrl: string | undefined;
  readonly publicUrl: string | null;
  /** HUB_TRUST_PROXY: the TLS proxy's address(es), comma-separated, whose X-Forwarded-For is believed. */
  readonly trustProxy: string | false;
}

/**
 * HUB_PORT (8090), HUB_HOST (0.0.0.0), HUB_DATA_DIR (`hub-data/` in the repository: the embedded
 * PostgreSQL), DATABASE_URL (an existing PostgreSQL instead), HUB_PUBLIC_URL (the address citizens'
 * phones reach, for ticket status pages; none by default), HUB_TRUST_PROXY (the TLS proxy's address).
 */
export function loadHubSettings(env: NodeJS.ProcessEnv = process.env): HubSettings {
  const port = env.HUB_PORT !== undefined ? Number(env.HUB_PORT) : 8090;
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new Error(`HUB_PORT must be 0–65535, got ${env.HUB_PORT}`);
  const publicUrl = env.HUB_PUBLIC_URL?.trim() || null;
  if (publicUrl !== null && !/^https?:\/\/[^\s/]+/.test(publicUrl))
    throw new Error(`HUB_PUBLIC_URL must be an http(s) address, got ${publicUrl}`);
  return {
    port,
    host: env.HUB_HOST ?? '0.0.0.0',
    dataDir: path.resolve(env.HUB_DATA_DIR ?? path.join(REPO_ROOT, 'hub-data')),
    databaseUrl: env.DATABASE_URL?.trim() || undefined,
    publicUrl,
    trustProxy: env.HUB_TRUST_PROXY?.trim() || false,
  };
}
