import { useEffect, useState, useSyncExternalStore } from 'react';
import type { HallConnection, HallView } from './connection.ts';

/** Render from a hall connection's view; re-renders on every change. */
export function useHallView(connection: HallConnection): HallView {
  return useSyncExternalStore(
    (onChange) => connection.subscribe(onChange),
    () => connection.current,
  );
}

/** The current time, ticking every `intervalMs` (clocks, "waited 5 min"), corrected by the server offset. */
export function useNow(intervalMs = 1_000, offsetMs = 0): number {
  const [now, setNow] = useState(() => Date.now() + offsetMs);
  useEffect(() => {
    // Apply a new server offset at once, not on the next tick.
    setNow(Date.now() + offsetMs);
    const timer = setInterval(() => setNow(Date.now() + offsetMs), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs, offsetMs]);
  return now;
}
export { AppErrorBoundary } from './error-boundary.tsx';
export type { AppErrorBoundaryProps, ErrorBoundaryEnvironment } from './error-boundary.tsx';
export { QrCode } from './qr-code.tsx';
