import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../server/src/cli/main.ts';
import { loadSettings } from '../../server/src/settings.ts';
import type { HubServer } from '../src/hub-server.ts';
import { freshDatabaseUrl, startTestHub } from './support/hub-fixtures.ts';

describe('pnpm luot hub-enrol', () => {
  let hub: HubServer;
  const dir = mkdtempSync(path.join(tmpdir(), 'luot-enrol-'));
  const file = path.join(dir, 'luot.config.json');
  const saved = process.env.LUOT_CONFIG;

  beforeAll(async () => {
    hub = await startTestHub(await freshDatabaseUrl());
    process.env.LUOT_CONFIG = file;
  });
  afterAll(async () => {
    process.env.LUOT_CONFIG = saved;
    await hub?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("trades the one-time code for the hall's key, kept in the settings file beside its other settings", async () => {
    writeFileSync(file, JSON.stringify({ port: 8081, timeZone: 'Asia/Ho_Chi_Minh' }));
    const { hallId, code } = await hub.halls.enrolmentCode({ name: 'Trung tâm tự đăng ký' });
    const lines: string[] = [];
    expect(
      await runCli(['hub-enrol', '--url', `${hub.url}/`, '--code', code], (line) => lines.push(line)),
    ).toBe(0);
    expect(lines.join('\n')).toContain(hallId);
    const settings = loadSettings({ LUOT_CONFIG: file, LUOT_DATA_DIR: dir });
    expect(settings.port).toBe(8081);
    expect(settings.hubLink?.url).toBe(hub.url);
    expect(await hub.halls.hallOfKey(settings.hubLink!.key)).toBe(hallId);
    // The key is readable by the server's own user only.
    expect(statSync(file).mode & 0o777).toBe(0o600);
    // The code worked once.
    expect(await runCli(['hub-enrol', '--url', hub.url, '--code', code], () => undefined)).toBe(1);
    expect(loadSettings({ LUOT_CONFIG: file, LUOT_DATA_DIR: dir }).hubLink).toEqual(settings.hubLink);
  });

  it('needs both the address and the code, and both the URL and the key from the environment', async () => {
    expect(await runCli(['hub-enrol', '--code', 'AAAA-BBBB-CCCC'], () => undefined)).toBe(2);
    expect(() =>
      loadSettings({
        LUOT_DATA_DIR: dir,
        LUOT_CONFIG: path.join(dir, 'none.json'),
        LUOT_HUB_URL: 'https://hub.example',
      }),
    ).toThrow(/both/);
  });
});
