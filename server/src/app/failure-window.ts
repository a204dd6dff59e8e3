/**
 * Counts failed attempts in a sliding window, per source and over all sources, to slow guessing of short
 * secrets that cannot be locked per account (pairing codes: six digits, valid up to 24 hours, and one of them
 * may pair a manager console). Per source: one machine on the hall's Wi-Fi stops after a few wrong codes.
 * Over all: many machines (or spoofed addresses) together still get only `overall` guesses per window, so
 * finding one live code among 10^6 takes thousands of hours.
 */
export interface FailureWindowLimits {
  readonly windowMs: number;
  readonly perSource: number;
  readonly overall: number;
}

/** The default for pairing: 10 wrong codes per address and 100 in all per 10 minutes. */
export const PAIRING_FAILURE_LIMITS: FailureWindowLimits = {
  windowMs: 10 * 60_000,
  perSource: 10,
  overall: 100,
};

/** Failed attempts remembered per source and in all; `isBlocked` before trying, `recordFailure` after. */
export class FailureWindow {
  private readonly bySource = new Map<string, number[]>();
  private overall: number[] = [];

  constructor(private readonly limits: FailureWindowLimits) {}

  /** When the source may try again (epoch ms), or null when it may try now. */
  blockedUntil(source: string, now: number): number | null {
    this.forget(now);
    const mine = this.bySource.get(source) ?? [];
    const until = [
      mine.length >= this.limits.perSource ? mine[mine.length - this.limits.perSource]! : null,
      this.overall.length >= this.limits.overall
        ? this.overall[this.overall.length - this.limits.overall]!
        : null,
    ]
      .filter((at): at is number => at !== null)
      .map((at) => at + this.limits.windowMs);
    return until.length === 0 ? null : Math.max(...until);
  }

  /** Count one failed attempt of the source. */
  recordFailure(source: string, now: number): void {
    this.forget(now);
    const mine = this.bySource.get(source) ?? [];
    mine.push(now);
    this.bySource.set(source, mine);
    this.overall.push(now);
  }

  private forget(now: number): void {
    const since = now - this.limits.windowMs;
    this.overall = this.overall.filter((at) => at > since);
    for (const [source, times] of this.bySource) {
      const kept = times.filter((at) => at > since);
      if (kept.length === 0) this.bySource.delete(source);
      else this.bySource.set(source, kept);
    }
  }
}
