import { useEffect, useState } from 'react';
import { translate, translateBoth } from '@luot/shared/text';

/** Why the pairing screen is shown with a message. */
export type PairingNotice = 'failed' | 'unreachable' | 'revoked' | null;

/** Props of the pairing screen. */
export type PairingScreenProps = {
  readonly notice: PairingNotice;
  readonly isWorking: boolean;
  readonly onSubmit: (code: string) => void;
};

const CODE_LENGTH = 6;
const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'erase', '0', 'submit'] as const;

/**
 * First start of a kiosk: the technician types the six-digit pairing code from the manager on a large
 * on-screen keypad (a kiosk has no keyboard; a plugged-in one works too). Bilingual, because the
 * technician may not read Vietnamese.
 */
export function PairingScreen(props: PairingScreenProps) {
  const [code, setCode] = useState('');
  const isComplete = code.length === CODE_LENGTH;
  const press = (key: (typeof KEYS)[number]): void => {
    if (props.isWorking) return;
    if (key === 'erase') setCode((current) => current.slice(0, -1));
    else if (key === 'submit') {
      if (isComplete) props.onSubmit(code);
    } else setCode((current) => (current.length < CODE_LENGTH ? current + key : current));
  };
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (/^[0-9]$/.test(event.key)) press(event.key as (typeof KEYS)[number]);
      else if (event.key === 'Backspace') press('erase');
      else if (event.key === 'Enter') press('submit');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });
  const title = translateBoth('kiosk.pairing.title');
  const hint = translateBoth('kiosk.pairing.hint');
  const notice = props.isWorking
    ? translateBoth('kiosk.pairing.working')
    : props.notice === 'failed'
      ? translateBoth('kiosk.pairing.failed')
      : props.notice === 'unreachable'
        ? translateBoth('kiosk.pairing.unreachable')
        : props.notice === 'revoked'
          ? translateBoth('kiosk.pairing.revoked')
          : null;
  return (
    <main className="kiosk-screen kiosk-pairing" data-screen="pairing" lang="vi">
      <h1 className="kiosk-pairing__title">
        {title.vi}
        <span className="kiosk-pairing__en" lang="en">
          {title.en}
        </span>
      </h1>
      <p className="kiosk-pairing__hint">
        {hint.vi}
        <span className="kiosk-pairing__en" lang="en">
          {hint.en}
        </span>
      </p>
      <div
        className="kiosk-pairing__digits"
        data-testid="pairing-digits"
        role="status"
        aria-label={`${code.length}/${CODE_LENGTH}`}
      >
        {Array.from({ length: CODE_LENGTH }, (_, index) => (
          <span
            key={index}
            className={`kiosk-pairing__digit${index < code.length ? ' kiosk-pairing__digit--filled' : ''}`}
          >
            {code[index] ?? ''}
          </span>
        ))}
      </div>
      {notice ? (
        <p
          className={`kiosk-pairing__notice${props.isWorking ? '' : ' kiosk-pairing__notice--error'}`}
          role="alert"
          data-testid="pairing-notice"
        >
          {notice.vi}
          <span className="kiosk-pairing__en" lang="en">
            {notice.en}
          </span>
        </p>
      ) : null}
      <div className="kiosk-keypad">
        {KEYS.map((key) => (
          <button
            key={key}
            type="button"
            className={`kiosk-keypad__key kiosk-keypad__key--${key === 'submit' ? 'submit' : key === 'erase' ? 'erase' : 'digit'}`}
            data-testid={`key-${key}`}
            disabled={props.isWorking || (key === 'submit' && !isComplete)}
            onClick={() => press(key)}
          >
            {key === 'erase'
              ? translate('vi', 'kiosk.pairing.erase')
              : key === 'submit'
                ? translate('vi', 'kiosk.pairing.submit')
                : key}
          </button>
        ))}
      </div>
    </main>
  );
}
