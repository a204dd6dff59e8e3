import type { Locale } from '@luot/shared/text';
import { translate } from '@luot/shared/text';

/** While the server records the ticket and the printer prints it: nothing to touch, one clear message. */
export function IssuingScreen(props: { readonly locale: Locale }) {
  return (
    <main className="kiosk-screen kiosk-issuing" data-screen="issuing" lang={props.locale} aria-busy="true">
      <div className="kiosk-spinner" aria-hidden="true" />
      <h1 className="kiosk-issuing__text">
        <span role="status">{translate(props.locale, 'kiosk.issuing')}</span>
      </h1>
    </main>
  );
}
