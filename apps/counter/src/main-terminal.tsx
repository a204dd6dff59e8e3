import '@luot/client/theme.css';
import './styles/common.css';
import './styles/terminal.css';
import { StrictMode } from 'react';
import { AppErrorBoundary } from '@luot/client/react';
import { createRoot } from 'react-dom/client';
import { TerminalApp } from './TerminalApp.tsx';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <AppErrorBoundary app="counter">
        <TerminalApp />
      </AppErrorBoundary>
    </StrictMode>,
  );
}
