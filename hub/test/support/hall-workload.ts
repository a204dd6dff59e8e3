import type { Identity } from '@luot/shared/contracts';
import type { CounterId, ServiceId } from '@luot/shared/domain';
import { asCounterId, asDeviceId } from '@luot/shared/domain';
import type { HallService } from '../../../server/src/app/hall-service.ts';

/** A small deterministic random source (tests replay a seed). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 0x1_0000_0000;
  };
}

let requestCounter = 0;
const requestId = (): string =>
  `wl-${process.pid}-${(requestCounter += 1).toString(36)}-${Date.now().toString(36)}`;

const manager: Identity = {
  role: 'manager',
  deviceId: asDeviceId('test-manager'),
  deviceName: 'test manager',
  counterId: null,
  clerkId: null,
};

const feedbackAt = (counterId: CounterId): Identity => ({
  role: 'feedback',
  deviceId: asDeviceId(`test-feedback-${counterId}`),
  deviceName: 'test feedback',
  counterId,
  clerkId: null,
});

/** What a workload did, for the test's own checks. */
export interface WorkloadResult {
  readonly commands: number;
  readonly refused: number;
  /** Events written, by type. */
  readonly eventTypes: ReadonlySet<string>;
}

/**
 * A busy stretch of a real hall, through its real command service (decide → transaction → evolve):
 * tickets issued across services (some priority), counters calling, starting, completing, no-shows,
 * returns, transfers, cancellations and ratings. Every command is awaited like a device awaits its ack.
 */
export async function runHallWorkload(
  service: HallService,
  options: { readonly steps: number; readonly seed: number; readonly counters?: number },
): Promise<WorkloadResult> {
  const random = seededRandom(options.seed);
  const config = service.hallConfig;
  const services = config.services.filter((candidate) => candidate.isActive).map((candidate) => candidate.id);
  const counters = config.counters.slice(0, options.counters ?? 4).map((counter) => counter.id);
  let commands = 0;
  let refused = 0;
  const eventTypes = new Set<string>();
  const stop = service.onChanges((changes) => {
    for (const event of changes.events) eventTypes.add(event.type);
  });
  const send = async (run: () => Promise<{ ok: boolean }>): Promise<boolean> => {
    commands += 1;
    const answer = await run();
    if (!answer.ok) refused += 1;
    return answer.ok;
  };
  // A clerk signs in at each counter (which opens it), as at the start of a day.
  for (const [index, counterId] of counters.entries()) {
    const clerk = config.clerks[index];
    if (clerk && service.state.counters[counterId]?.clerkId == null)
      await send(() =>
        service.command(manager, requestId(), { type: 'sign-in', counterId, clerkId: clerk.id }),
      );
    if (service.state.counters[counterId]?.status !== 'open')
      await send(() => service.command(manager, requestId(), { type: 'open-counter', counterId }));
  }
  for (let step = 0; step < options.steps; step += 1) {
    const roll = random();
    const counterId = counters[Math.floor(random() * counters.length)]!;
    const current = service.state.counters[counterId]?.currentTicketId ?? null;
    const ticket = current === null ? undefined : service.state.tickets[current];
    if (roll < 0.35) {
      const serviceId = services[Math.floor(random() * services.length)] as ServiceId;
      const priority = random() < 0.1 ? (config.priorityGroups[0]?.id ?? null) : null;
      await send(() =>
        Promise.resolve(
          service.issue(manager, requestId(), {
            type: 'issue',
            serviceId,
            procedureId: null,
            priorityGroupId: priority,
          }),
        ),
      );
    } else if (!ticket) {
      await send(() => service.command(manager, requestId(), { type: 'call-next', counterId }));
    } else if (ticket.status === 'called') {
      const choice = random();
      if (choice < 0.1)
        await send(() => service.command(manager, requestId(), { type: 'no-show', counterId }));
      else if (choice < 0.2)
        await send(() => service.command(manager, requestId(), { type: 'recall', counterId }));
      else await send(() => service.command(manager, requestId(), { type: 'start', counterId }));
    } else if (ticket.status === 'serving') {
      const choice = random();
      if (choice < 0.08 && services.length > 1) {
        const toServiceId = services.find((candidate) => candidate !== ticket.serviceId) as ServiceId;
        await send(() =>
          service.command(manager, requestId(), {
            type: 'transfer',
            ticketId: ticket.id,
            fromCounterId: null,
            toServiceId,
            toCounterId: null,
            note: 'chuyển thử',
          }),
        );
      } else {
        const isDone = await send(() =>
          service.command(manager, requestId(), { type: 'complete', counterId }),
        );
        if (isDone && random() < 0.7) {
          const rating = 1 + Math.floor(random() * 4);
          await send(() =>
            service.command(feedbackAt(counterId), requestId(), {
              type: 'rate',
              ticketId: ticket.id,
              counterId,
              rating,
              reasons:
                rating <= 2 && config.satisfaction.lowRatingReasons[0]
                  ? [config.satisfaction.lowRatingReasons[0].vi]
                  : [],
            }),
          );
        }
      }
    }
    if (random() < 0.02) {
      const waiting = Object.values(service.state.tickets).find(
        (candidate) => candidate.status === 'waiting',
      );
      if (waiting)
        await send(() =>
          service.command(manager, requestId(), { type: 'cancel', ticketId: waiting.id, reason: 'hủy thử' }),
        );
    }
    if (random() < 0.02) {
      const missed = Object.values(service.state.tickets).find((candidate) => candidate.status === 'no_show');
      if (missed)
        await send(() =>
          service.command(manager, requestId(), { type: 'return', ticketId: missed.id, counterId: null }),
        );
    }
  }
  // Changes are published just after the commit: let the last one arrive.
  await new Promise((resolve) => setImmediate(resolve));
  stop();
  return { commands, refused, eventTypes };
}

/** Counter ids of the demo hall, for tests that name one. */
export const DEMO_COUNTER = asCounterId('q1');
