import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import type { HallView } from '@luot/client';
import { QrCode } from '@luot/client/react';
import type { DeviceKind, DeviceStatus } from '@luot/shared/contracts';
import type { HallConfig } from '@luot/shared/domain';
import { findCounter } from '@luot/shared/domain';
import { DEVICE_KINDS, pairingLink } from '@luot/shared/contracts';
import { translateErrorCode } from '@luot/shared/text';
import type { AdminApi } from './api.ts';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { currentDevices, isActiveDevice } from './device-list.ts';
import { formatDateTime, useText } from './text.ts';

/** The console pairs every kind of device (there is no manager kind), in the contract's order. */
type PairableKind = DeviceKind;

/** A device being revoked: asked first in the dialog, then revoking, or refused by the server. */
interface Revoking {
  readonly device: DeviceStatus;
  readonly isBusy: boolean;
  readonly problem: string | null;
}

/**
 * Pair devices with a one-time code (and its link and QR code, so a tablet or TV pairs by scanning),
 * see each one online or offline with its printer, revoke one after an in-app question.
 */
export function DevicesScreen(props: { api: AdminApi; view: HallView }) {
  const { t, locale, name } = useText();
  const config = props.view.config!;
  const [listed, setListed] = useState<DeviceStatus[]>([]);
  const [kind, setKind] = useState<PairableKind>('kiosk');
  const [deviceName, setDeviceName] = useState('');
  const [counterId, setCounterId] = useState(config.counters[0]?.id ?? '');
  const [code, setCode] = useState<{
    code: string;
    expiresAt: number;
    name: string;
    kind: PairableKind;
  } | null>(null);
  const [revoking, setRevoking] = useState<Revoking | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const refresh = (): void => {
    void props.api.devices().then((result) => {
      if (result.ok) setListed(result.value);
    });
  };
  useEffect(refresh, [props.api]);
  // Live pushes (device:status) win over the last listing, and bring in a device paired since (a TV
  // that just scanned the QR code shows up online without a reload) or revoked from elsewhere.
  const allDevices = currentDevices(listed, props.view.devices);
  const devices = allDevices.filter(isActiveDevice);
  const revokedDevices = allDevices.filter((device) => !isActiveDevice(device));
  const needsCounter = kind === 'counter' || kind === 'feedback';

  const pair = async (): Promise<void> => {
    const result = await props.api.pair(kind, deviceName.trim(), needsCounter ? counterId : null);
    if (result.ok) {
      setCode({ ...result.value, name: deviceName.trim(), kind });
      setProblem(null);
      setDeviceName('');
      refresh();
    } else setProblem(translateErrorCode(locale, result.error.code));
  };

  const revoke = async (device: DeviceStatus): Promise<void> => {
    setRevoking({ device, isBusy: true, problem: null });
    const result = await props.api.revoke(device.deviceId);
    if (result.ok) setRevoking(null);
    else setRevoking({ device, isBusy: false, problem: translateErrorCode(locale, result.error.code) });
    refresh();
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
            onChange={(e) => setKind(DEVICE_KINDS.find((known) => known === e.target.value) ?? 'kiosk')}
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
        {code && <PairingCode {...code} timeZone={config.hall.timeZone} />}
      </section>
      <section className="panel">
        <h2>{t('admin.devices.listTitle')}</h2>
        <DeviceTable
          config={config}
          devices={devices}
          heads={[
            t('admin.devices.state'),
            t('admin.devices.lastSeen'),
            t('admin.devices.printer'),
            t('admin.common.actions'),
          ]}
          cells={(device) => (
            <>
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
                  onClick={() => setRevoking({ device, isBusy: false, problem: null })}
                >
                  {t('admin.devices.revoke')}
                </button>
              </td>
            </>
          )}
        />
        {devices.length === 0 && <p className="muted">{t('admin.devices.none')}</p>}
        {revokedDevices.length > 0 && (
          <details className="revoked-devices" data-testid="revoked-devices">
            <summary>{t('admin.devices.revokedTitle', { count: revokedDevices.length })}</summary>
            <DeviceTable
              config={config}
              devices={revokedDevices}
              heads={[t('admin.devices.state'), t('admin.devices.revokedAt')]}
              cells={(device) => (
                <>
                  <td>
                    <span className="pill pill-closed">{t('admin.devices.revoked')}</span>
                  </td>
                  <td>{formatDateTime(device.revokedAt ?? 0, config.hall.timeZone)}</td>
                </>
              )}
            />
          </details>
        )}
      </section>
      {revoking && (
        <ConfirmDialog
          title={t('admin.devices.revokeTitle', { name: revoking.device.name })}
          confirmLabel={t('admin.devices.revoke')}
          cancelLabel={t('admin.dialog.back')}
          isDestructive
          isBusy={revoking.isBusy}
          problem={revoking.problem}
          onCancel={() => setRevoking(null)}
          onConfirm={() => void revoke(revoking.device)}
        >
          <p>{t('admin.devices.revokeConfirm', { name: revoking.device.name })}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}

/** Devices with their name, kind and counter, then the columns the list adds (`heads`, `cells`). */
function DeviceTable(props: {
  readonly devices: readonly DeviceStatus[];
  /** For the counter column: "Quầy 3", as the hall says it, not the counter's id. */
  readonly config: HallConfig;
  readonly heads: readonly string[];
  readonly cells: (device: DeviceStatus) => ReactNode;
}) {
  const { t } = useText();
  // "Quầy 3", as the hall says it; the bare id only if the counter is gone from the configuration.
  const counterLabel = (counterId: DeviceStatus['counterId']): string => {
    if (counterId === null) return '—';
    const counter = findCounter(props.config, counterId);
    return counter === undefined ? counterId : t('admin.monitor.counterNumber', { number: counter.number });
  };
  return (
    <table>
      <thead>
        <tr>
          <th>{t('admin.devices.name')}</th>
          <th>{t('admin.devices.kind')}</th>
          <th>{t('admin.devices.counter')}</th>
          {props.heads.map((head) => (
            <th key={head}>{head}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.devices.map((device) => (
          <tr key={device.deviceId}>
            <td>{device.name}</td>
            <td>{t(`admin.deviceKind.${device.kind}`)}</td>
            <td>{counterLabel(device.counterId)}</td>
            {props.cells(device)}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * A fresh pairing code with its link and the link's QR code: the tablet or TV scans it and pairs, no
 * typing. A console opened at `localhost` makes a link other devices cannot open, so it says so.
 */
function PairingCode(props: {
  readonly code: string;
  readonly expiresAt: number;
  readonly name: string;
  readonly kind: PairableKind;
  readonly timeZone: string;
}) {
  const { t } = useText();
  const link = pairingLink(window.location.origin, props.kind, props.code);
  const isLocalOnly = ['localhost', '127.0.0.1', '[::1]'].includes(window.location.hostname);
  return (
    <div className="pair-code" data-testid="pair-code">
      <div className="pair-code-text">
        <span>{t('admin.devices.codeFor', { name: props.name })}</span>
        <strong>{props.code}</strong>
        <span className="muted small">
          {t('admin.devices.codeHint', { until: formatDateTime(props.expiresAt, props.timeZone) })}
        </span>
        <span className="pair-link">
          {t('admin.devices.pairLink')}: <a href={link}>{link}</a>
        </span>
        <span className="muted small">{t('admin.devices.qrHint')}</span>
        {isLocalOnly && <span className="notice small">{t('admin.devices.localOnly')}</span>}
      </div>
      <QrCode
        payload={link}
        label={t('admin.devices.qrLabel', { name: props.name })}
        className="pair-qr"
        testId="pair-qr"
      />
    </div>
  );
}
