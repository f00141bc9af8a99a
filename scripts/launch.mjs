// `npm start`: builds (quietly; --verbose shows the build), then opens the
// desktop window where an Electron runtime exists; otherwise the same app on
// loopback, whose start-up block says why, which database and where to open it.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildMain, buildRenderer } from './build.mjs';
import { findElectronRuntime } from './electronRuntime.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const verbose = process.argv.includes('--verbose');
const passThrough = process.argv.slice(2).filter((arg) => arg !== '--verbose');
await buildMain({ quiet: !verbose });
await buildRenderer({ quiet: !verbose });
const headless = process.env.CI || passThrough.includes('--no-open') || (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY);

/** Electron's own installer, only where it can plausibly reach its download host. */
function tryElectronInstaller() {
  if (process.env.CI || process.env.ACCORD_NO_ELECTRON_INSTALL || headless) return;
  let installer;
  try {
    installer = join(dirname(require.resolve('electron/package.json')), 'install.js');
  } catch {
    return;
  }
  console.log('Accord: trying to install the Electron runtime (set ACCORD_NO_ELECTRON_INSTALL=1 to skip)...');
  spawnSync(process.execPath, [installer], { stdio: 'inherit', timeout: 120_000 });
}

let runtime = findElectronRuntime();
if (!runtime.path && !process.env.ELECTRON_OVERRIDE_DIST_PATH) {
  tryElectronInstaller();
  runtime = findElectronRuntime();
}
const why = runtime.reason;

if (runtime.path && !why && !headless) {
  const child = spawn(runtime.path, [join(root, 'dist', 'electron', 'main.cjs'), ...passThrough], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  const reason = why ?? 'no display for a desktop window';
  const child = spawn(process.execPath, [join(root, 'bin', 'accord.cjs'), 'serve', '--why', reason, ...passThrough], { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
}
