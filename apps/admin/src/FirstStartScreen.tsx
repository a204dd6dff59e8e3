import { useState } from 'react';
import { translateErrorCode } from '@luot/shared/text';
import { AdminApi } from './api.ts';
import type { Manager } from './api.ts';
import { AuthCard, AuthForm, useNewPassword, usernameField } from './AuthForm.tsx';
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
  const newPassword = useNewPassword({ username: username.trim() });
  const [problem, setProblem] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);

  const submit = async (): Promise<void> => {
    setBusy(true);
    setProblem(null);
    const api = new AdminApi(null);
    const created = await api.createFirstManager(username.trim(), displayName.trim(), newPassword.password);
    if (!created.ok) {
      setBusy(false);
      setProblem(translateErrorCode(locale, created.error.code));
      return;
    }
    const signedIn = await api.login(username.trim(), newPassword.password);
    setBusy(false);
    if (signedIn.ok) props.onSignedIn(signedIn.value.token, signedIn.value.manager);
    else setProblem(translateErrorCode(locale, signedIn.error.code));
  };

  if (!props.isServerPc) {
    return (
      <AuthCard title={t('admin.firstStart.title')} onToggleLocale={props.onToggleLocale}>
        <p className="notice" role="status">
          {t('admin.firstStart.useServerPc')}
        </p>
        <p className="muted">{t('admin.firstStart.howOnServerPc')}</p>
      </AuthCard>
    );
  }
  return (
    <AuthForm
      title={t('admin.firstStart.title')}
      intro={<p className="muted">{t('admin.firstStart.intro')}</p>}
      fields={[
        usernameField(t('admin.login.username'), username, setUsername),
        {
          name: 'display-name',
          label: t('admin.firstStart.displayName'),
          autoComplete: 'name',
          value: displayName,
          onChange: setDisplayName,
        },
      ]}
      newPassword={newPassword}
      problem={problem}
      canSubmit={username.trim() !== ''}
      isBusy={isBusy}
      submitLabel={t('admin.firstStart.submit')}
      onSubmit={() => void submit()}
      onToggleLocale={props.onToggleLocale}
    />
  );
}
