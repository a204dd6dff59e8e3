import { useEffect, useState, type HTMLAttributes, type ReactNode } from 'react';
import type { BridgePrintResult, DiagnosticsBridge, DiagnosticsInfo } from '../../bridge.ts';
import { printerText } from '../reason-text.ts';
import { Both } from './Both.tsx';
import { DIAGNOSTICS_TEXT as T, fill, type Bilingual } from './diagnostics-text.ts';
import { PrinterChoiceList } from './PrinterChoiceList.tsx';
import './diagnostics.css';

type Props = {
  readonly bridge: DiagnosticsBridge;
  /** The hall server's origin (the page's own), for the server-link check. */
  readonly origin: string;
  readonly onClose: () => void;
  /** `fetch`, replaceable in tests. */
  readonly fetcher?: typeof fetch;
};

type ServerLink =
  | { readonly state: 'checking' }
  | { readonly state: 'reachable'; readonly ms: number; readonly version: string }
  | { readonly state: 'unreachable' };

/**
 * The kiosk's hidden diagnostics screen (opened by a long press on the top-left corner): the manager's
 * PIN first (checked by the main process), then the kiosk program's version, the server link, the
 * printer's connection and status, a test print, and the printer settings. Never shown to visitors.
 */
export function DiagnosticsScreen(props: Props) {
  const { bridge } = props;
  const [info, setInfo] = useState<DiagnosticsInfo | null>(null);
  const [view, setView] = useState<'main' | 'printers'>('main');

  const close = (): void => {
    void bridge.close().finally(props.onClose);
  };

  return (
    <div className="diagnostics" role="dialog" aria-modal="true" aria-labelledby="diagnostics-title">
      <header className="diagnostics-header">
        <h1 id="diagnostics-title">
          <Both text={T.title} />
        </h1>
        <button type="button" className="diagnostics-secondary" onClick={close}>
          <Both text={T.close} />
        </button>
      </header>
      {info === null ? (
        <PinPad bridge={bridge} onOpened={setInfo} onCancel={props.onClose} />
      ) : view === 'printers' ? (
        <PrinterChoiceList
          bridge={bridge}
          paperWidthMm={info.paperWidthMm}
          onChosen={setInfo}
          onBack={() => setView('main')}
        />
      ) : (
        <Overview
          bridge={bridge}
          info={info}
          origin={props.origin}
          fetcher={props.fetcher ?? ((input, init) => fetch(input, init))}
          onInfo={setInfo}
          onChoose={() => setView('printers')}
        />
      )}
    </div>
  );
}

function PinPad(props: {
  readonly bridge: DiagnosticsBridge;
  readonly onOpened: (info: DiagnosticsInfo) => void;
  readonly onCancel: () => void;
}) {
  const [pin, setPin] = useState('');
  const [message, setMessage] = useState<Bilingual | null>(null);
  const [isChecking, setIsChecking] = useState(false);
  const submit = (): void => {
    setIsChecking(true);
    void props.bridge.open(pin).then((result) => {
      setIsChecking(false);
      setPin('');
      if (result.ok) props.onOpened(result.info);
      else if (result.reason === 'wrong_pin') setMessage(fill(T.wrongPin, { n: result.attemptsLeft }));
      else if (result.reason === 'locked') setMessage(fill(T.locked, { n: result.retryAfterSeconds }));
      else setMessage(T.notConfigured);
    });
  };
  return (
    <section className="diagnostics-pin" aria-labelledby="diagnostics-pin-prompt">
      <h2 id="diagnostics-pin-prompt">
        <Both text={T.pinPrompt} />
      </h2>
      <output className="diagnostics-pin-dots" aria-label={`${T.pinLabel.vi} / ${T.pinLabel.en}`}>
        {pin.length === 0 ? '—' : '●'.repeat(pin.length)}
      </output>
      {message ? (
        <p role="alert" className="diagnostics-fault">
          <Both text={message} />
        </p>
      ) : null}
      <div className="diagnostics-keypad">
        {['1', '2', '3', '4', '5', '6', '7', '8', '9'].map((digit) => (
          <button
            key={digit}
            type="button"
            onClick={() => setPin((current) => (current.length < 8 ? current + digit : current))}
          >
            {digit}
          </button>
        ))}
        <button
          type="button"
          className="diagnostics-secondary"
          onClick={() => setPin((current) => current.slice(0, -1))}
        >
          <Both text={T.erase} />
        </button>
        <button
          type="button"
          onClick={() => setPin((current) => (current.length < 8 ? `${current}0` : current))}
        >
          0
        </button>
        <button
          type="button"
          className="diagnostics-primary"
          disabled={pin.length < 4 || isChecking}
          onClick={submit}
        >
          <Both text={T.open} />
        </button>
      </div>
      <div className="diagnostics-actions">
        <button type="button" className="diagnostics-secondary" onClick={props.onCancel}>
          <Both text={T.cancel} />
        </button>
      </div>
    </section>
  );
}

function Overview(props: {
  readonly bridge: DiagnosticsBridge;
  readonly info: DiagnosticsInfo;
  readonly origin: string;
  readonly fetcher: typeof fetch;
  readonly onInfo: (info: DiagnosticsInfo) => void;
  readonly onChoose: () => void;
}) {
  const { bridge, info } = props;
  const [link, setLink] = useState<ServerLink>({ state: 'checking' });
  const [test, setTest] = useState<'idle' | 'printing' | BridgePrintResult>('idle');

  useEffect(() => {
    let isCurrent = true;
    const started = performance.now();
    // Called as a plain function: a browser's fetch refuses to run as a method of another object.
    const fetcher = props.fetcher;
    fetcher(new URL('/health', props.origin), { cache: 'no-store' })
      .then(async (response) => {
        const body = (await response.json()) as { ok?: boolean; version?: string };
        if (!isCurrent) return;
        setLink(
          response.ok && body.ok
            ? {
                state: 'reachable',
                ms: Math.round(performance.now() - started),
                version: body.version ?? '?',
              }
            : { state: 'unreachable' },
        );
      })
      .catch(() => {
        if (isCurrent) setLink({ state: 'unreachable' });
      });
    return () => {
      isCurrent = false;
    };
  }, [props.origin, props.fetcher]);

  const testPrint = (): void => {
    setTest('printing');
    void bridge.testPrint().then((result) => {
      setTest(result);
      void bridge.info().then(props.onInfo);
    });
  };

  const status = info.printerStatus;
  return (
    <div className="diagnostics-overview">
      <Section id="diagnostics-version" title={T.version}>
        <dl>
          <Row label={T.kioskProgram}>
            Lượt kiosk {info.kioskVersion} · Electron {info.electronVersion} · {info.platform}
          </Row>
        </dl>
      </Section>
      <Section id="diagnostics-server" title={T.server}>
        <dl>
          <Row label={T.serverAddress} className="diagnostics-mono">
            {info.serverUrl}
          </Row>
          <Row
            label={T.serverLink}
            className={
              link.state === 'unreachable'
                ? 'diagnostics-fault'
                : link.state === 'reachable'
                  ? 'diagnostics-ok'
                  : ''
            }
            data-link={link.state}
          >
            <Both
              text={
                link.state === 'checking'
                  ? T.checking
                  : link.state === 'reachable'
                    ? fill(T.serverReachable, { ms: link.ms, version: link.version })
                    : T.serverUnreachable
              }
            />
          </Row>
        </dl>
      </Section>
      <Section id="diagnostics-printer" title={T.printer}>
        <dl>
          <Row label={T.connection} className="diagnostics-mono">
            {info.printerDescription}
          </Row>
          <Row label={T.paper}>{info.paperWidthMm} mm</Row>
          <Row
            label={T.status}
            className={
              status.state === 'ok' || status.state === 'paper_low' ? 'diagnostics-ok' : 'diagnostics-fault'
            }
            data-printer-state={status.state}
          >
            <span lang="vi">{printerText('vi', status.state)}</span>
            <span lang="en" className="diagnostics-en">
              {printerText('en', status.state)}
            </span>
            <span className="diagnostics-detail diagnostics-mono">{status.detail}</span>
          </Row>
        </dl>
        {test === 'idle' ? null : (
          <p
            role="status"
            className={test !== 'printing' && !test.ok ? 'diagnostics-fault' : 'diagnostics-ok'}
          >
            <Both
              text={
                test === 'printing'
                  ? T.printing
                  : test.ok
                    ? T.testPrinted
                    : fill(T.testFailed, { reason: `${test.failure}: ${test.status.detail}` })
              }
            />
          </p>
        )}
        <div className="diagnostics-actions">
          <button
            type="button"
            className="diagnostics-primary"
            disabled={test === 'printing'}
            onClick={testPrint}
          >
            <Both text={T.testPrint} />
          </button>
          <button type="button" onClick={props.onChoose}>
            <Both text={T.choosePrinter} />
          </button>
        </div>
      </Section>
      <Section id="diagnostics-files" title={T.files}>
        <p className="diagnostics-mono diagnostics-detail">{info.settingsFile}</p>
        <p className="diagnostics-mono diagnostics-detail">{info.logFile}</p>
      </Section>
    </div>
  );
}

function Section(props: { readonly id: string; readonly title: Bilingual; readonly children: ReactNode }) {
  return (
    <section className="diagnostics-section" aria-labelledby={props.id}>
      <h2 id={props.id}>
        <Both text={props.title} />
      </h2>
      {props.children}
    </section>
  );
}

/** One line of a definition list: the label in both languages, then the value. */
function Row(
  props: { readonly label: Bilingual; readonly children: ReactNode } & Omit<
    HTMLAttributes<HTMLElement>,
    'children'
  >,
) {
  const { label, children, ...attributes } = props;
  return (
    <>
      <dt>
        <Both text={label} />
      </dt>
      <dd {...attributes}>{children}</dd>
    </>
  );
}
