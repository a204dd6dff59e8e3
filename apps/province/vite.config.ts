import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const hub = 'http://127.0.0.1:8090';

// The province console, served by the hub at /province/.
export default defineConfig({
  base: '/province/',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true },
  server: { proxy: { '/api': hub } },
});
