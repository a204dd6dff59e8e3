import type { Locale } from '@luot/shared/text';
import { formatDate, formatTimeVi, translate } from '@luot/shared/text';

/** Why the kiosk cannot give tickets right now, shown instead of the start button. */
export type KioskUnavailable = { readonly message: string } | null;

/** Props of the welcome screen. */
export type WelcomeScreenProps = {
  readonly hallName: string;
  readonly now: number;
  readonly timeZone: string;
  readonly locale: Locale;
  readonly onLocale: (locale: Locale) => void;
  readonly unavailable: KioskUnavailable;
  /** True in a plain browser: no printer, the ticket appears on screen. */
  readonly isScreenPrinter: boolean;
  readonly onStart: () => void;
};

/**
 * The first thing a visitor sees: the hall's name, today's date and the time, and one obvious way to
 * start that fills half the screen. When the kiosk cannot give tickets (no server, no paper) it says so
 * here, before anyone chooses a service.
 */
export function WelcomeScreen(props: WelcomeScreenProps) {
  const { locale } = props;
  return (
    <main className="kiosk-screen kiosk-welcome" data-screen="welcome" lang={locale}>
      <div className="kiosk-welcome__top">
        <button
          type="button"
          className="kiosk-language"
          data-testid="language"
          onClick={() => props.onLocale(locale === 'vi' ? 'en' : 'vi')}
        >
          {translate(locale, 'kiosk.language.other')}
        </button>
      </div>
      <div className="kiosk-welcome__greeting">{translate(locale, 'kiosk.welcome.greeting')}</div>
      <h1 className="kiosk-welcome__hall">{props.hallName}</h1>
      <div className="kiosk-welcome__clock">
        <span className="kiosk-welcome__date">{formatDate(props.now, props.timeZone, locale)}</span>
        <span className="kiosk-welcome__time" data-testid="clock">
          {formatTimeVi(props.now, props.timeZone)}
        </span>
      </div>
      {props.unavailable ? (
        <div className="kiosk-welcome__unavailable" role="alert" data-testid="unavailable">
          <div className="kiosk-welcome__unavailable-title">
            {translate(locale, 'kiosk.unavailable.title')}
          </div>
          <div className="kiosk-welcome__unavailable-reason">{props.unavailable.message}</div>
        </div>
      ) : (
        <button type="button" className="kiosk-welcome__start" data-testid="start" onClick={props.onStart}>
          <span className="kiosk-welcome__start-icon" aria-hidden="true">
            ☝
          </span>
          <span className="kiosk-welcome__start-label">{translate(locale, 'kiosk.welcome.start')}</span>
        </button>
      )}
      {props.unavailable ? null : (
        <p className="kiosk-welcome__hint">
          {translate(locale, props.isScreenPrinter ? 'kiosk.welcome.hintScreen' : 'kiosk.welcome.hint')}
        </p>
      )}
    </main>
  );
}
