import { useEffect, useState } from 'react';
import type {
  BridgePrinterChoice,
  DiagnosticsBridge,
  DiagnosticsInfo,
  PrinterChoices,
} from '../../bridge.ts';
import { printerText } from '../reason-text.ts';
import { DIAGNOSTICS_TEXT as T, fill } from './diagnostics-text.ts';
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
          <h3>
            <Both text={T.windowsPrinters} />
          </h3>
          <p className="diagnostics-hint">
            <Both text={T.windowsHint} />
          </p>
          {choices.windows.problem ? (
            <p className="diagnostics-hint">
              <Both text={fill(T.listProblem, { reason: choices.windows.problem })} />
            </p>
          ) : null}
          <ul className="diagnostics-list" aria-label={`${T.windowsPrinters.vi} / ${T.windowsPrinters.en}`}>
            {choices.windows.printers.length === 0 ? (
              <li>
                <Both text={T.none} />
              </li>
            ) : null}
            {choices.windows.printers.map((printer) => (
              <li key={printer.name}>
                <div className="diagnostics-item">
                  <strong>{printer.name}</strong>
                  {printer.isDefault ? (
                    <span className="diagnostics-badge">{`${T.defaultPrinter.vi} / ${T.defaultPrinter.en}`}</span>
                  ) : null}
                  <span className="diagnostics-detail">
                    {printer.portName} · {printer.driverName} · {printerText('vi', printer.status.state)}
                  </span>
                </div>
                <div className="diagnostics-actions">
                  <button
                    type="button"
                    disabled={isSaving}
                    onClick={() =>
                      choose({ kind: 'windows', printerName: printer.name, mode: 'raw', paperWidthMm })
                    }
                  >
                    <Both text={T.useRaw} />
                  </button>
                  <button
                    type="button"
                    className="diagnostics-secondary"
                    disabled={isSaving}
                    onClick={() =>
                      choose({ kind: 'windows', printerName: printer.name, mode: 'driver', paperWidthMm })
                    }
                  >
                    <Both text={T.useDriver} />
                  </button>
                </div>
              </li>
            ))}
          </ul>
          <h3>
            <Both text={T.usbDevices} />
          </h3>
          {choices.usb.problem ? (
            <p className="diagnostics-hint">
              <Both text={fill(T.listProblem, { reason: choices.usb.problem })} />
            </p>
          ) : null}
          <ul className="diagnostics-list" aria-label={`${T.usbDevices.vi} / ${T.usbDevices.en}`}>
            {choices.usb.devices.length === 0 ? (
              <li>
                <Both text={T.none} />
              </li>
            ) : null}
            {choices.usb.devices.map((device) => (
              <li key={device.id}>
                <div className="diagnostics-item">
                  <strong className="diagnostics-mono">{device.id}</strong>
                  {device.isPrinterClass ? (
                    <span className="diagnostics-badge">{`${T.usbPrinterClass.vi} / ${T.usbPrinterClass.en}`}</span>
                  ) : null}
                </div>
                <div className="diagnostics-actions">
                  <button
                    type="button"
                    disabled={isSaving}
                    onClick={() =>
                      choose({
                        kind: 'usb',
                        vendorId: device.vendorId,
                        productId: device.productId,
                        paperWidthMm,
                      })
                    }
                  >
                    <Both text={T.useUsb} />
                  </button>
                </div>
              </li>
            ))}
          </ul>
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
