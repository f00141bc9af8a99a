// Builds everything `npm start` and the CLI run: the main-side bundles (esbuild)
// and, unless --main-only, the renderer (Vite). Quiet (warnings and errors
// only) unless --verbose.
//   node scripts/build.mjs [--main-only] [--verbose]
import { build as esbuild } from 'esbuild';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/** What the bundles leave out: the runtime itself, the native module, and pdfkit (it reads its font data from its own folder). */
export const EXTERNAL = ['electron', 'better-sqlite3-multiple-ciphers', 'pdfkit'];

const common = {
  bundle: true,
  platform: 'node',
  target: 'node24',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  absWorkingDir: root,
  define: { __ACCORD_VERSION__: JSON.stringify(version) },
  external: EXTERNAL,
};

export async function buildMain({ quiet = true } = {}) {
  await Promise.all([
    esbuild({ ...common, entryPoints: ['main/cli/index.ts'], outfile: 'dist/main/cli.cjs' }),
    // Bundle previews and imports run on this worker thread (main/sync/inWorker.ts finds it).
    esbuild({ ...common, entryPoints: ['main/sync/importWorker.ts'], outfile: 'dist/main/syncWorker.cjs' }),
    // Large spreadsheet imports run on this one (main/sheets/inWorker.ts finds it).
    esbuild({ ...common, entryPoints: ['main/sheets/worker.ts'], outfile: 'dist/main/sheetsWorker.cjs' }),
    esbuild({ ...common, entryPoints: ['main/electron/main.ts'], outfile: 'dist/electron/main.cjs' }),
    // A sandboxed preload cannot require local files: it must be one self-contained file.
    esbuild({ ...common, entryPoints: ['main/electron/preload.ts'], outfile: 'dist/electron/preload.cjs', external: ['electron'] }),
  ]);
  if (!quiet) console.log('built dist/main and dist/electron');
}

/**
 * Always the production bundle users run, whoever builds it: under vitest NODE_ENV is "test", and Vite would then
 * inline that and ship React's development build (3-5x slower lists in the benches and end-to-end tests).
 */
export async function buildRenderer({ quiet = true } = {}) {
  const { build } = await import('vite');
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: join(root, 'vite.config.mts'), root: join(root, 'renderer'), mode: 'production', logLevel: quiet ? 'error' : 'info' });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  if (!quiet) console.log('built dist/renderer');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const quiet = !args.has('--verbose');
  await buildMain({ quiet });
  if (!args.has('--main-only')) await buildRenderer({ quiet });
}
