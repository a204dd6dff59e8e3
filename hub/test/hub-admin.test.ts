import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TSX_LOADER } from '../../server/test/support/hall-child-process.ts';
import type { HubServer } from '../src/hub-server.ts';
import { freshDatabaseUrl, startTestHub } from './support/hub-fixtures.ts';

const run = promisify(execFile);
const HUB_ADMIN = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  'src',
  'cli',
  'hub-admin.ts',
);

// The contract other tools rely on: `pnpm hub-admin add-hall --name` prints one JSON line
// {"hallId","key"}, `pnpm hub-admin token` one line; both against DATABASE_URL (or HUB_DATA_DIR).

describe('pnpm hub-admin', () => {
  let hub: HubServer;
  let databaseUrl: string;
  const admin = (...args: string[]) =>
    run(process.execPath, ['--import', TSX_LOADER, HUB_ADMIN, ...args], {
      env: { ...process.env, DATABASE_URL: databaseUrl },
    });

  beforeAll(async () => {
    databaseUrl = await freshDatabaseUrl();
    hub = await startTestHub(databaseUrl);
  });
  afterAll(async () => {
    await hub?.close();
  });

  it('add-hall prints one JSON line with the hall and its key, which the hub then accepts', async () => {
    const { stdout } = await admin('add-hall', '--name', 'Trung tâm Hành chính công phường Đà Lạt');
    const lines = stdout.split('\n').filter((line) => line !== '');
    expect(lines).toHaveLength(1);
    const added = JSON.parse(lines[0]!) as Record<string, string>;
    expect(Object.keys(added).sort()).toEqual(['hallId', 'key']);
    expect(await hub.halls.hallOfKey(added.key!)).toBe(added.hallId);
    const ingest = await fetch(`${hub.url}/api/v1/ingest`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${added.key}` },
      body: JSON.stringify({ events: [], codes: [], headVersion: 0 }),
    });
    expect(ingest.status).toBe(200);
  });

  it('token prints one line: a read-only token for GET /api/v1/halls', async () => {
    const { stdout } = await admin('token');
    const token = stdout.trim();
    expect(token).not.toContain('\n');
    const response = await fetch(`${hub.url}/api/v1/halls`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
    const halls = (await response.json()) as { name: string }[];
    expect(halls.map((hall) => hall.name)).toContain('Trung tâm Hành chính công phường Đà Lạt');
    // Read-only: it is not a hall key.
    const write = await fetch(`${hub.url}/api/v1/ingest`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ events: [], codes: [], headVersion: 0 }),
    });
    expect(write.status).toBe(401);
  });

  it('refuses add-hall without a name, says why, and prints nothing on standard output', async () => {
    const failed = await admin('add-hall').catch(
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    expect(failed).toMatchObject({ code: 1, stdout: '' });
    expect((failed as { stderr: string }).stderr).toContain('--name');
  });
});
