import pino from 'pino';

/**
 * Structured logs through pino: one JSON object per line on stdout, readable by a hall's IT person and
 * by tools. Never log citizen data: ticket numbers and ids are fine, names, PINs, tokens and codes are not.
 *
 * Call sites use pino's own API: `logger.info({ device, command }, 'command')`. The level comes from
 * `LOG_LEVEL` (trace, debug, info, warn, error, fatal, silent; default info).
 *
 * No pino transport is used: transports load worker files by path, which the esbuild bundle of the
 * production server does not carry. The destination is a sonic-boom stream writing asynchronously
 * (no synchronous write per command on the hot path; lines written close together share one write).
 */
export type Logger = pino.Logger;

/** A log level name as `LOG_LEVEL` takes it. */
export type LogLevel = pino.LevelWithSilent;

const LEVELS: readonly LogLevel[] = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'];

/** The level named by `LOG_LEVEL`, or `info`; an unknown name is an error (a typo must not hide logs). */
export function logLevelFrom(env: NodeJS.ProcessEnv = process.env): LogLevel {
  const named = env.LOG_LEVEL?.trim().toLowerCase();
  if (named === undefined || named === '') return 'info';
  if (!(LEVELS as readonly string[]).includes(named)) {
    throw new Error(`LOG_LEVEL must be one of ${LEVELS.join(', ')}, got ${env.LOG_LEVEL}`);
  }
  return named as LogLevel;
}

/** Where log lines go: stdout by default; tests pass an object that collects the lines. */
export interface LogDestination {
  write(line: string): unknown;
}

/** How to make a logger. */
export interface LoggerOptions {
  readonly level?: LogLevel;
  /** Default: stdout through an asynchronous `pino.destination`. */
  readonly destination?: LogDestination;
}

/**
 * The server's logger. Lines look like
 * `{"level":"info","time":"2026-06-01T08:00:00.000Z","msg":"command","role":"counter",…}`:
 * the level as a word and an ISO time, so a person can read them without pino's tools.
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  const destination = options.destination ?? pino.destination({ dest: 1, sync: false });
  return pino(
    {
      level: options.level ?? logLevelFrom(),
      base: null,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
}

/** A logger that keeps nothing (tests, benchmarks). */
export const silentLogger: Logger = pino({ level: 'silent' });
