import { useState } from 'react';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { useText } from './text.ts';

/**
 * "Hủy số" asks first: a cancelled ticket is never called again and cannot be brought back. The reason
 * (prefilled, editable) goes into the ticket's history and the audit log.
 */
export function CancelTicketDialog(props: {
  readonly number: string;
  readonly serviceName: string;
  /** Resolves to the server's refusal in words, or null once cancelled. */
  readonly onCancelTicket: (reason: string) => Promise<string | null>;
  readonly onClose: () => void;
}) {
  const { t } = useText();
  const [reason, setReason] = useState(() => t('admin.search.cancelReason'));
  const [isBusy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const confirm = async (): Promise<void> => {
    setBusy(true);
    const refusal = await props.onCancelTicket(reason.trim() || t('admin.search.cancelReason'));
    setBusy(false);
    if (refusal === null) props.onClose();
    else setProblem(refusal);
  };
  return (
    <ConfirmDialog
      title={t('admin.search.cancelTitle', { number: props.number })}
      confirmLabel={t('admin.search.cancel')}
      cancelLabel={t('admin.dialog.back')}
      isDestructive
      isBusy={isBusy}
      problem={problem}
      onConfirm={() => void confirm()}
      onCancel={props.onClose}
    >
      <p>{t('admin.search.cancelBody', { number: props.number, service: props.serviceName })}</p>
      <label>
        {t('admin.search.cancelReasonLabel')}
        <input value={reason} maxLength={200} onChange={(e) => setReason(e.target.value)} />
      </label>
    </ConfirmDialog>
  );
}
