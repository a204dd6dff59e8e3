import { useState } from 'react';
import { PASSWORD_LENGTH, passwordProblem } from '@luot/shared/domain';
import { passwordProblemText, translateErrorCode } from '@luot/shared/text';
import { AdminApi } from './api.ts';
import type { Manager } from './api.ts';
import { useText } from './text.ts';

/**
 * A hall without a manager (a new production hall). On the server PC the console creates the first
 * manager here and signs in; from any other machine it says to do that on the server PC, because
 * whoever reaches the hall Wi-Fi first must not take the hall.
 */
export function FirstStartScreen(props: {
  isServerPc: boolean;
  onSignedIn: (token: string, manager: Manager) => void;
  onToggleLocale: () => void;
}) {
  const { t, locale } = useText();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const weakness = password.length > 0 ? passwordProblem(password, { username: username.trim() }) : null;
  const localProblem =
    weakness !== null
      ? passwordProblemText(locale, weakness)
      : repeat.length > 0 && repeat !== password
        ? t('admin.password.mismatch')
        : null;

  const submit = async (): Promise<void> => {
    setBusy(true);
    setProblem(null);
    const api = new AdminApi(null);
    const created = await api.createFirstManager(username.trim(), displayName.trim(), password);
    if (!created.ok) {
      setBusy(false);
      setProblem(translateErrorCode(locale, created.error.code));
      return;
    }
    const signedIn = await api.login(username.trim(), password);
    setBusy(false);
    if (signedIn.ok) props.onSignedIn(signedIn.value.token, signedIn.value.manager);
    else setProblem(translateErrorCode(locale, signedIn.error.code));
  };

  const localeButton = (
    <button type="button" className="link locale" onClick={props.onToggleLocale}>
      {locale === 'vi' ? 'English' : 'Tiếng Việt'}
    </button>
  );
  if (!props.isServerPc) {
    return (
      <main className="auth">
        <section className="auth-card" aria-labelledby="first-start-title">
          {localeButton}
          <h1 id="first-start-title">{t('admin.firstStart.title')}</h1>
          <p className="notice" role="status">
            {t('admin.firstStart.useServerPc')}
          </p>
          <p className="muted">{t('admin.firstStart.howOnServerPc')}</p>
        </section>
      </main>
    );
  }
  return (
    <main className="auth">
      <form
        className="auth-card"
        aria-labelledby="first-start-title"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        {localeButton}
        <h1 id="first-start-title">{t('admin.firstStart.title')}</h1>
        <p className="muted">{t('admin.firstStart.intro')}</p>
        <label>
          {t('admin.login.username')}
          <input
            name="username"
            autoComplete="username"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            autoFocus
          />
        </label>
        <label>
          {t('admin.firstStart.displayName')}
          <input
            name="display-name"
            autoComplete="name"
            value={displayName}
            onChange={(e) => setDisplayName(e.target.value)}
          />
        </label>
        <label>
          {t('admin.password.new')}
          <input
            type="password"
            name="new"
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
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
          disabled={isBusy || !username.trim() || password === '' || weakness !== null || repeat !== password}
        >
          {t('admin.firstStart.submit')}
        </button>
      </form>
    </main>
  );
}
