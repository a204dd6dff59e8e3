import { useEffect, useMemo, useRef, useState } from 'react';
import type { HallConnection, HallView } from '@luot/client';
import { useNow } from '@luot/client/react';
import type { DeviceStatus } from '@luot/shared/contracts';
import type { HallConfig, QueueState, Ticket } from '@luot/shared/domain';
import { counterOf, estimateWait, findClerk, findService, isInService } from '@luot/shared/domain';
import { translateErrorCode } from '@luot/shared/text';
import type { AdminApi } from './api.ts';
import { currentDevices } from './device-list.ts';
import { alertsOf, type Alert } from './monitor-model.ts';
import { TicketSearch } from './TicketSearch.tsx';
import { formatMinutes, localDay, useText } from './text.ts';

/** The live monitor: queues per service, counters, alerts as they happen, and ticket search. */
export function MonitorScreen(props: { api: AdminApi; connection: HallConnection; view: HallView }) {
  const { t, name, locale } = useText();
  const state = props.view.state as QueueState;
  const config = props.view.config as HallConfig;
  const now = useNow(5_000, props.view.clockOffsetMs);
  const [thresholdMinutes, setThreshold] = useState(30);
  const [lowRatings, setLowRatings] = useState<
    { at: number; ticketId: number; counterId: string; rating: number }[]
  >([]);
  const ratedCount = useMemo(
    () => Object.values(state.tickets).filter((ticket) => ticket.isRated).length,
    [state],
  );
  const firstSeen = useRef(now);
  const [listed, setListed] = useState<DeviceStatus[]>([]);
  useEffect(() => {
    void props.api.devices().then((result) => result.ok && setListed(result.value));
  }, [props.api]);

  // A new rating arrived (a ticket became rated): read today's ratings from the audit log.
  useEffect(() => {
    const lowest = config.satisfaction.levels
      .filter((level) => !level.isSatisfied)
      .map((level) => level.value);
    const worst = Math.min(...config.satisfaction.levels.map((level) => level.value));
    void props.api
      .audit({ type: 'feedback.rated', from: String(firstSeen.current - 12 * 60 * 60_000), limit: '50' })
      .then((result) => {
        if (!result.ok) return;
        setLowRatings(
          result.value.entries
            .map((entry) => ({
              at: entry.at,
              ticketId: entry.ticketId ?? 0,
              counterId: entry.counterId ?? '',
              rating: Number(entry.body['rating']),
            }))
            .filter((entry) => entry.rating === worst && lowest.includes(entry.rating)),
        );
      });
  }, [ratedCount, props.api, config.satisfaction.levels]);

  // The listing at open, updated by the live `device:status` pushes.
  const devices = currentDevices(listed, props.view.devices);
  const alerts: Alert[] = alertsOf({
    state,
    config,
    devices,
    lowRatings,
    now,
    thresholdMs: thresholdMinutes * 60_000,
  });
  const waiting = (serviceId: string): Ticket[] =>
    Object.values(state.tickets).filter(
      (ticket) => ticket.status === 'waiting' && ticket.serviceId === serviceId,
    );

  return (
    <div className="monitor">
      <section className="panel alerts" aria-live="polite">
        <h2>
          {t('admin.monitor.alerts')} <span className="count">{alerts.length}</span>
        </h2>
        <label className="inline">
          {t('admin.monitor.threshold')}
          <input
            type="number"
            min={1}
            max={480}
            value={thresholdMinutes}
            onChange={(e) => setThreshold(Math.max(1, Number(e.target.value) || 1))}
          />
        </label>
        {alerts.length === 0 ? (
          <p className="muted">{t('admin.monitor.noAlerts')}</p>
        ) : (
          <ul>
            {alerts.map((alert) => (
              <li key={alert.key} className={`alert alert-${alert.severity}`}>
                {alertText(alert, t, name, config)}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="panel">
        <h2>{t('admin.monitor.services')}</h2>
        <table>
          <thead>
            <tr>
              <th>{t('admin.monitor.service')}</th>
              <th className="num">{t('admin.monitor.waiting')}</th>
              <th className="num">{t('admin.monitor.longestWait')}</th>
              <th className="num">{t('admin.monitor.estimate')}</th>
              <th className="num">{t('admin.monitor.servingCounters')}</th>
            </tr>
          </thead>
          <tbody>
            {config.services
              // An archived service stays while tickets still wait for it.
              .filter((service) => isInService(service) || waiting(service.id).length > 0)
              .map((service) => {
                const queue = waiting(service.id);
                const oldest = Math.min(...queue.map((ticket) => ticket.queuedAt));
                const estimate = estimateWait(state, config, service.id);
                return (
                  <tr key={service.id}>
                    <td>
                      <span className="prefix">{service.prefix}</span> {name(service.name)}
                    </td>
                    <td className="num">{queue.length}</td>
                    <td
                      className={
                        queue.length > 0 && now - oldest > thresholdMinutes * 60_000 ? 'num late' : 'num'
                      }
                    >
                      {queue.length === 0 ? '—' : formatMinutes(locale, now - oldest)}
                    </td>
                    <td className="num">
                      {estimate.minutes === null
                        ? t('admin.monitor.noCounter')
                        : `${estimate.minutes.min}–${estimate.minutes.max} ${locale === 'vi' ? 'phút' : 'min'}`}
                    </td>
                    <td className="num">{estimate.servingCounters}</td>
                  </tr>
                );
              })}
          </tbody>
        </table>
      </section>

      <section className="panel">
        <h2>{t('admin.monitor.counters')}</h2>
        <table>
          <thead>
            <tr>
              <th>{t('admin.monitor.counter')}</th>
              <th>{t('admin.monitor.state')}</th>
              <th>{t('admin.monitor.clerk')}</th>
              <th>{t('admin.monitor.current')}</th>
              <th className="num">{t('admin.monitor.since')}</th>
            </tr>
          </thead>
          <tbody>
            {config.counters.filter(isInService).map((counter) => {
              const live = counterOf(state, counter.id);
              const ticket = live.currentTicketId === null ? undefined : state.tickets[live.currentTicketId];
              const clerk = live.clerkId === null ? undefined : findClerk(config, live.clerkId);
              const since = ticket ? (ticket.startedAt ?? ticket.calledAt) : null;
              return (
                <tr key={counter.id}>
                  <td>
                    {/* The number never breaks; the name goes under it, so a narrow column stays two lines. */}
                    <strong className="nowrap">
                      {t('admin.monitor.counterNumber', { number: counter.number })}
                    </strong>
                    <br />
                    <span className="muted">{name(counter.name)}</span>
                  </td>
                  <td>
                    <span className={`pill pill-${live.status}`}>{t(`counterState.${live.status}`)}</span>
                    {live.pauseReason && <span className="muted"> ({live.pauseReason})</span>}
                  </td>
                  <td>{clerk?.name ?? '—'}</td>
                  <td>
                    {ticket ? (
                      <>
                        <strong>{ticket.number}</strong> · {t(`ticketStatus.${ticket.status}`)} ·{' '}
                        {name(
                          findService(config, ticket.serviceId)?.name ?? {
                            vi: ticket.serviceId,
                            en: ticket.serviceId,
                          },
                        )}
                      </>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td className="num">{since === null ? '—' : formatMinutes(locale, now - since)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>

      <TicketSearch
        api={props.api}
        config={config}
        state={state}
        today={localDay(now, config.hall.timeZone)}
        onAction={async (event, payload) => {
          const ack =
            event === 'ticket:cancel'
              ? await props.connection.send('ticket:cancel', payload as { ticketId: number; reason: string })
              : event === 'ticket:return'
                ? await props.connection.send('ticket:return', payload as { ticketId: number })
                : await props.connection.send(
                    'ticket:transfer',
                    payload as { ticketId: number; toServiceId: string },
                  );
          return ack.ok ? null : translateErrorCode(locale, ack.error.code);
        }}
      />
    </div>
  );
}

function alertText(
  alert: Alert,
  t: ReturnType<typeof useText>['t'],
  name: ReturnType<typeof useText>['name'],
  config: HallConfig,
): string {
  switch (alert.kind) {
    case 'printer':
      return t('admin.alert.printer', {
        device: alert.deviceName,
        state: t(`admin.printer.${alert.printerState}`),
      });
    case 'offline':
      return t('admin.alert.offline', { device: alert.deviceName });
    case 'long-wait':
      return t('admin.alert.longWait', {
        ticket: alert.ticketNumber,
        service: name(
          findService(config, alert.serviceId)?.name ?? { vi: alert.serviceId, en: alert.serviceId },
        ),
        minutes: alert.minutes,
      });
    case 'low-rating':
      return t('admin.alert.lowRating', {
        level: name(alert.level),
        ticket: alert.ticketNumber,
        counter: alert.counterNumber,
      });
  }
}
