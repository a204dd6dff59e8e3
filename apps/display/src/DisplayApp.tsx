import { forgetToken, loadToken, pairDevice } from '@luot/client';
import { translate, translateErrorCode } from '@luot/shared/text';
import { useCallback, useEffect, useState } from 'react';
import { HallDisplay } from './HallDisplay.tsx';
import type { PairingProblem } from './PairingScreen.tsx';
import { PairingScreen } from './PairingScreen.tsx';
import type { DisplayRuntime } from './runtime.ts';
import type { KeyValueStorage } from './settings.ts';

/** The app name under which the display keeps its token. */
export const DISPLAY_APP = 'display';

/** Take `?code=123456` out of the address once, at load, so a reload never reuses a spent code. */
function takeCodeFromAddress(): string | null {
  const url = new URL(window.location.href);
  const code = url.searchParams.get('code');
  if (code === null) return null;
  url.searchParams.delete('code');
  window.history.replaceState(null, '', `${url.pathname}${url.search}${url.hash}`);
  return code;
}

const codeAtLoad = typeof window === 'undefined' ? null : takeCodeFromAddress();
let isCodeAtLoadUsed = false;

const both = (id: 'display.pair.wrongKind' | 'display.pair.revoked'): PairingProblem => ({
  vi: translate('vi', id),
  en: translate('en', id),
});

/** Pairing first, then the hall display; back to pairing when the token is revoked. */
export function DisplayApp({
  runtime,
  storage,
}: {
  readonly runtime: DisplayRuntime;
  readonly storage: KeyValueStorage;
}) {
  const [token, setToken] = useState(() => loadToken(storage, DISPLAY_APP));
  const [isBusy, setBusy] = useState(false);
  const [problem, setProblem] = useState<PairingProblem | null>(null);

  const pair = useCallback(
    async (code: string): Promise<void> => {
      setBusy(true);
      const result = await pairDevice(window.location.origin, code, DISPLAY_APP, storage);
      setBusy(false);
      if (!result.ok) {
        setProblem({
          vi: translateErrorCode('vi', result.error.code),
          en: translateErrorCode('en', result.error.code),
        });
        return;
      }
      if (result.value.kind !== 'display') {
        forgetToken(storage, DISPLAY_APP);
        setProblem(both('display.pair.wrongKind'));
        return;
      }
      setProblem(null);
      setToken(result.value.token);
    },
    [storage],
  );

  useEffect(() => {
    if (codeAtLoad === null || isCodeAtLoadUsed) return;
    isCodeAtLoadUsed = true;
    void pair(codeAtLoad);
  }, [pair]);

  const unpair = useCallback(
    (isRevoked: boolean) => {
      forgetToken(storage, DISPLAY_APP);
      setToken(null);
      setProblem(isRevoked ? both('display.pair.revoked') : null);
    },
    [storage],
  );

  if (token === null)
    return <PairingScreen isBusy={isBusy} problem={problem} onSubmit={(code) => void pair(code)} />;
  return <HallDisplay key={token} token={token} runtime={runtime} storage={storage} onUnpair={unpair} />;
}
