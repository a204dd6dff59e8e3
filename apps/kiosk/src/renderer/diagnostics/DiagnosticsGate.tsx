import { useEffect, useState, type ReactNode } from 'react';
import type { DiagnosticsBridge } from '../../bridge.ts';
import { DiagnosticsScreen } from './DiagnosticsScreen.tsx';

/** How long a finger must stay on the corner, and how big the corner is (CSS pixels). */
export const LONG_PRESS_MS = 3_000;
export const CORNER_PX = 120;

type Props = {
  /** The kiosk shell's diagnostics calls; null in a plain browser (no diagnostics there). */
  readonly bridge: DiagnosticsBridge | null;
  readonly origin: string;
  readonly children: ReactNode;
  readonly longPressMs?: number;
  /** `fetch` for the server-link check, replaceable in tests. */
  readonly fetcher?: typeof fetch;
};

/**
 * The way into the diagnostics screen: hold a finger on the screen's top-left corner for three seconds
 * (a visitor never does that by chance, and the PIN is asked next). It listens on the window rather than
 * laying anything over the kiosk's screens, so no visitor's touch is ever taken from them.
 */
export function DiagnosticsGate(props: Props) {
  const { bridge } = props;
  const [isOpen, setIsOpen] = useState(false);
  const holdMs = props.longPressMs ?? LONG_PRESS_MS;

  useEffect(() => {
    if (bridge === null || isOpen) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const cancel = (): void => {
      if (timer !== null) clearTimeout(timer);
      timer = null;
    };
    const down = (event: PointerEvent): void => {
      cancel();
      if (event.clientX <= CORNER_PX && event.clientY <= CORNER_PX)
        timer = setTimeout(() => setIsOpen(true), holdMs);
    };
    const move = (event: PointerEvent): void => {
      if (timer !== null && (event.clientX > CORNER_PX || event.clientY > CORNER_PX)) cancel();
    };
    window.addEventListener('pointerdown', down);
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', cancel);
    window.addEventListener('pointercancel', cancel);
    return () => {
      cancel();
      window.removeEventListener('pointerdown', down);
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', cancel);
      window.removeEventListener('pointercancel', cancel);
    };
  }, [bridge, isOpen, holdMs]);

  return (
    <>
      {props.children}
      {isOpen && bridge !== null ? (
        <DiagnosticsScreen
          bridge={bridge}
          origin={props.origin}
          onClose={() => setIsOpen(false)}
          {...(props.fetcher ? { fetcher: props.fetcher } : {})}
        />
      ) : null}
    </>
  );
}
