// `npm run dist [-- electron-builder arguments]`: the installers (or, with --dir,
// the unpacked app) for this platform, built from the staged app folder.
//
// Offline: set ELECTRON_OVERRIDE_DIST_PATH to a folder holding an unpacked
// Electron of the version in package.json (the electron-vX-<platform>-<arch>.zip
// release, extracted); electron-builder then downloads no runtime. `--dir`
// needs nothing else. deb and AppImage also need their packaging tools, which
// electron-builder fetches once into its cache on a connected machine.
//   npm run dist -- --linux --dir       the unpacked app in release/linux-unpacked
//   npm run dist -- --win               MSI and NSIS installers (on Windows)
//   --verbose                           show the build's own output
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildMain, buildRenderer } from './build.mjs';
import { stageApp, totalBytes } from './package.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const builderArgs = args.filter((arg) => arg !== '--verbose');

/** The local Electron folder electron-builder packs instead of downloading one, or null. */
export function localElectronDist(env = process.env) {
  const dir = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (!dir) return { dir: null, reason: 'ELECTRON_OVERRIDE_DIST_PATH is not set' };
  return existsSync(dir) ? { dir } : { dir: null, reason: `ELECTRON_OVERRIDE_DIST_PATH names ${dir}, which does not exist` };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildMain({ quiet: !verbose });
  await buildRenderer({ quiet: !verbose });
  const { dir, files } = stageApp();
  console.log(`Staged the app: ${files.length} files, ${(totalBytes(dir, files) / 1e6).toFixed(1)} MB (dist/app).`);

  const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
  const local = localElectronDist();
  const config = ['--config', 'electron-builder.yml', `-c.electronVersion=${electronVersion}`];
  if (local.dir) {
    config.push(`-c.electronDist=${local.dir}`);
    console.log(`Packing Electron ${electronVersion} from ${local.dir} (no download).`);
  } else {
    console.log(`${local.reason}: electron-builder will download Electron ${electronVersion} (or use its cache).`);
  }
  const cli = join(dirname(require.resolve('electron-builder/package.json')), 'cli.js');
  const result = spawnSync(process.execPath, [cli, ...config, ...builderArgs], {
    cwd: root,
    stdio: verbose ? 'inherit' : ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, CSC_IDENTITY_AUTO_DISCOVERY: process.env.CSC_IDENTITY_AUTO_DISCOVERY ?? (process.env.CSC_LINK ? 'true' : 'false') },
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    if (!verbose && result.stdout) process.stdout.write(result.stdout);
    process.exit(result.status ?? 1);
  }
  console.log('Packages written to release/.');
}
