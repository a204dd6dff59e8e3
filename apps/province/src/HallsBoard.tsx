import { useCallback, useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import type { HallAlert, HallBoardRow } from '@luot/shared/contracts';
import type { HubApi } from './api.ts';
import type { WordId } from './text.ts';
import { formatCount, formatMinutes, formatPercent, formatWhen, useWords } from './text.ts';

/** How often the board asks the hub again. */
const REFRESH_MS = 10_000;

/** Every hall of the province, live: link, what is behind, waiting now, today's figures, alerts. */
export function HallsBoard(props: { api: HubApi }) {
  const { w, locale } = useWords();
  const [halls, setHalls] = useState<HallBoardRow[] | null>(null);
  const [updatedAt, setUpdatedAt] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [enrolment, setEnrolment] = useState<{ hallId: string; code: string } | null>(null);
  const [newName, setNewName] = useState('');

  const load = useCallback(async () => {
    const result = await props.api.halls();
    if (result.ok) {
      setHalls(result.value);
      setUpdatedAt(Date.now());
      setError(null);
    } else setError(result.error.code);
  }, [props.api]);
  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [load]);

  const addHall = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const result = await props.api.addHall(newName.trim());
    if (result.ok) {
      setEnrolment({ hallId: result.value.hallId, code: result.value.code });
      setNewName('');
      await load();
    }
  };

  return (
    <section aria-labelledby="halls-title">
      <div className="section-head">
        <h2 id="halls-title">{w('tabHalls')}</h2>
        {updatedAt !== null && (
          <p className="muted">
            {w('updatedAt')} {formatWhen(locale, updatedAt)}
          </p>
        )}
      </div>
      {error && (
        <p role="alert" className="error">
          {w('unreachable')}
        </p>
      )}
      {halls === null ? (
        <p>{w('loading')}</p>
      ) : halls.length === 0 ? (
        <p>{w('noHalls')}</p>
      ) : (
        <div className="table-wrap">
          <table className="board">
            <thead>
              <tr>
                <th scope="col">{w('hall')}</th>
                <th scope="col">{w('link')}</th>
                <th scope="col">{w('eventsBehind')}</th>
                <th scope="col">{w('waitingNow')}</th>
                <th scope="col">{w('countersServing')}</th>
                <th scope="col">{w('issuedToday')}</th>
                <th scope="col">{w('servedToday')}</th>
                <th scope="col">{w('noShowToday')}</th>
                <th scope="col">{w('satisfactionToday')}</th>
                <th scope="col">{w('alerts')}</th>
                <th scope="col" aria-label={w('revoke')} />
              </tr>
            </thead>
            <tbody>
              {halls.map((hall) => (
                <tr key={hall.hallId} className={hall.alerts.length > 0 ? 'has-alert' : undefined}>
                  <th scope="row">{hall.name}</th>
                  <td>
                    <LinkState hall={hall} />
                  </td>
                  <td className="number">{formatCount(locale, hall.eventsBehind)}</td>
                  <td className="number">{formatCount(locale, hall.live?.waiting ?? 0)}</td>
                  <td className="number">
                    {formatCount(locale, hall.live?.countersServing ?? 0)} /{' '}
                    {formatCount(locale, hall.live?.countersOpen ?? 0)}
                  </td>
                  <td className="number">{formatCount(locale, hall.live?.issued ?? 0)}</td>
                  <td className="number">{formatCount(locale, hall.live?.served ?? 0)}</td>
                  <td className="number">{formatCount(locale, hall.live?.noShow ?? 0)}</td>
                  <td className="number">
                    {formatPercent(locale, hall.satisfactionToday.percent)}
                    <span className="muted"> ({formatCount(locale, hall.satisfactionToday.total)})</span>
                  </td>
                  <td>
                    {hall.alerts.length === 0 ? (
                      <span className="badge ok">{w('noAlert')}</span>
                    ) : (
                      <ul className="alerts">
                        {hall.alerts.map((alert) => (
                          <li key={alert.kind} className="badge alert">
                            <AlertText alert={alert} />
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td className="actions">
                    <button
                      type="button"
                      className="secondary"
                      onClick={() =>
                        void props.api.newCode(hall.hallId).then((result) => {
                          if (result.ok) setEnrolment({ hallId: hall.hallId, code: result.value.code });
                        })
                      }
                    >
                      {w('newCode')}
                    </button>
                    {hall.isEnrolled && !hall.isKeyRevoked && (
                      <button
                        type="button"
                        className="danger"
                        onClick={() => {
                          if (window.confirm(w('confirmRevoke')))
                            void props.api.revoke(hall.hallId).then(() => load());
                        }}
                      >
                        {w('revoke')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <form className="card inline-form" onSubmit={(event) => void addHall(event)}>
        <h3>{w('addHall')}</h3>
        <label>
          {w('hallName')}
          <input
            value={newName}
            onChange={(event) => setNewName(event.target.value)}
            required
            maxLength={200}
          />
        </label>
        <button type="submit">{w('addHall')}</button>
      </form>
      {enrolment && (
        <div className="card notice" role="status">
          <p>{w('enrolmentCode')}:</p>
          <p className="code" lang="en">
            {enrolment.code}
          </p>
          <p className="muted">{w('enrolHint')}</p>
          <button type="button" className="secondary" onClick={() => setEnrolment(null)}>
            {w('close')}
          </button>
        </div>
      )}
    </section>
  );
}

function LinkState(props: { hall: HallBoardRow }) {
  const { w, locale } = useWords();
  const { hall } = props;
  const [label, tone]: [string, string] = hall.isKeyRevoked
    ? [w('revoked'), 'alert']
    : !hall.isEnrolled
      ? [w('notEnrolled'), 'muted']
      : hall.connected
        ? [w('connected'), 'ok']
        : hall.lastContactAt === null
          ? [w('neverConnected'), 'alert']
          : [`${w('offlineSince')} ${formatWhen(locale, hall.lastContactAt)}`, 'alert'];
  return <span className={`badge ${tone}`}>{label}</span>;
}

function AlertText(props: { alert: HallAlert }) {
  const { w, locale } = useWords();
  const { alert } = props;
  const words: Record<HallAlert['kind'], WordId> = {
    offline: 'alertOffline',
    wait: 'alertWait',
    satisfaction: 'alertSatisfaction',
  };
  switch (alert.kind) {
    case 'offline':
      return <>{w(words.offline)}</>;
    case 'wait':
      return (
        <>
          {w(words.wait)} {formatMinutes(locale, alert.targetMinutes * 60_000)} (
          {formatMinutes(locale, alert.waitMinutes * 60_000)})
        </>
      );
    case 'satisfaction':
      return (
        <>
          {w(words.satisfaction)} {formatPercent(locale, alert.threshold)} (
          {formatPercent(locale, alert.percent)})
        </>
      );
  }
}
