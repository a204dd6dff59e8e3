import type { ReactNode } from 'react';
import { PIN_LENGTH } from '@luot/shared/domain';
import type { Locale } from '@luot/shared/text';
import { translate } from '@luot/shared/text';

/** Props of {@link PinFormCard}. */
export interface PinFormCardProps {
  readonly locale: Locale;
  readonly title: string;
  /** The id of the title, when the form is labelled by it. */
  readonly titleId?: string;
  readonly isWorking: boolean;
  readonly canSubmit: boolean;
  readonly submitLabel: string;
  /** What to show under the fields: the rule broken as the clerk types, or why the last attempt failed. */
  readonly error: string | null;
  readonly errorTestId: string;
  readonly onSubmit: () => void;
  /** The fields, between the title and the error. */
  readonly children: ReactNode;
  /** Under the submit button (a way back). */
  readonly footer?: ReactNode;
}

/**
 * The card every PIN form of the terminal is (sign-in, the clerk's own new PIN): title, fields, the error
 * as an alert, and one large submit button that says when the server is being asked.
 */
export function PinFormCard(props: PinFormCardProps) {
  const { locale, isWorking, canSubmit, error } = props;
  return (
    <form
      className="sign-in__card"
      aria-labelledby={props.titleId}
      onSubmit={(event) => {
        event.preventDefault();
        if (!canSubmit) return;
        props.onSubmit();
      }}
    >
      <h1 className="sign-in__title" id={props.titleId}>
        {props.title}
      </h1>
      {props.children}
      {error && (
        <p className="form__error" role="alert" data-testid={props.errorTestId}>
          {error}
        </p>
      )}
      <button type="submit" className="button button--primary button--large" disabled={!canSubmit}>
        {isWorking ? translate(locale, 'counter.signIn.working') : props.submitLabel}
      </button>
      {props.footer}
    </form>
  );
}

/** Props of {@link PinField}. */
export interface PinFieldProps {
  readonly label: string;
  readonly name: string;
  /** `current-password` to sign in, `new-password` for a PIN being chosen. */
  readonly autoComplete: 'current-password' | 'new-password';
  readonly value: string;
  readonly onChange: (digits: string) => void;
  readonly isAutoFocused?: boolean;
  readonly describedBy?: string;
}

/** A PIN input: hidden, the numeric keypad on a touch screen, digits only, no longer than the shared PIN rule allows. */
export function PinField(props: PinFieldProps) {
  return (
    <label className="field">
      <span className="field__label">{props.label}</span>
      <input
        name={props.name}
        type="password"
        inputMode="numeric"
        autoComplete={props.autoComplete}
        autoFocus={props.isAutoFocused}
        maxLength={PIN_LENGTH.max}
        value={props.value}
        aria-describedby={props.describedBy}
        onChange={(event) => props.onChange(event.target.value.replace(/[^0-9]/g, ''))}
      />
    </label>
  );
}
