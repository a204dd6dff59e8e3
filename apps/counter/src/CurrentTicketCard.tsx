import type { HallConfig } from '@luot/shared/domain';
import { findService } from '@luot/shared/domain';
import type { Locale } from '@luot/shared/text';
import { translate } from '@luot/shared/text';
import type { TerminalModel } from './terminal-model.ts';
import { formatClock } from './terminal-model.ts';
import { localized } from './text.ts';

/** Props of {@link CurrentTicketCard}. */
export interface CurrentTicketCardProps {
  readonly model: TerminalModel;
  readonly config: HallConfig;
  readonly now: number;
  readonly locale: Locale;
}

/**
 * The visitor at the counter, large: number, service, priority group, how long they waited, how long
 * they have been served and how often they were called. The counter's pause or closure shows above it.
 */
export function CurrentTicketCard({ model, config, now, locale }: CurrentTicketCardProps) {
  const { current, counter } = model;
  const counterNote =
    counter.status === 'paused'
      ? translate(locale, 'counter.current.paused', { reason: counter.pauseReason ?? '' })
      : counter.status === 'closed'
        ? translate(locale, 'counter.current.closed')
        : null;
  const service = current ? findService(config, current.serviceId) : undefined;
  const group = current?.priorityGroupId
    ? config.priorityGroups.find((candidate) => candidate.id === current.priorityGroupId)
    : undefined;

  return (
    <section className="current" aria-labelledby="current-title">
      <div className="current__head">
        <h2 id="current-title" className="panel-title">
          {translate(locale, 'counter.current.title')}
        </h2>
        {current && (
          <span className={`ticket-status ticket-status--${current.status}`} data-testid="current-status">
            {translate(locale, `ticketStatus.${current.status}`)}
          </span>
        )}
      </div>
      {counterNote && (
        <p className={`counter-note counter-note--${counter.status}`} data-testid="counter-note">
          {counterNote}
        </p>
      )}
      {current ? (
        <div className="current__body">
          <div className="current__number" data-testid="current-number">
            {current.number}
          </div>
          <div className="current__details">
            <div className="current__service">
              {service ? localized(service.name, locale) : current.serviceId}
            </div>
            <div className="current__badges">
              {group && <span className="badge badge--priority">★ {localized(group.name, locale)}</span>}
              {current.isCalledOutOfOrder && (
                <span className="badge">{translate(locale, 'counter.current.outOfOrder')}</span>
              )}
              {current.transferCount > 0 && (
                <span className="badge">
                  {translate(locale, 'counter.current.transferred', { count: current.transferCount })}
                </span>
              )}
            </div>
            <dl className="facts">
              <div className="fact">
                <dt>{translate(locale, 'counter.current.waited')}</dt>
                <dd data-testid="current-waited">
                  {formatClock((current.calledAt ?? now) - current.queuedAt)}
                </dd>
              </div>
              <div className="fact">
                <dt>{translate(locale, 'counter.current.served')}</dt>
                <dd data-testid="current-served">
                  {current.status === 'serving' && current.startedAt !== null
                    ? formatClock(now - current.startedAt)
                    : translate(locale, 'counter.current.notStarted')}
                </dd>
              </div>
              <div className="fact">
                <dt>{translate(locale, 'counter.current.calls')}</dt>
                <dd data-testid="current-calls">{current.callCount}</dd>
              </div>
            </dl>
          </div>
        </div>
      ) : (
        <div className="current__empty">
          <p className="current__none">{translate(locale, 'counter.current.none')}</p>
          {counter.status === 'open' && (
            <p className="muted">{translate(locale, 'counter.current.noneHint')}</p>
          )}
        </div>
      )}
    </section>
  );
}
