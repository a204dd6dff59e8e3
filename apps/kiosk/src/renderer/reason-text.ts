import type { PrinterState } from '@luot/shared/contracts';
import type { Locale } from '@luot/shared/text';
import { translate, translateErrorCode } from '@luot/shared/text';
import type { FieldChoice, UnavailableReason } from './catalogue.ts';
import type { Refusal } from './issue-flow.ts';

/** The words on a disabled service button. */
export function unavailableText(
  locale: Locale,
  reason: UnavailableReason | NonNullable<FieldChoice['unavailable']>,
): string {
  switch (reason.kind) {
    case 'inactive':
      return translate(locale, 'kiosk.reason.inactive');
    case 'quota':
      return translate(locale, 'kiosk.reason.quota');
    case 'none-open':
      return translate(locale, 'kiosk.reason.noService');
    case 'closed': {
      const hours =
        reason.todayHours.length > 0
          ? translate(locale, 'kiosk.reason.hoursToday', { hours: reason.todayHours.join(', ') })
          : translate(locale, 'kiosk.reason.closedToday');
      return `${translate(locale, 'kiosk.reason.closed')}. ${hours}`;
    }
  }
}

/** What a printer state means to a visitor ("Máy in đã hết giấy."). */
export function printerText(locale: Locale, state: PrinterState): string {
  switch (state) {
    case 'ok':
      return translate(locale, 'kiosk.printer.ok');
    case 'paper_low':
      return translate(locale, 'kiosk.printer.paper_low');
    case 'paper_out':
      return translate(locale, 'kiosk.printer.paper_out');
    case 'cover_open':
      return translate(locale, 'kiosk.printer.cover_open');
    case 'offline':
      return translate(locale, 'kiosk.printer.offline');
    case 'no_answer':
      return translate(locale, 'kiosk.printer.no_answer');
  }
}

/** Why no ticket came out, in plain words; never a raw error code. */
export function refusalText(locale: Locale, refusal: Refusal): string {
  switch (refusal.kind) {
    case 'printer':
      return printerText(locale, refusal.state);
    case 'offline':
      return translate(locale, 'kiosk.refused.offline');
    case 'server':
      return translateErrorCode(locale, refusal.code);
  }
}
