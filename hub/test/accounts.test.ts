import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubServer } from '../src/hub-server.ts';
import { freshDatabaseUrl, startTestHub } from './support/hub-fixtures.ts';

// Province accounts choose their passwords under the hall manager's rule (shared credential-rules.ts):
// the hub once had its own, weaker, 8-character rule.

describe('province account passwords', () => {
  let hub: HubServer;

  beforeAll(async () => {
    hub = await startTestHub(await freshDatabaseUrl());
  });
  afterAll(async () => {
    await hub?.close();
  });

  const changePassword = async (token: string, currentPassword: string, newPassword: string) => {
    const response = await fetch(`${hub.url}/api/v1/console/password`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ currentPassword, newPassword }),
    });
    return { status: response.status, body: await response.json() };
  };

  it('refuses a weak new password with WEAK_PASSWORD and keeps the old one; takes a strong one', async () => {
    // An operator's account: a temporary password, changed at first sign-in.
    await hub.accounts.create('tinhuy', 'Cán bộ tỉnh', 'tam-thoi', true);
    const login = await hub.accounts.login('tinhuy', 'tam-thoi');
    if (!login.ok) throw new Error('sign-in failed');

    for (const [weak, why] of [
      ['Sen-2026', 'at least 10 characters'], // 8 characters: the hub's old rule took it
      ['Matkhau@2026', 'too common'],
      ['Tinhuy-2026!', 'username'],
      ['1234567890', 'too common'],
    ] as const) {
      const refused = await changePassword(login.token, 'tam-thoi', weak);
      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject({ ok: false, error: { code: 'WEAK_PASSWORD' } });
      expect(JSON.stringify(refused.body)).toContain(why);
    }
    // Nothing changed: the temporary password still signs in, and must still be changed.
    const again = await hub.accounts.login('tinhuy', 'tam-thoi');
    expect(again).toMatchObject({ ok: true, account: { mustChangePassword: true } });

    const accepted = await changePassword(login.token, 'tam-thoi', 'Hoa-Sen-Tinh-2026');
    expect(accepted).toEqual({ status: 200, body: { ok: true, value: {} } });
    expect(await hub.accounts.login('tinhuy', 'Hoa-Sen-Tinh-2026')).toMatchObject({
      ok: true,
      account: { mustChangePassword: false },
    });
    // The same password again is refused too (the rule's "not the current one").
    const same = await changePassword(login.token, 'Hoa-Sen-Tinh-2026', 'Hoa-Sen-Tinh-2026');
    expect(same.body).toMatchObject({ ok: false, error: { code: 'WEAK_PASSWORD' } });
  });

  it('refuses to create an account that keeps a weak password', async () => {
    await expect(hub.accounts.create('baocao2', 'Cán bộ báo cáo', 'baocao-1', false)).rejects.toThrow(
      /password refused/,
    );
    expect(await hub.accounts.login('baocao2', 'baocao-1')).toMatchObject({ ok: false });
  });
});
