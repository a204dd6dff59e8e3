import type {
  ClerkId,
  CounterId,
  DeviceId,
  PriorityGroupId,
  ProcedureId,
  ServiceId,
  TicketId,
} from './ids.ts';

/** Where a ticket is in its life. `transferred` is an event, after which the ticket waits again. */
export const TICKET_STATUSES = [
  'waiting',
  'called',
  'serving',
  'done',
  'no_show',
  'cancelled',
  'expired',
] as const;
/** A ticket's status. */
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** Whether the printed ticket reached the visitor. */
export type PrintState = 'pending' | 'printed' | 'failed';

/** A ticket as every client folds it. It carries no secret: the status-page code lives on the server. */
export interface Ticket {
  readonly id: TicketId;
  /** The printed number, `A012`. */
  readonly number: string;
  readonly sequence: number;
  /** The service whose numbering gave the number (kept when the ticket is transferred). */
  readonly issuedServiceId: ServiceId;
  /** The queue it is in now. */
  readonly serviceId: ServiceId;
  readonly businessDay: string;
  readonly priorityGroupId: PriorityGroupId | null;
  readonly procedureId: ProcedureId | null;
  readonly status: TicketStatus;
  readonly issuedAt: number;
  /** First-come-first-served key: the original queue time, kept across transfers and returns. */
  readonly queuedAt: number;
  readonly kioskId: DeviceId | null;
  /** The counter that called or serves it (null while waiting). */
  readonly counterId: CounterId | null;
  /** Set when transferred to one counter: only that counter calls it. */
  readonly targetCounterId: CounterId | null;
  readonly clerkId: ClerkId | null;
  /** The first call of its current turn (waits are measured to it). */
  readonly calledAt: number | null;
  /**
   * The latest call or recall: what the hall display features and announces. Kept when the ticket leaves
   * the counter (transferred, no-show), so the display can still list that call as ended.
   */
  readonly lastCalledAt: number | null;
  /** The counter of the latest call, kept like `lastCalledAt` (null before the first call). */
  readonly lastCalledCounterId: CounterId | null;
  readonly startedAt: number | null;
  readonly completedAt: number | null;
  readonly noShowAt: number | null;
  /** Times it was called, recalls included. */
  readonly callCount: number;
  /** Recalls since the last call (a returned or transferred visitor gets the full allowance again). */
  readonly recallCount: number;
  readonly transferCount: number;
  /** The latest transfer, with the note for the receiving clerk; null if it was never transferred. */
  readonly lastTransfer: TicketTransfer | null;
  readonly isCalledOutOfOrder: boolean;
  readonly printState: PrintState;
  readonly isRated: boolean;
}

/** Where a ticket came from in its latest transfer, and what the clerk who sent it wrote. */
export interface TicketTransfer {
  readonly at: number;
  readonly fromServiceId: ServiceId;
  /** The counter that held it (null when it was moved while waiting). */
  readonly fromCounterId: CounterId | null;
  /** The clerk's note for the next counter ("Hồ sơ cần quầy 4 ký"), or null. */
  readonly note: string | null;
}

/** A counter's state. */
export type CounterStatus = 'open' | 'paused' | 'closed';

/** A counter as the queue sees it. */
export interface CounterState {
  readonly id: CounterId;
  readonly status: CounterStatus;
  readonly pauseReason: string | null;
  readonly clerkId: ClerkId | null;
  readonly currentTicketId: TicketId | null;
  /** The ticket the citizen at this counter may rate. */
  readonly lastCompletedTicketId: TicketId | null;
  /** Priority calls in a row, for the anti-starvation bound. */
  readonly priorityStreak: number;
}

/** How many recent service durations a service remembers for wait estimates. */
export const RECENT_SERVICE_TIMES = 20;

/**
 * The whole queue of a hall, folded from events by `evolve`. Holds the current business day's tickets
 * and any ticket still open; older finished tickets live only in storage and reports.
 */
export interface QueueState {
  /** The version of the last event folded in: hall-wide, gap-free, starting at 1. */
  readonly version: number;
  readonly businessDay: string;
  readonly nextTicketId: number;
  readonly tickets: Readonly<Record<number, Ticket>>;
  readonly counters: Readonly<Record<string, CounterState>>;
  /** Last sequence issued today per issuing service. */
  readonly lastSequence: Readonly<Record<string, number>>;
  /** Recent service durations in ms per service, newest last. */
  readonly serviceTimes: Readonly<Record<string, readonly number[]>>;
}

/** The state of a hall that has never issued anything. */
export function emptyQueueState(businessDay: string): QueueState {
  return {
    version: 0,
    businessDay,
    nextTicketId: 1,
    tickets: {},
    counters: {},
    lastSequence: {},
    serviceTimes: {},
  };
}

/** A counter that has never been opened. */
export function closedCounter(id: CounterId): CounterState {
  return {
    id,
    status: 'closed',
    pauseReason: null,
    clerkId: null,
    currentTicketId: null,
    lastCompletedTicketId: null,
    priorityStreak: 0,
  };
}

/** What a ticket is given when it is issued; everything else starts empty. */
export type IssuedTicketFields = Pick<
  Ticket,
  | 'id'
  | 'number'
  | 'sequence'
  | 'serviceId'
  | 'businessDay'
  | 'priorityGroupId'
  | 'procedureId'
  | 'issuedAt'
  | 'kioskId'
>;

/** A ticket just issued: waiting, queued at its issue time, never called, transferred or printed. */
export function waitingTicket(issued: IssuedTicketFields): Ticket {
  // Field by field rather than spread: one object of a fixed shape, built for every issue.
  return {
    id: issued.id,
    number: issued.number,
    sequence: issued.sequence,
    serviceId: issued.serviceId,
    businessDay: issued.businessDay,
    priorityGroupId: issued.priorityGroupId,
    procedureId: issued.procedureId,
    issuedAt: issued.issuedAt,
    kioskId: issued.kioskId,
    issuedServiceId: issued.serviceId,
    status: 'waiting',
    queuedAt: issued.issuedAt,
    counterId: null,
    targetCounterId: null,
    clerkId: null,
    calledAt: null,
    lastCalledAt: null,
    lastCalledCounterId: null,
    startedAt: null,
    completedAt: null,
    noShowAt: null,
    callCount: 0,
    recallCount: 0,
    transferCount: 0,
    lastTransfer: null,
    isCalledOutOfOrder: false,
    printState: 'pending',
    isRated: false,
  };
}

/** A counter's state, closed when it has none yet. */
export const counterOf = (state: QueueState, id: CounterId): CounterState =>
  state.counters[id] ?? closedCounter(id);

/** Statuses from which a ticket can still be served. */
export const isOpenTicket = (ticket: Ticket): boolean =>
  ticket.status === 'waiting' || ticket.status === 'called' || ticket.status === 'serving';
