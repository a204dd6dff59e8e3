// Issue #15: the CLI prints links with the port the hall server really listens on (the server records
// it at each start; the CLI shares the database, not the server's environment), at the hall's host
// names (LUOT_HOSTS) when it has them.
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/main.ts';
import { startTestHall } from './helpers.ts';

const saved = { ...process.env };
afterEach(() => {
  for (const name of ['LUOT_DATA_DIR', 'LUOT_HOSTS', 'PORT', 'LUOT_CONFIG'] as const) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
});

async function pairingOutput(args: readonly string[]): Promise<string> {
  const lines: string[] = [];
  expect(await runCli(['pair', ...args], (line) => lines.push(line))).toBe(0);
  return lines.join('\n');
}

describe('pairing links from the CLI', { timeout: 60_000 }, () => {
  it('name the real port of the running server, not the settings’ default, and each app’s path', async () => {
    // The server listens on a port picked at start (as a service file's PORT would set it); the
    // shell running the CLI has no PORT, so its settings say 8080.
    const hall = await startTestHall();
    try {
      process.env.LUOT_DATA_DIR = hall.dataDir;
      delete process.env.PORT;
      delete process.env.LUOT_CONFIG;
      process.env.LUOT_HOSTS = 'hall-pc.local,192.168.1.10';
      expect(hall.port).not.toBe(8080);
      const kiosk = await pairingOutput(['--kind', 'kiosk']);
      const code = /Pairing code: (\d{6})/.exec(kiosk)?.[1];
      expect(kiosk).toContain(`Open http://hall-pc.local:${hall.port}/kiosk/?code=${code}`);
      expect(kiosk).toContain(`Open http://192.168.1.10:${hall.port}/kiosk/?code=${code}`);
      expect(kiosk).not.toContain(':8080');
      expect(kiosk).not.toContain('<hall-server>');
      const tablet = await pairingOutput(['--kind', 'feedback', '--counter', 'q2']);
      expect(tablet).toMatch(
        new RegExp(`Open http://hall-pc\\.local:${hall.port}/counter/feedback/\\?code=\\d{6}`),
      );
      // The code in the link pairs the device on that very server.
      const paired = await fetch(`${hall.url}/api/pair`, { method: 'POST', body: JSON.stringify({ code }) });
      expect(paired.status).toBe(200);
    } finally {
      await hall.dispose();
    }
  });

  it('without LUOT_HOSTS, use this machine’s addresses; before any start, say the port is the settings’', async () => {
    const hall = await startTestHall();
    try {
      process.env.LUOT_DATA_DIR = hall.dataDir;
      delete process.env.LUOT_HOSTS;
      delete process.env.LUOT_CONFIG;
      const output = await pairingOutput(['--kind', 'display']);
      expect(output).toMatch(new RegExp(`Open http://[0-9.]+:${hall.port}/display/\\?code=\\d{6}`));
      hall.store.db.prepare("DELETE FROM hall_meta WHERE key = 'server_address'").run();
      process.env.PORT = '8123';
      const beforeStart = await pairingOutput(['--kind', 'display']);
      expect(beforeStart).toMatch(/Open http:\/\/[0-9.]+:8123\/display\/\?code=\d{6}/);
      expect(beforeStart).toContain('has not started on this data folder yet');
    } finally {
      await hall.dispose();
    }
  });
});
