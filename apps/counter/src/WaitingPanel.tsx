import type { CounterId, HallConfig, Ticket } from '@luot/shared/domain';
import { findService } from '@luot/shared/domain';
import type { Locale } from '@luot/shared/text';
import { translate } from '@luot/shared/text';
import type { TerminalModel } from './terminal-model.ts';
import { formatDuration, localized } from './text.ts';

/** How many waiting tickets the list shows before "and N more" (it fits 1366×768 without scrolling). */
export const WAITING_ROWS = 10;

/** Props of {@link WaitingPanel}. */
export interface WaitingPanelProps {
  readonly model: TerminalModel;
  readonly config: HallConfig;
  readonly counterId: CounterId;
  readonly now: number;
  readonly locale: Locale;
  /** Set when calling a chosen ticket is possible now; a row then opens "call a specific ticket". */
  readonly onCallTicket: ((ticket: Ticket) => void) | null;
}

/**
 * The queues this counter serves: per service the count and the longest wait, then the tickets in the
 * exact order "call next" will take them (the shared `callOrder`, the server's own), priority marked.
 */
export function WaitingPanel({ model, config, counterId, now, locale, onCallTicket }: WaitingPanelProps) {
  const shown = model.order.slice(0, WAITING_ROWS);
  const hidden = model.order.length - shown.length;
  return (
    <section className="panel waiting" aria-labelledby="waiting-title">
      <h2 id="waiting-title" className="panel-title">
        {translate(locale, 'counter.waiting.title')}
        <span className="panel-title__count" data-testid="waiting-total">
          {model.order.length}
        </span>
      </h2>
      <ul className="queues">
        {model.queues.map((queue) => (
          <li key={queue.service.id} className="queue" data-service={queue.service.id}>
            <span className="prefix">{queue.service.prefix}</span>
            <span className="queue__name">{localized(queue.service.name, locale)}</span>
            <span className="queue__count">
              {translate(locale, 'counter.waiting.count', { count: queue.count })}
              {queue.longestWaitMs !== null && (
                <span className="queue__longest">
                  {' · '}
                  {translate(locale, 'counter.waiting.longest', {
                    duration: formatDuration(locale, queue.longestWaitMs),
                  })}
                </span>
              )}
            </span>
          </li>
        ))}
      </ul>
      {model.order.length === 0 ? (
        <p className="muted waiting__empty">{translate(locale, 'counter.waiting.empty')}</p>
      ) : (
        // The list scrolls when long names fill it: focusable, so it scrolls from the keyboard too.
        <ol className="order" data-testid="waiting-order" tabIndex={0} aria-labelledby="waiting-title">
          {shown.map((ticket, index) => {
            const service = findService(config, ticket.serviceId);
            const group = ticket.priorityGroupId
              ? config.priorityGroups.find((candidate) => candidate.id === ticket.priorityGroupId)
              : undefined;
            const label = translate(locale, 'counter.waiting.callThis', { ticket: ticket.number });
            const procedure =
              ticket.procedureId === null
                ? undefined
                : findService(config, ticket.issuedServiceId)?.procedures.find(
                    (candidate) => candidate.id === ticket.procedureId,
                  );
            return (
              <li key={ticket.id} className={group ? 'order__row order__row--priority' : 'order__row'}>
                <button
                  type="button"
                  className="order__button"
                  disabled={onCallTicket === null}
                  title={label}
                  onClick={() => onCallTicket?.(ticket)}
                >
                  <span className="order__rank">
                    {index === 0 ? translate(locale, 'counter.waiting.next') : index + 1}
                  </span>
                  <span className="order__number" data-testid="waiting-number">
                    {ticket.number}
                  </span>
                  <span className="order__meta">
                    {group && (
                      <span className="badge badge--priority">★ {localized(group.name, locale)}</span>
                    )}
                    {ticket.targetCounterId === counterId && (
                      <span className="badge">{translate(locale, 'counter.waiting.toThisCounter')}</span>
                    )}
                    {!group && ticket.targetCounterId !== counterId && service && (
                      <span className="order__service">{localized(service.name, locale)}</span>
                    )}
                    {procedure && (
                      <span className="order__procedure" data-testid="waiting-procedure">
                        {localized(procedure.name, locale)}
                      </span>
                    )}
                    {ticket.lastTransfer?.note && (
                      <span className="order__note">“{ticket.lastTransfer.note}”</span>
                    )}
                  </span>
                  <span className="order__wait">{formatDuration(locale, now - ticket.queuedAt)}</span>
                </button>
              </li>
            );
          })}
          {hidden > 0 && (
            <li className="order__more muted">
              {translate(locale, 'counter.waiting.more', { count: hidden })}
            </li>
          )}
        </ol>
      )}
    </section>
  );
}
