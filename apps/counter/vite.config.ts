import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const hall = 'http://127.0.0.1:8080';

// Two pages in one app: the clerk's terminal at /counter/ and the citizen's feedback tablet at
// /counter/feedback/ (the hall server serves a folder's own index.html for a path ending in `/`).
// Vite 8's top-level `input` resolves against the project root, so no Node path helpers are needed.
export default defineConfig({
  base: '/counter/',
  plugins: [react()],
  input: { terminal: 'index.html', feedback: 'feedback/index.html' },
  build: { outDir: 'dist', emptyOutDir: true },
  server: {
    proxy: {
      '/socket.io': { target: hall, ws: true },
      '/api': hall,
      '/voice': hall,
    },
  },
});
