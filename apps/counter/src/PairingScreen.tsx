import { useState } from 'react';
import type { MessageId } from '@luot/shared/text';
import { translate, translateBoth } from '@luot/shared/text';

/** Props of {@link PairingScreen}. */
export interface PairingScreenProps {
  /** What this device becomes, e.g. `counter.pairing.terminalHint`. */
  readonly hint: Extract<MessageId, 'counter.pairing.terminalHint' | 'counter.pairing.feedbackHint'>;
  /** Why pairing is shown again, or why the last code failed. */
  readonly problem: Extract<
    MessageId,
    | 'counter.pairing.badCode'
    | 'counter.pairing.unreachable'
    | 'counter.pairing.revoked'
    | 'counter.pairing.wrongKind'
  > | null;
  /** For `counter.pairing.wrongKind`: which device kind the code must be for. */
  readonly device: Extract<MessageId, 'counter.pairing.deviceTerminal' | 'counter.pairing.deviceFeedback'>;
  readonly isPairing: boolean;
  readonly onPair: (code: string) => void;
}

/**
 * First start: a large six-digit field for the code the manager gives (or `?code=` in the address).
 * Shown in both languages at once: whoever sets the device up may read either.
 */
export function PairingScreen({ hint, problem, device, isPairing, onPair }: PairingScreenProps) {
  const [code, setCode] = useState('');
  const isComplete = /^[0-9]{6}$/.test(code);
  const title = translateBoth('counter.pairing.title');
  const hintText = translateBoth(hint);
  const problemText =
    problem === null
      ? null
      : problem === 'counter.pairing.wrongKind'
        ? {
            vi: translate('vi', problem, { device: translate('vi', device) }),
            en: translate('en', problem, { device: translate('en', device) }),
          }
        : translateBoth(problem);

  return (
    <main className="pairing">
      <form
        className="pairing__card"
        onSubmit={(event) => {
          event.preventDefault();
          if (isComplete && !isPairing) onPair(code);
        }}
      >
        <h1 className="pairing__title">
          {title.vi}
          <span className="en">{title.en}</span>
        </h1>
        <p className="pairing__hint">
          {hintText.vi}
          <span className="en">{hintText.en}</span>
        </p>
        <input
          className="pairing__code"
          name="code"
          aria-label={`${translate('vi', 'counter.pairing.code')} / ${translate('en', 'counter.pairing.code')}`}
          inputMode="numeric"
          autoComplete="one-time-code"
          autoFocus
          maxLength={6}
          placeholder="••••••"
          value={code}
          onChange={(event) => setCode(event.target.value.replace(/[^0-9]/g, '').slice(0, 6))}
        />
        {problemText && (
          <p className="form__error" role="alert" data-testid="pairing-problem">
            {problemText.vi}
            <span className="en">{problemText.en}</span>
          </p>
        )}
        <button
          type="submit"
          className="button button--primary button--large"
          disabled={!isComplete || isPairing}
        >
          {isPairing ? translate('vi', 'counter.pairing.working') : translate('vi', 'counter.pairing.submit')}
          <span className="en">
            {isPairing
              ? translate('en', 'counter.pairing.working')
              : translate('en', 'counter.pairing.submit')}
          </span>
        </button>
      </form>
    </main>
  );
}
