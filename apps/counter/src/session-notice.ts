import type { LocalizedText } from '@luot/shared/domain';
import type { Locale } from '@luot/shared/text';
import { translate } from '@luot/shared/text';

/** Why the sign-in screen greets the clerk with a notice. */
export type SessionNotice =
  { readonly kind: 'takeover' | 'moved' | 'signedOut' } | { readonly kind: 'idle'; readonly minutes: number };

/** The notice's sentence. */
export function sessionNoticeText(locale: Locale, notice: SessionNotice): string {
  switch (notice.kind) {
    case 'takeover':
      return translate(locale, 'counter.session.takeover');
    case 'moved':
      return translate(locale, 'counter.session.moved');
    case 'signedOut':
      return translate(locale, 'counter.session.signedOut');
    case 'idle':
      return translate(locale, 'counter.session.idle', { minutes: notice.minutes });
  }
}

/**
 * A message after an action: what it did, or why it was refused (never a raw code). Kept in both
 * languages so switching language re-reads it.
 */
export interface Flash {
  readonly kind: 'success' | 'error';
  readonly text: LocalizedText;
}
