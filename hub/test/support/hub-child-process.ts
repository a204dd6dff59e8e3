import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { ReadyChild } from '../../../server/test/support/hall-child-process.ts';
import { spawnReadyChild } from '../../../server/test/support/hall-child-process.ts';

const HUB_CHILD_ENTRY = path.join(path.dirname(fileURLToPath(import.meta.url)), 'hub-child.ts');

/** A hub process (`hub-child.ts`), killable with SIGKILL; `url` is its address. */
export async function startHubChild(env: {
  DATABASE_URL?: string;
  HUB_DATA_DIR?: string;
  HUB_PORT?: string;
}): Promise<ReadyChild & { url: string }> {
  const child = await spawnReadyChild(HUB_CHILD_ENTRY, [], {
    env: { ...process.env, ...env },
    readyTimeoutMs: 60_000,
  });
  return Object.assign(child, { url: `http://127.0.0.1:${child.port}` });
}
