import type { Locale } from '@luot/shared/text';
import { translate } from '@luot/shared/text';
import type { Refusal } from './issue-flow.ts';
import { refusalText } from './reason-text.ts';

/** Props of the refusal screen. */
export type RefusalScreenProps = {
  readonly refusal: Refusal;
  readonly locale: Locale;
  readonly secondsLeft: number;
  /** Offered when trying again can help (not for a printer without paper). */
  readonly onRetry: (() => void) | null;
  readonly onDone: () => void;
};

/** No ticket came out: say why in plain words, say clearly that no number was issued, offer the way on. */
export function RefusalScreen(props: RefusalScreenProps) {
  const { locale } = props;
  return (
    <main className="kiosk-screen kiosk-refusal" data-screen="refused" lang={locale}>
      <div className="kiosk-refusal__icon" aria-hidden="true">
        !
      </div>
      <h1 className="kiosk-refusal__title">{translate(locale, 'kiosk.refused.title')}</h1>
      <p className="kiosk-refusal__reason" role="alert" data-testid="refusal-reason">
        {refusalText(locale, props.refusal)}
      </p>
      <p className="kiosk-refusal__note">{translate(locale, 'kiosk.refused.noTicket')}</p>
      <div className="kiosk-refusal__actions">
        {props.onRetry ? (
          <button type="button" className="kiosk-refusal__retry" data-testid="retry" onClick={props.onRetry}>
            {translate(locale, 'kiosk.refused.tryAgain')}
          </button>
        ) : null}
        <button type="button" className="kiosk-refusal__done" data-testid="done" onClick={props.onDone}>
          {translate(locale, 'kiosk.nav.home')}
        </button>
      </div>
      <p className="kiosk-refusal__countdown">
        {translate(locale, 'kiosk.result.returning', { seconds: props.secondsLeft })}
      </p>
    </main>
  );
}
