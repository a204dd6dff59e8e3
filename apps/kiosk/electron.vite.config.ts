import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';

// Builds the kiosk's Electron side: the main process (ES module) and the preload (CommonJS, because a
// sandboxed preload cannot be an ES module). The renderer is not built here: the kiosk loads it from
// the hall server (`vite build` → dist/, served at /kiosk/), so every kiosk runs the server's version.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // @luot/shared is TypeScript source (no build step): bundle it. Native and npm deps stay external.
      externalizeDeps: { exclude: ['@luot/shared'] },
      rollupOptions: { input: { index: resolve(import.meta.dirname, 'src/main/index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // Sandboxed preloads may require only `electron`: bundle everything else into the one file.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'src/preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
});
