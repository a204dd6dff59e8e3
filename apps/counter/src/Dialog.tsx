import type { ReactNode } from 'react';
import { useEffect, useId, useRef } from 'react';
import type { Locale } from '@luot/shared/text';
import { translate } from '@luot/shared/text';

/** Props of {@link Dialog}. */
export interface DialogProps {
  readonly title: string;
  readonly onClose: () => void;
  readonly children: ReactNode;
  /** Wider dialogs for lists (call a specific ticket, transfer). */
  readonly isWide?: boolean;
}

/**
 * A modal panel over the terminal: Escape closes it, focus moves into it, and while it is open the
 * terminal's shortcut keys are off (the screen checks for an open dialog), so typing a note never calls
 * a ticket.
 */
export function Dialog({ title, onClose, children, isWide = false }: DialogProps) {
  const titleId = useId();
  const panel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const container = panel.current;
    const first =
      container?.querySelector<HTMLElement>('[data-autofocus]') ??
      container?.querySelector<HTMLElement>('input, select, textarea, button');
    first?.focus();
  }, []);

  return (
    <div
      className="dialog-backdrop"
      onMouseDown={(event) => event.target === event.currentTarget && onClose()}
    >
      <div
        ref={panel}
        className={isWide ? 'dialog dialog--wide' : 'dialog'}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.stopPropagation();
            onClose();
          }
        }}
      >
        <h2 id={titleId} className="dialog__title">
          {title}
        </h2>
        {children}
      </div>
    </div>
  );
}

/** Props of {@link FormButtons}. */
export interface FormButtonsProps {
  readonly locale: Locale;
  readonly onCancel: () => void;
  /** The translated label of the submit button, which submits the surrounding form. */
  readonly submitLabel: string;
  readonly isSubmitDisabled?: boolean;
}

/** The cancel / submit row that ends every form dialog of the terminal. */
export function FormButtons({ locale, onCancel, submitLabel, isSubmitDisabled = false }: FormButtonsProps) {
  return (
    <div className="dialog__buttons">
      <button type="button" className="button" onClick={onCancel}>
        {translate(locale, 'counter.confirm.cancel')}
      </button>
      <button type="submit" className="button button--primary" disabled={isSubmitDisabled}>
        {submitLabel}
      </button>
    </div>
  );
}
