import { useEffect, useRef } from 'react';

const ACTIVITY_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * Call `onIdle` once when nobody has touched the page for `timeoutMs` while `isActive`. Any key, click,
 * touch, wheel or pointer move counts as activity. The clock is the browser's; tests fake it.
 */
export function useIdleTimeout(isActive: boolean, timeoutMs: number, onIdle: () => void): void {
  const onIdleRef = useRef(onIdle);
  onIdleRef.current = onIdle;

  useEffect(() => {
    if (!isActive || !(timeoutMs > 0)) return undefined;
    let lastActivity = Date.now();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = (): void => {
      const idleFor = Date.now() - lastActivity;
      if (idleFor >= timeoutMs) {
        timer = undefined;
        onIdleRef.current();
      } else {
        timer = setTimeout(check, timeoutMs - idleFor);
      }
    };
    const touch = (): void => {
      lastActivity = Date.now();
    };
    for (const event of ACTIVITY_EVENTS)
      window.addEventListener(event, touch, { passive: true, capture: true });
    timer = setTimeout(check, timeoutMs);
    return () => {
      if (timer !== undefined) clearTimeout(timer);
      for (const event of ACTIVITY_EVENTS) window.removeEventListener(event, touch, { capture: true });
    };
  }, [isActive, timeoutMs]);
}
