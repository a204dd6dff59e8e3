import { useState } from 'react';
import type { ConnectionStatus } from '@luot/client';
import type { ClerkConfig, CounterConfig, CounterStatus } from '@luot/shared/domain';
import { PIN_LENGTH } from '@luot/shared/domain';
import type { Locale } from '@luot/shared/text';
import { translate } from '@luot/shared/text';
import { OfflineBanner } from './ConnectionBadge.tsx';
import { PinChangeForm } from './PinChangeForm.tsx';
import { PinField, PinFormCard } from './PinForm.tsx';
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
  const canSubmit = isOnline && !isWorking && username.trim() !== '' && pin.length >= PIN_LENGTH.min;

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
          <PinFormCard
            locale={locale}
            title={translate(locale, 'counter.signIn.title')}
            isWorking={isWorking}
            canSubmit={canSubmit}
            submitLabel={translate(locale, 'counter.signIn.submit')}
            error={error}
            errorTestId="sign-in-error"
            onSubmit={() => {
              props.onSignIn(username.trim(), pin);
              setPin('');
            }}
          >
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
            <PinField
              label={translate(locale, 'counter.signIn.pin')}
              name="pin"
              autoComplete="current-password"
              value={pin}
              onChange={setPin}
            />
          </PinFormCard>
        )}
      </main>
    </div>
  );
}
