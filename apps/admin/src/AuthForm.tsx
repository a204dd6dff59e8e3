import { useId, useState } from 'react';
import type { ReactNode } from 'react';
import { PASSWORD_LENGTH, passwordProblem } from '@luot/shared/domain';
import { passwordProblemText } from '@luot/shared/text';
import { useText } from './text.ts';

/** One text or password input of a sign-in form. */
export interface AuthField {
  readonly name: string;
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly type?: 'text' | 'password';
  readonly autoComplete: string;
  readonly autoFocus?: boolean;
}

/** The username input, as sign-in and the first manager both ask for it (focused first). */
export function usernameField(label: string, value: string, onChange: (value: string) => void): AuthField {
  return { name: 'username', label, autoComplete: 'username', value, onChange, autoFocus: true };
}

/** A new password typed twice, checked with the server's own rules as it is typed. */
export interface NewPassword {
  readonly password: string;
  readonly repeat: string;
  readonly setPassword: (value: string) => void;
  readonly setRepeat: (value: string) => void;
  /** Why it cannot be sent yet (too weak, or the two differ), in the console's language; null when fine. */
  readonly problem: string | null;
  /** Typed, acceptable and the same twice. */
  readonly isReady: boolean;
}

/**
 * The state of a new password: the shared rule (`passwordProblem`) and the repeat check, so the manager
 * learns why before sending; the server checks again.
 */
export function useNewPassword(context: {
  readonly username: string;
  readonly currentPassword?: string;
}): NewPassword {
  const { t, locale } = useText();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const weakness =
    password.length > 0
      ? passwordProblem(password, {
          username: context.username,
          ...(context.currentPassword ? { currentPassword: context.currentPassword } : {}),
        })
      : null;
  const problem =
    weakness !== null
      ? passwordProblemText(locale, weakness)
      : repeat.length > 0 && repeat !== password
        ? t('admin.password.mismatch')
        : null;
  return {
    password,
    repeat,
    setPassword,
    setRepeat,
    problem,
    isReady: password !== '' && weakness === null && repeat === password,
  };
}

/** The card every signed-out screen sits in: the language switch and the title first. */
export function AuthCard(props: {
  readonly title: string;
  readonly onToggleLocale?: (() => void) | undefined;
  readonly children: ReactNode;
  /** Render the card as a form (sign-in, password) rather than a plain section (a notice). */
  readonly onSubmit?: () => void;
}) {
  const { locale } = useText();
  const titleId = useId();
  const content = (
    <>
      {props.onToggleLocale && (
        <button type="button" className="link locale" onClick={props.onToggleLocale}>
          {locale === 'vi' ? 'English' : 'Tiếng Việt'}
        </button>
      )}
      <h1 id={titleId}>{props.title}</h1>
      {props.children}
    </>
  );
  const onSubmit = props.onSubmit;
  return (
    <main className="auth">
      {onSubmit ? (
        <form
          className="auth-card"
          aria-labelledby={titleId}
          onSubmit={(event) => {
            event.preventDefault();
            onSubmit();
          }}
        >
          {content}
        </form>
      ) : (
        <section className="auth-card" aria-labelledby={titleId}>
          {content}
        </section>
      )}
    </main>
  );
}

/**
 * The one form of the signed-out screens (sign-in, first manager, password change): its inputs, an
 * optional new password typed twice with the shared rules' sentence, the problem (the local one first,
 * then the server's), and the submit button, enabled only when `canSubmit` and a new password is ready.
 */
export function AuthForm(props: {
  readonly title: string;
  readonly intro?: ReactNode;
  readonly fields: readonly AuthField[];
  readonly newPassword?: NewPassword;
  readonly problem: string | null;
  readonly canSubmit: boolean;
  readonly isBusy: boolean;
  readonly submitLabel: string;
  readonly onSubmit: () => void;
  readonly onToggleLocale?: (() => void) | undefined;
  readonly onCancel?: (() => void) | undefined;
}) {
  const { t } = useText();
  const { newPassword } = props;
  const shown = newPassword?.problem ?? props.problem;
  const input = (field: AuthField) => (
    <label key={field.name}>
      {field.label}
      <input
        name={field.name}
        type={field.type ?? 'text'}
        autoComplete={field.autoComplete}
        value={field.value}
        onChange={(e) => field.onChange(e.target.value)}
        autoFocus={field.autoFocus}
      />
    </label>
  );
  return (
    <AuthCard title={props.title} onToggleLocale={props.onToggleLocale} onSubmit={props.onSubmit}>
      {props.intro}
      {props.fields.map(input)}
      {newPassword && (
        <>
          {input({
            name: 'new',
            label: t('admin.password.new'),
            type: 'password',
            autoComplete: 'new-password',
            value: newPassword.password,
            onChange: newPassword.setPassword,
          })}
          {input({
            name: 'repeat',
            label: t('admin.password.repeat'),
            type: 'password',
            autoComplete: 'new-password',
            value: newPassword.repeat,
            onChange: newPassword.setRepeat,
          })}
          <p className="muted small">{t('admin.password.rules', { min: PASSWORD_LENGTH.min })}</p>
        </>
      )}
      {shown && (
        <p className="problem" role="alert">
          {shown}
        </p>
      )}
      <button
        className="primary"
        type="submit"
        disabled={props.isBusy || !props.canSubmit || (newPassword !== undefined && !newPassword.isReady)}
      >
        {props.submitLabel}
      </button>
      {props.onCancel && (
        <button type="button" className="link" onClick={props.onCancel}>
          {t('admin.common.cancel')}
        </button>
      )}
    </AuthCard>
  );
}
