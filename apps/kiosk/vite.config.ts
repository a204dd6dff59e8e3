import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const hallServer = 'http://127.0.0.1:8080';

// The kiosk's renderer as a web app: the hall server serves dist/ at /kiosk/, where the Electron shell
// (and a developer's ordinary browser) loads it.
export default defineConfig({
  base: '/kiosk/',
  root: import.meta.dirname,
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true },
  server: {
    proxy: {
      '/socket.io': { target: hallServer, ws: true },
      '/api': hallServer,
      '/voice': hallServer,
    },
  },
});
