import type { Locale } from '@luot/shared/text';
import { translate } from '@luot/shared/text';
import { Dialog } from './Dialog.tsx';

/** Props of {@link ConfirmDialog}. */
export interface ConfirmDialogProps {
  readonly title: string;
  readonly message: string;
  readonly locale: Locale;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
}

/** "Are you sure?" for destructive actions. The confirm button has focus: Enter confirms, Escape cancels. */
export function ConfirmDialog({ title, message, locale, onConfirm, onCancel }: ConfirmDialogProps) {
  return (
    <Dialog title={title} onClose={onCancel}>
      <p className="dialog__message">{message}</p>
      <div className="dialog__buttons">
        <button type="button" className="button" onClick={onCancel}>
          {translate(locale, 'counter.confirm.cancel')}
        </button>
        <button type="button" className="button button--danger" data-autofocus onClick={onConfirm}>
          {translate(locale, 'counter.confirm.yes')}
        </button>
      </div>
    </Dialog>
  );
}
