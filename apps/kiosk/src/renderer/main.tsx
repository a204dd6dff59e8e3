// The kiosk renderer's entry: served by the hall server at /kiosk/, loaded by the Electron shell (with
// the printer bridge) or by any browser (the ticket is then shown on screen).
import '@luot/client/theme.css';
import './kiosk.css';
import { StrictMode } from 'react';
import { AppErrorBoundary } from '@luot/client/react';
import { createRoot } from 'react-dom/client';
import { DiagnosticsGate } from './diagnostics/DiagnosticsGate.tsx';
import { KioskApp } from './KioskApp.tsx';
import { printerFor } from './printer-port.ts';

/** Take `?code=` out of the address (a pairing code is used once and must not linger in history). */
function takePairingCode(): string | null {
  const url = new URL(window.location.href);
  const code = url.searchParams.get('code');
  if (code === null) return null;
  url.searchParams.delete('code');
  window.history.replaceState(null, '', `${url.pathname}${url.search}${url.hash}`);
  return code;
}

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <DiagnosticsGate bridge={window.luotKiosk?.diagnostics ?? null} origin={window.location.origin}>
        <AppErrorBoundary app="kiosk">
          <KioskApp
            origin={window.location.origin}
            storage={window.localStorage}
            printer={printerFor(window.luotKiosk)}
            initialCode={takePairingCode()}
          />
        </AppErrorBoundary>
      </DiagnosticsGate>
    </StrictMode>,
  );
}
