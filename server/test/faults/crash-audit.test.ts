import { copyFileSync } from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { asCounterId, asDeviceId, asServiceId } from '@luot/shared/domain';
import { DEMO_CLERK_PIN } from '../../src/app/demo-hall.ts';
import { DATABASE_FILE } from '../../src/hall-server.ts';
import { startTestHall, tempDataDir } from '../helpers.ts';
import { auditDatabase } from '../support/database-audit.ts';
import type { Operation } from '../support/recording-client.ts';
import { RecordingClient } from '../support/recording-client.ts';

// The audit must fail when something is wrong, or the crash test proves nothing: a small real hall's
// database is copied and damaged in the ways a crash-unsafe server would damage it.
describe('the crash audit', () => {
  it('passes a sound database and names each kind of damage', async () => {
    const hall = await startTestHall();
    const history: Operation[] = [];
    const register = (...args: Parameters<typeof hall.registerDevice>) => {
      const { deviceId, token } = hall.registerDevice(...args);
      return { deviceId: asDeviceId(deviceId), token };
    };
    const kioskDevice = register('kiosk', 'Kiosk 1');
    const counterDevice = register('counter', 'Máy quầy 3', asCounterId('q3'));
    const kiosk = await RecordingClient.connect(hall.url, kioskDevice, 'kiosk', history, 'audit');
    const counter = await RecordingClient.connect(hall.url, counterDevice, 'q3', history, 'audit');
    await counter.run('clerk:sign-in', { username: 'canbo3', pin: DEMO_CLERK_PIN }, 0);
    for (let index = 0; index < 3; index += 1)
      await kiosk.run('ticket:issue', { serviceId: asServiceId('ho-tich') }, 0);
    await counter.run('ticket:call-next', {}, 0);
    await counter.run('ticket:start', {}, 0);
    await counter.run('ticket:complete', {}, 0);
    const refused = await kiosk.run('ticket:issue', { serviceId: asServiceId('khong-co') }, 0);
    expect(refused.kind).toBe('failed');
    kiosk.close();
    counter.close();
    await hall.close();
    const copies = tempDataDir('luot-audit-');
    try {
      const original = path.join(hall.dataDir, DATABASE_FILE);
      expect(auditDatabase(original, history).violations).toEqual([]);

      const damaged = (name: string, sql: string, against: readonly Operation[] = history): string[] => {
        const file = path.join(copies.dir, `${name}.sqlite`);
        copyFileSync(original, file);
        const db = new BetterSqlite3(file);
        db.exec(sql);
        db.close();
        return auditDatabase(file, against).violations;
      };
      // An acknowledged command lost with its whole transaction (the last one: complete).
      expect(
        damaged(
          'lost',
          `DELETE FROM events WHERE version = (SELECT MAX(version) FROM events);
           DELETE FROM command_results WHERE request_id = 'audit-q3-4';`,
        ).join('\n'),
      ).toMatch(/acknowledged ticket:complete .* is not stored/);
      // A command nobody sent.
      expect(
        damaged(
          'phantom',
          `INSERT INTO command_results (device_id, request_id, at, result) VALUES ('dev_x', 'phantom-1', 0, '{"ok":true,"value":{"version":0,"events":[]}}');`,
        ).join('\n'),
      ).toMatch(/stored command dev_x:phantom-1 was never invoked/);
      // A hole in the log.
      expect(damaged('gap', 'DELETE FROM events WHERE version = 2;').join('\n')).toMatch(/not gap-free/);
      // A number skipped (or reused elsewhere): B001, B002, B004.
      expect(
        damaged('numbers', "UPDATE tickets SET sequence = 4, number = 'B004' WHERE sequence = 3;").join('\n'),
      ).toMatch(/numbers of ho-tich\|.* are not contiguous/);
      // A projection that no longer matches its events.
      expect(
        damaged(
          'projection',
          "UPDATE tickets SET body = json_set(body, '$.status', 'cancelled') WHERE sequence = 3;",
        ).join('\n'),
      ).toMatch(/differs from the folded log/);
      // A refused command that was written anyway.
      const refusedOperation = history.find((operation) => operation.requestId === 'audit-kiosk-4')!;
      expect(refusedOperation.outcome).toMatchObject({ kind: 'failed' });
      const [device, request] = [refusedOperation.deviceId, refusedOperation.requestId];
      // (Its refusal is kept for repeats, issue #15: the damage turns that row into a success.)
      const keptRefusal = `device_id = '${device}' AND request_id = '${request}' AND is_refusal = 1`;
      expect(
        damaged(
          'refused',
          `UPDATE command_results SET is_refusal = 0, result = '{"ok":true,"value":{"version":0,"events":[]}}' WHERE ${keptRefusal};`,
        ).join('\n'),
      ).toMatch(/was refused with NOT_FOUND/);
      // A kept refusal that is not the refusal its sender was given: a repeat would be told otherwise.
      expect(
        damaged(
          'refusal-changed',
          `UPDATE command_results SET result = json_set(result, '$.error.code', 'QUEUE_EMPTY') WHERE ${keptRefusal};`,
        ).join('\n'),
      ).toMatch(/is kept with another refusal than its ack/);
      // A second counter calling a ticket that was already served: the log itself shows a double call.
      const doubleCall = damaged(
        'double-call',
        `INSERT INTO events (version, type, at, actor_role, device_id, clerk_id, ticket_id, counter_id, body)
         SELECT (SELECT MAX(version) FROM events) + 1, type, at, actor_role, device_id, clerk_id, ticket_id,
                'q4', json_set(body, '$.version', (SELECT MAX(version) FROM events) + 1, '$.counterId', 'q4')
         FROM events WHERE type = 'ticket.called';`,
      ).join('\n');
      expect(doubleCall).toMatch(/calls ticket \d+ to q4 while done/);
      // Two acknowledged calls of one ticket (as if two counters had been told to serve one visitor).
      const call = history.find((operation) => operation.event === 'ticket:call-next')!;
      expect(call.outcome).toMatchObject({ kind: 'ok' });
      const echoed: Operation = { ...call, requestId: 'audit-q4-echo', actor: 'q4' };
      if (
        echoed.outcome !== 'pending' &&
        echoed.outcome.kind === 'ok' &&
        echoed.event === 'ticket:call-next'
      ) {
        const value = echoed.outcome.value;
        echoed.outcome = {
          kind: 'ok',
          value: {
            ...value,
            events: value.events.map((event) => ({ ...event, version: event.version + 100 })),
          },
        };
      }
      expect(damaged('two-acks', 'SELECT 1;', [...history, echoed]).join('\n')).toMatch(
        /ticket \d+ is in two acknowledged calls/,
      );
      // A ticket whose issuing event is stored as the answer to another command: it was never issued.
      const notIssued = history.map((operation): Operation =>
        operation.requestId === 'audit-kiosk-1'
          ? ({ ...operation, event: 'ticket:start' } as Operation)
          : operation,
      );
      expect(damaged('not-issued', 'SELECT 1;', notIssued).join('\n')).toMatch(
        /was not issued by an invoked ticket:issue/,
      );
    } finally {
      copies.remove();
      await hall.dispose();
    }
  });
});
