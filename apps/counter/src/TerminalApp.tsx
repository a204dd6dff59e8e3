import { useCallback, useEffect, useRef, useState } from 'react';
import type { HallConnection } from '@luot/client';
import { useHallView, useNow } from '@luot/client/react';
import type { ClerkId, LocalizedText } from '@luot/shared/domain';
import { counterOf, findCounter } from '@luot/shared/domain';
import type { Locale } from '@luot/shared/text';
import { translate, translateErrorCode } from '@luot/shared/text';
import { CounterScreen } from './CounterScreen.tsx';
import { PairingScreen } from './PairingScreen.tsx';
import { SignInScreen } from './SignInScreen.tsx';
import { useDeviceLink } from './device-link.ts';
import type { Flash, SessionNotice } from './session-notice.ts';
import type { TerminalCommand } from './terminal-actions.ts';
import { describeOutcome, sendCommand } from './terminal-actions.ts';
import { otherClerkAtCounter } from './terminal-model.ts';
import { loadLocale, saveLocale } from './text.ts';
import { useIdleTimeout } from './use-idle-timeout.ts';
import { waitForVersion } from './wait-for-version.ts';

/** A success message stays this long; an error stays until the next action or a click. */
const SUCCESS_FLASH_MS = 5_000;

/** A refusal in both languages, never the raw code. */
const errorText = (code: string): LocalizedText => ({
  vi: translateErrorCode('vi', code),
  en: translateErrorCode('en', code),
});

/** The clerk terminal page: pairing, then sign-in, then the counter screen. */
export function TerminalApp() {
  const link = useDeviceLink('counter', 'counter');
  if (!link.connection) {
    return (
      <PairingScreen
        hint="counter.pairing.terminalHint"
        device="counter.pairing.deviceTerminal"
        problem={link.problem}
        isPairing={link.isPairing}
        onPair={link.pair}
      />
    );
  }
  return <ConnectedTerminal connection={link.connection} />;
}

/**
 * The terminal once paired: owns this terminal's clerk session (the server tells a terminal its session
 * ended with `session:ended`; every snapshot says again who is signed in here), the action in flight,
 * the idle sign-out and the language.
 */
function ConnectedTerminal({ connection }: { readonly connection: HallConnection }) {
  const view = useHallView(connection);
  const now = useNow(1_000, view.clockOffsetMs);
  const [locale, setLocale] = useState<Locale>(() => loadLocale(window.localStorage));
  const [clerkId, setClerkId] = useState<ClerkId | null>(null);
  const [notice, setNotice] = useState<SessionNotice | null>(null);
  const [pending, setPending] = useState<TerminalCommand['type'] | 'signOut' | 'signIn' | null>(null);
  const [flash, setFlash] = useState<Flash | null>(null);
  const [signInError, setSignInError] = useState<LocalizedText | null>(null);
  // A right PIN that the manager set: kept in memory only until the clerk's own PIN replaces it.
  const [pinChange, setPinChange] = useState<{ username: string; pin: string } | null>(null);
  // Synchronous guard: two clicks in one frame must not both pass before React re-renders.
  const isBusy = useRef(false);
  // Set when an idle sign-out could not reach the server: stay locked and tell it once back online.
  const idleLockPending = useRef(false);

  const counterId = view.identity?.counterId ?? null;
  const idleMinutes = view.config?.terminals.idleSignOutMinutes ?? 30;

  // Every snapshot (first connect, reconnect, resync) says who holds this terminal's session.
  useEffect(() => {
    if (view.identity && !idleLockPending.current) setClerkId(view.identity.clerkId);
  }, [view.identity]);

  // The session was taken over on another terminal, or the clerk signed in at another counter.
  useEffect(() => {
    if (!view.sessionEnded) return;
    const reason = view.sessionEnded.reason;
    setClerkId(null);
    setNotice(
      reason === 'takeover' || reason === 'moved'
        ? { kind: reason }
        : reason === 'idle'
          ? { kind: 'idle', minutes: idleMinutes }
          : { kind: 'signedOut' },
    );
    connection.acknowledgeSessionEnded();
  }, [view.sessionEnded, connection, idleMinutes]);

  // A success message fades; an error waits for the clerk.
  useEffect(() => {
    if (flash?.kind !== 'success') return undefined;
    const timer = setTimeout(() => setFlash(null), SUCCESS_FLASH_MS);
    return () => clearTimeout(timer);
  }, [flash]);

  const begin = (what: TerminalCommand['type'] | 'signOut' | 'signIn'): boolean => {
    if (isBusy.current) return false;
    isBusy.current = true;
    setPending(what);
    return true;
  };
  const end = (): void => {
    isBusy.current = false;
    setPending(null);
  };

  const runCommand = (command: TerminalCommand): void => {
    if (!begin(command.type)) return;
    setFlash(null);
    void (async () => {
      try {
        const ack = await sendCommand(connection, command);
        if (!ack.ok) {
          setFlash({ kind: 'error', text: errorText(ack.error.code) });
          return;
        }
        await waitForVersion(connection, ack.value.version);
        const { state, config } = connection.current;
        const vi = describeOutcome('vi', command.type, ack.value.events, state, config);
        const en = describeOutcome('en', command.type, ack.value.events, state, config);
        if (vi !== null && en !== null) setFlash({ kind: 'success', text: { vi, en } });
      } finally {
        end();
      }
    })();
  };

  const signIn = (username: string, pin: string, newPin?: string): void => {
    if (!begin('signIn')) return;
    setSignInError(null);
    void (async () => {
      try {
        const ack = await connection.send('clerk:sign-in', {
          username,
          pin,
          ...(newPin === undefined ? {} : { newPin }),
        });
        if (!ack.ok) {
          if (ack.error.code === 'PIN_CHANGE_REQUIRED') setPinChange({ username, pin });
          // Anything but a weak new PIN sends the clerk back to the first step (a lock-out, a wrong PIN).
          else if (ack.error.code !== 'WEAK_PIN') setPinChange(null);
          if (ack.error.code !== 'PIN_CHANGE_REQUIRED') setSignInError(errorText(ack.error.code));
          return;
        }
        setPinChange(null);
        await waitForVersion(connection, ack.value.version);
        idleLockPending.current = false;
        setNotice(null);
        setFlash(null);
        setClerkId(ack.value.clerkId);
      } finally {
        end();
      }
    })();
  };

  const signOut = (): void => {
    if (!begin('signOut')) return;
    void (async () => {
      try {
        const ack = await connection.send('clerk:sign-out', { reason: 'sign-out' });
        if (!ack.ok) {
          setFlash({ kind: 'error', text: errorText(ack.error.code) });
          return;
        }
        await waitForVersion(connection, ack.value.version);
        setClerkId(null);
        setNotice({ kind: 'signedOut' });
      } finally {
        end();
      }
    })();
  };

  // Idle sign-out: lock the screen at once, whatever the network says; tell the server as soon as it can hear.
  const sendIdleSignOut = useCallback(() => {
    void connection.send('clerk:sign-out', { reason: 'idle' }).then((ack) => {
      if (ack.ok || ack.error.code === 'NOT_SIGNED_IN') idleLockPending.current = false;
    });
  }, [connection]);
  useIdleTimeout(clerkId !== null, idleMinutes * 60_000, () => {
    idleLockPending.current = true;
    setClerkId(null);
    setFlash(null);
    setNotice({ kind: 'idle', minutes: idleMinutes });
    sendIdleSignOut();
  });
  useEffect(() => {
    if (view.status === 'online' && idleLockPending.current) sendIdleSignOut();
  }, [view.status, sendIdleSignOut]);

  const toggleLocale = (): void => {
    const next: Locale = locale === 'vi' ? 'en' : 'vi';
    saveLocale(window.localStorage, next);
    setLocale(next);
  };

  if (view.status === 'mismatch') {
    return (
      <main className="pairing">
        <div className="pairing__card" role="alert">
          <p>{translateErrorCode(locale, 'PROTOCOL_MISMATCH')}</p>
          <button type="button" className="button button--primary" onClick={() => window.location.reload()}>
            {translate(locale, 'counter.connection.reload')}
          </button>
        </div>
      </main>
    );
  }

  const { state, config } = view;
  const counter = config && counterId ? findCounter(config, counterId) : undefined;
  if (!state || !config || !counterId || !counter) {
    return (
      <main className="pairing">
        <p className="pairing__card" role="status">
          {translate(locale, 'counter.connection.connecting')}
        </p>
      </main>
    );
  }

  // The session is ours only while the replica agrees (a manager may have signed the clerk out).
  const counterClerkId = counterOf(state, counterId).clerkId;
  const isSignedIn = clerkId !== null && counterClerkId === clerkId;
  if (!isSignedIn) {
    return (
      <SignInScreen
        counter={counter}
        counterStatus={counterOf(state, counterId).status}
        status={view.status}
        locale={locale}
        otherClerk={otherClerkAtCounter(state, config, counterId, null)}
        notice={notice}
        isWorking={pending === 'signIn'}
        error={signInError?.[locale] ?? null}
        onSignIn={signIn}
        pinChangeFor={pinChange?.username ?? null}
        onChangePin={(newPin) => {
          if (pinChange) signIn(pinChange.username, pinChange.pin, newPin);
        }}
        onCancelPinChange={() => {
          setPinChange(null);
          setSignInError(null);
        }}
        onDismissNotice={() => setNotice(null)}
        onToggleLocale={toggleLocale}
      />
    );
  }

  return (
    <CounterScreen
      view={{ ...view, state, config }}
      counterId={counterId}
      now={now}
      locale={locale}
      pending={pending === 'signIn' ? null : pending}
      flash={flash}
      onCommand={runCommand}
      onSignOut={signOut}
      onToggleLocale={toggleLocale}
      onDismissFlash={() => setFlash(null)}
      onExplain={setFlash}
    />
  );
}
