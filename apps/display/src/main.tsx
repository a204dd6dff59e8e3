import '@luot/client/theme.css';
import './display.css';
import { StrictMode } from 'react';
import { AppErrorBoundary } from '@luot/client/react';
import { createRoot } from 'react-dom/client';
import { DisplayApp } from './DisplayApp.tsx';
import { DisplayRuntime } from './runtime.ts';

const root = document.getElementById('root');
if (root === null) throw new Error('index.html lacks #root');

// One runtime per page: the AudioContext, the announcement queue and its memory outlive any re-pairing.
const runtime = new DisplayRuntime(localStorage);
runtime.start();

createRoot(root).render(
  <StrictMode>
    <AppErrorBoundary app="display">
      <DisplayApp runtime={runtime} storage={localStorage} />
    </AppErrorBoundary>
  </StrictMode>,
);
