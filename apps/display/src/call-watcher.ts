import type { HallView } from '@luot/client';
import type { QueueState } from '@luot/shared/domain';
import type { Announcer } from './announcer.ts';
import { detectCalls } from './calls.ts';
import { serviceMatcher, shownServices } from './display-model.ts';

/**
 * Feeds the announcer from a hall connection's views: every new state of the replica is compared with
 * the previous one and the calls found are offered, in order. Changes, snapshots and resyncs all go
 * through the same comparison, so a reconnect repeats nothing that was already offered, and a call the
 * display missed while offline is offered once (the announcer then applies its age rule).
 */
export class CallWatcher {
  private previous: QueueState | null = null;

  constructor(
    private readonly announcer: Announcer,
    private readonly filter: () => readonly string[] | null,
  ) {}

  /** Look at one view of the connection (call it for the current view and every later one). */
  observe(view: HallView): void {
    const { state, config } = view;
    if (state === null || config === null || state === this.previous) return;
    const isShown = serviceMatcher(shownServices(config, this.filter()));
    const calls = detectCalls(this.previous, state, config, isShown);
    this.previous = state;
    if (calls.length === 0) return;
    this.announcer.offer(calls, { announcement: config.announcement, timeZone: config.hall.timeZone });
  }
}
