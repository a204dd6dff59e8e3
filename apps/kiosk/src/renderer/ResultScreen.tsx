import type { HallConfig } from '@luot/shared/domain';
import { findService } from '@luot/shared/domain';
import type { Locale } from '@luot/shared/text';
import { localizedName, translate } from '@luot/shared/text';
import { formatMinuteRange } from '@luot/shared/ticket';
import type { IssuedTicket } from './issue-flow.ts';
import { canPrintIn } from './printer-port.ts';
import { printerText } from './reason-text.ts';
import { QrCode, TicketPreview } from './TicketPreview.tsx';

/** Props of the result screen. */
export type ResultScreenProps = {
  readonly issued: IssuedTicket;
  readonly config: HallConfig;
  readonly locale: Locale;
  readonly secondsLeft: number;
  readonly onDone: () => void;
};

/**
 * The number, huge; the service; how many are ahead and for how long; "please take your ticket" when a
 * printer printed it. When the printer failed after the server recorded the number, the number stays on
 * screen with the printer's reason, a plain instruction to note it, and the QR code of the status page,
 * so a phone can still follow the turn. In a browser (no printer) nothing speaks of a printer slot: the
 * ticket is shown beside the number, QR code included.
 */
export function ResultScreen(props: ResultScreenProps) {
  const { issued, locale, config } = props;
  const { ticket, wait } = issued;
  const service = findService(config, ticket.serviceId);
  const procedure = service?.procedures.find((candidate) => candidate.id === ticket.procedureId);
  const group = config.priorityGroups.find((candidate) => candidate.id === ticket.priorityGroupId);
  const ahead = formatMinuteRange({
    min: wait.peopleAhead,
    max: Math.max(wait.peopleAhead, wait.peopleAheadMax),
  });
  return (
    <main
      className={`kiosk-screen kiosk-result${issued.isScreenPrinted ? ' kiosk-result--with-preview' : ''}`}
      data-screen="result"
      lang={locale}
    >
      <div className="kiosk-result__main">
        <h1 className="kiosk-result__label">{translate(locale, 'kiosk.result.title')}</h1>
        <div className="kiosk-result__number" data-testid="ticket-number">
          {ticket.number}
        </div>
        {group ? (
          <div className="kiosk-result__priority" data-testid="ticket-priority">
            {translate(locale, 'kiosk.result.priority', { group: localizedName(group.name, locale) })}
          </div>
        ) : null}
        <div className="kiosk-result__service">
          {service ? localizedName(service.name, locale) : ticket.serviceId}
        </div>
        {procedure ? (
          <div className="kiosk-result__procedure">{localizedName(procedure.name, locale)}</div>
        ) : null}
        <div className="kiosk-result__facts">
          <div data-testid="people-ahead">
            {translate(locale, 'kiosk.result.peopleAhead', { count: ahead })}
          </div>
          <div data-testid="wait">
            {wait.minutes
              ? translate(locale, 'kiosk.result.wait', { range: formatMinuteRange(wait.minutes) })
              : translate(locale, 'kiosk.result.noCounter')}
          </div>
        </div>
        {!issued.isPrinted ? (
          <div className="kiosk-result__print-failed" role="alert" data-testid="print-failed">
            <div className="kiosk-result__print-failed-title">
              {translate(locale, 'kiosk.result.printFailed')}
            </div>
            {issued.printFailureState !== null && !canPrintIn(issued.printFailureState) ? (
              <div data-testid="print-failed-reason">{printerText(locale, issued.printFailureState)}</div>
            ) : null}
            <div>{translate(locale, 'kiosk.result.noteNumber')}</div>
          </div>
        ) : issued.isScreenPrinted ? (
          <p className="kiosk-result__screen-note" data-testid="screen-ticket">
            {translate(locale, 'kiosk.result.screenTicket')}
          </p>
        ) : (
          <div className="kiosk-result__take" data-testid="take-ticket">
            <span>{translate(locale, 'kiosk.result.takeTicket')}</span>
            <span className="kiosk-result__arrow" aria-hidden="true">
              ↓
            </span>
          </div>
        )}
        <div className="kiosk-result__footer">
          <span className="kiosk-result__countdown">
            {translate(locale, 'kiosk.result.returning', { seconds: props.secondsLeft })}
          </span>
          <button type="button" className="kiosk-result__done" data-testid="done" onClick={props.onDone}>
            {translate(locale, 'kiosk.result.done')}
          </button>
        </div>
      </div>
      {issued.isScreenPrinted ? (
        <TicketPreview ticket={issued.printable} caption={translate(locale, 'kiosk.result.preview')} />
      ) : !issued.isPrinted ? (
        <figure className="kiosk-result__qr" data-testid="status-qr">
          <QrCode payload={issued.printable.statusUrl} />
          <figcaption>{translate(locale, 'kiosk.result.followQr')}</figcaption>
        </figure>
      ) : null}
    </main>
  );
}
