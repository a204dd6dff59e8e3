import type { HallConnection } from '@luot/client';
import type { Ack, CommandOutcome } from '@luot/shared/contracts';
import type {
  CounterId,
  HallConfig,
  QueueState,
  ServiceId,
  TicketId,
  VersionedEvent,
} from '@luot/shared/domain';
import { findCounter, findService } from '@luot/shared/domain';
import type { Locale } from '@luot/shared/text';
import { translate } from '@luot/shared/text';
import { localized } from './text.ts';

/** What a clerk asks for, with everything the dialogs collected. */
export type TerminalCommand =
  | { readonly type: 'next' }
  | { readonly type: 'recall' }
  | { readonly type: 'start' }
  | { readonly type: 'complete' }
  | { readonly type: 'noShow' }
  | {
      readonly type: 'transfer';
      readonly ticketId: TicketId;
      readonly toServiceId: ServiceId | null;
      readonly toCounterId: CounterId | null;
      readonly note: string;
    }
  | { readonly type: 'callSpecific'; readonly ticketId: TicketId; readonly reason: string }
  | { readonly type: 'pause'; readonly reason: string }
  | { readonly type: 'resume' };

/** The part of a hall connection that sends commands (a HallConnection, or a test double of it). */
export type CommandPort = Pick<HallConnection, 'send'>;

/**
 * Send a clerk's command. The counter is never named: the server takes it from this terminal's pairing.
 * HallConnection keeps one requestId across retries, so a network blip cannot call two tickets.
 */
export function sendCommand(port: CommandPort, command: TerminalCommand): Promise<Ack<CommandOutcome>> {
  switch (command.type) {
    case 'next':
      return port.send('ticket:call-next', {});
    case 'recall':
      return port.send('ticket:recall', {});
    case 'start':
      return port.send('ticket:start', {});
    case 'complete':
      return port.send('ticket:complete', {});
    case 'noShow':
      return port.send('ticket:no-show', {});
    case 'transfer':
      return port.send('ticket:transfer', {
        ticketId: command.ticketId,
        toServiceId: command.toServiceId,
        toCounterId: command.toCounterId,
        note: command.note.trim() === '' ? null : command.note.trim(),
      });
    case 'callSpecific':
      return port.send('ticket:call', { ticketId: command.ticketId, reason: command.reason.trim() });
    case 'pause':
      return port.send('counter:pause', { reason: command.reason.trim() });
    case 'resume':
      return port.send('counter:open', {});
  }
}

/**
 * A short sentence saying what a command did, read from the events the server answered with (so "next"
 * that completed one ticket and called another, or a recall that became a no-show, are told as such).
 */
export function describeOutcome(
  locale: Locale,
  command: TerminalCommand['type'],
  events: readonly VersionedEvent[],
  state: QueueState | null,
  config: HallConfig | null,
): string | null {
  const number = (ticketId: TicketId): string => state?.tickets[ticketId]?.number ?? `#${ticketId}`;
  // Checked in this order: "next" may complete one ticket and call another; the call is the news.
  for (const event of events) {
    if (event.type === 'ticket.called')
      return translate(locale, 'counter.done.called', { ticket: number(event.ticketId) });
  }
  for (const event of events) {
    if (event.type === 'ticket.recalled') {
      return translate(locale, 'counter.done.recalled', { ticket: number(event.ticketId) });
    }
    if (event.type === 'ticket.no-show') {
      return translate(locale, event.isAutomatic ? 'counter.done.autoNoShow' : 'counter.done.noShow', {
        ticket: number(event.ticketId),
      });
    }
    if (event.type === 'ticket.completed') {
      // "Next" that found nobody waiting still finished the visitor being served.
      return translate(locale, command === 'next' ? 'counter.done.queueEmpty' : 'counter.done.completed', {
        ticket: number(event.ticketId),
      });
    }
    if (event.type === 'ticket.transferred') {
      const counter =
        event.toCounterId === null || !config ? undefined : findCounter(config, event.toCounterId);
      const service = config ? findService(config, event.toServiceId) : undefined;
      const target = counter
        ? localized(counter.name, locale)
        : service
          ? localized(service.name, locale)
          : '';
      return translate(locale, 'counter.done.transferred', { ticket: number(event.ticketId), target });
    }
    if (event.type === 'counter.paused') return translate(locale, 'counter.done.paused');
    if (event.type === 'counter.opened') return translate(locale, 'counter.done.resumed');
  }
  // `started` alone (the events above win when they come with it).
  for (const event of events) {
    if (event.type === 'ticket.started')
      return translate(locale, 'counter.done.started', { ticket: number(event.ticketId) });
  }
  return null;
}
