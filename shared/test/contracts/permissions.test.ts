// Who may send what: the table the server enforces. A display only listens; a feedback tablet only rates;
// managers alone cancel, configure and pair; only a kiosk reports its printer.
import { describe, expect, it } from 'vitest';
import {
  DEVICE_KINDS,
  EVENT_ROLES,
  mayRoleSend,
  type ClientEventName,
  type ConnectionRole,
} from '../../src/contracts/index.ts';

const events = Object.keys(EVENT_ROLES) as ClientEventName[];
const allowed = (role: ConnectionRole): ClientEventName[] =>
  events.filter((event) => mayRoleSend(role, event)).sort();

describe('EVENT_ROLES', () => {
  it('gives every event at least one role, and only known roles', () => {
    for (const event of events) {
      expect(EVENT_ROLES[event].length).toBeGreaterThan(0);
      for (const role of EVENT_ROLES[event]) expect([...DEVICE_KINDS, 'manager']).toContain(role);
    }
  });

  it('pairs no manager device: a manager connects with a console session only (issue #15)', () => {
    expect(DEVICE_KINDS).toEqual(['kiosk', 'counter', 'feedback', 'display']);
  });

  it('lets a display do nothing but ask for a snapshot', () => {
    expect(allowed('display')).toEqual(['sync:snapshot']);
  });

  it('lets a feedback tablet only rate', () => {
    expect(allowed('feedback')).toEqual(['feedback:rate', 'sync:snapshot']);
  });

  it('lets a kiosk issue tickets and report its printer, nothing at the counters', () => {
    expect(allowed('kiosk')).toEqual([
      'printer:status',
      'sync:snapshot',
      'ticket:issue',
      'ticket:print-result',
    ]);
  });

  it('keeps cancelling, configuring and pairing to managers', () => {
    for (const event of [
      'ticket:cancel',
      'config:update',
      'device:create-pairing',
      'device:revoke',
      'device:list',
    ] as const) {
      expect(EVENT_ROLES[event]).toEqual(['manager']);
    }
  });

  it('lets clerks sign in only on a counter terminal', () => {
    expect(EVENT_ROLES['clerk:sign-in']).toEqual(['counter']);
    expect(mayRoleSend('manager', 'clerk:sign-in')).toBe(false);
  });

  it('lets a counter work its queue', () => {
    for (const event of [
      'ticket:call-next',
      'ticket:call',
      'ticket:recall',
      'ticket:start',
      'ticket:complete',
      'ticket:no-show',
      'ticket:return',
      'ticket:transfer',
      'counter:open',
      'counter:pause',
      'counter:close',
      'clerk:sign-out',
    ] as const) {
      expect(mayRoleSend('counter', event)).toBe(true);
    }
    expect(mayRoleSend('counter', 'ticket:issue')).toBe(false);
    expect(mayRoleSend('counter', 'ticket:cancel')).toBe(false);
  });
});
