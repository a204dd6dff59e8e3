import { useState } from 'react';
import type { ConnectionStatus } from '@luot/client';
import type { ClerkConfig, CounterConfig, CounterStatus } from '@luot/shared/domain';
import type { Locale } from '@luot/shared/text';
import { translate } from '@luot/shared/text';
import { OfflineBanner } from './ConnectionBadge.tsx';
import { PinChangeForm } from './PinChangeForm.tsx';
import { TerminalHeader } from './TerminalHeader.tsx';
import type { SessionNotice } from './session-notice.ts';
import { sessionNoticeText } from './session-notice.ts';

/** Props of {@link SignInScreen}. */
export interface SignInScreenProps {
  readonly counter: CounterConfig;
  readonly counterStatus: CounterStatus | null;
  readonly status: ConnectionStatus;
  readonly locale: Locale;
  /** A clerk signed in to this counter on another terminal: signing in here takes the session over. */
  readonly otherClerk: ClerkConfig | undefined;
  readonly notice: SessionNotice | null;
  readonly isWorking: boolean;
  /** Why the last attempt failed, already translated. */
  readonly error: string | null;
  readonly onSignIn: (username: string, pin: string) => void;
  /**
   * The right PIN was one the manager set: the clerk (this username) chooses their own before the sign-in
   * goes through. Null otherwise.
   */
  readonly pinChangeFor?: string | null;
  readonly onChangePin?: (newPin: string) => void;
  readonly onCancelPinChange?: () => void;
  readonly onDismissNotice: () => void;
  readonly onToggleLocale: () => void;
}

/** Username + PIN on a terminal paired to a counter; the counter's number and name stay on top. */
export function SignInScreen(props: SignInScreenProps) {
  const { counter, counterStatus, status, locale, otherClerk, notice, isWorking, error } = props;
  const [username, setUsername] = useState('');
  const [pin, setPin] = useState('');
  const isOnline = status === 'online';
  const canSubmit = isOnline && !isWorking && username.trim() !== '' && /^[0-9]{4,8}$/.test(pin);

  return (
    <div className="terminal terminal--signed-out">
      <TerminalHeader
        counter={counter}
        counterStatus={counterStatus}
        clerk={undefined}
        status={status}
        locale={locale}
        onToggleLocale={props.onToggleLocale}
      />
      {!isOnline && <OfflineBanner locale={locale} />}
      <main className="sign-in">
        {props.pinChangeFor ? (
          <PinChangeForm
            username={props.pinChangeFor}
            locale={locale}
            isOnline={isOnline}
            isWorking={isWorking}
            error={error}
            onChangePin={(newPin) => props.onChangePin?.(newPin)}
            onCancel={() => props.onCancelPinChange?.()}
          />
        ) : (
          <form
            className="sign-in__card"
            onSubmit={(event) => {
              event.preventDefault();
              if (!canSubmit) return;
              props.onSignIn(username.trim(), pin);
              setPin('');
            }}
          >
            <h1 className="sign-in__title">{translate(locale, 'counter.signIn.title')}</h1>
            {notice && (
              <div className={`notice notice--${notice.kind}`} role="alert" data-testid="session-notice">
                <span>{sessionNoticeText(locale, notice)}</span>
                <button type="button" className="button button--small" onClick={props.onDismissNotice}>
                  {translate(locale, 'counter.session.dismiss')}
                </button>
              </div>
            )}
            {otherClerk && (
              <p className="notice notice--info" data-testid="takeover-warning">
                {translate(locale, 'counter.signIn.takeover', { name: otherClerk.name })}
              </p>
            )}
            <label className="field">
              <span className="field__label">{translate(locale, 'counter.signIn.username')}</span>
              <input
                name="username"
                type="text"
                autoComplete="username"
                autoCapitalize="none"
                spellCheck={false}
                autoFocus
                value={username}
                onChange={(event) => setUsername(event.target.value)}
              />
            </label>
            <label className="field">
              <span className="field__label">{translate(locale, 'counter.signIn.pin')}</span>
              <input
                name="pin"
                type="password"
                inputMode="numeric"
                autoComplete="current-password"
                maxLength={8}
                value={pin}
                onChange={(event) => setPin(event.target.value.replace(/[^0-9]/g, ''))}
              />
            </label>
            {error && (
              <p className="form__error" role="alert" data-testid="sign-in-error">
                {error}
              </p>
            )}
            <button type="submit" className="button button--primary button--large" disabled={!canSubmit}>
              {isWorking
                ? translate(locale, 'counter.signIn.working')
                : translate(locale, 'counter.signIn.submit')}
            </button>
          </form>
        )}
      </main>
    </div>
  );
}
