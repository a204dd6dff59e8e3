/**
 * Counts failed attempts in a sliding window, per source and over all sources, to slow guessing of short
 * secrets that cannot be locked per account (pairing codes: six digits, valid up to 24 hours). Per source
 * first: one machine on the hall's Wi-Fi stops after a few wrong codes. Over all: once many machines
 * together have tried `overall` wrong codes in the window (a siege), every source that has failed even
 * once in the window is stopped, so more machines buy the attacker one guess each, not ten. A source
 * that has not failed — the manager's new device typing the code the console just showed — is never
 * blocked by the others: a stranger cannot block the hall's own pairing.
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
    // Under siege each source gets one wrong code per window; otherwise `perSource`.
    const allowed = this.overall.length >= this.limits.overall ? 1 : this.limits.perSource;
    if (mine.length < allowed) return null;
    return mine[mine.length - allowed]! + this.limits.windowMs;
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
