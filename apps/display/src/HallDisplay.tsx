import { HallConnection } from '@luot/client';
import { useHallView, useNow } from '@luot/client/react';
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { Bilingual } from './Bilingual.tsx';
import { DisplayScreen } from './DisplayScreen.tsx';
import { buildDisplayModel } from './display-model.ts';
import { isInService } from '@luot/shared/domain';
import type { DisplayRuntime } from './runtime.ts';
import { SettingsPanel } from './SettingsPanel.tsx';
import type { FilterSource, KeyValueStorage } from './settings.ts';
import { effectiveFilter, saveSettings } from './settings.ts';
import { SoundPrompt } from './SoundPrompt.tsx';

// A protocol mismatch means the server was updated: reload to fetch the matching app.
const MISMATCH_RELOAD_MS = 10_000;

/** The paired display: one connection to the hall, announcing every call it sees. */
export function HallDisplay({
  token,
  runtime,
  storage,
  onUnpair,
}: {
  readonly token: string;
  readonly runtime: DisplayRuntime;
  readonly storage: KeyValueStorage;
  readonly onUnpair: (isRevoked: boolean) => void;
}) {
  const [connection, setConnection] = useState<HallConnection | null>(null);
  useEffect(() => {
    const opened = new HallConnection({ url: window.location.origin, token });
    const stopWatching = runtime.watch(opened);
    setConnection(opened);
    return () => {
      stopWatching();
      opened.close();
    };
  }, [token, runtime]);
  if (connection === null) return <Connecting />;
  return <ConnectedDisplay connection={connection} runtime={runtime} storage={storage} onUnpair={onUnpair} />;
}

function Connecting() {
  return (
    <main className="display-message">
      <Bilingual id="display.status.connecting" />
    </main>
  );
}

function ConnectedDisplay({
  connection,
  runtime,
  storage,
  onUnpair,
}: {
  readonly connection: HallConnection;
  readonly runtime: DisplayRuntime;
  readonly storage: KeyValueStorage;
  readonly onUnpair: (isRevoked: boolean) => void;
}) {
  const view = useHallView(connection);
  const now = useNow(1_000, view.clockOffsetMs);
  const sound = useSyncExternalStore(
    (listener) => runtime.sound.subscribe(listener),
    () => runtime.sound.current,
  );
  const [filter, setFilter] = useState<{ serviceIds: readonly string[] | null; source: FilterSource }>(() =>
    effectiveFilter(window.location.search, storage),
  );
  const [isSettingsOpen, setSettingsOpen] = useState(false);

  useEffect(() => runtime.setFilter(filter.serviceIds), [runtime, filter.serviceIds]);

  useEffect(() => {
    if (view.status === 'unauthorized') onUnpair(true);
    if (view.status !== 'mismatch') return;
    const timer = setTimeout(() => window.location.reload(), MISMATCH_RELOAD_MS);
    return () => clearTimeout(timer);
  }, [view.status, onUnpair]);

  // Sound needs one press; any press or key on the page counts (also the one that opens the settings).
  useEffect(() => {
    const unlock = (): void => runtime.sound.enable();
    window.addEventListener('pointerdown', unlock);
    window.addEventListener('keydown', unlock);
    return () => {
      window.removeEventListener('pointerdown', unlock);
      window.removeEventListener('keydown', unlock);
    };
  }, [runtime]);

  // The settings panel opens with a small button or the S key (a TV remote or a keyboard).
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if ((event.key === 's' || event.key === 'S') && !(event.target instanceof HTMLInputElement)) {
        setSettingsOpen(true);
      } else if (event.key === 'Escape') {
        setSettingsOpen(false);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const { state, config } = view;
  const model = useMemo(
    () => (state === null || config === null ? null : buildDisplayModel(state, config, filter.serviceIds)),
    [state, config, filter.serviceIds],
  );

  if (view.status === 'mismatch') {
    return (
      <main className="display-message">
        <Bilingual id="display.status.mismatch" />
      </main>
    );
  }
  if (model === null || config === null) return <Connecting />;

  return (
    <>
      <DisplayScreen
        model={model}
        now={now}
        isLive={view.status === 'online'}
        isSoundOff={sound === 'needs-press' || sound === 'unavailable'}
        onOpenSettings={() => setSettingsOpen(true)}
      />
      {sound === 'needs-press' && <SoundPrompt onEnable={() => runtime.sound.enable()} />}
      {isSettingsOpen && (
        <SettingsPanel
          services={config.services.filter(isInService)}
          serviceIds={filter.serviceIds}
          isFromAddress={filter.source === 'url'}
          onSave={(serviceIds) => {
            saveSettings(storage, { serviceIds });
            // The saved choice replaces `?services=` from now on.
            const url = new URL(window.location.href);
            url.searchParams.delete('services');
            window.history.replaceState(null, '', `${url.pathname}${url.search}${url.hash}`);
            setFilter({ serviceIds, source: serviceIds === null ? 'default' : 'saved' });
            setSettingsOpen(false);
          }}
          onClose={() => setSettingsOpen(false)}
          onTestSound={() => runtime.testSound()}
          onUnpair={() => onUnpair(false)}
        />
      )}
    </>
  );
}
