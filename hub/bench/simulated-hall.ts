import { randomBytes } from 'node:crypto';
import type { Actor, Command, HallConfig, QueueState, TicketId, VersionedEvent } from '@luot/shared/domain';
import {
  asCounterId,
  asDeviceId,
  businessDayOf,
  decide,
  emptyQueueState,
  evolveAll,
} from '@luot/shared/domain';
import { demoHallConfig } from '../../server/src/app/demo-hall.ts';
import type { HubOutbox } from '../../server/src/hub-link/hub-shipper.ts';

const system: Actor = { role: 'manager', deviceId: asDeviceId('bench'), clerkId: null };

/**
 * A hall without its server: the shared `decide` and `evolve` over an in-memory log, so a benchmark can
 * run a hundred halls in one process and give each the real shipper (HubShipper) with this log as its
 * outbox. The events are exactly the kind a hall writes (issue, call, start, complete, rating).
 */
export class SimulatedHall {
  readonly config: HallConfig;
  private state: QueueState;
  private readonly log: VersionedEvent[] = [];
  private readonly codes = new Map<number, string>();
  /** When each version was committed (monotonic ms), for the lag from commit to the hub's ack. */
  readonly committedAt = new Map<number, number>();
  private readonly counters;
  private turn = 0;

  constructor(
    private readonly clock: () => number,
    counters = 6,
  ) {
    const demo = demoHallConfig();
    this.config = { ...demo, services: demo.services.map((service) => ({ ...service, dailyQuota: null })) };
    this.state = emptyQueueState(
      businessDayOf(clock(), this.config.hall.timeZone, this.config.hall.rolloverHour),
    );
    this.counters = this.config.counters.slice(0, counters).map((counter) => counter.id);
    this.counters.forEach((counterId, index) => {
      const clerk = this.config.clerks[index];
      if (clerk) this.apply({ type: 'sign-in', counterId, clerkId: clerk.id });
      this.apply({ type: 'open-counter', counterId });
    });
  }

  private apply(command: Command, actor: Actor = system): readonly VersionedEvent[] {
    const decision = decide(this.state, command, { now: this.clock(), config: this.config, actor });
    if (!decision.ok) return [];
    const events = decision.value.map((event, index) => ({
      ...event,
      version: this.state.version + index + 1,
    }));
    this.state = evolveAll(this.state, events);
    const now = performance.now();
    for (const event of events) {
      this.log.push(event);
      this.committedAt.set(event.version, now);
      if (event.type === 'ticket.issued')
        this.codes.set(event.ticketId, randomBytes(12).toString('base64url'));
    }
    return events;
  }

  /** One visitor: a ticket issued, called at the next counter, served, and rated most of the time. */
  visit(): void {
    const service = this.config.services[this.turn % this.config.services.length]!;
    const counterId = this.counters[this.turn % this.counters.length]!;
    this.turn += 1;
    const issued = this.apply({
      type: 'issue',
      serviceId: service.id,
      procedureId: null,
      priorityGroupId: null,
    });
    if (issued.length === 0) return;
    this.apply({ type: 'call-next', counterId });
    this.apply({ type: 'start', counterId });
    const completed = this.apply({ type: 'complete', counterId });
    const done = completed.find((event) => event.type === 'ticket.completed');
    if (done?.type === 'ticket.completed' && this.turn % 10 < 7) {
      this.apply(
        {
          type: 'rate',
          ticketId: done.ticketId,
          counterId: asCounterId(counterId),
          rating: 3 + (this.turn % 2),
          reasons: [],
        },
        { role: 'feedback', deviceId: asDeviceId('bench-feedback'), clerkId: null },
      );
    }
  }

  // ── the outbox the shipper reads ──
  eventsSince(version: number, limit: number): VersionedEvent[] {
    return this.log.slice(version, version + limit);
  }
  codeOfTicket(id: TicketId): string | undefined {
    return this.codes.get(id);
  }
  headVersion(): number {
    return this.state.version;
  }
}

/** The outbox view of a simulated hall (its `config()` is the configuration). */
export const outboxOf = (hall: SimulatedHall): HubOutbox => ({
  eventsSince: (version, limit) => hall.eventsSince(version, limit),
  codeOfTicket: (id) => hall.codeOfTicket(id),
  headVersion: () => hall.headVersion(),
  config: () => hall.config,
});
