import { describe, expect, it } from 'vitest';
import type { KeyValueStorage } from '../src/settings.ts';
import {
  effectiveFilter,
  isSoundRemembered,
  loadSettings,
  parseServicesParam,
  rememberSound,
  saveSettings,
  storedAnnouncerMemory,
} from '../src/settings.ts';

/** localStorage's contract over a Map. */
class MapStorage implements KeyValueStorage {
  readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

describe('display settings', () => {
  it('reads ?services= as a list of service ids', () => {
    expect(parseServicesParam('?services=dat-dai,ho-tich')).toEqual(['dat-dai', 'ho-tich']);
    expect(parseServicesParam('?services= Dat-Dai , ,ho-tich,dat-dai')).toEqual(['dat-dai', 'ho-tich']);
    expect(parseServicesParam('?services=all')).toBeNull();
    expect(parseServicesParam('?services=')).toBeNull();
    expect(parseServicesParam('?other=1')).toBeNull();
    expect(parseServicesParam('?services=<b>,ok')).toEqual(['ok']);
  });

  it('lets the address win over saved settings, and saved settings over the default', () => {
    const storage = new MapStorage();
    expect(effectiveFilter('', storage)).toEqual({ serviceIds: null, source: 'default' });
    saveSettings(storage, { serviceIds: ['ho-tich'] });
    expect(loadSettings(storage)).toEqual({ serviceIds: ['ho-tich'] });
    expect(effectiveFilter('', storage)).toEqual({ serviceIds: ['ho-tich'], source: 'saved' });
    expect(effectiveFilter('?services=dat-dai', storage)).toEqual({ serviceIds: ['dat-dai'], source: 'url' });
  });

  it('ignores garbage in storage', () => {
    const storage = new MapStorage();
    storage.setItem('luot.display.settings', '{"serviceIds": 5}');
    expect(loadSettings(storage)).toEqual({ serviceIds: null });
    storage.setItem('luot.display.settings', 'not json');
    expect(loadSettings(storage)).toEqual({ serviceIds: null });
    storage.setItem('luot.display.announced', '{"nope":1}');
    expect(storedAnnouncerMemory(storage).load()).toEqual([]);
  });

  it('remembers that sound was enabled and which calls were said', () => {
    const storage = new MapStorage();
    expect(isSoundRemembered(storage)).toBe(false);
    rememberSound(storage);
    expect(isSoundRemembered(storage)).toBe(true);
    const memory = storedAnnouncerMemory(storage);
    memory.save(['12#1', '12#2']);
    expect(storedAnnouncerMemory(storage).load()).toEqual(['12#1', '12#2']);
  });
});
