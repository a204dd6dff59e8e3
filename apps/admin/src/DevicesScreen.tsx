import { useEffect, useState } from 'react';
import type { HallView } from '@luot/client';
import type { DeviceKind, DeviceStatus } from '@luot/shared/contracts';
import { DEVICE_KINDS } from '@luot/shared/contracts';
import { translateErrorCode } from '@luot/shared/text';
import type { AdminApi } from './api.ts';
import { formatDateTime, useText } from './text.ts';

/** Pair devices with a one-time code, see each one online or offline with its printer, revoke one. */
export function DevicesScreen(props: { api: AdminApi; view: HallView }) {
  const { t, locale, name } = useText();
  const config = props.view.config!;
  const [listed, setListed] = useState<DeviceStatus[]>([]);
  const [kind, setKind] = useState<DeviceKind>('kiosk');
  const [deviceName, setDeviceName] = useState('');
  const [counterId, setCounterId] = useState(config.counters[0]?.id ?? '');
  const [code, setCode] = useState<{ code: string; expiresAt: number; name: string } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const refresh = (): void => {
    void props.api.devices().then((result) => {
      if (result.ok) setListed(result.value);
    });
  };
  useEffect(refresh, [props.api]);
  // Live pushes (device:status) win over the last listing.
  const devices = listed.map((device) => props.view.devices[device.deviceId] ?? device);
  const needsCounter = kind === 'counter' || kind === 'feedback';

  const pair = async (): Promise<void> => {
    const result = await props.api.pair(kind, deviceName.trim(), needsCounter ? counterId : null);
    if (result.ok) {
      setCode({ ...result.value, name: deviceName.trim() });
      setProblem(null);
      setDeviceName('');
      refresh();
    } else setProblem(translateErrorCode(locale, result.error.code));
  };

  return (
    <div className="stack">
      <section className="panel">
        <h2>{t('admin.devices.pairTitle')}</h2>
        <form
          className="row"
          onSubmit={(event) => {
            event.preventDefault();
            void pair();
          }}
        >
          <select
            aria-label={t('admin.devices.kind')}
            value={kind}
            onChange={(e) => setKind(e.target.value as DeviceKind)}
          >
            {DEVICE_KINDS.map((candidate) => (
              <option key={candidate} value={candidate}>
                {t(`admin.deviceKind.${candidate}`)}
              </option>
            ))}
          </select>
          <input
            aria-label={t('admin.devices.name')}
            placeholder={t('admin.devices.namePlaceholder')}
            value={deviceName}
            onChange={(e) => setDeviceName(e.target.value)}
          />
          {needsCounter && (
            <select
              aria-label={t('admin.devices.counter')}
              value={counterId}
              onChange={(e) => setCounterId(e.target.value)}
            >
              {config.counters.map((counter) => (
                <option key={counter.id} value={counter.id}>
                  {t('admin.monitor.counterNumber', { number: counter.number })} — {name(counter.name)}
                </option>
              ))}
            </select>
          )}
          <button className="primary" type="submit" disabled={!deviceName.trim()}>
            {t('admin.devices.createCode')}
          </button>
        </form>
        {problem && <p className="problem">{problem}</p>}
        {code && (
          <div className="pair-code">
            <span>{t('admin.devices.codeFor', { name: code.name })}</span>
            <strong>{code.code}</strong>
            <span className="muted small">
              {t('admin.devices.codeHint', { until: formatDateTime(code.expiresAt, config.hall.timeZone) })}
            </span>
          </div>
        )}
      </section>
      <section className="panel">
        <h2>{t('admin.devices.listTitle')}</h2>
        <table>
          <thead>
            <tr>
              <th>{t('admin.devices.name')}</th>
              <th>{t('admin.devices.kind')}</th>
              <th>{t('admin.devices.counter')}</th>
              <th>{t('admin.devices.state')}</th>
              <th>{t('admin.devices.lastSeen')}</th>
              <th>{t('admin.devices.printer')}</th>
              <th>{t('admin.common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {devices.map((device) => (
              <tr key={device.deviceId}>
                <td>{device.name}</td>
                <td>{t(`admin.deviceKind.${device.kind}`)}</td>
                <td>{device.counterId ?? '—'}</td>
                <td>
                  <span className={device.isOnline ? 'pill pill-open' : 'pill pill-closed'}>
                    {t(device.isOnline ? 'admin.devices.online' : 'admin.devices.offline')}
                  </span>
                </td>
                <td>
                  {device.lastSeenAt === null ? '—' : formatDateTime(device.lastSeenAt, config.hall.timeZone)}
                </td>
                <td>
                  {device.printer ? (
                    <span className={device.printer.state === 'ok' ? 'pill pill-open' : 'pill pill-paused'}>
                      {t(`admin.printer.${device.printer.state}`)}
                    </span>
                  ) : (
                    '—'
                  )}
                </td>
                <td>
                  <button
                    className="danger"
                    onClick={() => {
                      if (!window.confirm(t('admin.devices.revokeConfirm', { name: device.name }))) return;
                      void props.api.revoke(device.deviceId).then(refresh);
                    }}
                  >
                    {t('admin.devices.revoke')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {devices.length === 0 && <p className="muted">{t('admin.devices.none')}</p>}
      </section>
    </div>
  );
}
