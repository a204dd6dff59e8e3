import { useCallback, useEffect, useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import { PASSWORD_LENGTH, passwordProblem } from '@luot/shared/domain';
import { passwordProblemText } from '@luot/shared/text';
import type { Account } from './api.ts';
import { HubApi } from './api.ts';
import { CatalogueScreen } from './CatalogueScreen.tsx';
import { HallsBoard } from './HallsBoard.tsx';
import { ReportsScreen } from './ReportsScreen.tsx';
import type { Locale } from './text.ts';
import { LocaleContext, useWords } from './text.ts';

const TOKEN_KEY = 'luot-province-session';
type Tab = 'halls' | 'reports' | 'catalogue';

/** The province console: sign-in, then the halls board, reports across halls and the catalogue. */
export function ProvinceApp() {
  const [locale, setLocale] = useState<Locale>('vi');
  const [token, setToken] = useState<string | null>(() => sessionStorage.getItem(TOKEN_KEY));
  const [account, setAccount] = useState<Account | null>(null);
  const [tab, setTab] = useState<Tab>('halls');
  const signOutLocally = useCallback(() => {
    sessionStorage.removeItem(TOKEN_KEY);
    setToken(null);
    setAccount(null);
  }, []);
  const api = useMemo(() => new HubApi(token, signOutLocally), [token, signOutLocally]);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  useEffect(() => {
    if (!token) return;
    void api.me().then((result) => {
      if (result.ok) setAccount(result.value);
    });
  }, [api, token]);

  const words = (
    <LocaleContext.Provider value={locale}>
      <Shell
        locale={locale}
        onLocale={() => setLocale(locale === 'vi' ? 'en' : 'vi')}
        account={account}
        onSignOut={() => void api.logout().then(signOutLocally)}
      >
        {!token || !account ? (
          <SignIn
            api={api}
            onSignedIn={(newToken, newAccount) => {
              sessionStorage.setItem(TOKEN_KEY, newToken);
              setToken(newToken);
              setAccount(newAccount);
            }}
          />
        ) : account.mustChangePassword ? (
          <ChangePassword
            api={api}
            username={account.username}
            onChanged={() => setAccount({ ...account, mustChangePassword: false })}
          />
        ) : (
          <>
            <Tabs tab={tab} onTab={setTab} />
            <main id="main">
              {tab === 'halls' && <HallsBoard api={api} />}
              {tab === 'reports' && <ReportsScreen api={api} />}
              {tab === 'catalogue' && <CatalogueScreen api={api} />}
            </main>
          </>
        )}
      </Shell>
    </LocaleContext.Provider>
  );
  return words;
}

function Shell(props: {
  locale: Locale;
  onLocale: () => void;
  account: Account | null;
  onSignOut: () => void;
  children: React.ReactNode;
}) {
  const { w } = useWords();
  return (
    <div className="shell">
      <header className="topbar">
        <h1>{w('appTitle')}</h1>
        <div className="topbar-actions">
          <button
            type="button"
            className="link-button"
            onClick={props.onLocale}
            lang={props.locale === 'vi' ? 'en' : 'vi'}
          >
            {w('language')}
          </button>
          {props.account && (
            <>
              <span className="who">{props.account.displayName}</span>
              <button type="button" className="secondary" onClick={props.onSignOut}>
                {w('signOut')}
              </button>
            </>
          )}
        </div>
      </header>
      {props.children}
    </div>
  );
}

function Tabs(props: { tab: Tab; onTab: (tab: Tab) => void }) {
  const { w } = useWords();
  const tabs: [Tab, string][] = [
    ['halls', w('tabHalls')],
    ['reports', w('tabReports')],
    ['catalogue', w('tabCatalogue')],
  ];
  return (
    <nav className="tabs" aria-label={w('appTitle')}>
      {tabs.map(([id, label]) => (
        <button
          key={id}
          type="button"
          aria-current={props.tab === id ? 'page' : undefined}
          onClick={() => props.onTab(id)}
        >
          {label}
        </button>
      ))}
    </nav>
  );
}

function SignIn(props: { api: HubApi; onSignedIn: (token: string, account: Account) => void }) {
  const { w } = useWords();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setBusy(true);
    const result = await props.api.login(username, password);
    setBusy(false);
    if (result.ok) props.onSignedIn(result.value.token, result.value.account);
    else
      setError(
        result.error.code === 'LOCKED_OUT'
          ? w('lockedOut')
          : result.error.code === 'INTERNAL'
            ? w('unreachable')
            : w('badCredentials'),
      );
  };
  return (
    <main id="main" className="card narrow">
      <h2>{w('signIn')}</h2>
      <form onSubmit={(event) => void submit(event)}>
        <label>
          {w('username')}
          <input
            autoComplete="username"
            value={username}
            onChange={(event) => setUsername(event.target.value)}
            required
          />
        </label>
        <label>
          {w('password')}
          <input
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            required
          />
        </label>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <button type="submit" disabled={isBusy}>
          {w('signIn')}
        </button>
      </form>
    </main>
  );
}

function ChangePassword(props: { api: HubApi; username: string; onChanged: () => void }) {
  const { w, locale } = useWords();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    // The hall manager's password rule, checked here first so the refusal is in the console's language.
    const problem = passwordProblem(next, { username: props.username, currentPassword: current });
    if (problem) return setError(passwordProblemText(locale, problem));
    const result = await props.api.changePassword(current, next);
    if (result.ok) props.onChanged();
    else setError(result.error.code === 'BAD_CREDENTIALS' ? w('badCredentials') : result.error.message);
  };
  return (
    <main id="main" className="card narrow">
      <h2>{w('changePassword')}</h2>
      <p>{w('mustChange')}</p>
      <form onSubmit={(event) => void submit(event)}>
        <label>
          {w('currentPassword')}
          <input
            type="password"
            autoComplete="current-password"
            value={current}
            onChange={(event) => setCurrent(event.target.value)}
            required
          />
        </label>
        <label>
          {w('newPassword')}
          <input
            type="password"
            autoComplete="new-password"
            minLength={PASSWORD_LENGTH.min}
            maxLength={PASSWORD_LENGTH.max}
            value={next}
            onChange={(event) => setNext(event.target.value)}
            required
          />
        </label>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <button type="submit">{w('changePassword')}</button>
      </form>
    </main>
  );
}
