import type { ConnectionStatus } from '@luot/client';
import type { ClerkConfig, CounterConfig, CounterStatus } from '@luot/shared/domain';
import type { Locale } from '@luot/shared/text';
import { translate } from '@luot/shared/text';
import { ConnectionBadge } from './ConnectionBadge.tsx';
import { localized } from './text.ts';

/** Props of {@link TerminalHeader}. */
export interface TerminalHeaderProps {
  readonly counter: CounterConfig;
  readonly counterStatus: CounterStatus | null;
  readonly clerk: ClerkConfig | undefined;
  readonly status: ConnectionStatus;
  readonly locale: Locale;
  readonly onToggleLocale: () => void;
  /** Absent on the sign-in screen. */
  readonly signOut?: { readonly isEnabled: boolean; readonly onPress: () => void };
}

/** The counter's number and name (always visible), the clerk, the connection, language and sign-out. */
export function TerminalHeader({
  counter,
  counterStatus,
  clerk,
  status,
  locale,
  onToggleLocale,
  signOut,
}: TerminalHeaderProps) {
  return (
    <header className="header">
      <div className="header__counter">
        <span className="header__number" data-testid="counter-number">
          {counter.number}
        </span>
        <div>
          {/* The counter is what this screen is about; the sign-in screen has its own heading. */}
          {signOut ? (
            <h1 className="header__name" data-testid="counter-name">
              {localized(counter.name, locale)}
            </h1>
          ) : (
            <div className="header__name" data-testid="counter-name">
              {localized(counter.name, locale)}
            </div>
          )}
          {counterStatus && (
            <span className={`counter-state counter-state--${counterStatus}`}>
              {translate(locale, `counterState.${counterStatus}`)}
            </span>
          )}
        </div>
      </div>
      {clerk && (
        <div className="header__clerk" data-testid="clerk-name">
          <div className="header__clerk-name">
            {translate(locale, 'counter.header.clerk', { name: clerk.name })}
          </div>
          <div className="muted">{clerk.title}</div>
        </div>
      )}
      <div className="header__tools">
        <ConnectionBadge status={status} locale={locale} />
        <button
          type="button"
          className="button button--small"
          lang={locale === 'vi' ? 'en' : 'vi'}
          onClick={onToggleLocale}
        >
          {translate(locale, 'counter.header.language')}
        </button>
        {signOut && (
          <button
            type="button"
            className="button button--small"
            disabled={!signOut.isEnabled}
            title={signOut.isEnabled ? undefined : translate(locale, 'counter.header.signOutBusy')}
            onClick={signOut.onPress}
          >
            {translate(locale, 'counter.header.signOut')}
          </button>
        )}
      </div>
    </header>
  );
}
