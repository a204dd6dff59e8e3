import type { ConnectionRole } from './messages.ts';
import type { ClientEventName } from './socket-events.ts';

/**
 * Which device roles may send each event. The server enforces it; clients use it to hide nothing but
 * to know what they can do. A counter terminal and a feedback tablet act only on their own counter.
 */
export const EVENT_ROLES = {
  'ticket:issue': ['kiosk', 'manager'],
  'ticket:call-next': ['counter', 'manager'],
  'ticket:call': ['counter', 'manager'],
  'ticket:recall': ['counter', 'manager'],
  'ticket:start': ['counter', 'manager'],
  'ticket:complete': ['counter', 'manager'],
  'ticket:no-show': ['counter', 'manager'],
  'ticket:return': ['counter', 'manager'],
  'ticket:transfer': ['counter', 'manager'],
  'ticket:cancel': ['manager'],
  'ticket:print-result': ['kiosk'],
  'counter:open': ['counter', 'manager'],
  'counter:pause': ['counter', 'manager'],
  'counter:close': ['counter', 'manager'],
  'clerk:sign-in': ['counter'],
  'clerk:sign-out': ['counter'],
  'feedback:rate': ['feedback'],
  'printer:status': ['kiosk'],
  'sync:snapshot': ['kiosk', 'counter', 'feedback', 'display', 'manager'],
  'config:update': ['manager'],
  'device:create-pairing': ['manager'],
  'device:revoke': ['manager'],
  'device:list': ['manager'],
} as const satisfies Record<ClientEventName, readonly ConnectionRole[]>;

/** Whether a role may send an event. */
export const mayRoleSend = (role: ConnectionRole, event: ClientEventName): boolean =>
  (EVENT_ROLES[event] as readonly ConnectionRole[]).includes(role);
