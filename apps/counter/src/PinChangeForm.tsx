import { useState } from 'react';
import { PIN_LENGTH, pinProblem } from '@luot/shared/domain';
import type { Locale } from '@luot/shared/text';
import { pinProblemText, translate } from '@luot/shared/text';
import { PinField, PinFormCard } from './PinForm.tsx';

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
  const weakness = newPin.length >= PIN_LENGTH.min ? pinProblem(newPin) : null;
  const isMismatch = repeat.length >= newPin.length && repeat.length > 0 && repeat !== newPin;
  const problem =
    weakness !== null
      ? pinProblemText(locale, weakness)
      : isMismatch
        ? translate(locale, 'counter.pinChange.mismatch')
        : null;
  const canSubmit =
    isOnline && !isWorking && newPin.length >= PIN_LENGTH.min && weakness === null && repeat === newPin;

  return (
    <PinFormCard
      locale={locale}
      title={translate(locale, 'counter.pinChange.title')}
      titleId="pin-change-title"
      isWorking={isWorking}
      canSubmit={canSubmit}
      submitLabel={translate(locale, 'counter.pinChange.submit')}
      error={problem ?? error}
      errorTestId="pin-change-error"
      onSubmit={() => props.onChangePin(newPin)}
      footer={
        <button type="button" className="button" onClick={props.onCancel}>
          {translate(locale, 'counter.pinChange.back')}
        </button>
      }
    >
      <p className="notice notice--info" data-testid="pin-change-intro">
        {translate(locale, 'counter.pinChange.intro', { username: props.username })}
      </p>
      <PinField
        label={translate(locale, 'counter.pinChange.newPin')}
        name="new-pin"
        autoComplete="new-password"
        isAutoFocused
        value={newPin}
        describedBy="pin-change-rules"
        onChange={setNewPin}
      />
      <p className="sign-in__hint" id="pin-change-rules">
        {translate(locale, 'counter.pinChange.rules')}
      </p>
      <PinField
        label={translate(locale, 'counter.pinChange.repeat')}
        name="repeat-pin"
        autoComplete="new-password"
        value={repeat}
        onChange={setRepeat}
      />
    </PinFormCard>
  );
}
