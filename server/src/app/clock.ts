/** The server's clock port: real in production, set by tests (business-day rollover). */
export interface Clock {
  now(): number;
}

/** Wall-clock time. */
export const systemClock: Clock = { now: () => Date.now() };
