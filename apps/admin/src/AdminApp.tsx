import { useCallback, useEffect, useMemo, useState } from 'react';
import { HallConnection } from '@luot/client';
import type { Locale } from '@luot/shared/text';
import type { Manager } from './api.ts';
import { AdminApi, SESSION_KEY } from './api.ts';
import { ChangePasswordScreen } from './ChangePasswordScreen.tsx';
import { ConsoleScreen } from './ConsoleScreen.tsx';
import { LoginScreen } from './LoginScreen.tsx';
import { LocaleContext, loadLocale, saveLocale } from './text.ts';

type Stage =
  | { readonly kind: 'checking' }
  | { readonly kind: 'signed-out'; readonly notice: 'expired' | null }
  | { readonly kind: 'must-change'; readonly token: string; readonly manager: Manager }
  | { readonly kind: 'signed-in'; readonly token: string; readonly manager: Manager };

/**
 * The manager console: sign in (password), the forced change of the demo password, then the console.
 * The session token opens both the REST API and the Socket.IO connection (as a manager).
 */
export function AdminApp() {
  const [locale, setLocale] = useState<Locale>(() => loadLocale(localStorage));
  const [stage, setStage] = useState<Stage>(() =>
    localStorage.getItem(SESSION_KEY) ? { kind: 'checking' } : { kind: 'signed-out', notice: null },
  );
  const signOut = useCallback((notice: 'expired' | null) => {
    localStorage.removeItem(SESSION_KEY);
    setStage({ kind: 'signed-out', notice });
  }, []);

  useEffect(() => {
    if (stage.kind !== 'checking') return;
    const token = localStorage.getItem(SESSION_KEY);
    if (!token) return;
    void new AdminApi(token).session().then((result) => {
      if (!result.ok) signOut(result.error.code === 'UNAUTHORIZED' ? 'expired' : null);
      else if (result.value.manager.mustChangePassword)
        setStage({ kind: 'must-change', token, manager: result.value.manager });
      else setStage({ kind: 'signed-in', token, manager: result.value.manager });
    });
  }, [stage.kind, signOut]);

  const toggleLocale = (): void => {
    const next = locale === 'vi' ? 'en' : 'vi';
    saveLocale(localStorage, next);
    setLocale(next);
  };

  return (
    <LocaleContext.Provider value={locale}>
      {stage.kind === 'checking' ? null : stage.kind === 'signed-out' ? (
        <LoginScreen
          notice={stage.notice}
          onToggleLocale={toggleLocale}
          onSignedIn={(token, manager) => {
            localStorage.setItem(SESSION_KEY, token);
            setStage(
              manager.mustChangePassword
                ? { kind: 'must-change', token, manager }
                : { kind: 'signed-in', token, manager },
            );
          }}
        />
      ) : stage.kind === 'must-change' ? (
        <ChangePasswordScreen
          token={stage.token}
          manager={stage.manager}
          onToggleLocale={toggleLocale}
          onChanged={() =>
            setStage({
              kind: 'signed-in',
              token: stage.token,
              manager: { ...stage.manager, mustChangePassword: false },
            })
          }
          onExpired={() => signOut('expired')}
        />
      ) : (
        <SignedIn
          token={stage.token}
          manager={stage.manager}
          onSignOut={signOut}
          onToggleLocale={toggleLocale}
        />
      )}
    </LocaleContext.Provider>
  );
}

function SignedIn(props: {
  token: string;
  manager: Manager;
  onSignOut: (notice: 'expired' | null) => void;
  onToggleLocale: () => void;
}) {
  const { token, onSignOut } = props;
  // Made in an effect, not a memo: an effect's cleanup closes exactly the connection it opened (React's
  // strict mode mounts twice in development).
  const [connection, setConnection] = useState<HallConnection | null>(null);
  useEffect(() => {
    const opened = new HallConnection({ url: window.location.origin, token });
    setConnection(opened);
    return () => opened.close();
  }, [token]);
  const api = useMemo(() => new AdminApi(token, () => onSignOut('expired')), [token, onSignOut]);
  if (!connection) return null;
  return (
    <ConsoleScreen
      api={api}
      connection={connection}
      manager={props.manager}
      token={token}
      onToggleLocale={props.onToggleLocale}
      onSignOut={() => {
        void api.logout().finally(() => onSignOut(null));
      }}
      onUnauthorized={() => onSignOut('expired')}
    />
  );
}
