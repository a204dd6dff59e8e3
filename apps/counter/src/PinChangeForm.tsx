import { useState } from 'react';
import { pinProblem } from '@luot/shared/domain';
import type { Locale } from '@luot/shared/text';
import { pinProblemText, translate } from '@luot/shared/text';

/** Props of {@link PinChangeForm}. */
export interface PinChangeFormProps {
  readonly username: string;
  readonly locale: Locale;
  readonly isOnline: boolean;
  readonly isWorking: boolean;
  /** Why the last attempt failed, already translated. */
  readonly error: string | null;
  readonly onChangePin: (newPin: string) => void;
  readonly onCancel: () => void;
}

/**
 * The clerk's own new PIN, asked after a right PIN that the manager set (issue 15): typed twice, checked
 * with the server's weak-PIN rules as it is typed, then sent with the sign-in that it completes.
 */
export function PinChangeForm(props: PinChangeFormProps) {
  const { locale, isOnline, isWorking, error } = props;
  const [newPin, setNewPin] = useState('');
  const [repeat, setRepeat] = useState('');
  const weakness = newPin.length >= 4 ? pinProblem(newPin) : null;
  const isMismatch = repeat.length >= newPin.length && repeat.length > 0 && repeat !== newPin;
  const problem =
    weakness !== null
      ? pinProblemText(locale, weakness)
      : isMismatch
        ? translate(locale, 'counter.pinChange.mismatch')
        : null;
  const canSubmit = isOnline && !isWorking && newPin.length >= 4 && weakness === null && repeat === newPin;
  const digitsOnly = (value: string): string => value.replace(/[^0-9]/g, '');

  return (
    <form
      className="sign-in__card"
      aria-labelledby="pin-change-title"
      onSubmit={(event) => {
        event.preventDefault();
        if (!canSubmit) return;
        props.onChangePin(newPin);
      }}
    >
      <h1 className="sign-in__title" id="pin-change-title">
        {translate(locale, 'counter.pinChange.title')}
      </h1>
      <p className="notice notice--info" data-testid="pin-change-intro">
        {translate(locale, 'counter.pinChange.intro', { username: props.username })}
      </p>
      <label className="field">
        <span className="field__label">{translate(locale, 'counter.pinChange.newPin')}</span>
        <input
          name="new-pin"
          type="password"
          inputMode="numeric"
          autoComplete="new-password"
          autoFocus
          maxLength={8}
          value={newPin}
          aria-describedby="pin-change-rules"
          onChange={(event) => setNewPin(digitsOnly(event.target.value))}
        />
      </label>
      <p className="sign-in__hint" id="pin-change-rules">
        {translate(locale, 'counter.pinChange.rules')}
      </p>
      <label className="field">
        <span className="field__label">{translate(locale, 'counter.pinChange.repeat')}</span>
        <input
          name="repeat-pin"
          type="password"
          inputMode="numeric"
          autoComplete="new-password"
          maxLength={8}
          value={repeat}
          onChange={(event) => setRepeat(digitsOnly(event.target.value))}
        />
      </label>
      {(problem ?? error) && (
        <p className="form__error" role="alert" data-testid="pin-change-error">
          {problem ?? error}
        </p>
      )}
      <button type="submit" className="button button--primary button--large" disabled={!canSubmit}>
        {isWorking
          ? translate(locale, 'counter.signIn.working')
          : translate(locale, 'counter.pinChange.submit')}
      </button>
      <button type="button" className="button" onClick={props.onCancel}>
        {translate(locale, 'counter.pinChange.back')}
      </button>
    </form>
  );
}
