import type { ErrorInfo, ReactNode } from 'react';
import { Component, useEffect, useState } from 'react';
import { translate } from '@luot/shared/text';

/** Where the boundary remembers recent automatic reloads, so a screen that always fails stops reloading. */
const RELOADS_KEY = 'luot.error-boundary.reloads';
/** More automatic reloads than this within {@link RELOAD_WINDOW_MS} and the screen waits for a person. */
const MAX_RELOADS = 3;
const RELOAD_WINDOW_MS = 10 * 60_000;

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
  /** Seconds before the automatic reload (public screens must recover by themselves). */
  readonly reloadAfterSeconds?: number;
  readonly environment?: ErrorBoundaryEnvironment;
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
 * Vietnamese message (English below), a "reload now" button, and an automatic reload after a few
 * seconds — unless the screen already reloaded itself {@link MAX_RELOADS} times in ten minutes, when it
 * asks for the manager instead of looping.
 */
export class AppErrorBoundary extends Component<AppErrorBoundaryProps, { readonly error: Error | null }> {
  override state: { readonly error: Error | null } = { error: null };

  static getDerivedStateFromError(error: unknown): { error: Error } {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // The one console line of a failure: what broke and where, for whoever opens the browser console.
    console.error(`[${this.props.app}] render error: ${error.message}`, info.componentStack);
  }

  override render(): ReactNode {
    if (this.state.error === null) return this.props.children;
    return (
      <RenderFailure
        seconds={this.props.reloadAfterSeconds ?? 10}
        environment={this.props.environment ?? browserEnvironment()}
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
  environment,
}: {
  readonly seconds: number;
  readonly environment: ErrorBoundaryEnvironment;
}) {
  const [reloads] = useState(() => recentReloads(environment));
  const isLooping = reloads.length >= MAX_RELOADS;
  const [left, setLeft] = useState(seconds);
  useEffect(() => {
    if (isLooping) return undefined;
    const timer = setInterval(() => setLeft((value) => Math.max(0, value - 1)), 1_000);
    return () => clearInterval(timer);
  }, [isLooping]);
  useEffect(() => {
    if (isLooping || left > 0) return;
    try {
      environment.storage?.setItem(RELOADS_KEY, JSON.stringify([...reloads, environment.now()]));
    } catch {
      // No storage: reload all the same.
    }
    environment.reload();
  }, [isLooping, left, reloads, environment]);

  const detail = isLooping ? 'app.error.stopped' : null;
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
        onClick={() => environment.reload()}
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
