import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const hall = 'http://127.0.0.1:8080';

// Two pages: the hall display at /display/ and the light ticket-status page, which the hall server
// serves for /t/<code>. Vite 8's top-level `input` resolves against the project root (no Node helpers).
export default defineConfig({
  base: '/display/',
  plugins: [react()],
  input: { index: 'index.html', status: 'status.html' },
  build: { outDir: 'dist', emptyOutDir: true },
  server: {
    proxy: {
      '/socket.io': { target: hall, ws: true },
      '/api': hall,
      '/voice': hall,
    },
  },
});
