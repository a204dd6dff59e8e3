import pino from 'pino';
import type { Logger } from 'pino';

/**
 * The hub's logger: pino, JSON lines to standard output through a destination stream (no transport
 * worker files, which a bundled build could not load), level from LOG_LEVEL (default info).
 * Never log keys, tokens, passwords or status-page codes.
 */
export function createHubLogger(level = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({ level, base: { service: 'luot-hub' } }, pino.destination({ fd: 1, sync: false }));
}

/** A logger that writes nothing (tests, benchmarks). */
export const silentHubLogger = (): Logger => pino({ level: 'silent' });
