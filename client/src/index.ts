/**
 * The browser side of the hall protocol, used by every web app: pairing a device, the connection that
 * keeps a replica of the queue, and small helpers. React hooks are in `@luot/client/react`.
 */
export * from './connection.ts';
export * from './pairing.ts';
