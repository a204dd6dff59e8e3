import type { LocalizedText } from '@luot/shared/domain';
import type { Locale } from '@luot/shared/text';
import { localizedName, translate } from '@luot/shared/text';

/** A configured name (service, counter, priority group) in the screen's language, never blank. */
export const localized = (text: LocalizedText, locale: Locale): string => localizedName(text, locale);

/**
 * "45 giây", "12 phút", "1 giờ 5 phút": every duration on the terminal (waited, served, longest wait,
 * average) in this one format.
 */
export function formatDuration(locale: Locale, ms: number): string {
  const totalSeconds = Math.max(0, Math.floor(ms / 1000));
  if (totalSeconds < 60) return translate(locale, 'counter.duration.seconds', { seconds: totalSeconds });
  const totalMinutes = Math.floor(totalSeconds / 60);
  if (totalMinutes < 60) return translate(locale, 'counter.duration.minutes', { minutes: totalMinutes });
  return translate(locale, 'counter.duration.hours', {
    hours: Math.floor(totalMinutes / 60),
    minutes: totalMinutes % 60,
  });
}

const LOCALE_KEY = 'luot.counter.locale';

/** The language the clerk chose last on this terminal; Vietnamese unless English was picked. */
export function loadLocale(storage: Pick<Storage, 'getItem'>): Locale {
  return storage.getItem(LOCALE_KEY) === 'en' ? 'en' : 'vi';
}

/** Remember the clerk's language on this terminal. */
export function saveLocale(storage: Pick<Storage, 'setItem'>, locale: Locale): void {
  storage.setItem(LOCALE_KEY, locale);
}
