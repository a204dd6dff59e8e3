import { useState } from 'react';
import { translateErrorCode } from '@luot/shared/text';
import type { Manager } from './api.ts';
import { AdminApi } from './api.ts';
import { AuthForm, useNewPassword } from './AuthForm.tsx';
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
  const newPassword = useNewPassword({ username: props.manager.username, currentPassword: current });
  const [problem, setProblem] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);

  const submit = async (): Promise<void> => {
    setBusy(true);
    const result = await new AdminApi(props.token, props.onExpired).changePassword(
      current,
      newPassword.password,
    );
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
    <AuthForm
      title={t('admin.password.title')}
      intro={
        props.manager.mustChangePassword && (
          <p className="notice">{t('admin.password.forced', { username: props.manager.username })}</p>
        )
      }
      fields={[
        {
          name: 'current',
          label: t('admin.password.current'),
          type: 'password',
          autoComplete: 'current-password',
          value: current,
          onChange: setCurrent,
        },
      ]}
      newPassword={newPassword}
      problem={problem}
      canSubmit={current !== ''}
      isBusy={isBusy}
      submitLabel={t('admin.password.submit')}
      onSubmit={() => void submit()}
      onToggleLocale={props.onToggleLocale}
      onCancel={props.onCancel}
    />
  );
}
