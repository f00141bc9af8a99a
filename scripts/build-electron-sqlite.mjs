// Builds better-sqlite3 for Electron's ABI into native/electron/, leaving the
// Node build in node_modules untouched (tests and the CLI keep using it).
// Needs Electron's headers: downloaded from ELECTRON_HEADERS_URL (default:
// Electron's public header host) or read from ELECTRON_HEADERS_DIR, a folder
// carried to an offline post.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronSqliteBinding } from './electronRuntime.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
const sqliteDir = dirname(require.resolve('better-sqlite3/package.json'));
const work = mkdtempSync(join(tmpdir(), 'accord-electron-sqlite-'));

try {
  cpSync(sqliteDir, work, { recursive: true, filter: (path) => !path.includes(`${sqliteDir}/build`) });
  const headers = process.env.ELECTRON_HEADERS_DIR
    ? [`--nodedir=${process.env.ELECTRON_HEADERS_DIR}`]
    : [`--dist-url=${process.env.ELECTRON_HEADERS_URL ?? 'https://electronjs.org/headers'}`];
  const nodeGyp = join(dirname(require.resolve('npm/package.json', { paths: [dirname(process.execPath), '/usr/lib/node_modules', '/usr/local/lib/node_modules'] })), 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
  console.log(`Building better-sqlite3 for Electron ${electronVersion}...`);
  execFileSync(process.execPath, [nodeGyp, 'rebuild', '--release', '--runtime=electron', `--target=${electronVersion}`, `--arch=${process.arch}`, ...headers], {
    cwd: work,
    stdio: 'inherit',
    env: { ...process.env, npm_config_nodedir: '' },
  });
  const target = electronSqliteBinding(root);
  mkdirSync(dirname(target), { recursive: true });
  cpSync(join(work, 'build', 'Release', 'better_sqlite3.node'), target);
  console.log(`Wrote ${target}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
