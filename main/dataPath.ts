import { homedir } from 'node:os';
import { join } from 'node:path';

export const DATABASE_FILE_NAME = 'accord.sqlite';

/**
 * Where the database lives when no Electron userData folder is available
 * (browser mode, CLI): the OS's per-user application data folder.
 */
export function defaultDataDirectory(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA || join(homedir(), 'AppData', 'Roaming'), 'Accord');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Accord');
  return join(env.XDG_DATA_HOME || join(homedir(), '.local', 'share'), 'accord');
}

/** `--db PATH` wins, then ACCORD_DB, then the given folder (userData or the OS default). */
export function resolveDatabasePath(options: { flag?: string; env?: NodeJS.ProcessEnv; dataDirectory?: string } = {}): string {
  const env = options.env ?? process.env;
  if (options.flag) return options.flag;
  if (env.ACCORD_DB) return env.ACCORD_DB;
  return join(options.dataDirectory ?? defaultDataDirectory(env), DATABASE_FILE_NAME);
}
