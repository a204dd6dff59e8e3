import { useState } from 'react';
import type { ClerkConfig } from '@luot/shared/domain';
import { translateErrorCode } from '@luot/shared/text';
import type { AdminApi } from './api.ts';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { newClerkPin } from './new-pin.ts';
import { useText } from './text.ts';

type Stage =
  | { readonly kind: 'asking'; readonly problem: string | null }
  | { readonly kind: 'resetting' }
  | { readonly kind: 'shown'; readonly pin: string };

/**
 * Reset a clerk's PIN: ask first; then the console makes a random PIN, the server stores it (and makes
 * the clerk change it at first sign-in), and the dialog shows it once. The PIN lives only in this
 * dialog's state: closing it forgets the PIN for good, and it never goes through a browser pop-up.
 */
export function PinResetDialog(props: {
  readonly clerk: ClerkConfig;
  readonly api: AdminApi;
  readonly onClose: () => void;
}) {
  const { t, locale } = useText();
  const [stage, setStage] = useState<Stage>({ kind: 'asking', problem: null });
  const { clerk, api } = props;

  if (stage.kind === 'shown') {
    return (
      <ConfirmDialog
        title={t('admin.clerks.newPinTitle', { name: clerk.name })}
        confirmLabel={t('admin.clerks.newPinDone')}
        onConfirm={props.onClose}
      >
        <p className="new-pin">
          <span className="muted">{t('admin.clerks.newPinLabel')}</span>
          <strong data-testid="new-pin">{stage.pin}</strong>
        </p>
        <p>{t('admin.clerks.newPinBody')}</p>
      </ConfirmDialog>
    );
  }
  const reset = async (): Promise<void> => {
    setStage({ kind: 'resetting' });
    const pin = newClerkPin();
    const result = await api.resetPin(clerk.id, pin);
    setStage(
      result.ok
        ? { kind: 'shown', pin }
        : { kind: 'asking', problem: translateErrorCode(locale, result.error.code) },
    );
  };
  return (
    <ConfirmDialog
      title={t('admin.clerks.resetTitle', { name: clerk.name })}
      confirmLabel={t('admin.clerks.resetConfirm')}
      cancelLabel={t('admin.dialog.back')}
      isDestructive
      isBusy={stage.kind === 'resetting'}
      problem={stage.kind === 'asking' ? stage.problem : null}
      onConfirm={() => void reset()}
      onCancel={props.onClose}
    >
      <p>{t('admin.clerks.resetBody')}</p>
    </ConfirmDialog>
  );
}
