import { useEffect, useMemo, useRef, useState } from 'react';
import type { TokenStorage } from '@luot/client';
import { HallConnection, forgetToken, loadToken, pairDevice } from '@luot/client';
import { useHallView, useNow } from '@luot/client/react';
import { translate } from '@luot/shared/text';
import type { BridgePrinterStatus } from '../bridge.ts';
import type { HallPort } from './issue-flow.ts';
import type { TicketLogo } from '@luot/shared/ticket';
import { loadHallLogo } from './hall-logo.ts';
import { KioskFlow, type FlowTimings } from './KioskFlow.tsx';
import { PairingScreen, type PairingNotice } from './PairingScreen.tsx';
import type { PrinterPort } from './printer-port.ts';
import { startPrinterReporter, type PrinterReporter } from './printer-reporter.ts';

/** The app's name for its stored token (`luot.kiosk.token`). */
export const KIOSK_APP = 'kiosk';

/** Props of the kiosk app. */
export type KioskAppProps = {
  /** The hall server's origin: the page's own (the renderer is always served by the hall server). */
  readonly origin: string;
  readonly storage: TokenStorage;
  readonly printer: PrinterPort;
  /** A pairing code from the URL (`?code=123456`), already removed from the address bar. */
  readonly initialCode: string | null;
  readonly timings?: Partial<FlowTimings>;
  /** How often the printer is read for the server's device list. */
  readonly printerPollMs?: number;
};

/** The whole kiosk: pairing on first start, then the visitor's flow on a live hall connection. */
export function KioskApp(props: KioskAppProps) {
  const { storage } = props;
  const [token, setToken] = useState<string | null>(() => loadToken(storage, KIOSK_APP));
  const [notice, setNotice] = useState<PairingNotice>(null);
  const [isPairing, setIsPairing] = useState(false);
  const [connection, setConnection] = useState<HallConnection | null>(null);
  const autoCode = useRef(props.initialCode);

  const pair = (code: string): void => {
    setIsPairing(true);
    void pairDevice(props.origin, code, KIOSK_APP, storage).then((result) => {
      setIsPairing(false);
      if (result.ok) {
        setNotice(null);
        setToken(result.value.token);
      } else {
        setNotice(result.error.code === 'INTERNAL' ? 'unreachable' : 'failed');
      }
    });
  };

  // A `?code=` in the URL pairs once, by itself (the manager's pairing link opened on the kiosk).
  useEffect(() => {
    const code = autoCode.current;
    autoCode.current = null;
    if (code !== null && /^[0-9]{6}$/.test(code)) pair(code);
  }, []);

  useEffect(() => {
    if (token === null) return;
    const next = new HallConnection({
      url: props.origin,
      token,
      ackTimeoutMs: 3_000,
      commandDeadlineMs: 8_000,
    });
    setConnection(next);
    return () => {
      next.close();
      setConnection(null);
    };
  }, [token, props.origin]);

  const onUnauthorized = (): void => {
    forgetToken(storage, KIOSK_APP);
    setNotice('revoked');
    setToken(null);
  };

  if (token === null || connection === null) {
    return (
      <PairingScreen
        notice={notice}
        isWorking={isPairing || (token !== null && connection === null)}
        onSubmit={pair}
      />
    );
  }
  return (
    <ConnectedKiosk
      connection={connection}
      origin={props.origin}
      printer={props.printer}
      onUnauthorized={onUnauthorized}
      {...(props.timings ? { timings: props.timings } : {})}
      {...(props.printerPollMs ? { printerPollMs: props.printerPollMs } : {})}
    />
  );
}

type ConnectedKioskProps = {
  readonly connection: HallConnection;
  readonly origin: string;
  readonly printer: PrinterPort;
  readonly onUnauthorized: () => void;
  readonly timings?: Partial<FlowTimings>;
  readonly printerPollMs?: number;
};

function ConnectedKiosk(props: ConnectedKioskProps) {
  const { connection, printer, onUnauthorized } = props;
  const view = useHallView(connection);
  // The offset is applied at render time, so the first frame after the snapshot already shows server time.
  const now = useNow(1_000) + view.clockOffsetMs;
  const [printerStatus, setPrinterStatus] = useState<BridgePrinterStatus | null>(null);
  const reporter = useRef<PrinterReporter | null>(null);
  const [logo, setLogo] = useState<TicketLogo | null>(null);

  // The hall's logo for printed tickets: read when the configuration arrives or changes, and every ten
  // minutes (an upload in the console is not a configuration event).
  useEffect(() => {
    let isCurrent = true;
    const refresh = (): void => {
      void loadHallLogo(props.origin).then((loaded) => {
        if (isCurrent) setLogo(loaded);
      });
    };
    refresh();
    const timer = setInterval(refresh, 10 * 60_000);
    return () => {
      isCurrent = false;
      clearInterval(timer);
    };
  }, [props.origin, view.config]);

  useEffect(() => {
    const started = startPrinterReporter({
      read: () => printer.printerStatus(),
      report: async (status) =>
        (
          await connection.send('printer:status', {
            state: status.state,
            detail: status.detail.slice(0, 200),
          })
        ).ok,
      isOnline: () => connection.current.status === 'online',
      onStatus: setPrinterStatus,
      ...(props.printerPollMs ? { pollMs: props.printerPollMs } : {}),
    });
    reporter.current = started;
    return () => {
      started.stop();
      reporter.current = null;
    };
  }, [connection, printer, props.printerPollMs]);

  // Back online (or first online): the server hears the printer's state without waiting for a poll.
  useEffect(() => {
    if (view.status === 'online')
      void printer.printerStatus().then((status) => reporter.current?.note(status));
  }, [view.status, printer]);

  useEffect(() => {
    if (view.status === 'unauthorized') onUnauthorized();
    if (view.status !== 'mismatch') return;
    // The server runs a newer protocol: load its current renderer (the kiosk always runs the server's).
    const timer = setTimeout(() => window.location.reload(), 5_000);
    return () => clearTimeout(timer);
  }, [view.status, onUnauthorized]);

  const hall = useMemo<HallPort>(
    () => ({
      isOnline: () => connection.current.status === 'online',
      issue: (request) =>
        connection.send('ticket:issue', {
          serviceId: request.serviceId,
          procedureId: request.procedureId,
          priorityGroupId: request.priorityGroupId,
        }),
      recordPrint: (result) => connection.send('ticket:print-result', result),
    }),
    [connection],
  );

  if (view.status === 'mismatch')
    return <Splash text={`${translate('vi', 'kiosk.mismatch')} ${translate('en', 'kiosk.mismatch')}`} />;
  if (!view.config || !view.state) {
    return (
      <Splash
        text={`${translate('vi', 'kiosk.unavailable.connecting')} ${translate('en', 'kiosk.unavailable.connecting')}`}
      />
    );
  }
  return (
    <KioskFlow
      config={view.config}
      state={view.state}
      status={view.status}
      now={now}
      hall={hall}
      printer={printer}
      printerStatus={printerStatus}
      onPrinterStatus={(status) => reporter.current?.note(status)}
      origin={props.origin}
      logo={logo}
      {...(props.timings ? { timings: props.timings } : {})}
    />
  );
}

function Splash(props: { readonly text: string }) {
  return (
    <div className="kiosk-screen kiosk-splash" data-screen="connecting" role="status">
      <div className="kiosk-spinner" aria-hidden="true" />
      <p className="kiosk-splash__text">{props.text}</p>
    </div>
  );
}
