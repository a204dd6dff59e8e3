import { useEffect, useState, type ReactNode } from 'react';
import type {
  BridgePrinterChoice,
  DiagnosticsBridge,
  DiagnosticsInfo,
  PrinterChoices,
} from '../../bridge.ts';
import { printerText } from '../reason-text.ts';
import { DIAGNOSTICS_TEXT as T, fill, type Bilingual } from './diagnostics-text.ts';
import { Both } from './Both.tsx';

type Props = {
  readonly bridge: DiagnosticsBridge;
  readonly paperWidthMm: 58 | 80;
  readonly onChosen: (info: DiagnosticsInfo) => void;
  readonly onBack: () => void;
};

/**
 * The kiosk's printer settings: the printers Windows has installed (each keeps its vendor driver), the
 * USB devices with their hex ids (for a printer on WinUSB or Linux), or a network printer. The choice is
 * written to the kiosk's settings file by the main process and used at once.
 */
export function PrinterChoiceList(props: Props) {
  const { bridge } = props;
  const [choices, setChoices] = useState<PrinterChoices | null>(null);
  const [paperWidthMm, setPaperWidthMm] = useState<58 | 80>(props.paperWidthMm);
  const [host, setHost] = useState('');
  const [port, setPort] = useState('9100');
  const [outcome, setOutcome] = useState<{ ok: boolean; text: { vi: string; en: string } } | null>(null);
  const [isSaving, setIsSaving] = useState(false);

  useEffect(() => {
    let isCurrent = true;
    void bridge.printers().then((loaded) => {
      if (isCurrent) setChoices(loaded);
    });
    return () => {
      isCurrent = false;
    };
  }, [bridge]);

  const choose = (choice: BridgePrinterChoice): void => {
    setIsSaving(true);
    void bridge.choosePrinter(choice).then((result) => {
      setIsSaving(false);
      if (result.ok) {
        setOutcome({ ok: true, text: fill(T.saved, { printer: result.info.printerDescription }) });
        props.onChosen(result.info);
      } else {
        setOutcome({ ok: false, text: fill(T.notSaved, { reason: result.reason }) });
      }
    });
  };

  return (
    <section className="diagnostics-section" aria-labelledby="diagnostics-choose">
      <h2 id="diagnostics-choose">
        <Both text={T.choosePrinter} />
      </h2>
      <fieldset className="diagnostics-paper">
        <legend>
          <Both text={T.paper} />
        </legend>
        {([80, 58] as const).map((width) => (
          <label key={width} className="diagnostics-radio">
            <input
              type="radio"
              name="paper"
              checked={paperWidthMm === width}
              onChange={() => setPaperWidthMm(width)}
            />
            {width} mm
          </label>
        ))}
      </fieldset>
      {outcome ? (
        <p role="status" className={outcome.ok ? 'diagnostics-ok' : 'diagnostics-fault'}>
          <Both text={outcome.text} />
        </p>
      ) : null}
      {choices === null ? (
        <p role="status">
          <Both text={T.loading} />
        </p>
      ) : (
        <>
          <ChoiceGroup
            title={T.windowsPrinters}
            hint={T.windowsHint}
            problem={choices.windows.problem}
            items={choices.windows.printers.map((printer) => ({
              key: printer.name,
              name: <strong>{printer.name}</strong>,
              badge: printer.isDefault ? T.defaultPrinter : null,
              detail: `${printer.portName} · ${printer.driverName} · ${printerText('vi', printer.status.state)}`,
              actions: [
                {
                  text: T.useRaw,
                  choice: { kind: 'windows', printerName: printer.name, mode: 'raw', paperWidthMm },
                },
                {
                  text: T.useDriver,
                  choice: { kind: 'windows', printerName: printer.name, mode: 'driver', paperWidthMm },
                },
              ],
            }))}
            isSaving={isSaving}
            onChoose={choose}
          />
          <ChoiceGroup
            title={T.usbDevices}
            hint={null}
            problem={choices.usb.problem}
            items={choices.usb.devices.map((device) => ({
              key: device.id,
              name: <strong className="diagnostics-mono">{device.id}</strong>,
              badge: device.isPrinterClass ? T.usbPrinterClass : null,
              detail: null,
              actions: [
                {
                  text: T.useUsb,
                  choice: {
                    kind: 'usb',
                    vendorId: device.vendorId,
                    productId: device.productId,
                    paperWidthMm,
                  },
                },
              ],
            }))}
            isSaving={isSaving}
            onChoose={choose}
          />
          <h3>
            <Both text={T.network} />
          </h3>
          <form
            className="diagnostics-network"
            onSubmit={(event) => {
              event.preventDefault();
              choose({ kind: 'tcp', host: host.trim(), port: Number(port), paperWidthMm });
            }}
          >
            <label>
              <Both text={T.host} />
              <input
                value={host}
                inputMode="decimal"
                autoComplete="off"
                onChange={(event) => setHost(event.target.value)}
              />
            </label>
            <label>
              <Both text={T.port} />
              <input
                value={port}
                inputMode="numeric"
                autoComplete="off"
                onChange={(event) => setPort(event.target.value)}
              />
            </label>
            <button type="submit" disabled={isSaving || host.trim() === ''}>
              <Both text={T.useNetwork} />
            </button>
          </form>
        </>
      )}
      <div className="diagnostics-actions">
        <button type="button" className="diagnostics-secondary" onClick={props.onBack}>
          <Both text={T.back} />
        </button>
      </div>
    </section>
  );
}

type Choice = {
  readonly key: string;
  readonly name: ReactNode;
  readonly badge: Bilingual | null;
  readonly detail: string | null;
  /** One button per way to use it; the first is the usual one. */
  readonly actions: readonly { readonly text: Bilingual; readonly choice: BridgePrinterChoice }[];
};

/** One kind of printer the kiosk can use, listed with a button per way to use each. */
function ChoiceGroup(props: {
  readonly title: Bilingual;
  readonly hint: Bilingual | null;
  readonly problem: string | null;
  readonly items: readonly Choice[];
  readonly isSaving: boolean;
  readonly onChoose: (choice: BridgePrinterChoice) => void;
}) {
  return (
    <>
      <h3>
        <Both text={props.title} />
      </h3>
      {props.hint ? (
        <p className="diagnostics-hint">
          <Both text={props.hint} />
        </p>
      ) : null}
      {props.problem ? (
        <p className="diagnostics-hint">
          <Both text={fill(T.listProblem, { reason: props.problem })} />
        </p>
      ) : null}
      <ul className="diagnostics-list" aria-label={`${props.title.vi} / ${props.title.en}`}>
        {props.items.length === 0 ? (
          <li>
            <Both text={T.none} />
          </li>
        ) : null}
        {props.items.map((item) => (
          <li key={item.key}>
            <div className="diagnostics-item">
              {item.name}
              {item.badge ? (
                <span className="diagnostics-badge">{`${item.badge.vi} / ${item.badge.en}`}</span>
              ) : null}
              {item.detail ? <span className="diagnostics-detail">{item.detail}</span> : null}
            </div>
            <div className="diagnostics-actions">
              {item.actions.map((action, index) => (
                <button
                  key={action.text.en}
                  type="button"
                  className={index === 0 ? undefined : 'diagnostics-secondary'}
                  disabled={props.isSaving}
                  onClick={() => props.onChoose(action.choice)}
                >
                  <Both text={action.text} />
                </button>
              ))}
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
