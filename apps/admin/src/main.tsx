import '@luot/client/theme.css';
import './admin.css';
import { StrictMode } from 'react';
import { AppErrorBoundary } from '@luot/client/react';
import { createRoot } from 'react-dom/client';
import { AdminApp } from './AdminApp.tsx';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <AppErrorBoundary app="admin">
        <AdminApp />
      </AppErrorBoundary>
    </StrictMode>,
  );
}
