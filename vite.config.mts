import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer is served from a custom scheme in Electron and from loopback
// http in browser mode, so every asset path is relative.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
    // The CSP forbids inline scripts and styles; keep every asset a file.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
});
