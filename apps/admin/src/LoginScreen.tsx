import { useEffect, useState } from 'react';
import { translateErrorCode } from '@luot/shared/text';
import type { Manager } from './api.ts';
import { AdminApi } from './api.ts';
import { AuthForm, usernameField } from './AuthForm.tsx';
import { FirstStartScreen } from './FirstStartScreen.tsx';
import { useText } from './text.ts';

/** Sign-in with username and password. */
export function LoginScreen(props: {
  notice: 'expired' | null;
  onSignedIn: (token: string, manager: Manager) => void;
  onToggleLocale: () => void;
}) {
  const { t, locale } = useText();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<string | null>(
    props.notice === 'expired' ? t('admin.login.expired') : null,
  );
  const [isBusy, setBusy] = useState(false);
  // A new hall has no manager: the first one is made on the server PC (issue 15).
  const [firstStart, setFirstStart] = useState<{ isServerPc: boolean } | null>(null);
  useEffect(() => {
    void new AdminApi(null).firstStart().then((result) => {
      if (result.ok && result.value.needsFirstManager) setFirstStart({ isServerPc: result.value.isServerPc });
    });
  }, []);

  const submit = async (): Promise<void> => {
    setBusy(true);
    const result = await new AdminApi(null).login(username, password);
    setBusy(false);
    if (result.ok) props.onSignedIn(result.value.token, result.value.manager);
    // A manager signs in with a password, not a clerk's PIN: say so.
    else if (result.error.code === 'BAD_CREDENTIALS') setProblem(t('admin.login.badCredentials'));
    else setProblem(translateErrorCode(locale, result.error.code));
  };

  if (firstStart) {
    return (
      <FirstStartScreen
        isServerPc={firstStart.isServerPc}
        onSignedIn={props.onSignedIn}
        onToggleLocale={props.onToggleLocale}
      />
    );
  }
  return (
    <AuthForm
      title="Lượt"
      intro={<p className="muted">{t('admin.login.title')}</p>}
      fields={[
        usernameField(t('admin.login.username'), username, setUsername),
        {
          name: 'password',
          label: t('admin.login.password'),
          type: 'password',
          autoComplete: 'current-password',
          value: password,
          onChange: setPassword,
        },
      ]}
      problem={problem}
      canSubmit={username !== '' && password !== ''}
      isBusy={isBusy}
      submitLabel={t('admin.login.submit')}
      onSubmit={() => void submit()}
      onToggleLocale={props.onToggleLocale}
    />
  );
}
