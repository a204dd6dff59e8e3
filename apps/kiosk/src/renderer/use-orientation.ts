import { useSyncExternalStore } from 'react';

/** How the kiosk's screen stands; kiosks come in both (wall-mounted landscape, floor-standing portrait). */
export type Orientation = 'landscape' | 'portrait';

const query = (): MediaQueryList | null =>
  typeof window.matchMedia === 'function' ? window.matchMedia('(orientation: portrait)') : null;

/** The screen's orientation, following rotation. */
export function useOrientation(): Orientation {
  return useSyncExternalStore(
    (onChange) => {
      const list = query();
      list?.addEventListener('change', onChange);
      return () => list?.removeEventListener('change', onChange);
    },
    () => (query()?.matches ? 'portrait' : 'landscape'),
  );
}

/** Grid shape for choices: twelve large buttons a page either way, never a scrolling list. */
export const gridShape = (orientation: Orientation): { columns: number; rows: number } =>
  orientation === 'portrait' ? { columns: 2, rows: 6 } : { columns: 4, rows: 3 };
