import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const hall = 'http://127.0.0.1:8080';

export default defineConfig({
  base: '/admin/',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true },
  server: {
    proxy: {
      '/socket.io': { target: hall, ws: true },
      '/api': hall,
      '/voice': hall,
    },
  },
});
