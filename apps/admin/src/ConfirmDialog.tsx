import type { KeyboardEvent, ReactNode } from 'react';
import { useEffect, useId, useRef } from 'react';
import { createPortal } from 'react-dom';
import { useText } from './text.ts';

/** What can take keyboard focus inside the dialog (for the Tab trap). */
const FOCUSABLE =
  'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * An in-app question before anything that cannot be undone (cancel a ticket, revoke a device, reset a
 * PIN, archive): a modal with the question as its title, Vietnamese first. Focus moves into it, Tab
 * stays inside it, Escape or "Quay lại" closes it, and focus returns to the button that opened it.
 * Never `window.confirm`/`prompt`: a browser pop-up cannot show a PIN once and then forget it, is not
 * in the console's language or font, and some kiosks' browsers block it.
 *
 * `onCancel` absent makes it an acknowledgement (one button: a reset PIN shown once, then closed).
 */
export function ConfirmDialog(props: {
  readonly title: string;
  readonly children?: ReactNode;
  readonly confirmLabel: string;
  /** The safe way out; "Quay lại" when absent. */
  readonly cancelLabel?: string;
  readonly onConfirm: () => void;
  /** Absent: an acknowledgement with the confirm button only (Escape confirms it). */
  readonly onCancel?: () => void;
  /** The confirm button is red (an action that removes or stops something). */
  readonly isDestructive?: boolean;
  /** While the action runs: both buttons wait, Escape does nothing. */
  readonly isBusy?: boolean;
  /** A refusal from the server, shown inside the dialog (it stays open so the manager can retry). */
  readonly problem?: string | null;
}) {
  const { t } = useText();
  const titleId = useId();
  const bodyId = useId();
  const boxRef = useRef<HTMLDivElement>(null);
  const { onCancel, onConfirm, isBusy = false } = props;
  const close = onCancel ?? onConfirm;

  // Focus the first control on open (the safe choice, "Quay lại", when there is one); give focus back
  // to whatever had it when the dialog closes.
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const first = boxRef.current?.querySelector<HTMLElement>('[data-autofocus]') ?? null;
    (first ?? boxRef.current)?.focus();
    return () => {
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      if (!isBusy) close();
      return;
    }
    if (event.key !== 'Tab' || !boxRef.current) return;
    const focusable = Array.from(boxRef.current.querySelectorAll<HTMLElement>(FOCUSABLE));
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) {
      event.preventDefault();
      return;
    }
    const active = document.activeElement;
    if (event.shiftKey && (active === first || active === boxRef.current)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && active === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return createPortal(
    <div className="dialog-backdrop">
      <div
        ref={boxRef}
        className="dialog"
        role={onCancel ? 'alertdialog' : 'dialog'}
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={props.children ? bodyId : undefined}
        tabIndex={-1}
        onKeyDown={onKeyDown}
      >
        <h2 id={titleId}>{props.title}</h2>
        {props.children && (
          <div id={bodyId} className="dialog-body">
            {props.children}
          </div>
        )}
        {props.problem && (
          <p className="problem" role="alert">
            {props.problem}
          </p>
        )}
        <div className="dialog-actions">
          {onCancel && (
            <button type="button" onClick={onCancel} disabled={isBusy} data-autofocus>
              {props.cancelLabel ?? t('admin.dialog.back')}
            </button>
          )}
          <button
            type="button"
            className={props.isDestructive ? 'danger-solid' : 'primary'}
            onClick={onConfirm}
            disabled={isBusy}
            {...(onCancel ? {} : { 'data-autofocus': true })}
          >
            {props.confirmLabel}
          </button>
        </div>
      </div>
    </div>,
    document.body,
  );
}
