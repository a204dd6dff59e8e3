import { useCallback, useEffect, useState } from 'react';
import type { CatalogueOffer, HubLinkStatus, WireError } from '@luot/shared/contracts';
import type { CatalogueChange, CatalogueDetail, LocalizedText } from '@luot/shared/domain';
import './HubLinkPanel.css';
import { formatDateTime, useText } from './text.ts';

// The hall's link to its province hub (docs/HUB.md), kept apart from the rest of the console: the link's
// state (connected, events behind) and the province's service catalogue, which the manager reviews and
// accepts. Its words live here: Vietnamese first, English second.

const WORDS = {
  tab: { vi: 'Trung tâm tỉnh', en: 'Province hub' },
  title: { vi: 'Kết nối với máy chủ tỉnh', en: 'Link to the province hub' },
  none: {
    vi: 'Trung tâm chưa kết nối với máy chủ tỉnh. Trung tâm vẫn hoạt động độc lập; không có dữ liệu nào được gửi đi.',
    en: 'This hall has no province hub. It runs on its own; nothing is sent anywhere.',
  },
  connected: { vi: 'Đang kết nối', en: 'Connected' },
  disconnected: {
    vi: 'Mất kết nối — Trung tâm vẫn hoạt động bình thường, dữ liệu sẽ được gửi khi có kết nối',
    en: 'Not connected — the hall works as usual; events are sent when the link is back',
  },
  hub: { vi: 'Máy chủ tỉnh', en: 'Hub' },
  behind: { vi: 'Sự kiện chưa gửi', en: 'Events not yet sent' },
  lastSuccess: { vi: 'Gửi thành công lần cuối', en: 'Last successful send' },
  lastError: { vi: 'Lỗi gần nhất', en: 'Last error' },
  statusPages: { vi: 'Mã QR trên phiếu mở trang', en: 'Ticket QR codes open' },
  ownPages: { vi: 'trang của Trung tâm (mạng nội bộ)', en: 'the hall’s own page (local network)' },
  never: { vi: 'chưa có', en: 'never' },
  catalogue: { vi: 'Danh mục dịch vụ của tỉnh', en: 'The province’s service catalogue' },
  check: { vi: 'Xem danh mục của tỉnh', en: 'Check the province catalogue' },
  noCatalogue: { vi: 'Tỉnh chưa có danh mục.', en: 'The province has no catalogue yet.' },
  upToDate: {
    vi: 'Cấu hình của Trung tâm đã khớp với danh mục của tỉnh.',
    en: 'The hall already matches the province catalogue.',
  },
  version: { vi: 'Phiên bản', en: 'Version' },
  changes: { vi: 'Những thay đổi nếu chấp nhận', en: 'What accepting changes' },
  accept: { vi: 'Chấp nhận danh mục', en: 'Accept the catalogue' },
  accepted: {
    vi: 'Đã cập nhật cấu hình theo danh mục của tỉnh.',
    en: 'The configuration now follows the province catalogue.',
  },
  'field-added': { vi: 'Thêm lĩnh vực', en: 'New field' },
  'field-changed': { vi: 'Đổi lĩnh vực', en: 'Field changed' },
  'service-added': {
    vi: 'Thêm dịch vụ (cần gán quầy và bật)',
    en: 'New service (give it counters and turn it on)',
  },
  'service-changed': { vi: 'Đổi dịch vụ', en: 'Service changed' },
  name: { vi: 'tên', en: 'name' },
  field: { vi: 'lĩnh vực', en: 'field' },
  prefix: { vi: 'ký hiệu', en: 'prefix' },
  expected: { vi: 'thời gian phục vụ dự kiến', en: 'expected service time' },
  procedures: { vi: 'thủ tục', en: 'procedures' },
  inactive: { vi: 'chưa hoạt động', en: 'inactive' },
} as const satisfies Record<string, LocalizedText>;

/** One detail of a change in the manager's language: "ký hiệu A → B", "thủ tục +2 −1". */
function detailText(detail: CatalogueDetail, w: (id: keyof typeof WORDS) => string): string {
  switch (detail.what) {
    case 'name':
      return w('name');
    case 'inactive':
      return w('inactive');
    case 'field':
      return `${w('field')} ${detail.from} → ${detail.to}`;
    case 'prefix':
      return `${w('prefix')} ${detail.from} → ${detail.to}`;
    case 'expected-minutes':
      return `${w('expected')} ${detail.from} → ${detail.to}`;
    case 'procedures':
      return `${w('procedures')} +${detail.added} −${detail.removed}${detail.renamed > 0 ? ` ~${detail.renamed}` : ''}`;
  }
}

type Result<T> = { ok: true; value: T } | { ok: false; error: WireError };

async function call<T>(token: string, method: string, path: string, body?: unknown): Promise<Result<T>> {
  try {
    const response = await fetch(path, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return (await response.json()) as Result<T>;
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: 'the hall server cannot be reached' } };
  }
}

/** The tab's label, in the console's language. */
export function hubLinkTabLabel(locale: 'vi' | 'en'): string {
  return WORDS.tab[locale];
}

/** The link panel: its state refreshed every 10 s, and the catalogue on demand. */
export function HubLinkPanel(props: { token: string; timeZone: string }) {
  const { locale } = useText();
  const w = (id: keyof typeof WORDS): string => WORDS[id][locale];
  const [status, setStatus] = useState<HubLinkStatus | null>(null);
  const [offer, setOffer] = useState<CatalogueOffer | null | undefined>(undefined);
  const [message, setMessage] = useState<{ isError: boolean; text: string } | null>(null);
  const { token } = props;

  const refresh = useCallback(async () => {
    const result = await call<HubLinkStatus>(token, 'GET', '/api/admin/hub-link');
    if (result.ok) setStatus(result.value);
  }, [token]);
  useEffect(() => {
    void refresh();
    const timer = setInterval(() => void refresh(), 10_000);
    return () => clearInterval(timer);
  }, [refresh]);

  const check = async (): Promise<void> => {
    setMessage(null);
    const result = await call<CatalogueOffer | null>(token, 'GET', '/api/admin/hub-catalogue');
    if (result.ok) setOffer(result.value);
    else setMessage({ isError: true, text: result.error.message });
  };
  const accept = async (version: number): Promise<void> => {
    const requestId = crypto.randomUUID().replaceAll('-', '');
    const result = await call<CatalogueOffer>(token, 'POST', '/api/admin/hub-catalogue/accept', {
      requestId,
      version,
    });
    if (!result.ok) return setMessage({ isError: true, text: result.error.message });
    await check();
    setMessage({ isError: false, text: w('accepted') });
  };
  const when = (at: number | null): string => (at === null ? w('never') : formatDateTime(at, props.timeZone));
  const changeLabel = (change: CatalogueChange): string =>
    `${w(change.kind)}: ${locale === 'en' && change.name.en ? change.name.en : change.name.vi}`;

  return (
    <section className="panel hub-link" aria-labelledby="hub-link-title">
      <h2 id="hub-link-title">{w('title')}</h2>
      {status === null ? null : !status.isEnabled ? (
        <p>{w('none')}</p>
      ) : (
        <>
          <p className={status.isConnected ? 'success' : 'problem'} role="status">
            <strong>{status.isConnected ? w('connected') : w('disconnected')}</strong>
          </p>
          <dl className="facts">
            <dt>{w('hub')}</dt>
            <dd>
              <code>{status.hubUrl}</code>
            </dd>
            <dt>{w('behind')}</dt>
            <dd>{status.eventsBehind.toLocaleString(locale === 'vi' ? 'vi-VN' : 'en-GB')}</dd>
            <dt>{w('lastSuccess')}</dt>
            <dd>{when(status.lastSuccessAt)}</dd>
            {status.lastError && (
              <>
                <dt>{w('lastError')}</dt>
                <dd className="problem">{status.lastError}</dd>
              </>
            )}
            <dt>{w('statusPages')}</dt>
            <dd>
              {status.publicUrl && status.isConnected ? <code>{status.publicUrl}/t/…</code> : w('ownPages')}
            </dd>
          </dl>

          <h3>{w('catalogue')}</h3>
          <button type="button" onClick={() => void check()}>
            {w('check')}
          </button>
          {offer === null && <p>{w('noCatalogue')}</p>}
          {offer && (
            <div>
              <p className="muted">
                {w('version')} {offer.version} — {when(offer.createdAt)}
              </p>
              {offer.changes.length === 0 ? (
                <p>{w('upToDate')}</p>
              ) : (
                <>
                  <h4>{w('changes')}</h4>
                  <ul>
                    {offer.changes.map((change) => (
                      <li key={`${change.kind}-${change.id}`}>
                        {changeLabel(change)}{' '}
                        {change.details.length > 0 && (
                          <span className="muted">
                            ({change.details.map((detail) => detailText(detail, w)).join(', ')})
                          </span>
                        )}
                      </li>
                    ))}
                  </ul>
                  <button type="button" className="primary" onClick={() => void accept(offer.version)}>
                    {w('accept')}
                  </button>
                </>
              )}
            </div>
          )}
          {message && (
            <p
              role={message.isError ? 'alert' : 'status'}
              className={message.isError ? 'problem' : 'success'}
            >
              {message.text}
            </p>
          )}
        </>
      )}
    </section>
  );
}
