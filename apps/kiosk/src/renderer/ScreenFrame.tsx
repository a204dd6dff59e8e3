import type { ReactNode } from 'react';
import type { Locale } from '@luot/shared/text';
import { formatDate, formatTimeVi, translate } from '@luot/shared/text';

/** Props of the frame every kiosk screen sits in. */
export type ScreenFrameProps = {
  /** A stable name for tests and screenshots (`data-screen`). */
  readonly name: string;
  readonly hallName: string;
  readonly now: number;
  readonly timeZone: string;
  readonly locale: Locale;
  readonly onLocale: (locale: Locale) => void;
  /** A plain-language banner (lost connection) above the content. */
  readonly banner?: string | null;
  readonly onBack?: (() => void) | null;
  readonly onHome?: (() => void) | null;
  readonly children: ReactNode;
};

/** Header (hall, date and clock, language), an optional banner, the screen, and the back/home bar. */
export function ScreenFrame(props: ScreenFrameProps) {
  const { locale } = props;
  const hasNav = Boolean(props.onBack ?? props.onHome);
  return (
    <div className="kiosk-screen" data-screen={props.name} lang={locale}>
      <header className="kiosk-header">
        <div className="kiosk-header__hall">{props.hallName}</div>
        <div className="kiosk-header__clock">
          <span className="kiosk-header__date">{formatDate(props.now, props.timeZone, locale)}</span>
          <span className="kiosk-header__time">{formatTimeVi(props.now, props.timeZone)}</span>
        </div>
        <button
          type="button"
          className="kiosk-language"
          data-testid="language"
          onClick={() => props.onLocale(locale === 'vi' ? 'en' : 'vi')}
        >
          {translate(locale, 'kiosk.language.other')}
        </button>
      </header>
      {props.banner ? (
        <div className="kiosk-banner" role="alert">
          {props.banner}
        </div>
      ) : null}
      <main className="kiosk-body">{props.children}</main>
      {hasNav ? (
        <footer className="kiosk-nav">
          {props.onBack ? (
            <button type="button" className="kiosk-nav__button" data-testid="back" onClick={props.onBack}>
              <span aria-hidden="true">←</span> {translate(locale, 'kiosk.nav.back')}
            </button>
          ) : (
            <span />
          )}
          {props.onHome ? (
            <button
              type="button"
              className="kiosk-nav__button kiosk-nav__button--home"
              data-testid="home"
              onClick={props.onHome}
            >
              {translate(locale, 'kiosk.nav.home')}
            </button>
          ) : null}
        </footer>
      ) : null}
    </div>
  );
}
