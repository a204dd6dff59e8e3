import { useState } from 'react';
import type { HallConfig, QueueState } from '@luot/shared/domain';
import { findService, isInService } from '@luot/shared/domain';
import { translateErrorCode } from '@luot/shared/text';
import type { AdminApi, FoundTicket } from './api.ts';
import { describeEvent } from './audit-text.ts';
import { CancelTicketDialog } from './CancelTicketDialog.tsx';
import { formatDateTime, useText } from './text.ts';

type Action = 'ticket:cancel' | 'ticket:return' | 'ticket:transfer';

/** Find a ticket by its printed number, show its whole history, and act on it. */
export function TicketSearch(props: {
  api: AdminApi;
  config: HallConfig;
  state: QueueState;
  today: string;
  onAction: (event: Action, payload: Record<string, unknown>) => Promise<string | null>;
}) {
  const { t, name, locale } = useText();
  const [number, setNumber] = useState('');
  const [day, setDay] = useState(props.today);
  const [found, setFound] = useState<FoundTicket[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [transferTo, setTransferTo] = useState('');
  // The ticket the manager pressed "Hủy số" for: it is cancelled only once the dialog is confirmed.
  const [cancelling, setCancelling] = useState<{ id: number; number: string; serviceName: string } | null>(
    null,
  );

  const search = async (): Promise<void> => {
    const result = await props.api.tickets(number.trim().toUpperCase(), day || null);
    if (result.ok) {
      setFound(result.value);
      setProblem(null);
    } else {
      setFound(null);
      setProblem(translateErrorCode(locale, result.error.code));
    }
  };
  const act = async (event: Action, payload: Record<string, unknown>): Promise<void> => {
    const refusal = await props.onAction(event, payload);
    setProblem(refusal);
    await search();
  };

  return (
    <section className="panel">
      <h2>{t('admin.search.title')}</h2>
      <form
        className="row"
        onSubmit={(event) => {
          event.preventDefault();
          void search();
        }}
      >
        <input
          aria-label={t('admin.search.number')}
          placeholder="A012"
          value={number}
          onChange={(e) => setNumber(e.target.value)}
        />
        <input
          aria-label={t('admin.search.day')}
          type="date"
          value={day}
          onChange={(e) => setDay(e.target.value)}
        />
        <button className="primary" type="submit" disabled={!/^[A-Za-z]{1,2}\d{1,6}$/.test(number.trim())}>
          {t('admin.search.submit')}
        </button>
      </form>
      {problem && <p className="problem">{problem}</p>}
      {found?.length === 0 && <p className="muted">{t('admin.search.none')}</p>}
      {found?.map((entry) => {
        const ticket = props.state.tickets[entry.id] ?? entry.body;
        const service = findService(props.config, ticket.serviceId);
        return (
          <article key={entry.id} className="ticket-card">
            <header>
              <strong className="big">{ticket.number}</strong>
              <span className={`pill pill-${ticket.status}`}>{t(`ticketStatus.${ticket.status}`)}</span>
              <span>{service ? name(service.name) : ticket.serviceId}</span>
              <span className="muted">{entry.businessDay}</span>
            </header>
            <ol className="history">
              {entry.history.map((event) => (
                <li key={event.id}>
                  <time>{formatDateTime(event.at, props.config.hall.timeZone)}</time>{' '}
                  {describeEvent(event, props.config, locale)}
                </li>
              ))}
            </ol>
            <div className="row">
              {ticket.status === 'waiting' && (
                <button
                  className="danger"
                  onClick={() =>
                    setCancelling({
                      id: ticket.id,
                      number: ticket.number,
                      serviceName: service ? name(service.name) : ticket.serviceId,
                    })
                  }
                >
                  {t('admin.search.cancel')}
                </button>
              )}
              {ticket.status === 'no_show' && (
                <button onClick={() => void act('ticket:return', { ticketId: ticket.id })}>
                  {t('admin.search.return')}
                </button>
              )}
              {(ticket.status === 'waiting' || ticket.status === 'called' || ticket.status === 'serving') && (
                <>
                  <select
                    aria-label={t('admin.search.transferTo')}
                    value={transferTo}
                    onChange={(e) => setTransferTo(e.target.value)}
                  >
                    <option value="">{t('admin.search.transferTo')}</option>
                    {props.config.services
                      .filter((candidate) => candidate.id !== ticket.serviceId && isInService(candidate))
                      .map((candidate) => (
                        <option key={candidate.id} value={candidate.id}>
                          {candidate.prefix} — {name(candidate.name)}
                        </option>
                      ))}
                  </select>
                  <button
                    disabled={!transferTo}
                    onClick={() =>
                      void act('ticket:transfer', { ticketId: ticket.id, toServiceId: transferTo })
                    }
                  >
                    {t('admin.search.transfer')}
                  </button>
                </>
              )}
            </div>
          </article>
        );
      })}
      {cancelling && (
        <CancelTicketDialog
          number={cancelling.number}
          serviceName={cancelling.serviceName}
          onCancelTicket={async (reason) => {
            const refusal = await props.onAction('ticket:cancel', { ticketId: cancelling.id, reason });
            if (refusal === null) await search();
            return refusal;
          }}
          onClose={() => setCancelling(null)}
        />
      )}
    </section>
  );
}
