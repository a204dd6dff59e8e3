import type { HallConfig } from '@luot/shared/domain';
import { findCounter, findService } from '@luot/shared/domain';
import type { Locale } from '@luot/shared/text';
import { translate } from '@luot/shared/text';
import type { TerminalModel } from './terminal-model.ts';
import { formatDuration, localized } from './text.ts';

/** Props of {@link CurrentTicketCard}. */
export interface CurrentTicketCardProps {
  readonly model: TerminalModel;
  readonly config: HallConfig;
  readonly now: number;
  readonly locale: Locale;
}

/**
 * The visitor at the counter, large: number, service and the procedure chosen at the kiosk, priority
 * group, where it was transferred from and the sending clerk's note, how long they waited, how long they
 * have been served and how often they were called. The counter's pause or closure shows above it.
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
  const procedure =
    current?.procedureId == null
      ? undefined
      : findService(config, current.issuedServiceId)?.procedures.find((p) => p.id === current.procedureId);
  const transfer = current?.lastTransfer ?? null;
  const fromCounter =
    transfer?.fromCounterId == null ? undefined : findCounter(config, transfer.fromCounterId);

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
            {procedure && (
              <div className="current__procedure" data-testid="current-procedure">
                {translate(locale, 'counter.current.procedure', { name: localized(procedure.name, locale) })}
              </div>
            )}
            {transfer && (fromCounter || transfer.note) && (
              <div className="current__transfer" data-testid="current-transfer">
                {fromCounter && (
                  <span>
                    {translate(locale, 'counter.current.transferFrom', { counter: fromCounter.number })}
                  </span>
                )}
                {transfer.note && (
                  <span className="current__transfer-note">
                    {translate(locale, 'counter.current.transferNote', { note: transfer.note })}
                  </span>
                )}
              </div>
            )}
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
                  {formatDuration(locale, (current.calledAt ?? now) - current.queuedAt)}
                </dd>
              </div>
              <div className="fact">
                <dt>{translate(locale, 'counter.current.served')}</dt>
                <dd data-testid="current-served">
                  {current.status === 'serving' && current.startedAt !== null
                    ? formatDuration(locale, now - current.startedAt)
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
