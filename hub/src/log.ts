import type { Logger } from '@luot/server/log';
import { createLogger, silentLogger } from '@luot/server/log';

/**
 * The hub logs as the hall server does (the same pino setup: JSON lines on standard output through an
 * asynchronous destination stream, no transport worker files, level from LOG_LEVEL), each line marked
 * as the hub's. Never log keys, tokens, passwords or status-page codes.
 */
export function createHubLogger(): Logger {
  return createLogger().child({ service: 'luot-hub' });
}

/** A logger that writes nothing (tests, benchmarks). */
export const silentHubLogger = (): Logger => silentLogger;
