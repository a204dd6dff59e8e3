import { businessDayOf, isServiceOpen } from './business-day.ts';
import type { Command } from './commands.ts';
import { configIssues, describeConfigChanges, isBlockingIssue } from './config-rules.ts';
import type { CounterConfig, HallConfig } from './config.ts';
import { findClerk, findCounter, findService, isArchived, isClerkAllowedAt, isInService } from './config.ts';
import type { Actor, DomainEvent, VersionedEvent } from './events.ts';
import { evolveAll } from './evolve.ts';
import type { CounterId } from './ids.ts';
import { asTicketId } from './ids.ts';
import { formatTicketNumber, isQuotaReached, nextSequence } from './numbering.ts';
import { isEligible, pickNext } from './policy.ts';
import type { DomainError, Result } from './result.ts';
import { ok, refuse } from './result.ts';
import type { CounterState, QueueState, Ticket } from './state.ts';
import { counterOf, isOpenTicket } from './state.ts';
import { checkTransferTarget } from './transfer-rules.ts';

/** What a decision depends on besides the state and the command: the clock, the hall, the sender. */
export interface DecideContext {
  readonly now: number;
  readonly config: HallConfig;
  readonly actor: Actor;
}

/** An event before the server stamps its version. */
export type Decided = readonly DomainEvent[];

type Decision = Result<Decided, DomainError>;

/**
 * Decide the events a command causes, or refuse it. Pure: the same state, command and context always
 * give the same answer. When the business day has changed since the state's last event, the events
 * start with `day.started`, so a hall that was down across midnight starts the new day on its first act.
 */
export function decide(state: QueueState, command: Command, context: DecideContext): Decision {
  const rollover = startDayIfDue(state, context);
  const current =
    rollover.length === 0
      ? state
      : evolveAll(
          state,
          rollover.map((event, index): VersionedEvent => ({ ...event, version: state.version + index + 1 })),
        );
  const decision = decideCommand(current, command, context);
  if (!decision.ok) return decision;
  return ok([...rollover, ...decision.value]);
}

function startDayIfDue(state: QueueState, { now, config, actor }: DecideContext): DomainEvent[] {
  const today = businessDayOf(now, config.hall.timeZone, config.hall.rolloverHour);
  if (today <= state.businessDay) return [];
  const expiredTicketIds = Object.values(state.tickets)
    .filter((ticket) => ticket.businessDay < today && isOpenTicket(ticket))
    .map((ticket) => ticket.id);
  return [{ type: 'day.started', at: now, by: actor, businessDay: today, expiredTicketIds }];
}

/** At most this many configuration problems travel in one refusal. */
const MAX_REPORTED_ISSUES = 100;

function decideCommand(state: QueueState, command: Command, context: DecideContext): Decision {
  const { now: at, actor: by, config } = context;
  switch (command.type) {
    case 'roll-day':
      return ok([]);

    case 'configure': {
      const issues = configIssues(command.config, config);
      const blocking = issues.filter(isBlockingIssue);
      if (blocking.length > 0) {
        const summary = blocking
          .slice(0, 5)
          .map((issue) => issue.message.en)
          .join(' ');
        return {
          ok: false,
          // Bounded: a refusal is remembered per request; the console has the full list itself.
          error: {
            code: 'CONFIG_INVALID',
            message: summary,
            configIssues: issues.slice(0, MAX_REPORTED_ISSUES),
          },
        };
      }
      const changes = describeConfigChanges(config, command.config);
      return ok(changes.length === 0 ? [] : [{ type: 'hall.configured', at, by, changes }]);
    }

    case 'issue': {
      const service = findService(config, command.serviceId);
      if (!service) return refuse('NOT_FOUND', `unknown service ${command.serviceId}`);
      // An archived service (or one in an archived field) is gone from the kiosks: refuse like an inactive one.
      const field = config.fields.find((candidate) => candidate.id === service.fieldId);
      if (!isInService(service) || (field !== undefined && isArchived(field)))
        return refuse('SERVICE_INACTIVE', `service ${service.id} is not active`);
      if (!isServiceOpen(config.hall, service, at)) {
        return refuse('SERVICE_CLOSED', `service ${service.id} is closed now`);
      }
      if (
        command.procedureId !== null &&
        !service.procedures.some((p) => p.id === command.procedureId && !isArchived(p))
      ) {
        return refuse('NOT_FOUND', `unknown procedure ${command.procedureId} for ${service.id}`);
      }
      if (
        command.priorityGroupId !== null &&
        !config.priorityGroups.some((g) => g.id === command.priorityGroupId)
      ) {
        return refuse('NOT_FOUND', `unknown priority group ${command.priorityGroupId}`);
      }
      const last = state.lastSequence[service.id];
      if (isQuotaReached(service, last))
        return refuse('QUOTA_REACHED', `service ${service.id} reached its quota`);
      const sequence = nextSequence(service, last);
      return ok([
        {
          type: 'ticket.issued',
          at,
          by,
          ticketId: asTicketId(state.nextTicketId),
          number: formatTicketNumber(service.prefix, sequence),
          sequence,
          serviceId: service.id,
          businessDay: state.businessDay,
          priorityGroupId: command.priorityGroupId,
          procedureId: command.procedureId,
          kioskId: by.role === 'kiosk' ? by.deviceId : null,
        },
      ]);
    }

    case 'call-next': {
      const counter = workingCounter(state, config, command.counterId);
      if (!counter.ok) return counter;
      const finishing = finishCurrent(state, counter.value, at, by);
      if (!finishing.ok) return finishing;
      const next = pickNext(state, config, command.counterId);
      if (!next) {
        return finishing.value.length > 0 ? ok(finishing.value) : refuse('QUEUE_EMPTY', 'nobody is waiting');
      }
      return ok([
        ...finishing.value,
        {
          type: 'ticket.called',
          at,
          by,
          ticketId: next.id,
          counterId: command.counterId,
          clerkId: counter.value.clerkId,
          isOutOfOrder: false,
          reason: null,
        },
      ]);
    }

    case 'call-specific': {
      const counter = workingCounter(state, config, command.counterId);
      if (!counter.ok) return counter;
      const ticket = state.tickets[command.ticketId];
      const counterConfig = findCounter(config, command.counterId);
      if (!ticket || !counterConfig) return refuse('NOT_FOUND', `unknown ticket ${command.ticketId}`);
      if (!isEligible(ticket, counterConfig)) {
        return refuse('INVALID_STATE', `ticket ${ticket.number} is not waiting for this counter`);
      }
      const finishing = finishCurrent(state, counter.value, at, by);
      if (!finishing.ok) return finishing;
      return ok([
        ...finishing.value,
        {
          type: 'ticket.called',
          at,
          by,
          ticketId: ticket.id,
          counterId: command.counterId,
          clerkId: counter.value.clerkId,
          isOutOfOrder: true,
          reason: command.reason,
        },
      ]);
    }

    case 'recall': {
      const current = currentTicket(state, command.counterId, ['called']);
      if (!current.ok) return current;
      if (current.value.recallCount >= config.policy.recallLimit) {
        // The limit is reached: the rule makes it a no-show rather than calling a fourth time.
        return ok([
          {
            type: 'ticket.no-show',
            at,
            by,
            ticketId: current.value.id,
            counterId: command.counterId,
            isAutomatic: true,
          },
        ]);
      }
      return ok([
        { type: 'ticket.recalled', at, by, ticketId: current.value.id, counterId: command.counterId },
      ]);
    }

    case 'start': {
      const current = currentTicket(state, command.counterId, ['called']);
      if (!current.ok) return current;
      return ok([
        { type: 'ticket.started', at, by, ticketId: current.value.id, counterId: command.counterId },
      ]);
    }

    case 'complete': {
      const current = currentTicket(state, command.counterId, ['called', 'serving']);
      if (!current.ok) return current;
      return ok(completeEvents(current.value, command.counterId, at, by));
    }

    case 'no-show': {
      const current = currentTicket(state, command.counterId, ['called']);
      if (!current.ok) return current;
      return ok([
        {
          type: 'ticket.no-show',
          at,
          by,
          ticketId: current.value.id,
          counterId: command.counterId,
          isAutomatic: false,
        },
      ]);
    }

    case 'return': {
      const ticket = state.tickets[command.ticketId];
      if (!ticket) return refuse('NOT_FOUND', `unknown ticket ${command.ticketId}`);
      if (ticket.status !== 'no_show' || ticket.noShowAt === null) {
        return refuse('INVALID_STATE', `ticket ${ticket.number} is not a no-show`);
      }
      if (command.counterId !== null && !mayServe(ticket, findCounter(config, command.counterId))) {
        // A clerk puts back in the queue only a visitor of a service their counter serves: another
        // counter's no-show is not theirs to return.
        return refuse('FORBIDDEN', `ticket ${ticket.number} is not for a service of this counter`);
      }
      if (at - ticket.noShowAt > config.policy.noShowGraceMinutes * 60_000) {
        return refuse('GRACE_EXPIRED', `ticket ${ticket.number} missed its turn too long ago`);
      }
      return ok([{ type: 'ticket.returned', at, by, ticketId: ticket.id }]);
    }

    case 'transfer': {
      const ticket = state.tickets[command.ticketId];
      if (!ticket) return refuse('NOT_FOUND', `unknown ticket ${command.ticketId}`);
      if (!isOpenTicket(ticket))
        return refuse('INVALID_STATE', `ticket ${ticket.number} is ${ticket.status}`);
      if (command.fromCounterId !== null) {
        const from = findCounter(config, command.fromCounterId);
        const isOwn =
          ticket.counterId === command.fromCounterId || (from !== undefined && isEligible(ticket, from));
        if (!isOwn) return refuse('FORBIDDEN', `ticket ${ticket.number} is not at this counter`);
      }
      if (command.toServiceId === null && command.toCounterId === null) {
        return refuse('INVALID_STATE', 'a transfer needs a service or a counter to go to');
      }
      const toService = command.toServiceId === null ? undefined : findService(config, command.toServiceId);
      if (command.toServiceId !== null && (!toService || !isInService(toService))) {
        return refuse('NOT_FOUND', `unknown service ${command.toServiceId}`);
      }
      const toServiceId = toService?.id ?? ticket.serviceId;
      const target = checkTransferTarget(state, config, toServiceId, command.toCounterId);
      if (!target.ok) return target;
      return ok([
        {
          type: 'ticket.transferred',
          at,
          by,
          ticketId: ticket.id,
          fromServiceId: ticket.serviceId,
          toServiceId,
          fromCounterId: ticket.counterId,
          toCounterId: command.toCounterId,
          note: command.note,
        },
      ]);
    }

    case 'cancel': {
      const ticket = state.tickets[command.ticketId];
      if (!ticket) return refuse('NOT_FOUND', `unknown ticket ${command.ticketId}`);
      if (ticket.status !== 'waiting' && ticket.status !== 'no_show') {
        return refuse('INVALID_STATE', `ticket ${ticket.number} is ${ticket.status}`);
      }
      return ok([{ type: 'ticket.cancelled', at, by, ticketId: ticket.id, reason: command.reason }]);
    }

    case 'open-counter': {
      const known = knownCounter(state, config, command.counterId);
      if (!known.ok) return known;
      if (known.value.clerkId === null) return refuse('NOT_SIGNED_IN', 'a clerk must sign in first');
      if (known.value.status === 'open') return ok([]);
      return ok([{ type: 'counter.opened', at, by, counterId: command.counterId }]);
    }

    case 'pause-counter': {
      const known = knownCounter(state, config, command.counterId);
      if (!known.ok) return known;
      if (known.value.status === 'closed') return refuse('COUNTER_CLOSED', 'the counter is closed');
      return ok([{ type: 'counter.paused', at, by, counterId: command.counterId, reason: command.reason }]);
    }

    case 'close-counter': {
      const known = knownCounter(state, config, command.counterId);
      if (!known.ok) return known;
      if (known.value.currentTicketId !== null)
        return refuse('COUNTER_BUSY', 'finish the current ticket first');
      if (known.value.status === 'closed') return ok([]);
      return ok([{ type: 'counter.closed', at, by, counterId: command.counterId }]);
    }

    case 'sign-in': {
      const known = knownCounter(state, config, command.counterId);
      if (!known.ok) return known;
      const clerk = findClerk(config, command.clerkId);
      if (!clerk || !isInService(clerk)) return refuse('NOT_FOUND', `unknown clerk ${command.clerkId}`);
      if (!isClerkAllowedAt(clerk, command.counterId))
        return refuse(
          'COUNTER_NOT_ALLOWED',
          `clerk ${clerk.id} may not work at counter ${command.counterId}`,
        );
      const events: DomainEvent[] = [];
      // One clerk session per counter and one counter per clerk: the newest sign-in wins.
      for (const other of Object.values(state.counters)) {
        if (other.clerkId === clerk.id && other.id !== command.counterId) {
          events.push({
            type: 'clerk.signed-out',
            at,
            by,
            counterId: other.id,
            clerkId: clerk.id,
            reason: 'moved',
          });
          // As a sign-out would: a counter left without a clerk and without a visitor closes.
          if (other.currentTicketId === null && other.status !== 'closed') {
            events.push({ type: 'counter.closed', at, by, counterId: other.id });
          }
        }
      }
      if (known.value.clerkId !== null && known.value.clerkId !== clerk.id) {
        events.push({
          type: 'clerk.signed-out',
          at,
          by,
          counterId: command.counterId,
          clerkId: known.value.clerkId,
          reason: 'takeover',
        });
      }
      if (known.value.clerkId !== clerk.id) {
        events.push({ type: 'clerk.signed-in', at, by, counterId: command.counterId, clerkId: clerk.id });
      }
      if (known.value.status === 'closed')
        events.push({ type: 'counter.opened', at, by, counterId: command.counterId });
      return ok(events);
    }

    case 'sign-out': {
      const known = knownCounter(state, config, command.counterId);
      if (!known.ok) return known;
      if (known.value.clerkId === null) return ok([]);
      if (command.reason === 'sign-out' && known.value.currentTicketId !== null) {
        return refuse('COUNTER_BUSY', 'finish the current ticket before signing out');
      }
      const events: DomainEvent[] = [
        {
          type: 'clerk.signed-out',
          at,
          by,
          counterId: command.counterId,
          clerkId: known.value.clerkId,
          reason: command.reason,
        },
      ];
      if (known.value.currentTicketId === null && known.value.status !== 'closed') {
        events.push({ type: 'counter.closed', at, by, counterId: command.counterId });
      }
      return ok(events);
    }

    case 'record-print': {
      const ticket = state.tickets[command.ticketId];
      if (!ticket) return refuse('NOT_FOUND', `unknown ticket ${command.ticketId}`);
      if (by.role === 'kiosk' && ticket.kioskId !== by.deviceId) {
        return refuse('FORBIDDEN', `ticket ${ticket.number} was issued by another kiosk`);
      }
      if (ticket.printState !== 'pending')
        return refuse('INVALID_STATE', `print of ${ticket.number} already recorded`);
      return ok([
        {
          type: 'ticket.print-recorded',
          at,
          by,
          ticketId: ticket.id,
          printState: command.isPrinted ? 'printed' : 'failed',
          failure: command.isPrinted ? null : command.failure,
        },
      ]);
    }

    case 'rate': {
      const ticket = state.tickets[command.ticketId];
      if (!ticket) return refuse('NOT_FOUND', `unknown ticket ${command.ticketId}`);
      if (ticket.isRated) return refuse('ALREADY_RATED', `ticket ${ticket.number} was already rated`);
      if (ticket.status !== 'done' || ticket.counterId !== command.counterId) {
        return refuse('FORBIDDEN', `ticket ${ticket.number} was not served at this counter`);
      }
      // The tablet asks about the visit that just ended at its counter; an older visit is not its to rate.
      if (counterOf(state, command.counterId).lastCompletedTicketId !== ticket.id) {
        return refuse('FORBIDDEN', `ticket ${ticket.number} is not the visit just completed at this counter`);
      }
      if (!config.satisfaction.levels.some((level) => level.value === command.rating)) {
        return refuse('NOT_FOUND', `rating ${command.rating} is not on the hall's scale`);
      }
      const unknownReason = command.reasons.find((reason) => !isConfiguredReason(config, reason));
      if (unknownReason !== undefined) {
        return refuse('NOT_FOUND', `"${unknownReason.slice(0, 40)}" is not one of the hall's reasons`);
      }
      if (new Set(command.reasons).size !== command.reasons.length) {
        return refuse('INVALID_STATE', 'a reason is given twice');
      }
      return ok([
        {
          type: 'feedback.rated',
          at,
          by,
          ticketId: ticket.id,
          counterId: command.counterId,
          clerkId: ticket.clerkId,
          rating: command.rating,
          reasons: command.reasons,
        },
      ]);
    }
  }
}

/**
 * Whether a counter serves a ticket's queue: one of its services, or the counter the ticket was sent to.
 * Unlike `isEligible` it does not ask whether the ticket is waiting (a no-show is not).
 */
function mayServe(ticket: Ticket, counter: CounterConfig | undefined): boolean {
  if (counter === undefined) return false;
  return counter.serviceIds.includes(ticket.serviceId) || ticket.targetCounterId === counter.id;
}

/** A rating reason is one the hall lists, as the tablet sends it: in the hall's language (`vi`). */
const isConfiguredReason = (config: HallConfig, reason: string): boolean =>
  config.satisfaction.lowRatingReasons.some((configured) => configured.vi === reason);

function knownCounter(
  state: QueueState,
  config: HallConfig,
  counterId: CounterId,
): Result<CounterState, DomainError> {
  const counter = findCounter(config, counterId);
  if (!counter || !isInService(counter)) return refuse('NOT_FOUND', `unknown counter ${counterId}`);
  return ok(counterOf(state, counterId));
}

/** A counter that may call: configured, staffed and open. */
function workingCounter(
  state: QueueState,
  config: HallConfig,
  counterId: CounterId,
): Result<CounterState, DomainError> {
  const known = knownCounter(state, config, counterId);
  if (!known.ok) return known;
  if (known.value.clerkId === null) return refuse('NOT_SIGNED_IN', 'no clerk is signed in at this counter');
  if (known.value.status !== 'open') return refuse('COUNTER_CLOSED', `the counter is ${known.value.status}`);
  return known;
}

function currentTicket(
  state: QueueState,
  counterId: CounterId,
  allowed: readonly Ticket['status'][],
): Result<Ticket, DomainError> {
  const counter = counterOf(state, counterId);
  const ticket = counter.currentTicketId === null ? undefined : state.tickets[counter.currentTicketId];
  if (!ticket) return refuse('INVALID_STATE', 'the counter has no current ticket');
  if (!allowed.includes(ticket.status))
    return refuse('INVALID_STATE', `ticket ${ticket.number} is ${ticket.status}`);
  return ok(ticket);
}

/**
 * A ticket called but never started counts as served from the moment it was called. Then only
 * `ticket.completed` is recorded (called → done): a `ticket.started` stamped now would say the service
 * began at its end, while `serviceMs` (and the folded `startedAt`) say it began at the call. Logs
 * written before this rule hold such a `ticket.started` right before the completion; evolve still folds
 * them to the same ticket, since the completion sets `startedAt` from `serviceMs`.
 */
function completeEvents(ticket: Ticket, counterId: CounterId, at: number, by: Actor): DomainEvent[] {
  const startedAt = ticket.startedAt ?? ticket.calledAt ?? at;
  return [{ type: 'ticket.completed', at, by, ticketId: ticket.id, counterId, serviceMs: at - startedAt }];
}

/**
 * "Next" while serving finishes the current visitor first (clerks rarely press both). A ticket that
 * was called but never came must be marked no-show or started explicitly, so it is never counted served.
 */
function finishCurrent(
  state: QueueState,
  counter: CounterState,
  at: number,
  by: Actor,
): Result<Decided, DomainError> {
  const ticket = counter.currentTicketId === null ? undefined : state.tickets[counter.currentTicketId];
  if (!ticket) return ok([]);
  if (ticket.status === 'serving') return ok(completeEvents(ticket, counter.id, at, by));
  return refuse('COUNTER_BUSY', `ticket ${ticket.number} was called and not yet served or marked absent`);
}
