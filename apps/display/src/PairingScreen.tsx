import { useState } from 'react';
import type { FormEvent } from 'react';
import { Bilingual } from './Bilingual.tsx';

/** What went wrong with the last pairing, already in both languages. */
export interface PairingProblem {
  readonly vi: string;
  readonly en: string;
}

/** The first-start screen: a large six-digit input for the code the manager gives this display. */
export function PairingScreen({
  isBusy,
  problem,
  onSubmit,
}: {
  readonly isBusy: boolean;
  readonly problem: PairingProblem | null;
  readonly onSubmit: (code: string) => void;
}) {
  const [code, setCode] = useState('');
  const isComplete = /^[0-9]{6}$/.test(code);
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (isComplete && !isBusy) onSubmit(code);
  };
  return (
    <main className="pairing">
      <form className="pairing__card" onSubmit={submit}>
        <h1 className="pairing__title">
          <Bilingual id="display.pair.title" />
        </h1>
        <p className="pairing__hint">
          <Bilingual id="display.pair.hint" />
        </p>
        <input
          className="pairing__code"
          aria-label="Mã ghép nối / Pairing code"
          inputMode="numeric"
          autoComplete="one-time-code"
          autoFocus
          maxLength={6}
          placeholder="000000"
          value={code}
          onChange={(event) => setCode(event.target.value.replace(/[^0-9]/g, '').slice(0, 6))}
        />
        {problem !== null && (
          <p className="pairing__problem" role="alert">
            <span className="both">
              <span className="both__vi">{problem.vi}</span>
              <span className="both__en">{problem.en}</span>
            </span>
          </p>
        )}
        <button className="pairing__submit" type="submit" disabled={!isComplete || isBusy}>
          <Bilingual id={isBusy ? 'display.pair.working' : 'display.pair.submit'} />
        </button>
      </form>
    </main>
  );
}
