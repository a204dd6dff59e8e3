import { useEffect, useState } from 'react';
import type { HallConnection } from '@luot/client';
import { useHallView } from '@luot/client/react';
import type { AdminApi, Manager } from './api.ts';
import { AuditScreen } from './AuditScreen.tsx';
import { ConfigScreen } from './ConfigScreen.tsx';
import { DevicesScreen } from './DevicesScreen.tsx';
import { PlainHttpBanner } from './PlainHttpBanner.tsx';
import { HubLinkPanel, hubLinkTabLabel } from './HubLinkPanel.tsx';
import { MonitorScreen } from './MonitorScreen.tsx';
import { ReportsScreen } from './ReportsScreen.tsx';
import { SimulatorScreen } from './SimulatorScreen.tsx';
import { useText } from './text.ts';

const TABS = ['monitor', 'config', 'devices', 'reports', 'simulator', 'audit', 'hub'] as const;
type Tab = (typeof TABS)[number];

/** The console once signed in: a header, the tabs and the current screen. */
export function ConsoleScreen(props: {
  api: AdminApi;
  connection: HallConnection;
  manager: Manager;
  /** The session token (the province hub panel calls its own routes with it). */
  token: string;
  onSignOut: () => void;
  onToggleLocale: () => void;
  onUnauthorized: () => void;
}) {
  const { t, locale } = useText();
  const view = useHallView(props.connection);
  const [tab, setTab] = useState<Tab>(() => tabFromHash(window.location.hash));
  const { onUnauthorized } = props;
  useEffect(() => {
    if (view.status === 'unauthorized') onUnauthorized();
  }, [view.status, onUnauthorized]);
  const choose = (next: Tab): void => {
    window.location.hash = next;
    setTab(next);
  };
  return (
    <div className="console">
      <header className="console-header">
        <h1 className="brand">
          <strong>Lượt</strong>
          <span>{view.config?.hall.name ?? '…'}</span>
        </h1>
        <nav className="tabs" aria-label={t('admin.nav.label')}>
          {TABS.map((name) => (
            <button
              key={name}
              className={name === tab ? 'tab active' : 'tab'}
              onClick={() => choose(name)}
              aria-current={name === tab}
            >
              {name === 'hub' ? hubLinkTabLabel(locale) : t(`admin.nav.${name}`)}
            </button>
          ))}
        </nav>
        <div className="header-side">
          <span className={`status status-${view.status}`}>{t(`admin.status.${view.status}`)}</span>
          <span className="muted">{props.manager.displayName}</span>
          <button className="link" onClick={props.onToggleLocale}>
            {locale === 'vi' ? 'EN' : 'VI'}
          </button>
          <button className="link" onClick={props.onSignOut}>
            {t('admin.nav.signOut')}
          </button>
        </div>
      </header>
      <PlainHttpBanner api={props.api} view={view} />
      <main className="console-body">
        {view.config === null || view.state === null ? (
          <p className="muted">{t('admin.common.loading')}</p>
        ) : tab === 'monitor' ? (
          <MonitorScreen api={props.api} connection={props.connection} view={view} />
        ) : tab === 'config' ? (
          <ConfigScreen api={props.api} config={view.config} />
        ) : tab === 'devices' ? (
          <DevicesScreen api={props.api} view={view} />
        ) : tab === 'reports' ? (
          <ReportsScreen api={props.api} config={view.config} />
        ) : tab === 'simulator' ? (
          <SimulatorScreen api={props.api} config={view.config} />
        ) : tab === 'hub' ? (
          <HubLinkPanel token={props.token} timeZone={view.config.hall.timeZone} />
        ) : (
          <AuditScreen api={props.api} config={view.config} />
        )}
      </main>
    </div>
  );
}

function tabFromHash(hash: string): Tab {
  const name = hash.replace(/^#/, '');
  return TABS.find((tab) => tab === name) ?? 'monitor';
}
