import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asCounterId } from '@luot/shared/domain';
import { createLogger } from '../src/log.ts';
import type { TestClient } from './helpers.ts';
import { pairAndConnect, requestId, startTestHall } from './helpers.ts';

describe('logs and the kiosk rate limit', () => {
  const lines: string[] = [];
  let hall: Awaited<ReturnType<typeof startTestHall>>;
  let kiosk: TestClient;
  let counter: TestClient;
  beforeAll(async () => {
    hall = await startTestHall({
      logger: createLogger({ destination: { write: (line: string) => lines.push(line) } }),
      kioskIssueLimit: { burst: 6, perMinute: 20 },
    });
    kiosk = await pairAndConnect(hall, 'kiosk');
    counter = await pairAndConnect(hall, 'counter', asCounterId('q1'));
  });
  afterAll(async () => {
    kiosk.close();
    counter.close();
    await hall.dispose();
  });

  it('a visitor hammering the screen cannot drain a quota: the kiosk is rate-limited', async () => {
    const acks = [];
    for (let tap = 0; tap < 12; tap += 1) {
      acks.push(await kiosk.send('ticket:issue', { requestId: requestId(), serviceId: 'chung-thuc' }));
    }
    expect(acks.filter((ack) => ack.ok)).toHaveLength(6);
    expect(acks.slice(6).every((ack) => !ack.ok && ack.error.code === 'RATE_LIMITED')).toBe(true);
    expect(hall.service.state.lastSequence['chung-thuc']).toBe(6);
  });

  it('logs every command as JSON with who, what, result and duration, and never a PIN or token', async () => {
    const { token } = hall.registerDevice('counter', 'log test', asCounterId('q2'));
    await counter.send('clerk:sign-in', { requestId: requestId(), username: 'canbo1', pin: '97531' });
    await counter.send('clerk:sign-in', { requestId: requestId(), username: 'canbo1', pin: '1234' });
    await counter.send('ticket:call-next', { requestId: requestId() });
    const records = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    const issued = records.find((record) => record.command === 'issue' && record.result === 'ok');
    expect(issued).toMatchObject({ level: 'info', msg: 'command', role: 'kiosk', events: 1 });
    expect(typeof issued?.ms).toBe('number');
    expect(typeof issued?.device).toBe('string');
    expect(records.some((record) => record.command === 'issue' && record.result === 'RATE_LIMITED')).toBe(
      true,
    );
    expect(
      records.some((record) => record.msg === 'sign-in refused' && record.result === 'BAD_CREDENTIALS'),
    ).toBe(true);
    expect(records.some((record) => record.command === 'call-next' && record.role === 'counter')).toBe(true);
    // A refused sign-in names the terminal and the address it came from (issue #15), never the PIN.
    expect(records.find((record) => record.msg === 'clerk sign-in refused')).toMatchObject({
      result: 'BAD_CREDENTIALS',
      address: expect.stringMatching(/127\.0\.0\.1$/) as unknown,
      device: expect.any(String) as unknown,
    });
    const everything = lines.join('\n');
    for (const secret of ['97531', token]) expect(everything).not.toContain(secret);
  });
});
