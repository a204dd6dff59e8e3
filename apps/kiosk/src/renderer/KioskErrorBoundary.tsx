import { Component, Fragment, type ErrorInfo, type ReactNode } from 'react';
import './diagnostics/diagnostics.css';

// A minimal error boundary for the kiosk until the shared one from client/ (issue #12) replaces it.

type Props = {
  readonly children: ReactNode;
  /** How long the apology stays before the screens are rebuilt (5 s). */
  readonly recoverAfterMs?: number;
  /** Errors within a minute after which the whole page is reloaded from the server (3). */
  readonly maxRecoveriesPerMinute?: number;
  readonly reload?: () => void;
};

type State = { readonly failedAt: number | null; readonly generation: number };

/**
 * Catches a render error anywhere in the kiosk's screens, says so in plain words (never a blank or frozen
 * kiosk), reports it (console.error reaches the kiosk shell's log file), and rebuilds the screens after
 * a few seconds. If it keeps happening it reloads the page from the hall server instead.
 */
export class KioskErrorBoundary extends Component<Props, State> {
  override state: State = { failedAt: null, generation: 0 };
  #recoveries: number[] = [];
  #timer: ReturnType<typeof setTimeout> | null = null;

  static getDerivedStateFromError(): Partial<State> {
    return { failedAt: Date.now() };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`kiosk screen error: ${error.stack ?? error.message}${info.componentStack ?? ''}`);
    const now = Date.now();
    this.#recoveries = [...this.#recoveries.filter((at) => now - at < 60_000), now];
    if (this.#recoveries.length > (this.props.maxRecoveriesPerMinute ?? 3)) {
      (this.props.reload ?? (() => window.location.reload()))();
      return;
    }
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = null;
      this.setState((state) => ({ failedAt: null, generation: state.generation + 1 }));
    }, this.props.recoverAfterMs ?? 5_000);
  }

  override componentWillUnmount(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
  }

  override render(): ReactNode {
    if (this.state.failedAt !== null) {
      return (
        <main className="kiosk-error" role="alert">
          <p lang="vi" className="kiosk-error-title">
            Kiosk gặp sự cố và đang tự khởi động lại. Vui lòng chờ trong giây lát.
          </p>
          <p lang="en" className="kiosk-error-en">
            The kiosk hit a problem and is restarting itself. Please wait a moment.
          </p>
        </main>
      );
    }
    // A new key rebuilds every screen from scratch after a recovery.
    return <Fragment key={this.state.generation}>{this.props.children}</Fragment>;
  }
}
