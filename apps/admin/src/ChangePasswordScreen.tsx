import { useState } from 'react';
import { PASSWORD_LENGTH, passwordProblem } from '@luot/shared/domain';
import { passwordProblemText, translateErrorCode } from '@luot/shared/text';
import type { Manager } from './api.ts';
import { AdminApi } from './api.ts';
import { useText } from './text.ts';

/** The password form; forced on first sign-in with the demo password. */
export function ChangePasswordScreen(props: {
  token: string;
  manager: Manager;
  onChanged: () => void;
  onExpired: () => void;
  onToggleLocale?: () => void;
  onCancel?: () => void;
}) {
  const { t, locale } = useText();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  // The server's own rules (shared), so the manager learns why before sending; the server checks again.
  const weakness =
    next.length > 0
      ? passwordProblem(next, {
          username: props.manager.username,
          ...(current ? { currentPassword: current } : {}),
        })
      : null;
  const localProblem =
    weakness !== null
      ? passwordProblemText(locale, weakness)
      : repeat.length > 0 && repeat !== next
        ? t('admin.password.mismatch')
        : null;

  const submit = async (): Promise<void> => {
    setBusy(true);
    const result = await new AdminApi(props.token, props.onExpired).changePassword(current, next);
    setBusy(false);
    if (result.ok) props.onChanged();
    else
      setProblem(
        result.error.code === 'VALIDATION_FAILED' || result.error.code === 'WEAK_PASSWORD'
          ? t('admin.password.rejected')
          : translateErrorCode(locale, result.error.code),
      );
  };

  return (
    <main className="auth">
      <form
        className="auth-card"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        {props.onToggleLocale && (
          <button type="button" className="link locale" onClick={props.onToggleLocale}>
            {locale === 'vi' ? 'English' : 'Tiếng Việt'}
          </button>
        )}
        <h1>{t('admin.password.title')}</h1>
        {props.manager.mustChangePassword && (
          <p className="notice">{t('admin.password.forced', { username: props.manager.username })}</p>
        )}
        <label>
          {t('admin.password.current')}
          <input
            type="password"
            name="current"
            autoComplete="current-password"
            value={current}
            onChange={(e) => setCurrent(e.target.value)}
          />
        </label>
        <label>
          {t('admin.password.new')}
          <input
            type="password"
            name="new"
            autoComplete="new-password"
            value={next}
            onChange={(e) => setNext(e.target.value)}
          />
        </label>
        <label>
          {t('admin.password.repeat')}
          <input
            type="password"
            name="repeat"
            autoComplete="new-password"
            value={repeat}
            onChange={(e) => setRepeat(e.target.value)}
          />
        </label>
        <p className="muted small">{t('admin.password.rules', { min: PASSWORD_LENGTH.min })}</p>
        {(localProblem ?? problem) && (
          <p className="problem" role="alert">
            {localProblem ?? problem}
          </p>
        )}
        <button
          className="primary"
          type="submit"
          disabled={isBusy || !current || next === '' || weakness !== null || next !== repeat}
        >
          {t('admin.password.submit')}
        </button>
        {props.onCancel && (
          <button type="button" className="link" onClick={props.onCancel}>
            {t('admin.common.cancel')}
          </button>
        )}
      </form>
    </main>
  );
}
