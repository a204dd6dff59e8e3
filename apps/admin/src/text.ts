import { createContext, useContext } from 'react';
import type { LocalizedText } from '@luot/shared/domain';
import type { Locale, MessageId, TranslateParamsArgs } from '@luot/shared/text';
import { translate } from '@luot/shared/text';

/** The console's language: Vietnamese unless the manager picked English. */
export const LocaleContext = createContext<Locale>('vi');

/** A translator bound to the console's language. */
export function useText(): {
  locale: Locale;
  t: <Id extends MessageId>(id: Id, ...params: TranslateParamsArgs<Id>) => string;
  name: (text: LocalizedText) => string;
} {
  const locale = useContext(LocaleContext);
  return {
    locale,
    t: (id, ...params) => translate(locale, id, ...params),
    name: (text) => (locale === 'en' && text.en ? text.en : text.vi),
  };
}

/** "12,5 phút" / "12.5 min" from milliseconds; "—" when there is no value. */
export function formatMinutes(locale: Locale, ms: number | null): string {
  if (ms === null) return '—';
  const minutes = Math.round((ms / 60_000) * 10) / 10;
  return `${minutes.toLocaleString(locale === 'vi' ? 'vi-VN' : 'en-GB')} ${locale === 'vi' ? 'phút' : 'min'}`;
}

/** "87,5 %" with one decimal; "—" when there is no value. */
export function formatPercent(locale: Locale, value: number | null): string {
  if (value === null) return '—';
  return `${(Math.round(value * 10) / 10).toLocaleString(locale === 'vi' ? 'vi-VN' : 'en-GB')} %`;
}

/** Date and time in the hall's zone: "29/11/2026 08:05:12". */
export function formatDateTime(at: number, timeZone: string): string {
  return new Intl.DateTimeFormat('vi-VN', {
    timeZone,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).format(at);
}

/** The business day (YYYY-MM-DD) of an instant in a zone, for date inputs. */
export function localDay(at: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

const LOCALE_KEY = 'luot.admin.locale';

/** The language picked last in this browser. */
export const loadLocale = (storage: Pick<Storage, 'getItem'>): Locale =>
  storage.getItem(LOCALE_KEY) === 'en' ? 'en' : 'vi';

/** Remember the language. */
export const saveLocale = (storage: Pick<Storage, 'setItem'>, locale: Locale): void =>
  storage.setItem(LOCALE_KEY, locale);
