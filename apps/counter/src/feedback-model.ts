import type {
  ClerkConfig,
  CounterId,
  HallConfig,
  QueueState,
  SatisfactionLevel,
  Ticket,
  TicketId,
} from '@luot/shared/domain';
import { counterOf, findClerk } from '@luot/shared/domain';

/** How long "thank you" stays at least, when the next visitor is already being called. */
export const MIN_THANKS_MS = 4_000;

/** What the citizen's tablet shows. */
export type FeedbackPhase =
  | { readonly kind: 'idle' }
  /** A ticket is called or being served here: its number and the clerk. */
  | { readonly kind: 'serving'; readonly ticket: Ticket; readonly clerk: ClerkConfig | undefined }
  /** The visit just finished: ask for a rating. */
  | { readonly kind: 'asking'; readonly ticket: Ticket }
  | { readonly kind: 'thanks' };

/** What the tablet remembers itself (the rest comes from the replica). */
export interface FeedbackMemory {
  /** The last rating this tablet sent successfully, and when. */
  readonly rated: { readonly ticketId: TicketId; readonly at: number } | null;
  /** The citizen's last touch, which keeps a question open a while longer. */
  readonly lastInteractionAt: number;
  /** Tickets the tablet stopped asking about (refused, or abandoned). */
  readonly dismissed: ReadonlySet<TicketId>;
}

/** A tablet that has done nothing yet. */
export const FRESH_MEMORY: FeedbackMemory = { rated: null, lastInteractionAt: 0, dismissed: new Set() };

/**
 * The phase for this instant, pure. The ticket to rate is the counter's `lastCompletedTicketId` (the
 * server clears it once rated). A question stays open `feedbackIdleSeconds` after the visit ended or the
 * citizen's last touch, whichever is later; "thank you" stays as long, or a few seconds when the clerk
 * has already called the next visitor. A finished visit waiting for its rating goes before the next
 * visitor's number: that visitor is still walking up.
 */
export function feedbackPhase(
  state: QueueState,
  config: HallConfig,
  counterId: CounterId,
  now: number,
  memory: FeedbackMemory,
): FeedbackPhase {
  const idleMs = config.terminals.feedbackIdleSeconds * 1000;
  const counter = counterOf(state, counterId);
  const current = counter.currentTicketId === null ? undefined : state.tickets[counter.currentTicketId];
  const isCurrentShown =
    current !== undefined && (current.status === 'called' || current.status === 'serving');
  const lastId = counter.lastCompletedTicketId;
  const last = lastId === null ? undefined : state.tickets[lastId];

  if (memory.rated !== null) {
    const { ticketId: ratedId, at: ratedAt } = memory.rated;
    // A visit that began after the rating (called now, or already finished) cuts the thanks short.
    const laterCalls = [current, last].flatMap((ticket) =>
      ticket !== undefined && ticket.id !== ratedId && ticket.calledAt !== null && ticket.calledAt > ratedAt
        ? [ticket.calledAt]
        : [],
    );
    const interruptAt =
      laterCalls.length === 0
        ? Number.POSITIVE_INFINITY
        : Math.max(ratedAt + MIN_THANKS_MS, Math.min(...laterCalls));
    if (now < Math.min(ratedAt + idleMs, interruptAt)) return { kind: 'thanks' };
  }

  if (
    last !== undefined &&
    last.status === 'done' &&
    !last.isRated &&
    last.counterId === counterId &&
    last.completedAt !== null &&
    !memory.dismissed.has(last.id) &&
    memory.rated?.ticketId !== last.id &&
    now < Math.max(last.completedAt, memory.lastInteractionAt) + idleMs
  ) {
    return { kind: 'asking', ticket: last };
  }

  if (isCurrentShown) {
    return {
      kind: 'serving',
      ticket: current,
      clerk: current.clerkId === null ? undefined : findClerk(config, current.clerkId),
    };
  }
  return { kind: 'idle' };
}

/** The hall's scale, best first (as configured), with the lowest level marked: it asks for reasons. */
export function ratingScale(config: HallConfig): {
  readonly levels: readonly SatisfactionLevel[];
  readonly lowest: number | null;
} {
  const levels = config.satisfaction.levels;
  const lowest = levels.length === 0 ? null : Math.min(...levels.map((level) => level.value));
  return { levels, lowest };
}

/**
 * Where a level sits on the scale, from 1 (best) to −1 (worst), for its face and colour. Levels are
 * ranked by value, so a hall's scale of any length maps onto the same faces.
 */
export function moodOf(config: HallConfig, value: number): number {
  const values = config.satisfaction.levels.map((level) => level.value);
  const best = Math.max(...values);
  const worst = Math.min(...values);
  if (best === worst) return 1;
  return ((value - worst) / (best - worst)) * 2 - 1;
}
