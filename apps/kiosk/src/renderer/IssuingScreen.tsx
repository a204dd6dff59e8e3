import type { Locale } from '@luot/shared/text';
import { translate } from '@luot/shared/text';

/** While the server records the ticket and the printer prints it: nothing to touch, one clear message. */
export function IssuingScreen(props: { readonly locale: Locale }) {
  return (
    <div className="kiosk-screen kiosk-issuing" data-screen="issuing" lang={props.locale} aria-busy="true">
      <div className="kiosk-spinner" aria-hidden="true" />
      <p className="kiosk-issuing__text" role="status">
        {translate(props.locale, 'kiosk.issuing')}
      </p>
    </div>
  );
}
