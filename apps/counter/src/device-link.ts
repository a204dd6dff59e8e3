import { useCallback, useEffect, useState } from 'react';
import type { TokenStorage } from '@luot/client';
import { HallConnection, forgetToken, loadToken, pairDevice } from '@luot/client';
import type { DeviceKind } from '@luot/shared/contracts';
import type { MessageId } from '@luot/shared/text';

/** Token keys of this app's two pages: one PC could be both a terminal and a tablet in a test. */
export type DeviceApp = 'counter' | 'counter-feedback';

/** Why the pairing screen is shown with a message. */
export type PairingProblem = Extract<
  MessageId,
  | 'counter.pairing.badCode'
  | 'counter.pairing.unreachable'
  | 'counter.pairing.wrongKind'
  | 'counter.pairing.revoked'
>;

/** This page's link to the hall: a connection once paired, or what the pairing screen needs. */
export interface DeviceLink {
  readonly connection: HallConnection | null;
  readonly problem: PairingProblem | null;
  readonly isPairing: boolean;
  readonly pair: (code: string) => void;
}

/** Where the page talks to: its own origin (the hall server, or the Vite dev server's proxy). */
const hallUrl = (): string => window.location.origin;

/** Take `?code=123456` out of the address bar, so a reload or a bookmark never re-sends a used code. */
function takeCodeFromUrl(): string | null {
  const url = new URL(window.location.href);
  const code = url.searchParams.get('code');
  if (code === null) return null;
  url.searchParams.delete('code');
  window.history.replaceState(window.history.state, '', `${url.pathname}${url.search}${url.hash}`);
  return code;
}

/**
 * Pair on first start (from the pairing screen or `?code=` in the URL), keep the token, and hold one
 * HallConnection while the token is good. A revoked token sends the page back to pairing with a note.
 */
export function useDeviceLink(
  app: DeviceApp,
  kind: DeviceKind,
  storage: TokenStorage = window.localStorage,
): DeviceLink {
  const [token, setToken] = useState<string | null>(() => loadToken(storage, app));
  const [connection, setConnection] = useState<HallConnection | null>(null);
  const [problem, setProblem] = useState<PairingProblem | null>(null);
  const [isPairing, setPairing] = useState(false);

  const pair = useCallback(
    (code: string) => {
      setPairing(true);
      setProblem(null);
      void pairDevice(hallUrl(), code, app, storage).then((answer) => {
        setPairing(false);
        if (!answer.ok) {
          setProblem(
            answer.error.code === 'INTERNAL' ? 'counter.pairing.unreachable' : 'counter.pairing.badCode',
          );
          return;
        }
        if (answer.value.kind !== kind || answer.value.counterId === null) {
          // A code meant for a display or another kind of device must not turn this page into one.
          forgetToken(storage, app);
          setProblem('counter.pairing.wrongKind');
          return;
        }
        setToken(answer.value.token);
      });
    },
    [app, kind, storage],
  );

  useEffect(() => {
    const code = takeCodeFromUrl();
    if (code !== null) pair(code);
  }, [pair]);

  useEffect(() => {
    if (token === null) return undefined;
    const link = new HallConnection({ url: hallUrl(), token });
    setConnection(link);
    const stop = link.subscribe((view) => {
      if (view.status !== 'unauthorized') return;
      forgetToken(storage, app);
      setProblem('counter.pairing.revoked');
      setToken(null);
    });
    return () => {
      stop();
      link.close();
      setConnection(null);
    };
  }, [token, app, storage]);

  return { connection, problem, isPairing, pair };
}
