import type { CounterConfig, HallConfig } from './config.ts';
import { isInService } from './config.ts';
import type { CounterId, ServiceId } from './ids.ts';
import type { DomainError, Result } from './result.ts';
import { ok, refuse } from './result.ts';
import type { CounterStatus, QueueState } from './state.ts';
import { counterOf } from './state.ts';

/** A counter as the transfer dialog offers it, with what the rules say about sending a ticket there. */
export interface TransferCounterOption {
  readonly counter: CounterConfig;
  /** Its state now; a counter without a clerk is closed whatever it last said. */
  readonly status: CounterStatus;
  /** True when it serves the service the ticket would be in after the transfer. */
  readonly servesService: boolean;
  /** Why a transfer there is refused, or null when it is allowed. */
  readonly refusal: 'closed' | 'not-serving' | null;
  /** Allowed, but the visitor will wait until the counter reopens. */
  readonly isPaused: boolean;
}

/** A counter's state for transfers: closed when no clerk holds it (nobody will ever call the ticket). */
export function effectiveCounterStatus(state: QueueState, counterId: CounterId): CounterStatus {
  const counter = counterOf(state, counterId);
  return counter.clerkId === null ? 'closed' : counter.status;
}

/**
 * What sending a ticket of `serviceId` to each active counter would mean: every counter but `fromCounterId`,
 * by number, with its state, whether it serves the service, and whether the rules allow it. A transfer to
 * a closed counter or to one that does not serve the service is refused: the visitor would wait for a
 * call that never comes, and their phone would say that no counter serves them.
 */
export function transferCounterOptions(
  state: QueueState,
  config: HallConfig,
  serviceId: ServiceId,
  fromCounterId: CounterId | null,
): TransferCounterOption[] {
  return config.counters
    .filter((counter) => isInService(counter) && counter.id !== fromCounterId)
    .sort((a, b) => a.number - b.number)
    .map((counter) => {
      const status = effectiveCounterStatus(state, counter.id);
      const servesService = counter.serviceIds.includes(serviceId);
      return {
        counter,
        status,
        servesService,
        refusal: status === 'closed' ? 'closed' : servesService ? null : 'not-serving',
        isPaused: status === 'paused',
      };
    });
}

/**
 * Whether a ticket may be sent to `toServiceId` (its service after the move) and, if named, `toCounterId`.
 * Refused: an unknown or inactive counter (NOT_FOUND), a closed counter (COUNTER_CLOSED), a counter that
 * does not serve the service, or a service that no active counter serves at all (NOT_SERVED).
 */
export function checkTransferTarget(
  state: QueueState,
  config: HallConfig,
  toServiceId: ServiceId,
  toCounterId: CounterId | null,
): Result<null, DomainError> {
  if (toCounterId === null) {
    const isServed = config.counters.some(
      (counter) => isInService(counter) && counter.serviceIds.includes(toServiceId),
    );
    return isServed ? ok(null) : refuse('NOT_SERVED', `no active counter serves ${toServiceId}`);
  }
  const counter = config.counters.find((candidate) => candidate.id === toCounterId);
  if (!counter || !isInService(counter)) return refuse('NOT_FOUND', `unknown counter ${toCounterId}`);
  if (effectiveCounterStatus(state, toCounterId) === 'closed') {
    return refuse('COUNTER_CLOSED', `counter ${toCounterId} is closed`);
  }
  if (!counter.serviceIds.includes(toServiceId)) {
    return refuse('NOT_SERVED', `counter ${toCounterId} does not serve ${toServiceId}`);
  }
  return ok(null);
}
