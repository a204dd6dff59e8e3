import type { HallConfig, LocalizedText } from '../domain/config.ts';
import { nearestRank } from '../reports/report.ts';
import type { DayOutcome, OutcomeTicket } from './simulate.ts';
import { localHourReader } from '../domain/zone-offsets.ts';

// The figures the policy simulator puts side by side, computed the same way for what really happened
// and for the simulation: waits (nearest rank, as the reports), the longest queue, visitors waiting
// past the target, counters' idle time, and the same by hour of the day.

/** Waits of a group of visitors. */
export interface WaitFigures {
  /** Visitors in the group. */
  readonly visitors: number;
  /** Of them, called at all. */
  readonly called: number;
  readonly p50Ms: number | null;
  readonly p90Ms: number | null;
  /** The longest wait, counting the time of visitors never called (until they left or the day ended). */
  readonly maxMs: number | null;
  /** Visitors who waited longer than the target (called late, or still waiting past it). */
  readonly pastTarget: number;
}

/** A group's waits, really and in the simulation. */
export interface ComparedGroup {
  readonly key: string;
  readonly label: LocalizedText;
  readonly real: WaitFigures;
  readonly simulated: WaitFigures;
}

/** One hour of the day, really and simulated. */
export interface ComparedHour {
  readonly hour: number;
  readonly arrivals: number;
  readonly real: { readonly averageWaitMs: number | null; readonly longestQueue: number };
  readonly simulated: { readonly averageWaitMs: number | null; readonly longestQueue: number };
}

/** Hall-wide figures of one side. */
export interface SideFigures {
  readonly waits: WaitFigures;
  readonly longestQueue: number;
  /** When the longest queue was reached (the first time). */
  readonly longestQueueAt: number | null;
  readonly openMs: number;
  readonly idleMs: number;
  readonly counters: readonly {
    readonly counterId: string;
    readonly openMs: number;
    readonly idleMs: number;
  }[];
}

/** The comparison the console shows. */
export interface SimulationComparison {
  readonly days: readonly string[];
  readonly targetWaitMinutes: number;
  readonly real: SideFigures;
  readonly simulated: SideFigures;
  readonly byService: readonly ComparedGroup[];
  /** "Normal" visitors, every priority group, and all priority groups together. */
  readonly byPriority: readonly ComparedGroup[];
  readonly byHour: readonly ComparedHour[];
  /** Arrivals the candidate setup could not take. */
  readonly notReplayed: number;
}

const waitOf = (ticket: OutcomeTicket): number => Math.max(0, ticket.waitedUntil - ticket.queuedAt);

/** Wait figures of visitors. */
export function waitFigures(tickets: readonly OutcomeTicket[], targetMs: number): WaitFigures {
  const calledWaits: number[] = [];
  let max: number | null = null;
  let pastTarget = 0;
  for (const ticket of tickets) {
    const wait = waitOf(ticket);
    if (ticket.calledAt !== null) calledWaits.push(wait);
    max = max === null ? wait : Math.max(max, wait);
    if (wait > targetMs) pastTarget += 1;
  }
  calledWaits.sort((a, b) => a - b);
  return {
    visitors: tickets.length,
    called: calledWaits.length,
    p50Ms: nearestRank(calledWaits, 50),
    p90Ms: nearestRank(calledWaits, 90),
    maxMs: max,
    pastTarget,
  };
}

/** The most visitors waiting at once, and when; optionally per local hour. */
function queueLengths(
  tickets: readonly OutcomeTicket[],
  hourOf: (at: number) => number,
): { longest: number; at: number | null; byHour: Map<number, number> } {
  const changes: [number, number][] = [];
  for (const ticket of tickets) {
    changes.push([ticket.queuedAt, 1]);
    changes.push([Math.max(ticket.queuedAt, ticket.waitedUntil), -1]);
  }
  // Leaving before joining at the same instant: a call and an arrival at once do not stack.
  changes.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let length = 0;
  let longest = 0;
  let longestAt: number | null = null;
  const byHour = new Map<number, number>();
  for (const [at, change] of changes) {
    length += change;
    if (length > longest) {
      longest = length;
      longestAt = at;
    }
    const hour = hourOf(at);
    if (length > (byHour.get(hour) ?? 0)) byHour.set(hour, length);
  }
  return { longest, at: longestAt, byHour };
}

function sideFigures(
  outcomes: readonly DayOutcome[],
  targetMs: number,
  hourOf: (at: number) => number,
): { figures: SideFigures; byHour: Map<number, number> } {
  const tickets = outcomes.flatMap((outcome) => outcome.tickets);
  let longest = 0;
  let longestAt: number | null = null;
  const byHour = new Map<number, number>();
  for (const outcome of outcomes) {
    const queue = queueLengths(outcome.tickets, hourOf);
    if (queue.longest > longest) {
      longest = queue.longest;
      longestAt = queue.at;
    }
    for (const [hour, length] of queue.byHour) byHour.set(hour, Math.max(byHour.get(hour) ?? 0, length));
  }
  const counters = new Map<string, { openMs: number; busyMs: number }>();
  for (const outcome of outcomes)
    for (const use of outcome.counters) {
      const sum = counters.get(use.counterId) ?? { openMs: 0, busyMs: 0 };
      sum.openMs += use.openMs;
      sum.busyMs += use.busyMs;
      counters.set(use.counterId, sum);
    }
  const counterRows = [...counters.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([counterId, use]) => ({
      counterId,
      openMs: use.openMs,
      idleMs: Math.max(0, use.openMs - use.busyMs),
    }));
  return {
    figures: {
      waits: waitFigures(tickets, targetMs),
      longestQueue: longest,
      longestQueueAt: longestAt,
      openMs: counterRows.reduce((sum, row) => sum + row.openMs, 0),
      idleMs: counterRows.reduce((sum, row) => sum + row.idleMs, 0),
      counters: counterRows,
    },
    byHour,
  };
}

const NORMAL: LocalizedText = { vi: 'Không ưu tiên', en: 'Not priority' };
const ALL_PRIORITY: LocalizedText = { vi: 'Mọi nhóm ưu tiên', en: 'All priority groups' };

/** Put a real and a simulated run of the same days side by side. */
export function compareOutcomes(input: {
  readonly config: HallConfig;
  readonly real: readonly DayOutcome[];
  readonly simulated: readonly DayOutcome[];
  readonly targetWaitMinutes: number;
}): SimulationComparison {
  const { config } = input;
  const targetMs = input.targetWaitMinutes * 60_000;
  const hourOf = localHourReader(config.hall.timeZone);
  const real = sideFigures(input.real, targetMs, hourOf);
  const simulated = sideFigures(input.simulated, targetMs, hourOf);
  const realTickets = input.real.flatMap((outcome) => outcome.tickets);
  const simulatedTickets = input.simulated.flatMap((outcome) => outcome.tickets);
  const group = (
    key: string,
    label: LocalizedText,
    belongs: (ticket: OutcomeTicket) => boolean,
  ): ComparedGroup => ({
    key,
    label,
    real: waitFigures(realTickets.filter(belongs), targetMs),
    simulated: waitFigures(simulatedTickets.filter(belongs), targetMs),
  });

  const serviceIds = [...new Set(realTickets.map((ticket) => ticket.serviceId as string))];
  const services = new Map(config.services.map((service) => [service.id as string, service]));
  serviceIds.sort(
    (a, b) =>
      (services.get(a)?.kioskOrder ?? 1e9) - (services.get(b)?.kioskOrder ?? 1e9) || a.localeCompare(b),
  );
  const byService = serviceIds.map((serviceId) =>
    group(
      serviceId,
      services.get(serviceId)?.name ?? { vi: serviceId, en: serviceId },
      (ticket) => ticket.serviceId === serviceId,
    ),
  );

  const groupIds = [
    ...new Set(
      realTickets.flatMap((ticket) => (ticket.priorityGroupId === null ? [] : [ticket.priorityGroupId])),
    ),
  ];
  const groups = new Map(config.priorityGroups.map((priority) => [priority.id as string, priority]));
  const byPriority = [
    group('', NORMAL, (ticket) => ticket.priorityGroupId === null),
    ...(groupIds.length > 0 ? [group('*', ALL_PRIORITY, (ticket) => ticket.priorityGroupId !== null)] : []),
    ...groupIds.map((groupId) =>
      group(
        groupId,
        groups.get(groupId)?.name ?? { vi: groupId, en: groupId },
        (ticket) => ticket.priorityGroupId === groupId,
      ),
    ),
  ];

  const hourly = (
    tickets: readonly OutcomeTicket[],
  ): Map<number, { sum: number; count: number; arrivals: number }> => {
    const hours = new Map<number, { sum: number; count: number; arrivals: number }>();
    for (const ticket of tickets) {
      const hour = hourOf(ticket.queuedAt);
      const entry = hours.get(hour) ?? { sum: 0, count: 0, arrivals: 0 };
      entry.arrivals += 1;
      if (ticket.calledAt !== null) {
        entry.sum += waitOf(ticket);
        entry.count += 1;
      }
      hours.set(hour, entry);
    }
    return hours;
  };
  const realHours = hourly(realTickets);
  const simulatedHours = hourly(simulatedTickets);
  const hours = [...new Set([...realHours.keys(), ...real.byHour.keys(), ...simulated.byHour.keys()])].sort(
    (a, b) => a - b,
  );
  const byHour = hours.map((hour) => {
    const realHour = realHours.get(hour);
    const simulatedHour = simulatedHours.get(hour);
    return {
      hour,
      arrivals: realHour?.arrivals ?? 0,
      real: {
        averageWaitMs: realHour && realHour.count > 0 ? realHour.sum / realHour.count : null,
        longestQueue: real.byHour.get(hour) ?? 0,
      },
      simulated: {
        averageWaitMs:
          simulatedHour && simulatedHour.count > 0 ? simulatedHour.sum / simulatedHour.count : null,
        longestQueue: simulated.byHour.get(hour) ?? 0,
      },
    };
  });

  return {
    days: input.real.map((outcome) => outcome.businessDay),
    targetWaitMinutes: input.targetWaitMinutes,
    real: real.figures,
    simulated: simulated.figures,
    byService,
    byPriority,
    byHour,
    notReplayed: input.simulated.reduce((sum, outcome) => sum + outcome.notReplayed, 0),
  };
}
