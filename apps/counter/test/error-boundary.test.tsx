// @vitest-environment happy-dom
// The one error boundary every app renders inside (client/src/error-boundary.tsx): a render error shows
// a short Vietnamese message with a reload, rebuilds the app in place, reloads the page when that does not
// help, and stops looping after a few reloads.
import { readFileSync } from 'node:fs';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ErrorBoundaryEnvironment } from '@luot/client/react';
import { AppErrorBoundary } from '@luot/client/react';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

function Broken(): never {
  throw new Error('cannot read properties of undefined');
}

/** Fails `failures.count` renders, then shows a call. */
function Fragile({ failures }: { readonly failures: { count: number } }) {
  if (failures.count > 0) {
    failures.count -= 1;
    throw new Error('bug');
  }
  return <p>Mời công dân có số A001</p>;
}

function environment(storedReloads: number[] = []): ErrorBoundaryEnvironment & {
  reload: ReturnType<typeof vi.fn<() => void>>;
  stored: Map<string, string>;
} {
  const stored = new Map<string, string>([['luot.error-boundary.reloads', JSON.stringify(storedReloads)]]);
  return {
    reload: vi.fn<() => void>(),
    storage: {
      getItem: (key) => stored.get(key) ?? null,
      setItem: (key, value) => void stored.set(key, value),
    },
    now: () => 1_000_000,
    stored,
  };
}

describe('AppErrorBoundary', () => {
  it('shows the message and a reload button instead of a blank screen, then rebuilds the app in place', () => {
    vi.useFakeTimers();
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const env = environment();
    const failures = { count: 2 }; // React renders a failing tree twice before it gives up on it
    render(
      <AppErrorBoundary app="test" reloadAfterSeconds={3} environment={env}>
        <Fragile failures={failures} />
      </AppErrorBoundary>,
    );
    const alert = screen.getByTestId('app-error');
    expect(alert.textContent).toContain('Xin lỗi, màn hình gặp sự cố');
    expect(alert.textContent).toContain('Màn hình sẽ tự tải lại sau 3 giây.');
    expect(
      logged.mock.calls.some(([line]) => String(line).startsWith('[test] render error: Error: bug')),
    ).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: /Tải lại ngay/ }));
    expect(env.reload).toHaveBeenCalledTimes(1);
    act(() => {
      vi.advanceTimersByTime(3_000);
    });
    // Rebuilt without asking the server for the page again.
    expect(screen.getByText('Mời công dân có số A001')).toBeTruthy();
    expect(env.reload).toHaveBeenCalledTimes(1);
  });

  it('reloads the page when rebuilding does not help (three rebuilds in a minute), and remembers it', () => {
    vi.useFakeTimers();
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const env = environment();
    render(
      <AppErrorBoundary app="test" reloadAfterSeconds={1} environment={env}>
        <Broken />
      </AppErrorBoundary>,
    );
    for (let second = 0; second < 3; second += 1)
      act(() => {
        vi.advanceTimersByTime(1_000);
      });
    expect(env.reload).not.toHaveBeenCalled();
    act(() => {
      vi.advanceTimersByTime(1_000);
    });
    expect(env.reload).toHaveBeenCalledTimes(1);
    expect(JSON.parse(env.stored.get('luot.error-boundary.reloads') ?? '[]')).toEqual([1_000_000]);
  });

  it('stops reloading after three automatic reloads in ten minutes and asks for the manager', () => {
    vi.useFakeTimers();
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const env = environment([990_000, 995_000, 999_000]);
    render(
      <AppErrorBoundary app="test" reloadAfterSeconds={1} environment={env}>
        <Broken />
      </AppErrorBoundary>,
    );
    for (let second = 0; second < 6; second += 1)
      act(() => {
        vi.advanceTimersByTime(1_000);
      });
    expect(env.reload).not.toHaveBeenCalled();
    expect(screen.getByTestId('app-error').textContent).toContain('Vui lòng báo cán bộ quản lý');
  });

  it('renders its children when nothing fails', () => {
    render(
      <AppErrorBoundary app="test" environment={environment()}>
        <p>Mời công dân có số A001</p>
      </AppErrorBoundary>,
    );
    expect(screen.getByText('Mời công dân có số A001')).toBeTruthy();
  });

  it('wraps every app entry: kiosk, display, counter terminal, feedback tablet, console', () => {
    const entries = [
      '../../kiosk/src/renderer/main.tsx',
      '../../display/src/main.tsx',
      '../src/main-terminal.tsx',
      '../src/main-feedback.tsx',
      '../../admin/src/main.tsx',
    ];
    for (const entry of entries) {
      const source = readFileSync(new URL(entry, import.meta.url), 'utf8');
      expect(source, entry).toMatch(/<AppErrorBoundary app="[a-z]+">/);
    }
  });
});
