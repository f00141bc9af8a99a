import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer is served from a custom scheme in Electron and from loopback
// http in browser mode, so every asset path is relative.
// A build is the production bundle whatever NODE_ENV the shell or test runner set (vitest sets "test", which
// would otherwise give React's development build); `--mode development` still builds one on purpose.
export default defineConfig(({ command, mode }) => ({
  root: 'renderer',
  base: './',
  plugins: [react()],
  define: command === 'build' ? { 'process.env.NODE_ENV': JSON.stringify(mode === 'development' ? 'development' : 'production') } : {},
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
    // The CSP forbids inline scripts and styles; keep every asset a file.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
}));
