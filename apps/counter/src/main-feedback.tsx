import '@luot/client/theme.css';
import './styles/common.css';
import './styles/feedback.css';
import { StrictMode } from 'react';
import { AppErrorBoundary } from '@luot/client/react';
import { createRoot } from 'react-dom/client';
import { FeedbackApp } from './FeedbackApp.tsx';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <AppErrorBoundary app="feedback">
        <FeedbackApp />
      </AppErrorBoundary>
    </StrictMode>,
  );
}
