import { act, cleanup, fireEvent, render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useIdleTimeout } from '../src/use-idle-timeout.ts';

function Probe({ isActive, onIdle }: { readonly isActive: boolean; readonly onIdle: () => void }) {
  useIdleTimeout(isActive, 30 * 60_000, onIdle);
  return <p>probe</p>;
}

/** Let fake time pass inside React's act(), so effects and state updates settle. */
function advance(ms: number): void {
  act(() => {
    vi.advanceTimersByTime(ms);
  });
}

// The clock is a platform edge: fake it rather than wait half an hour.
beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('useIdleTimeout (automatic sign-out)', () => {
  it('fires once after the idle time without input, not before', () => {
    const onIdle = vi.fn();
    render(<Probe isActive onIdle={onIdle} />);
    advance(30 * 60_000 - 1);
    expect(onIdle).not.toHaveBeenCalled();
    advance(1);
    expect(onIdle).toHaveBeenCalledOnce();
    advance(60 * 60_000);
    expect(onIdle).toHaveBeenCalledOnce();
  });

  it('a key press or a click starts the wait again', () => {
    const onIdle = vi.fn();
    render(<Probe isActive onIdle={onIdle} />);
    advance(20 * 60_000);
    fireEvent.keyDown(window, { key: '1' });
    advance(20 * 60_000);
    fireEvent.pointerDown(document.body);
    advance(29 * 60_000);
    expect(onIdle).not.toHaveBeenCalled();
    advance(60_000);
    expect(onIdle).toHaveBeenCalledOnce();
  });

  it('does nothing while nobody is signed in', () => {
    const onIdle = vi.fn();
    render(<Probe isActive={false} onIdle={onIdle} />);
    advance(2 * 60 * 60_000);
    expect(onIdle).not.toHaveBeenCalled();
  });
});
