// A clerk's counters (issue #13): the manager lists the counters a clerk may work at, and a terminal
// paired to any other counter refuses that clerk with COUNTER_NOT_ALLOWED. Through a real server on
// port 0, the real admin API with a real manager session, and real Socket.IO terminals.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConfigIssue, CounterId, HallConfig } from '@luot/shared/domain';
import { asCounterId } from '@luot/shared/domain';
import type { TestClient } from './helpers.ts';
import { managerSessionToken, pairAndConnect, requestId, startTestHall } from './helpers.ts';

type Hall = Awaited<ReturnType<typeof startTestHall>>;
type Answer = { ok: boolean; error?: { code: string; configIssues?: ConfigIssue[] } };

const Q1 = asCounterId('q1');
const Q2 = asCounterId('q2');

describe('the counters a clerk may work at, enforced by the server', () => {
  let hall: Hall;
  let token = '';
  let q1: TestClient;
  let q2: TestClient;
  const terminals: TestClient[] = [];

  /** The hall's configuration with canbo1's counters set (undefined: no list, every counter). */
  const withCanbo1Counters = (counterIds: readonly CounterId[] | undefined): HallConfig => {
    const config = hall.service.hallConfig;
    return {
      ...config,
      clerks: config.clerks.map((clerk) => {
        if (clerk.username !== 'canbo1') return clerk;
        const { counterIds: _previous, ...rest } = clerk;
        return counterIds === undefined ? rest : { ...rest, counterIds };
      }),
    };
  };
  const saveConfig = async (config: HallConfig): Promise<{ status: number; json: Answer }> => {
    const response = await fetch(`${hall.url}/api/admin/config`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ requestId: requestId(), config }),
    });
    return { status: response.status, json: (await response.json()) as Answer };
  };
  const signIn = async (terminal: TestClient, pin: string, newPin?: string): Promise<string> => {
    const ack = await terminal.send('clerk:sign-in', {
      requestId: requestId(),
      username: 'canbo1',
      pin,
      ...(newPin === undefined ? {} : { newPin }),
    });
    if (ack.ok) {
      const signedOut = await terminal.send('clerk:sign-out', { requestId: requestId(), reason: 'sign-out' });
      expect(signedOut.ok).toBe(true);
      return 'ok';
    }
    return ack.error.code;
  };

  beforeAll(async () => {
    hall = await startTestHall();
    token = await managerSessionToken(hall);
    q1 = await pairAndConnect(hall, 'counter', Q1);
    q2 = await pairAndConnect(hall, 'counter', Q2);
    terminals.push(q1, q2);
  });
  afterAll(async () => {
    for (const terminal of terminals) terminal.close();
    await hall.dispose();
  });

  it('a configuration without lists (every hall before this change) lets a clerk sign in anywhere', async () => {
    expect(hall.service.hallConfig.clerks.every((clerk) => clerk.counterIds === undefined)).toBe(true);
    expect(await signIn(q1, '1234')).toBe('ok');
    expect(await signIn(q2, '1234')).toBe('ok');
  });

  it('refuses an empty list and unknown counters with CONFIG_INVALID, and saves nothing', async () => {
    const before = hall.service.hallConfig;
    const empty = await saveConfig(withCanbo1Counters([]));
    expect(empty.status).toBe(409);
    expect(empty.json.error?.code).toBe('CONFIG_INVALID');
    expect(empty.json.error?.configIssues?.map((issue) => [issue.code, issue.path.field])).toEqual([
      ['clerk-without-counter', 'counterIds'],
    ]);
    const unknown = await saveConfig(withCanbo1Counters([Q2, asCounterId('q99')]));
    expect(unknown.json.error?.configIssues?.map((issue) => issue.code)).toEqual(['unknown-counter']);
    expect(hall.service.hallConfig).toEqual(before);
  });

  it('refuses the clerk at a terminal of another counter with COUNTER_NOT_ALLOWED, and signs them in at theirs', async () => {
    const saved = await saveConfig(withCanbo1Counters([Q2]));
    expect(saved.status).toBe(200);
    expect(hall.service.hallConfig.clerks.find((clerk) => clerk.username === 'canbo1')?.counterIds).toEqual([
      Q2,
    ]);
    expect(await signIn(q1, '1234')).toBe('COUNTER_NOT_ALLOWED');
    expect(q1.state().counters.q1?.clerkId ?? null).toBeNull();
    // A wrong PIN is still just a wrong PIN: the refusal does not tell a stranger whom the counter takes.
    expect(await signIn(q1, '9999')).toBe('BAD_CREDENTIALS');
    expect(await signIn(q2, '1234')).toBe('ok');
  });

  it('refuses before a PIN change: the manager’s PIN stays the one to replace at the clerk’s own counter', async () => {
    const reset = await fetch(`${hall.url}/api/admin/clerks/cb1/pin`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ pin: '48213' }),
    });
    expect(reset.status).toBe(200);
    expect(await signIn(q1, '48213', '73915')).toBe('COUNTER_NOT_ALLOWED');
    // The new PIN was not stored: the manager's PIN still has to be replaced, at q2.
    expect(await signIn(q2, '73915')).toBe('BAD_CREDENTIALS');
    expect(await signIn(q2, '48213')).toBe('PIN_CHANGE_REQUIRED');
    expect(await signIn(q2, '48213', '73915')).toBe('ok');
  });

  it('taking the list away again means every counter', async () => {
    expect((await saveConfig(withCanbo1Counters(undefined))).status).toBe(200);
    expect(await signIn(q1, '73915')).toBe('ok');
  });
});
