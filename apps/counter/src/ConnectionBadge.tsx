import type { ConnectionStatus } from '@luot/client';
import type { Locale } from '@luot/shared/text';
import { translate } from '@luot/shared/text';

/** The connection state, always visible in a corner: green online, amber connecting, red offline. */
export function ConnectionBadge({
  status,
  locale,
}: {
  readonly status: ConnectionStatus;
  readonly locale: Locale;
}) {
  const tone = status === 'online' ? 'online' : status === 'connecting' ? 'connecting' : 'offline';
  const text =
    status === 'online'
      ? translate(locale, 'counter.connection.online')
      : status === 'connecting'
        ? translate(locale, 'counter.connection.connecting')
        : translate(locale, 'counter.connection.offline');
  return (
    <span className={`connection connection--${tone}`} role="status" data-status={status}>
      <span className="connection__dot" aria-hidden="true" />
      {text}
    </span>
  );
}

/** The red strip shown while the terminal cannot reach the server; actions are disabled meanwhile. */
export function OfflineBanner({ locale }: { readonly locale: Locale }) {
  return (
    <div className="offline-banner" role="alert">
      {translate(locale, 'counter.connection.offlineBanner')}
    </div>
  );
}
