// Finds an installed Electron runtime without downloading anything.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);

const EXECUTABLE = { win32: 'electron.exe', darwin: 'Electron.app/Contents/MacOS/Electron' };

/**
 * The Electron executable, or null with the reason. ELECTRON_OVERRIDE_DIST_PATH
 * (a folder carried on media to an offline post) wins over node_modules.
 */
export function findElectronRuntime(env = process.env) {
  const executableName = EXECUTABLE[process.platform] ?? 'electron';
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const candidate = join(env.ELECTRON_OVERRIDE_DIST_PATH, executableName);
    return existsSync(candidate)
      ? { path: candidate }
      : { path: null, reason: `ELECTRON_OVERRIDE_DIST_PATH is set but ${candidate} does not exist` };
  }
  let packageDir;
  try {
    packageDir = join(require.resolve('electron/package.json'), '..');
  } catch {
    return { path: null, reason: 'the electron package is not installed' };
  }
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return { path: null, reason: 'no Electron runtime is installed here: its download did not run' };
  const candidate = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(candidate) ? { path: candidate } : { path: null, reason: `the Electron runtime is missing at ${candidate}` };
}
