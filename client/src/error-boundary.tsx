import type { ErrorInfo, ReactNode } from 'react';
import { Component, Fragment, useEffect, useState } from 'react';
import { translate } from '@luot/shared/text';

/** Where the boundary remembers recent automatic reloads, so a screen that always fails stops reloading. */
const RELOADS_KEY = 'luot.error-boundary.reloads';
/** More automatic reloads than this within {@link RELOAD_WINDOW_MS} and the screen waits for a person. */
const MAX_RELOADS = 3;
const RELOAD_WINDOW_MS = 10 * 60_000;
/** Rebuilds in place within {@link REBUILD_WINDOW_MS} before the boundary reloads the page instead. */
const MAX_REBUILDS = 3;
const REBUILD_WINDOW_MS = 60_000;

/** What the boundary needs from the page; tests pass their own. */
export interface ErrorBoundaryEnvironment {
  readonly reload: () => void;
  readonly storage: Pick<Storage, 'getItem' | 'setItem'> | null;
  readonly now: () => number;
}

/** Props of {@link AppErrorBoundary}. */
export interface AppErrorBoundaryProps {
  /** Which app, for the log line ("display", "kiosk"…). */
  readonly app: string;
  readonly children: ReactNode;
  /** Seconds the message stays before the app recovers by itself (public screens must). */
  readonly reloadAfterSeconds?: number;
  readonly environment?: ErrorBoundaryEnvironment;
}

interface BoundaryState {
  readonly error: Error | null;
  /** Bumped on every rebuild: a new key mounts the whole app afresh. */
  readonly generation: number;
  /** The screen reloaded itself too often: it waits for a person. */
  readonly isStopped: boolean;
}

const browserEnvironment = (): ErrorBoundaryEnvironment => ({
  reload: () => window.location.reload(),
  storage: (() => {
    try {
      return window.sessionStorage;
    } catch {
      return null;
    }
  })(),
  now: () => Date.now(),
});

/**
 * The one React error boundary of every app (kiosk, display, counter terminal, feedback tablet,
 * console). A render error never leaves a blank screen in a public hall: the app is replaced by a short
 * Vietnamese message (English below) and a "reload now" button, and recovers by itself a few seconds
 * later. It first rebuilds the app in place (no request to the hall server, which may be the thing
 * that is down); after {@link MAX_REBUILDS} rebuilds in a minute it reloads the page; after
 * {@link MAX_RELOADS} reloads in ten minutes it stops and asks for the manager instead of looping.
 */
export class AppErrorBoundary extends Component<AppErrorBoundaryProps, BoundaryState> {
  override state: BoundaryState = { error: null, generation: 0, isStopped: false };
  #rebuilds: number[] = [];

  static getDerivedStateFromError(error: unknown): Partial<BoundaryState> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // The one console line of a failure: what broke and where (the kiosk shell writes it to its log).
    console.error(`[${this.props.app}] render error: ${error.stack ?? error.message}`, info.componentStack);
  }

  #environment(): ErrorBoundaryEnvironment {
    return this.props.environment ?? browserEnvironment();
  }

  /** The message has been up long enough: rebuild, reload, or (looping) stop. */
  #recover = (): void => {
    const environment = this.#environment();
    const now = environment.now();
    this.#rebuilds = this.#rebuilds.filter((at) => now - at < REBUILD_WINDOW_MS);
    if (this.#rebuilds.length < MAX_REBUILDS) {
      this.#rebuilds.push(now);
      this.setState((state) => ({ error: null, generation: state.generation + 1 }));
      return;
    }
    const reloads = recentReloads(environment);
    if (reloads.length >= MAX_RELOADS) {
      this.setState({ isStopped: true });
      return;
    }
    try {
      environment.storage?.setItem(RELOADS_KEY, JSON.stringify([...reloads, now]));
    } catch {
      // No storage: reload all the same.
    }
    environment.reload();
  };

  override render(): ReactNode {
    if (this.state.error === null)
      return <Fragment key={this.state.generation}>{this.props.children}</Fragment>;
    const environment = this.#environment();
    return (
      <RenderFailure
        seconds={this.props.reloadAfterSeconds ?? 10}
        isStopped={this.state.isStopped}
        onTimeUp={this.#recover}
        onReload={() => environment.reload()}
      />
    );
  }
}

function recentReloads(environment: ErrorBoundaryEnvironment): number[] {
  try {
    const stored = JSON.parse(environment.storage?.getItem(RELOADS_KEY) ?? '[]') as unknown;
    const now = environment.now();
    return Array.isArray(stored)
      ? stored.filter((at): at is number => typeof at === 'number' && now - at < RELOAD_WINDOW_MS)
      : [];
  } catch {
    return [];
  }
}

function RenderFailure({
  seconds,
  isStopped,
  onTimeUp,
  onReload,
}: {
  readonly seconds: number;
  readonly isStopped: boolean;
  readonly onTimeUp: () => void;
  readonly onReload: () => void;
}) {
  const [left, setLeft] = useState(seconds);
  useEffect(() => {
    if (isStopped) return undefined;
    const timer = setInterval(() => setLeft((value) => Math.max(0, value - 1)), 1_000);
    return () => clearInterval(timer);
  }, [isStopped]);
  useEffect(() => {
    if (!isStopped && left === 0) onTimeUp();
  }, [isStopped, left, onTimeUp]);

  const detail = isStopped ? 'app.error.stopped' : null;
  return (
    <main
      role="alert"
      data-testid="app-error"
      style={{
        minHeight: '100vh',
        display: 'flex',
        flexDirection: 'column',
        alignItems: 'center',
        justifyContent: 'center',
        gap: '1.5rem',
        padding: '2rem',
        textAlign: 'center',
        background: 'var(--luot-bg, #f4f6fa)',
        color: 'var(--luot-ink, #14213d)',
        fontFamily: 'var(--luot-font, sans-serif)',
      }}
    >
      <h1 style={{ margin: 0, fontSize: 'clamp(1.6rem, 4vw, 3rem)' }}>
        {translate('vi', 'app.error.title')}
        <span lang="en" style={{ display: 'block', fontSize: '0.55em', fontWeight: 400 }}>
          {translate('en', 'app.error.title')}
        </span>
      </h1>
      <p style={{ margin: 0, fontSize: 'clamp(1.1rem, 2.5vw, 2rem)' }}>
        {detail === null
          ? translate('vi', 'app.error.reloading', { seconds: left })
          : translate('vi', detail)}
        <span lang="en" style={{ display: 'block', fontSize: '0.7em' }}>
          {detail === null
            ? translate('en', 'app.error.reloading', { seconds: left })
            : translate('en', detail)}
        </span>
      </p>
      <button
        type="button"
        onClick={onReload}
        style={{
          minHeight: '3.5rem',
          padding: '0.75rem 2.5rem',
          border: 'none',
          borderRadius: '999px',
          background: 'var(--luot-blue, #0b4f9c)',
          color: '#fff',
          fontSize: 'clamp(1.1rem, 2.5vw, 1.8rem)',
          fontWeight: 700,
          cursor: 'pointer',
        }}
      >
        {translate('vi', 'app.error.reload')} / <span lang="en">{translate('en', 'app.error.reload')}</span>
      </button>
    </main>
  );
}
