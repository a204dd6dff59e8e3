import { networkInterfaces } from 'node:os';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/main.ts';
import { loadSettings } from '../src/settings.ts';
import { connectClient, startTestHall, tempDataDir } from './helpers.ts';

// Issue 15, "A new database always gets the demo hall": clerks canbo1…8 with PIN 1234 and admin/admin
// that whoever reaches the network first can take. Now only LUOT_DEMO=1 seeds the demo; a production
// start gets an empty hall and no manager, and the first manager is made on the server PC.

async function signIn(url: string, username: string, password: string): Promise<number> {
  const response = await fetch(`${url}/api/admin/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  return response.status;
}

/** Run the CLI against a data folder, answering its secret prompts from a list. */
async function cli(
  dataDir: string,
  argv: readonly string[],
  answers: readonly string[] = [],
): Promise<{ code: number; output: string; prompts: string[] }> {
  const previous = process.env.LUOT_DATA_DIR;
  process.env.LUOT_DATA_DIR = dataDir;
  const lines: string[] = [];
  const prompts: string[] = [];
  const queue = [...answers];
  try {
    const code = await runCli(
      argv,
      (line) => lines.push(line),
      (prompt) => {
        prompts.push(prompt);
        const answer = queue.shift();
        return answer === undefined ? Promise.reject(new Error('no input')) : Promise.resolve(answer);
      },
    );
    return { code, output: lines.join('\n'), prompts };
  } finally {
    if (previous === undefined) delete process.env.LUOT_DATA_DIR;
    else process.env.LUOT_DATA_DIR = previous;
  }
}

describe('first start', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('LUOT_DEMO=1 and nothing else asks for the demo hall', () => {
    expect(loadSettings({ LUOT_DEMO: '1' }).isDemo).toBe(true);
    for (const value of [undefined, '', '0', 'true', 'yes']) {
      expect(loadSettings(value === undefined ? {} : { LUOT_DEMO: value }).isDemo).toBe(false);
    }
  });

  it('without the demo, a new database gets an empty hall: no clerks, no counters, no admin/admin', async () => {
    const hall = await startTestHall({ seedDemo: false });
    cleanups.push(() => hall.dispose());
    const config = hall.service.hallConfig;
    expect({
      clerks: config.clerks.length,
      counters: config.counters.length,
      services: config.services.length,
    }).toEqual({ clerks: 0, counters: 0, services: 0 });
    expect(hall.isNewHall).toBe(true);
    expect(hall.isFirstManagerSeeded).toBe(false);
    expect(hall.hasNoManager()).toBe(true);
    expect(await signIn(hall.url, 'admin', 'admin')).toBe(401);
  });

  it('with the demo, a new database gets the demo hall and admin/admin (to be changed)', async () => {
    const hall = await startTestHall({ seedDemo: true });
    cleanups.push(() => hall.dispose());
    expect(hall.service.hallConfig.clerks.map((clerk) => clerk.username)).toContain('canbo1');
    expect(hall.isFirstManagerSeeded).toBe(true);
    expect(await signIn(hall.url, 'admin', 'admin')).toBe(200);
  });

  it('LUOT_DEMO=1 on an existing hall adds nothing: no demo clerks, no admin/admin', async () => {
    const data = tempDataDir();
    cleanups.push(data.remove);
    const first = await startTestHall({ seedDemo: false, dataDir: data.dir });
    await first.close();
    const again = await startTestHall({ seedDemo: true, dataDir: data.dir });
    cleanups.push(() => again.close());
    expect(again.isNewHall).toBe(false);
    expect(again.service.hallConfig.clerks).toEqual([]);
    expect(again.hasNoManager()).toBe(true);
    expect(await signIn(again.url, 'admin', 'admin')).toBe(401);
  });

  it('`luot init-manager` creates the first manager on the server PC, with a strong password asked twice', async () => {
    const data = tempDataDir();
    cleanups.push(data.remove);
    const hall = await startTestHall({ seedDemo: false, dataDir: data.dir });
    cleanups.push(() => hall.close());

    const mismatch = await cli(data.dir, ['init-manager', 'quanly'], ['Sen-Hong-2026', 'Sen-Hong-2027']);
    expect(mismatch.code).toBe(1);
    expect(mismatch.output).toContain('không khớp');
    expect(mismatch.prompts).toHaveLength(2);

    for (const weak of ['12345678', 'short', 'Matkhau@2026', 'quanly-2026', 'aaaaaaaaaaaa']) {
      const refused = await cli(data.dir, ['init-manager', 'quanly'], [weak, weak]);
      expect({ weak, code: refused.code }).toEqual({ weak, code: 1 });
    }
    expect((await cli(data.dir, ['init-manager', 'quanly'], ['12345678', '12345678'])).output).toContain(
      'Mật khẩu cần ít nhất',
    );
    expect(hall.hasNoManager()).toBe(true);

    const created = await cli(
      data.dir,
      ['init-manager', 'quanly', '--name', 'Nguyễn Thị Hoa'],
      ['Sen-Hong-2026', 'Sen-Hong-2026'],
    );
    expect(created.code).toBe(0);
    // The running server sees the account at once (one database); no change is forced on it.
    expect(hall.hasNoManager()).toBe(false);
    const response = await fetch(`${hall.url}/api/admin/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'quanly', password: 'Sen-Hong-2026' }),
    });
    const body = (await response.json()) as {
      value: { manager: { displayName: string; mustChangePassword: boolean } };
    };
    expect(body.value.manager).toMatchObject({ displayName: 'Nguyễn Thị Hoa', mustChangePassword: false });

    // A second first manager is refused: the hall has one (a forgotten password is reset-password).
    const second = await cli(data.dir, ['init-manager', 'khac'], ['Sen-Hong-2026', 'Sen-Hong-2026']);
    expect(second.code).toBe(1);
    expect(second.prompts).toEqual([]);
    expect(await signIn(hall.url, 'khac', 'Sen-Hong-2026')).toBe(401);
  });
});

/** The first non-internal IPv4 address of this machine, to reach the server as another PC would. */
function lanAddress(): string | undefined {
  for (const addresses of Object.values(networkInterfaces())) {
    for (const address of addresses ?? [])
      if (address.family === 'IPv4' && !address.internal) return address.address;
  }
  return undefined;
}

async function post(url: string, path: string, body: unknown): Promise<{ status: number; code?: string }> {
  const response = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = (await response.json()) as { ok: boolean; error?: { code: string } };
  return { status: response.status, ...(json.error ? { code: json.error.code } : {}) };
}

describe('the console on the server PC makes the first manager; from another PC it cannot', () => {
  let hall: Awaited<ReturnType<typeof startTestHall>>;
  beforeAll(async () => {
    hall = await startTestHall({ seedDemo: false, host: '0.0.0.0' });
  });
  afterAll(async () => hall?.dispose());

  it('from another machine: told to use the server PC, and refused', async () => {
    const lan = lanAddress();
    if (lan === undefined) return; // a machine with loopback only has no "other machine" to be
    const remote = `http://${lan}:${hall.port}`;
    const state = (await (await fetch(`${remote}/api/admin/first-start`)).json()) as { value: unknown };
    expect(state.value).toEqual({ needsFirstManager: true, isServerPc: false });
    const refused = await post(remote, '/api/admin/first-manager', {
      username: 'ke-la',
      password: 'Sen-Hong-2026',
    });
    expect(refused).toEqual({ status: 403, code: 'FORBIDDEN' });
    expect(hall.hasNoManager()).toBe(true);
  });

  it('from loopback: weak passwords refused, then one manager, once', async () => {
    const state = (await (await fetch(`${hall.url}/api/admin/first-start`)).json()) as { value: unknown };
    expect(state.value).toEqual({ needsFirstManager: true, isServerPc: true });
    expect(
      await post(hall.url, '/api/admin/first-manager', { username: 'quanly', password: '12345678' }),
    ).toEqual({
      status: 400,
      code: 'WEAK_PASSWORD',
    });
    expect(
      await post(hall.url, '/api/admin/first-manager', {
        username: 'quanly',
        displayName: 'Nguyễn Thị Hoa',
        password: 'Sen-Hong-2026',
      }),
    ).toEqual({ status: 200 });
    expect(await signIn(hall.url, 'quanly', 'Sen-Hong-2026')).toBe(200);
    const after = (await (await fetch(`${hall.url}/api/admin/first-start`)).json()) as { value: unknown };
    expect(after.value).toEqual({ needsFirstManager: false, isServerPc: true });
    expect(
      await post(hall.url, '/api/admin/first-manager', { username: 'thu-hai', password: 'Sen-Hong-2027' }),
    ).toEqual({ status: 409, code: 'INVALID_STATE' });
  });
});

describe('the console knows which devices connect over plain HTTP from another machine', () => {
  it('records each online device’s transport and address', async () => {
    const hall = await startTestHall({ host: '0.0.0.0' });
    try {
      const { token } = hall.registerDevice('display', 'Màn hình gọi số (HTTP)');
      const local = await connectClient(hall.url, token);
      expect(
        hall.service.deviceStatuses().find((d) => d.name === 'Màn hình gọi số (HTTP)')?.transport,
      ).toMatchObject({
        isSecure: false,
        isLoopback: true,
      });
      local.close();
      const lan = lanAddress();
      if (lan === undefined) return;
      const remote = await connectClient(`http://${lan}:${hall.port}`, token);
      const status = hall.service.deviceStatuses().find((d) => d.name === 'Màn hình gọi số (HTTP)');
      expect(status?.transport).toMatchObject({ isSecure: false, isLoopback: false });
      expect(status?.transport?.address).toContain(lan);
      remote.close();
    } finally {
      await hall.dispose();
    }
  });
});
