import { join } from 'node:path';
import { homedir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { defaultDataDirectory, resolveDatabasePath } from '../../main/dataPath';

describe('where the database lives', () => {
  it('--db wins over ACCORD_DB, which wins over the data folder', () => {
    expect(resolveDatabasePath({ flag: '/a.sqlite', env: { ACCORD_DB: '/b.sqlite' }, dataDirectory: '/c' })).toBe('/a.sqlite');
    expect(resolveDatabasePath({ env: { ACCORD_DB: '/b.sqlite' }, dataDirectory: '/c' })).toBe('/b.sqlite');
    expect(resolveDatabasePath({ env: {}, dataDirectory: '/c' })).toBe(join('/c', 'accord.sqlite'));
  });
  it('uses each OS\'s per-user application data folder', () => {
    expect(defaultDataDirectory({ XDG_DATA_HOME: '/xdg' }, 'linux')).toBe(join('/xdg', 'accord'));
    expect(defaultDataDirectory({}, 'linux')).toBe(join(homedir(), '.local', 'share', 'accord'));
    expect(defaultDataDirectory({ APPDATA: 'C:\\Users\\o\\AppData\\Roaming' }, 'win32')).toBe(join('C:\\Users\\o\\AppData\\Roaming', 'Accord'));
    expect(defaultDataDirectory({}, 'darwin')).toBe(join(homedir(), 'Library', 'Application Support', 'Accord'));
  });
});
