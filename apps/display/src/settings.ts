import { z } from 'zod';
import type { AnnouncerMemory } from './announcer.ts';

// This display's own settings, kept in localStorage: which services it shows, whether sound was enabled
// once, and which calls it already said. Everything read back is parsed: storage may hold anything.

/** The storage the display uses (localStorage in the browser, a Map-backed fake in tests). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const SETTINGS_KEY = 'luot.display.settings';
const SOUND_KEY = 'luot.display.sound-enabled';
const ANNOUNCED_KEY = 'luot.display.announced';

const serviceIdsSchema = z.array(z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/)).max(100);
const settingsSchema = z.strictObject({ serviceIds: serviceIdsSchema.nullable() });
const announcedSchema = z.array(z.string().max(40)).max(10_000);

/** What the manager set on this display. */
export interface DisplaySettings {
  /** The services shown; null for all. */
  readonly serviceIds: readonly string[] | null;
}

/** Where the service filter in force came from. */
export type FilterSource = 'url' | 'saved' | 'default';

function parseJson(text: string | null): unknown {
  if (text === null) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * The services named by `?services=dat-dai,ho-tich`, or null when the address names none (`all`, empty or
 * absent). Ids are lower-case slugs; anything else in the list is ignored.
 */
export function parseServicesParam(search: string): string[] | null {
  const raw = new URLSearchParams(search).get('services');
  if (raw === null) return null;
  const ids = raw
    .split(',')
    .map((id) => id.trim().toLowerCase())
    .filter((id) => /^[a-z0-9][a-z0-9-]{0,63}$/.test(id) && id !== 'all');
  return ids.length > 0 ? [...new Set(ids)] : null;
}

/** The saved settings, or the defaults when nothing (valid) is saved. */
export function loadSettings(storage: KeyValueStorage): DisplaySettings {
  const parsed = settingsSchema.safeParse(parseJson(storage.getItem(SETTINGS_KEY)));
  return parsed.success ? parsed.data : { serviceIds: null };
}

/** Save the settings of this display. */
export function saveSettings(storage: KeyValueStorage, settings: DisplaySettings): void {
  storage.setItem(SETTINGS_KEY, JSON.stringify({ serviceIds: settings.serviceIds }));
}

/**
 * The service filter in force: the address wins (`?services=` lets a manager set up a TV from a bookmark),
 * then the saved settings, then all services.
 */
export function effectiveFilter(
  search: string,
  storage: KeyValueStorage,
): { serviceIds: readonly string[] | null; source: FilterSource } {
  const fromUrl = parseServicesParam(search);
  if (fromUrl !== null) return { serviceIds: fromUrl, source: 'url' };
  const saved = loadSettings(storage).serviceIds;
  return saved === null ? { serviceIds: null, source: 'default' } : { serviceIds: saved, source: 'saved' };
}

/** Whether someone enabled the sound on this display before (the prompt is then tried silently). */
export const isSoundRemembered = (storage: KeyValueStorage): boolean => storage.getItem(SOUND_KEY) === '1';

/** Remember that sound was enabled on this display. */
export const rememberSound = (storage: KeyValueStorage): void => storage.setItem(SOUND_KEY, '1');

/** The announcer's memory of calls already said, in localStorage. */
export function storedAnnouncerMemory(storage: KeyValueStorage): AnnouncerMemory {
  return {
    load: () => {
      const parsed = announcedSchema.safeParse(parseJson(storage.getItem(ANNOUNCED_KEY)));
      return parsed.success ? parsed.data : [];
    },
    save: (keys) => {
      try {
        storage.setItem(ANNOUNCED_KEY, JSON.stringify(keys));
      } catch {
        // A full storage must not stop the calls; the in-memory set still prevents repeats on this load.
      }
    },
  };
}
