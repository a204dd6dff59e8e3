// Where a committed command's time went (issue #17): the service tells a listener, after the command's
// answer and broadcast, its decide, its wait for the group commit and its transaction; the benchmarks
// print these. Refused commands commit nothing and are not reported.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandTiming } from '../src/app/hall-service.ts';
import type { TestClient } from './helpers.ts';
import { pairAndConnect, requestId, startTestHall } from './helpers.ts';

describe('command timings', () => {
  const timings: CommandTiming[] = [];
  let hall: Awaited<ReturnType<typeof startTestHall>>;
  let kiosk: TestClient;
  beforeAll(async () => {
    hall = await startTestHall({ onCommandTiming: (timing) => timings.push(timing) });
    kiosk = await pairAndConnect(hall, 'kiosk');
  });
  afterAll(async () => {
    kiosk.close();
    await hall.dispose();
  });

  it('reports each committed command once, in three parts that add up to its time to commit', async () => {
    for (let index = 0; index < 3; index += 1) {
      const ack = await kiosk.send('ticket:issue', { requestId: requestId(), serviceId: 'chung-thuc' });
      expect(ack.ok).toBe(true);
    }
    const refused = await kiosk.send('ticket:issue', {
      requestId: requestId(),
      serviceId: 'no-such-service',
    });
    expect(refused.ok).toBe(false);
    // Reported after the ack and the broadcast: give the server its next turn.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const issues = timings.filter((timing) => timing.command === 'issue');
    expect(issues).toHaveLength(3);
    for (const timing of issues) {
      expect(timing.batch).toBeGreaterThanOrEqual(1);
      for (const part of [timing.decideMs, timing.queuedMs, timing.commitMs])
        expect(part).toBeGreaterThanOrEqual(0);
      expect(timing.decideMs + timing.queuedMs + timing.commitMs).toBeCloseTo(timing.totalMs, 6);
      // The broadcast after the answer is timed on its own.
      expect(timing.broadcastMs).toBeGreaterThanOrEqual(0);
    }
  });
});
