/**
 * The wire contract between the hall server and every client: zod schemas for every payload, both
 * Socket.IO event maps, error codes and the protocol version. One file set types both ends.
 */
export * from './errors.ts';
export * from './version.ts';
export * from './schemas.ts';
export * from './messages.ts';
export * from './device-links.ts';
export * from './socket-events.ts';
export * from './permissions.ts';
export * from './replica.ts';
export * from './config-schema.ts';
export * from './config-json-schema.ts';
export * from './reports.ts';
export * from './admin-api.ts';
export * from './simulation.ts';
export * from './hub.ts';
export * from './public-ticket.ts';
