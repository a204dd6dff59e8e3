import type { HallView } from '@luot/client';
import type {
  ClerkConfig,
  ClerkId,
  CounterConfig,
  CounterId,
  CounterState,
  HallConfig,
  QueueState,
  ServiceConfig,
  ServiceId,
  Ticket,
} from '@luot/shared/domain';
import { callOrder, counterOf, findClerk, findCounter, findService } from '@luot/shared/domain';
import type { MessageId } from '@luot/shared/text';

/** Every button of the terminal, in the order they sit on screen (and of their keys 1–8). */
export const ACTION_NAMES = [
  'next',
  'recall',
  'start',
  'complete',
  'noShow',
  'transfer',
  'callSpecific',
  'pauseOrResume',
] as const;
/** A button of the terminal. */
export type ActionName = (typeof ACTION_NAMES)[number];

/**
 * The keyboard shortcut of each action: the digits 1–8, on the top row and on the numeric keypad alike,
 * so a clerk can drive the whole day with one hand on the keypad.
 */
export const ACTION_KEYS: Readonly<Record<ActionName, string>> = {
  next: '1',
  recall: '2',
  start: '3',
  complete: '4',
  noShow: '5',
  transfer: '6',
  callSpecific: '7',
  pauseOrResume: '8',
};

/** The action a key press means, if any. */
export function actionForKey(key: string): ActionName | undefined {
  return ACTION_NAMES.find((name) => ACTION_KEYS[name] === key);
}

/** One service's line in the waiting summary. */
export interface ServiceQueue {
  readonly service: ServiceConfig;
  readonly count: number;
  /** Since the earliest queue time among its waiting tickets; null when nobody waits. */
  readonly longestWaitMs: number | null;
}

/** The day at a glance for one counter. */
export interface DayStats {
  readonly served: number;
  readonly noShows: number;
  /** Mean of (completed − started) over today's served tickets; null before the first. */
  readonly averageServiceMs: number | null;
}

/** Whether each action can be pressed now; the screen disables (never hides) the others. */
export type Availability = Readonly<Record<ActionName, boolean>>;

/** Everything the terminal's main screen shows, derived from the replica (pure, for tests). */
export interface TerminalModel {
  readonly counterConfig: CounterConfig;
  readonly counter: CounterState;
  readonly clerk: ClerkConfig | undefined;
  readonly current: Ticket | undefined;
  /** Recalls made on the current ticket in its current turn (a transferred visitor starts afresh). */
  readonly recalls: number;
  /** True when one more recall turns the current ticket into a no-show (server rule). */
  readonly isRecallAtLimit: boolean;
  /** The waiting tickets in the order "call next" would take them (the server's own `callOrder`). */
  readonly order: readonly Ticket[];
  readonly queues: readonly ServiceQueue[];
  readonly day: DayStats;
  readonly availability: Availability;
}

/** A counter the terminal can show: it is paired to one and the snapshot has arrived. */
export function terminalCounterId(view: HallView): CounterId | null {
  return view.identity?.counterId ?? null;
}

/**
 * Derive the main screen from the view. `isSignedIn` is this terminal's own session (not just "some clerk
 * is signed in at this counter"), `isBusy` is true while an action is in flight.
 */
export function deriveTerminal(
  state: QueueState,
  config: HallConfig,
  counterId: CounterId,
  now: number,
  options: { readonly isOnline: boolean; readonly isBusy: boolean },
): TerminalModel | undefined {
  const counterConfig = findCounter(config, counterId);
  if (!counterConfig) return undefined;
  const counter = counterOf(state, counterId);
  const current = counter.currentTicketId === null ? undefined : state.tickets[counter.currentTicketId];
  const order = callOrder(state, config, counterId);
  const recalls = current?.recallCount ?? 0;
  const isRecallAtLimit = current !== undefined && recalls >= config.policy.recallLimit;
  return {
    counterConfig,
    counter,
    clerk: counter.clerkId === null ? undefined : findClerk(config, counter.clerkId),
    current,
    recalls,
    isRecallAtLimit,
    order,
    queues: serviceQueues(config, counterConfig, order, now),
    day: dayStats(state, counterId),
    availability: availability(counter, current, order.length, options),
  };
}

function availability(
  counter: CounterState,
  current: Ticket | undefined,
  waiting: number,
  { isOnline, isBusy }: { readonly isOnline: boolean; readonly isBusy: boolean },
): Availability {
  const canAct = isOnline && !isBusy && counter.clerkId !== null;
  const isOpen = counter.status === 'open';
  const isCalled = current?.status === 'called';
  const isServing = current?.status === 'serving';
  // The server completes a served ticket before calling the next, but refuses while one is only called.
  const mayCall = canAct && isOpen && !isCalled;
  return {
    next: mayCall && (waiting > 0 || isServing),
    recall: canAct && isCalled,
    start: canAct && isCalled,
    complete: canAct && (isCalled || isServing),
    noShow: canAct && isCalled,
    transfer: canAct && current !== undefined,
    callSpecific: mayCall && waiting > 0,
    pauseOrResume: canAct,
  };
}

function serviceQueues(
  config: HallConfig,
  counterConfig: CounterConfig,
  order: readonly Ticket[],
  now: number,
): ServiceQueue[] {
  // The counter's own services first, in its order; then any other service a ticket was sent here from.
  const serviceIds: ServiceId[] = [...counterConfig.serviceIds];
  for (const ticket of order) if (!serviceIds.includes(ticket.serviceId)) serviceIds.push(ticket.serviceId);
  const queues: ServiceQueue[] = [];
  for (const serviceId of serviceIds) {
    const service = findService(config, serviceId);
    if (!service) continue;
    const waiting = order.filter((ticket) => ticket.serviceId === serviceId);
    const earliest = waiting.reduce<number | null>(
      (min, ticket) => (min === null || ticket.queuedAt < min ? ticket.queuedAt : min),
      null,
    );
    queues.push({
      service,
      count: waiting.length,
      longestWaitMs: earliest === null ? null : Math.max(0, now - earliest),
    });
  }
  return queues;
}

/**
 * Why an action cannot be pressed now, for a clerk who pressed its key anyway (a disabled button says
 * nothing by itself): the counter is paused or closed, nobody waits, there is no ticket, or the called
 * visitor must be settled first. Null while an action is in flight or the terminal is offline (the
 * screen already says so) or when the action is available.
 */
/** The sentences {@link unavailableReason} answers with (none has a placeholder). */
export type UnavailableReasonId = Extract<
  MessageId,
  `counter.shortcut.${string}` | 'counter.action.nextBlocked' | 'error.QUEUE_EMPTY'
>;

export function unavailableReason(
  model: TerminalModel,
  action: ActionName,
  { isOnline, isBusy }: { readonly isOnline: boolean; readonly isBusy: boolean },
): UnavailableReasonId | null {
  if (model.availability[action] || !isOnline || isBusy) return null;
  const status = model.current?.status;
  const needsOpenCounter = action === 'next' || action === 'callSpecific';
  if (needsOpenCounter && model.counter.status === 'paused') return 'counter.shortcut.paused';
  if (needsOpenCounter && model.counter.status === 'closed') return 'counter.shortcut.closed';
  if (needsOpenCounter && status === 'called') return 'counter.action.nextBlocked';
  if (needsOpenCounter) return 'error.QUEUE_EMPTY';
  if (action === 'pauseOrResume') return null;
  if (model.current === undefined) return 'counter.shortcut.noTicket';
  // recall, start, no-show need a ticket that was only called; it is being served already.
  return 'counter.shortcut.alreadyServing';
}

/** Served, no-shows and average service time of today's tickets at this counter, from the replica. */
export function dayStats(state: QueueState, counterId: CounterId): DayStats {
  let served = 0;
  let noShows = 0;
  let totalServiceMs = 0;
  for (const ticket of Object.values(state.tickets)) {
    if (ticket.counterId !== counterId || ticket.businessDay !== state.businessDay) continue;
    if (ticket.status === 'no_show') noShows += 1;
    if (ticket.status === 'done' && ticket.completedAt !== null) {
      served += 1;
      const startedAt = ticket.startedAt ?? ticket.calledAt ?? ticket.completedAt;
      totalServiceMs += Math.max(0, ticket.completedAt - startedAt);
    }
  }
  return { served, noShows, averageServiceMs: served === 0 ? null : totalServiceMs / served };
}

/** The clerk signed in at the counter on another terminal, if the counter has one that is not us. */
export function otherClerkAtCounter(
  state: QueueState,
  config: HallConfig,
  counterId: CounterId,
  ownClerkId: ClerkId | null,
): ClerkConfig | undefined {
  const clerkId = counterOf(state, counterId).clerkId;
  if (clerkId === null || clerkId === ownClerkId) return undefined;
  return findClerk(config, clerkId);
}
