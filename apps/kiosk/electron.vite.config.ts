import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';

// Builds the kiosk's Electron side: the main process (ES module) and the preload (CommonJS, because a
// sandboxed preload cannot be an ES module). The renderer is not built here: the kiosk loads it from
// the hall server (`vite build` → dist/, served at /kiosk/), so every kiosk runs the server's version.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // Only the package's `dependencies` stay external (native modules, fonts, and the few pure-JS
      // libraries the printer uses): they are what electron-builder packs into app.asar. Everything in
      // devDependencies — @luot/shared (TypeScript source) included — is bundled into out/main.
      externalizeDeps: true,
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
