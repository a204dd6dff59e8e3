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

const FOCUSABLE = 'button, input, select, textarea, a[href], [tabindex]:not([tabindex="-1"])';

/** The elements Tab may reach inside a container, in order. */
function focusableIn(container: HTMLElement): HTMLElement[] {
  return Array.from(container.querySelectorAll<HTMLElement>(FOCUSABLE)).filter(
    (element) => !element.hasAttribute('disabled') && element.getClientRects().length > 0,
  );
}

/**
 * A modal panel over the terminal. Focus moves into it and stays there: Tab and Shift+Tab cycle through
 * its controls, even if something outside took focus; Escape closes it wherever focus is. While it is
 * open the terminal's shortcut keys are off (the screen checks for an open dialog), so typing a note
 * never calls a ticket; when it closes, focus returns to where it was.
 */
export function Dialog({ title, onClose, children, isWide = false }: DialogProps) {
  const titleId = useId();
  const panel = useRef<HTMLDivElement>(null);
  // The latest onClose, read by the key handler attached once.
  const close = useRef(onClose);
  close.current = onClose;

  useEffect(() => {
    const container = panel.current;
    if (!container) return undefined;
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const first =
      container.querySelector<HTMLElement>('[data-autofocus]') ?? focusableIn(container)[0] ?? container;
    first.focus();
    const onKey = (event: KeyboardEvent): void => {
      if (event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation();
        close.current();
        return;
      }
      if (event.key !== 'Tab') return;
      const focusable = focusableIn(container);
      const head = focusable[0];
      const tail = focusable.at(-1);
      if (head === undefined || tail === undefined) {
        event.preventDefault();
        return;
      }
      const active = document.activeElement;
      if (!(active instanceof Node) || !container.contains(active)) {
        event.preventDefault();
        (event.shiftKey ? tail : head).focus();
      } else if (event.shiftKey && active === head) {
        event.preventDefault();
        tail.focus();
      } else if (!event.shiftKey && active === tail) {
        event.preventDefault();
        head.focus();
      }
    };
    document.addEventListener('keydown', onKey, true);
    return () => {
      document.removeEventListener('keydown', onKey, true);
      previous?.focus();
    };
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
        tabIndex={-1}
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
