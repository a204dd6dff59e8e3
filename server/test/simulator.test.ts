import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CandidateSetup, SimulationComparison } from '@luot/shared/simulation';
import { recordedSetup } from '@luot/shared/simulation';
import BetterSqlite3 from 'better-sqlite3';
import { DATABASE_FILE } from '../src/db/open.ts';
import { recordedDays, runSimulationJob } from '../src/reports/analysis-jobs.ts';
import { tempDataDir } from './helpers.ts';
import type { GeneratedDays } from './support/generated-days.ts';
import { generateHallDays } from './support/generated-days.ts';

// The policy simulator's self-check (issue #13): busy days generated through the real hall path are
// replayed with the setup the hall really had and each visitor's real times; the simulated waits must
// be the real ones, per service, within the error stated in docs/ADMIN.md. Then candidate setups must
// move the figures the way a manager would expect, and a run must be reproducible.

const MINUTE = 60_000;
const minutes = (ms: number | null): number => (ms ?? 0) / MINUTE;

describe('policy simulator over generated busy days', () => {
  const data = tempDataDir('luot-simulator-');
  const databaseFile = path.join(data.dir, DATABASE_FILE);
  let generated: GeneratedDays;
  let db: BetterSqlite3.Database;

  beforeAll(async () => {
    generated = await generateHallDays(databaseFile, { days: 3, ticketsPerDay: 450, seed: 20261206 });
    db = new BetterSqlite3(databaseFile, { readonly: true });
  }, 300_000);
  afterAll(() => {
    db?.close();
    data.remove();
  });

  const simulate = (setup: CandidateSetup | null): SimulationComparison => {
    const days = recordedDays(db, generated.config, generated.days[0]!, generated.days.at(-1)!);
    return runSimulationJob(db, {
      kind: 'simulate',
      from: generated.days[0]!,
      to: generated.days.at(-1)!,
      targetWaitMinutes: 20,
      config: generated.config,
      setup: setup ?? recordedSetup(generated.config, days[0]!),
    });
  };

  it('replays the days with the real setup and real times and gives back the real waits per service', () => {
    expect(generated.tickets).toBeGreaterThan(1_300);
    const result = simulate(null);
    expect(result.days).toEqual(generated.days);
    expect(result.notReplayed).toBe(0);
    expect(result.real.waits.visitors).toBe(generated.tickets);
    const errors = result.byService.map((group) => ({
      service: group.key,
      p50: Math.abs(minutes(group.simulated.p50Ms) - minutes(group.real.p50Ms)),
      p90: Math.abs(minutes(group.simulated.p90Ms) - minutes(group.real.p90Ms)),
      realP50: minutes(group.real.p50Ms),
    }));
    // Measured (docs/ADMIN.md): median off by 0.3–1.3 min, 90 % by 0–1.5 min, on real medians of 12–24 min.
    expect(errors).toHaveLength(4);
    for (const error of errors) {
      expect(error.p50).toBeLessThanOrEqual(2);
      expect(error.p90).toBeLessThanOrEqual(2.5);
    }
  }, 120_000);

  it('is reproducible with a seed, and opening more counters shortens the waits', () => {
    const days = recordedDays(db, generated.config, generated.days[0]!, generated.days[0]!);
    const base: CandidateSetup = {
      ...recordedSetup(generated.config, days[0]!),
      serviceTimes: 'sampled',
      seed: 7,
    };
    const first = simulate(base);
    const again = simulate(base);
    expect(again).toEqual(first);
    // Four counters all day against five all day: fewer visitors wait past the target.
    const four = simulate({ ...base, openPerHour: hours(4) });
    const five = simulate({ ...base, openPerHour: hours(5) });
    expect(five.simulated.waits.pastTarget).toBeLessThan(four.simulated.waits.pastTarget);
    expect(minutes(five.simulated.waits.p90Ms)).toBeLessThan(minutes(four.simulated.waits.p90Ms));
    expect(five.simulated.idleMs).toBeGreaterThan(four.simulated.idleMs);
  }, 120_000);

  it('a smaller anti-starvation bound makes priority visitors wait longer', () => {
    const days = recordedDays(db, generated.config, generated.days[0]!, generated.days[0]!);
    const base: CandidateSetup = {
      ...recordedSetup(generated.config, days[0]!),
      openPerHour: hours(3),
      serviceTimes: 'sampled',
      seed: 11,
    };
    const strict = simulate({ ...base, priorityBound: 1 });
    const loose = simulate({ ...base, priorityBound: 20 });
    const priority = (result: SimulationComparison) => result.byPriority.find((group) => group.key === '*')!;
    expect(minutes(priority(strict).simulated.p90Ms)).toBeGreaterThan(
      minutes(priority(loose).simulated.p90Ms),
    );
  }, 120_000);
});

/** The same number of counters open from 07:00 to 17:00. */
function hours(open: number): number[] {
  return Array.from({ length: 24 }, (_, hour) => (hour >= 7 && hour < 17 ? open : 0));
}
