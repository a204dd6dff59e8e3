import '@luot/client/theme.css';
import './province.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ProvinceApp } from './ProvinceApp.tsx';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <ProvinceApp />
    </StrictMode>,
  );
}
