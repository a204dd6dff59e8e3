/**
 * Structured logs: one JSON object per line on stdout, readable by a hall's IT person and by tools.
 * Never log citizen data: ticket numbers and ids are fine, names, PINs, tokens and codes are not.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** Fields of one log line besides time, level and message. */
export type LogFields = Readonly<Record<string, string | number | boolean | null | undefined>>;

/** A logger port: the server writes JSON lines; tests may collect lines. */
export interface Logger {
  log(level: LogLevel, message: string, fields?: LogFields): void;
}

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** Log JSON lines to a stream, dropping levels below `minimum`. */
export function createJsonLogger(
  write: (line: string) => void = (line) => process.stdout.write(line),
  minimum: LogLevel = 'info',
): Logger {
  return {
    log(level, message, fields = {}) {
      if (ORDER[level] < ORDER[minimum]) return;
      write(`${JSON.stringify({ t: new Date().toISOString(), level, msg: message, ...fields })}\n`);
    },
  };
}

/** A logger that keeps nothing (benchmarks). */
export const silentLogger: Logger = { log() {} };
