import type { HallConfig } from '../domain/config.ts';
import type { CounterId, ServiceId } from '../domain/ids.ts';
import type { SimulationComparison } from './compare.ts';
import { compareOutcomes } from './compare.ts';
import type { RecordedDay } from './recorded-day.ts';
import type { CandidateSetup } from './simulate.ts';
import { recordedOutcome, simulateDay } from './simulate.ts';

/**
 * The setup the hall really had on a day: its counters with their services, its bound, each counter
 * open when it really was, each visitor's own times. Replaying a day with it must give back the day's
 * real waits (the self-check, shared/test/simulation).
 */
export function recordedSetup(config: HallConfig, day: RecordedDay, seed = 1): CandidateSetup {
  const counterIds = [
    ...new Set([
      ...config.counters.map((counter) => counter.id as string),
      ...Object.keys(day.counterServices),
    ]),
  ];
  return {
    priorityBound: day.priorityBound,
    counters: counterIds
      .filter((counterId) => (day.counterServices[counterId] ?? []).length > 0)
      .map((counterId) => ({
        counterId: counterId as CounterId,
        serviceIds: [...(day.counterServices[counterId] ?? [])] as ServiceId[],
      })),
    openPerHour: null,
    serviceMinutes: {},
    serviceTimes: 'recorded',
    seed,
  };
}

/** Simulate every day under the setup and compare with what really happened. */
export function runSimulation(input: {
  readonly config: HallConfig;
  readonly days: readonly RecordedDay[];
  readonly setup: CandidateSetup;
  readonly targetWaitMinutes: number;
}): SimulationComparison {
  return compareOutcomes({
    config: input.config,
    real: input.days.map(recordedOutcome),
    simulated: input.days.map((day) => simulateDay(input.config, day, input.setup)),
    targetWaitMinutes: input.targetWaitMinutes,
  });
}
